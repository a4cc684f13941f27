import { z } from 'zod';
import { STATUSES, type Status } from '../kpi/types.ts';
import type { Target } from '../schema/promise.ts';
import { PERIODS, type Language, type Period } from '../schema/text.ts';
import { decimalSign, formatAmount, formatCount, formatValue } from '../site/format.ts';
import { LOCALES } from '../site/strings.ts';
import { validateSource } from '../schema/validate.ts';
import type { YamlSource } from '../yaml-source.ts';

/** How a readability figure was computed (readability.ts), named in the language of the finding. */
export const MEASURES = ['flesch', 'flesch-pt', 'characters-per-sentence'] as const;
export type Measure = (typeof MEASURES)[number];

const text = z.string().trim().min(1);
const wordForms = z.strictObject({ one: text, other: text });
const messageCase = z.strictObject({ message: text, hint: text });

/**
 * One language's finding texts (src/core/check/messages/<language>.yml): per rule, per case, a message
 * and a hint with named placeholders (`{term}`, `{commitment}`), plus the words the placeholders need.
 */
export const messagesSchema = z.strictObject({
  language: z.string().min(2),
  /** Opening and closing quote marks around each item of a quoted list. */
  quotes: z.tuple([z.string().min(1), z.string().min(1)]),
  /** Between the items of a list. */
  separator: z.string().min(1),
  /** The lexicon's counting unit (too-long, sentence-too-long). */
  units: z.strictObject({ words: text, characters: text }),
  /** "line" and "lines", for row numbers in a data file. */
  lines: wordForms,
  /** KPI periods, singular and plural. */
  periods: z.strictObject(Object.fromEntries(PERIODS.map((p) => [p, wordForms])) as Record<Period, typeof wordForms>),
  /** Readability measures (hard-to-read). */
  measures: z.strictObject(Object.fromEntries(MEASURES.map((m) => [m, text])) as Record<Measure, typeof text>),
  /** A published or computed figure with its sample, target and status (record-changed): `{value}`, `{n}`, `{target}`, `{status}`. */
  figure: text,
  /** A period's status, as a figure names it. */
  statuses: z.strictObject(Object.fromEntries(STATUSES.map((s) => [s, text])) as Record<Status, typeof text>),
  rules: z.record(z.string(), z.record(z.string(), messageCase)),
  /** Why the data reader skipped a row (`says`) and what to do about it (`fixes`), by case (ROW_SAYS, ROW_FIXES). */
  rows: z.strictObject({
    /** What a cell that should hold a value but holds nothing is called: `{value}` of an empty cell. */
    blank: text,
    /** Between the last two items of a list of alternatives (`DD/MM/YYYY and MM/DD/YYYY`). */
    and: z.string().min(1),
    /** "field" and "fields", for the fields of a CSV row. */
    fields: wordForms,
    says: z.record(z.string(), text),
    fixes: z.record(z.string(), text),
    /** The lines of skipped rows `pledge check` and `pledge kpi` print (ROW_REPORT). */
    report: z.record(z.string(), z.string().min(1)),
  }),
});
export type Messages = z.infer<typeof messagesSchema>;

/** A value for a placeholder: as is, a quoted list, or a word the language's file supplies. */
export type Param =
  | string
  | number
  | { quoted: readonly string[] }
  | { list: readonly string[] }
  | { unit: 'words' | 'characters' }
  | { period: Period; count: number }
  | { line: number }
  | { measure: Measure }
  /** A KPI's figure, with the decimals that tell it from `against` (the pages' formatter); `—` for none. */
  | { value: number | null; unit: string; against?: readonly number[] }
  /** A number as the user wrote it (a target's value), with its unit, never rounded. */
  | { amount: number; unit: string }
  /** A target as written, `>= 95%`; `—` for none. */
  | { target: Target | undefined; unit: string }
  /** A count with the language's thousands separators: `1,931`. */
  | { tally: number }
  | { figure: { value: number | null; n: number; target: Target | undefined; unit: string; status: Status } }
  | { blank: true }
  | { fields: number }
  | { alternatives: readonly string[] }
  /** A text of the data reader: its case in this language, or the English it came with when it has none (a database's checks). */
  | { row: 'says' | 'fixes'; text?: RowText | undefined; english: string };
