import type { Target } from '../../schema/promise.ts';
import { escapeRegExp } from '../text.ts';

/**
 * Figures a customer reads as a promise: durations ("within 24 hours", "48h", "em 2 dias", "24小时内",
 * "两天内") and percentages ("99 %", "99%"), each with the bound its words give it ("within" is an upper
 * bound, "at least" a lower one). The words are data, per language (the lexicon's `figures:`).
 */
export interface FigureWords {
  /** Number words and their values ("two": 2, "dois": 2); Chinese numerals are read by code. */
  numbers: Readonly<Record<string, number>>;
  units: Readonly<Record<FigureUnit, readonly string[]>>;
  /** Words before or after a figure that make it a ceiling ("within", "até", "内"). */
  at_most: readonly string[];
  /** ...or a floor ("at least", "pelo menos", "至少"). */
  at_least: readonly string[];
  /** Words right after a percentage that make it a price ("20% off", "20 % de desconto"), not a rate. */
  discount: readonly string[];
}

export type FigureUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'percent';
export type Dimension = 'duration' | 'percent';
export type Bound = '<=' | '>=';

export interface Figure {
  /** [start, end) in the text, bound words excluded. */
  start: number;
  end: number;
  text: string;
  dimension: Dimension;
  /** Durations in minutes, percentages in points: figures in different units compare directly. */
  amount: number;
  bound?: Bound | undefined;
}

/** Minutes in one of each duration unit; a percentage point is itself. Business days count as days. */
const SCALE: Record<FigureUnit, number> = { minutes: 1, hours: 60, days: 1440, weeks: 10080, percent: 1 };
const dimensionOf = (unit: FigureUnit): Dimension => (unit === 'percent' ? 'percent' : 'duration');

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_NUMERAL = '[零〇一二两三四五六七八九十百]+';

/** 一..九百九十九 as Chinese writes them (十二, 二十四, 两百), or undefined for a run that is not a number. */
export function parseHanNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char === '百' || char === '十') {
      const scale = char === '百' ? 100 : 10;
      total += (digit ?? (scale === 10 && total === 0 ? 1 : Number.NaN)) * scale;
      digit = undefined;
    } else if ((char === '零' || char === '〇') && total > 0) {
      continue; // 一百零五: the zero only holds the empty tens place
    } else if (char in HAN_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = HAN_DIGITS[char];
    } else return undefined;
  }
  const value = total + (digit ?? 0);
  return Number.isFinite(value) ? value : undefined;
}

interface Compiled {
  figure: RegExp;
  discount: RegExp;
  unitOf: Map<string, FigureUnit>;
  atMost: RegExp;
  atLeast: RegExp;
}

const compiled = new WeakMap<FigureWords, Compiled>();
const LATIN = 'A-Za-z\\u00C0-\\u024F';

const alternatives = (terms: Iterable<string>): string => [...terms].sort((a, b) => b.length - a.length)
  .map((term) => escapeRegExp(term.toLowerCase()).replace(/\s+/g, '\\s+')).join('|');

function compile(words: FigureWords): Compiled {
  let found = compiled.get(words);
  if (found) return found;
  const unitOf = new Map<string, FigureUnit>();
  for (const [unit, terms] of Object.entries(words.units) as Array<[FigureUnit, readonly string[]]>)
    for (const term of terms) unitOf.set(normalize(term), unit);
  const numberWords = alternatives(Object.keys(words.numbers));
  const number = `\\d+(?:[.,]\\d+)?|${HAN_NUMERAL}${numberWords ? `|${numberWords}` : ''}`;
  // A figure starts where no Latin letter or digit touches it (Chinese runs on with no spaces, so a Han
  // character may), then its unit, which no Latin letter may continue ("24 happy" is no "24 h").
  const figure = new RegExp(`(?<![${LATIN}\\p{N}.,每])(${number})\\s*(?:-\\s*)?(?:个)?(${alternatives(unitOf.keys())})(?![${LATIN}])`, 'giu');
  const boundAt = (terms: readonly string[]) => new RegExp(`(?:^|[^${LATIN}])(?:${alternatives(terms)})\\s*$`, 'iu');
  const discount = new RegExp(`^\\s*(?:${alternatives(words.discount)})(?![${LATIN}])`, 'iu');
  found = { figure, discount, unitOf, atMost: boundAt(words.at_most), atLeast: boundAt(words.at_least) };
  compiled.set(words, found);
  return found;
}

