import type { Commitment, Target } from '../schema/promise.ts';
import type { Language } from '../schema/text.ts';
import { LOCALES, UI_STRINGS } from './strings.ts';

/**
 * pledge's one number formatter: the terminal (`pledge check`, `pledge kpi`), the public and internal
 * pages, the reports and their PDFs all write a figure through formatValue, so the same figure reads the
 * same everywhere ("2.5 hours", never "2.45 hours" in one place and "2.5 hours" in another).
 */

/**
 * Formatters, made once per language and options: making one costs far more than formatting with it,
 * and a build formats thousands of figures and periods.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(language: Language, digits: number): Intl.NumberFormat {
  const key = `n ${language} ${digits}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return format;
}

function countFormat(language: Language): Intl.NumberFormat {
  const key = `c ${language}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, format = new Intl.NumberFormat(LOCALES[language]));
  return format;
}

/** A count in the language's grouping: `1,931` in English, `12 345` in Portuguese (which groups from five digits). */
export function formatCount(n: number, language: Language): string {
  return countFormat(language).format(n);
}

const decimalSigns = new Map<Language, string>();

/** The language's decimal sign: `.` in English, `,` in Portuguese. */
export function decimalSign(language: Language): string {
  let sign = decimalSigns.get(language);
  if (sign === undefined) decimalSigns.set(language, sign = countFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.');
  return sign;
}

function dateFormat(language: Language, kind: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `d ${language} ${kind}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    const fields = kind === 'month' ? { month: 'short', year: 'numeric' } as const : { day: 'numeric', month: 'long', year: 'numeric' } as const;
    formatters.set(key, format = new Intl.DateTimeFormat(LOCALES[language], { ...fields, timeZone: 'UTC' }));
  }
  return format;
}

/** Units written without a space before them. */
const TIGHT_UNITS = new Set(['%']);

/**
 * `96.2 %` → `96.2%`, `3.5 hours`: one decimal, so small changes stay visible but not noisy; none for a
 * whole number. 0.96 hours is `1.0 hours` (a rounded figure, not exactly one), and exactly 1 is `1 hour`.
 * Beside its targets a figure gets the decimals that tell it from them: 94.96% against "at least 95%"
 * is `94.96%`, never a broken `95.0%`.
 */
export function formatValue(value: number | null, unit: string, language: Language, targets: readonly number[] = []): string {
  if (value === null) return UI_STRINGS[language].notEnoughData;
  return withUnit(value, fractionDigits(value, targets), unit, language);
}

/** A number as the user wrote it (a target, a threshold), with its unit: `99.95%`, `4 hours`, never rounded. */
export function formatAmount(value: number, unit: string, language: Language): string {
  return withUnit(value, Math.min(String(value).split('.')[1]?.length ?? 0, 6), unit, language);
}

function withUnit(value: number, digits: number, unit: string, language: Language): string {
  const number = numberFormat(language, digits).format(value);
  if (!unit) return number;
  return TIGHT_UNITS.has(unit) ? `${number}${unit}` : `${number} ${value === 1 ? singular(unit, language) : unit}`;
}

/**
 * The targets a commitment's figures are rounded against, public and internal, wherever they are shown
 * (the public page knows only the public one, so a figure that rounds onto the internal target exactly
 * gets one more decimal inside than outside).
 */
export function figureTargets(commitment: Pick<Commitment, 'target' | 'internal_target'>): number[] {
  return [commitment.target?.value, commitment.internal_target?.value].filter((t) => t !== undefined);
}

/**
 * The fewest decimals, from `least` up to 6, at which `value` reads as none of `targets`; `least` when
 * it is one of them exactly.
 */
export function decimalsApart(value: number, targets: readonly number[], least: number): number {
  if (targets.includes(value)) return least;
  for (let digits = least; digits < 6; digits += 1) {
    if (targets.every((target) => Number(value.toFixed(digits)) !== target)) return digits;
  }
  return 6;
}

function fractionDigits(value: number, targets: readonly number[]): number {
  return Number.isInteger(value) ? 0 : Math.min(decimalsApart(value, targets, 1), 4);
}

/** `hours` → `hour`, `horas` → `hora`: units are the user's plural words; Chinese has no plural. */
function singular(unit: string, language: Language): string {
  return language !== 'zh' && /[^s]s$/.test(unit) ? unit.slice(0, -1) : unit;
}

/** `at least 95%` */
export function formatTarget(target: Target, unit: string, language: Language): string {
  const words = UI_STRINGS[language].comparison[target.comparison];
  return `${words} ${formatAmount(target.value, target.unit ?? unit, language)}`;
}

/** `2026-03` → `Mar 2026`; `2026-Q1` → `Q1 2026`; `2026-W07` → `2026 W07`. Always in UTC. */
export function formatPeriod(period: string, language: Language): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return dateFormat(language, 'month').format(date);
  }
  const quarter = /^(\d{4})-(Q[1-4])$/.exec(period);
  if (quarter) return `${quarter[2]} ${quarter[1]}`;
  const week = /^(\d{4})-(W\d{2})$/.exec(period);
  return week ? `${week[1]} ${week[2]}` : period;
}

/** `2026-03-31T18:04:00Z` → `31 March 2026` in the page's language. */
export function formatDate(iso: string | null, language: Language): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormat(language, 'day').format(date);
}

/**
 * A margin of error, rounded up (never shown smaller than it is): one decimal, two below 0.1.
 * `3.87` → `3.9`, `0.042` → `0.05`.
 */
export function formatMargin(margin: number, language: Language): string {
  const digits = margin > 0 && margin < 0.1 ? 2 : 1;
  const scale = 10 ** digits;
  const rounded = Math.ceil(margin * scale - 1e-9) / scale;
  return numberFormat(language, digits).format(rounded);
}