export type Params = Readonly<Record<string, Param>>;

export function parseMessages(source: YamlSource): Messages {
  return validateSource(source, messagesSchema);
}

/**
 * A text of the data reader as data: a case of `rows.says` or `rows.fixes` and the values of its
 * placeholders, so each report words a skipped row in its own language. Plain JSON, like every Param.
 */
export interface RowText {
  case: string;
  params: Params;
}

/** A skipped row's reason (`says`) or its fix (`fixes`) in one language; a missing case throws, as in renderMessage. */
export function renderRowText(messages: Messages, kind: 'says' | 'fixes' | 'report', text: RowText): string {
  const template = messages.rows[kind][text.case];
  if (template === undefined) throw new Error(`No "${messages.language}" text for rows.${kind}.${text.case}.`);
  return fillTemplate(messages, template, text.params, `rows.${kind}.${text.case}`);
}

/** The placeholders a template uses, sorted: `{term} is ...` → ["term"]. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/**
 * A rule's message and hint in one language. A missing case or placeholder is a packaging bug
 * (tests/check/messages.test.ts catches it), so it throws rather than print a half-empty sentence.
 */
export function renderMessage(messages: Messages, ruleId: string, key: string, params: Params = {}): { message: string; hint: string } {
  const entry = messages.rules[ruleId]?.[key];
  if (!entry) throw new Error(`No "${messages.language}" message for ${ruleId}.${key}.`);
  const fill = (template: string) => fillTemplate(messages, template, params, `${ruleId}.${key}`);
  return { message: fill(entry.message), hint: fill(entry.hint) };
}

function fillTemplate(messages: Messages, template: string, params: Params, at: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${at}: no value for {${name}}.`);
    return renderParam(messages, value);
  });
}

/**
 * Every number of a finding in the finding's language (`94,2%` in Portuguese). A bare number keeps
 * the digits it came with, only its decimal sign changes: lengths, limits and row counts of the data
 * reader read as before in English.
 */
function localeOf(messages: Messages): Language {
  return messages.language in LOCALES ? messages.language as Language : 'en';
}

function bareNumber(messages: Messages, value: number): string {
  return String(value).replace('.', decimalSign(localeOf(messages)));
}

function targetText(messages: Messages, target: Target | undefined, unit: string): string {
  return target ? `${target.comparison} ${formatAmount(target.value, target.unit ?? unit, localeOf(messages))}` : '—';
}

function figureText(messages: Messages, value: number | null, unit: string, against: readonly number[] = []): string {
  return value === null ? '—' : formatValue(value, unit, localeOf(messages), against);
}

function renderParam(messages: Messages, value: Param): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return bareNumber(messages, value);
  if ('quoted' in value) return value.quoted.map((item) => `${messages.quotes[0]}${item}${messages.quotes[1]}`).join(messages.separator);
  if ('list' in value) return value.list.join(messages.separator);
  if ('value' in value) return figureText(messages, value.value, value.unit, value.against);
  if ('amount' in value) return formatAmount(value.amount, value.unit, localeOf(messages));
  if ('target' in value) return targetText(messages, value.target, value.unit);
  // After the three above, which carry a unit of their own.
  if ('unit' in value) return messages.units[value.unit];
  if ('line' in value) return messages.lines[value.line === 1 ? 'one' : 'other'];
  if ('period' in value) return messages.periods[value.period][value.count === 1 ? 'one' : 'other'];
  if ('blank' in value) return messages.rows.blank;
  if ('fields' in value) return messages.rows.fields[value.fields === 1 ? 'one' : 'other'];
  if ('alternatives' in value) return value.alternatives.join(messages.rows.and);
  if ('row' in value) return value.text ? renderRowText(messages, value.row, value.text) : value.english;
  if ('measure' in value) return messages.measures[value.measure];
  if ('tally' in value) return formatCount(value.tally, localeOf(messages));
  const { figure } = value;
  const parts = {
    value: figureText(messages, figure.value, figure.unit), n: formatCount(figure.n, localeOf(messages)),
    target: targetText(messages, figure.target, figure.unit), status: messages.statuses[figure.status],
  };
  return messages.figure.replace(/\{(\w+)\}/g, (_, name: string) => parts[name as keyof typeof parts]);
}