function normalize(term: string): string {
  return term.toLowerCase().replace(/\s+/g, ' ').trim();
}

function numberValue(text: string, words: FigureWords): number | undefined {
  if (/^\d/.test(text)) return Number(text.replace(',', '.'));
  return words.numbers[normalize(text)] ?? parseHanNumber(text);
}

/** Every duration and percentage in `text`, in order; a discount ("20% off") is no figure of this kind. */
export function findFigures(text: string, words: FigureWords): Figure[] {
  const { figure, discount, unitOf } = compile(words);
  const figures: Figure[] = [];
  for (const match of text.matchAll(figure)) {
    const [whole, numberText = '', unitText = ''] = match;
    const value = numberValue(numberText, words);
    const unit = unitOf.get(normalize(unitText));
    if (value === undefined || unit === undefined) continue;
    const start = match.index;
    const end = start + whole.length;
    if (unit === 'percent' && discount.test(text.slice(end, end + 24))) continue;
    figures.push({ start, end, text: whole, dimension: dimensionOf(unit), amount: value * SCALE[unit], bound: boundOf(text, start, end, words) });
  }
  return figures;
}

/** The bound the words right before or right after a figure give it (before wins). */
function boundOf(text: string, start: number, end: number, words: FigureWords): Bound | undefined {
  const { atMost, atLeast } = compile(words);
  const before = text.slice(Math.max(0, start - 24), start);
  // After the figure, the words read backwards would be awkward to match: try each prefix of the next few words.
  const after = text.slice(end, end + 16);
  if (atMost.test(before)) return '<=';
  if (atLeast.test(before)) return '>=';
  for (let length = 1; length <= after.length; length++) {
    const head = after.slice(0, length);
    if (atMost.test(head) && !/[A-Za-z]/.test(after[length] ?? '')) return '<=';
    if (atLeast.test(head) && !/[A-Za-z]/.test(after[length] ?? '')) return '>=';
  }
  return undefined;
}

/** A target as a figure (same dimension and scale as findFigures gives), or undefined when its unit is none we read. */
export function targetFigure(target: Target, words: FigureWords): Pick<Figure, 'dimension' | 'amount' | 'bound'> | undefined {
  const unit = compile(words).unitOf.get(normalize(target.unit ?? ''));
  if (unit === undefined) return undefined;
  const bound: Bound = target.comparison.startsWith('<') ? '<=' : '>=';
  return { dimension: dimensionOf(unit), amount: target.value * SCALE[unit], bound };
}

/**
 * Whether a figure tells the customer something other than the target. A different amount does, in either
 * direction: "within 24 hours" beside "<= 48 hours" promises more than is measured, "within 72 hours" tells
 * a second story. So does a duration of the same amount bounded the other way ("at least 48 hours" beside
 * "<= 48 hours"); a percentage's words ("in 99 % of cases") say nothing of a bound. A figure in another
 * dimension (a delivery window inside an on-time rate) says nothing about the target.
 */
export function contradictsTarget(figure: Figure, target: Target, words: FigureWords): boolean {
  const wanted = targetFigure(target, words);
  if (!wanted || wanted.dimension !== figure.dimension) return false;
  if (Math.abs(wanted.amount - figure.amount) > 1e-9 * Math.max(1, wanted.amount)) return true;
  return figure.dimension === 'duration' && figure.bound !== undefined && figure.bound !== wanted.bound;
}
