import type { Lexicon } from '../lexicon.ts';
import { findTerms, hasTerm } from '../text.ts';

/**
 * Whether a sentence holds a measurable target: a number with a unit that can be checked. A time
 * limit is one in itself ("within 48 hours", "em 2 dias úteis", "六十天内"); a rate needs a period
 * beside it ("95 % of orders every month"), so "100 % of the time" or "9 out of 10" is no target.
 * Only for vague-claim and absolute-claim: a number beside a superlative excuses it only when it
 * measures something a customer can hold you to.
 */
export interface Target {
  /** The number as written ("48", "two", "六十"), and its value when written in digits. */
  number: string;
  value: number | undefined;
  kind: 'duration' | 'rate';
}

// Digits ("4", "4.5", "1,000"), or a run of Chinese numerals ("六十", "两").
const DIGITS = /\p{Nd}+(?:[.,]\p{Nd}+)*/gu;
const HAN_NUMERALS = /[零〇一二两三四五六七八九十百千万半]+/gu;

/** Every number in the text with a unit right after it (a rate unit may also come first: "百分之九十"). */
export function targetsIn(text: string, lexicon: Lexicon): Target[] {
  const found: Target[] = [];
  for (const { index, number } of numbersIn(text, lexicon)) {
    const after = text.slice(index + number.length).replace(/^\s+/u, '');
    const before = text.slice(0, index).replace(/\s+$/u, '');
    const value = /^\p{Nd}/u.test(number) ? Number(number.replace(/,/g, '')) : undefined;
    if (startsWithTerm(after, lexicon.measure.durations, lexicon)) found.push({ number, value, kind: 'duration' });
    else if (startsWithTerm(after, lexicon.measure.rates, lexicon) || endsWithTerm(before, lexicon.measure.rates))
      found.push({ number, value, kind: 'rate' });
  }
  return found;
}

/** The targets a customer can check: time limits, and rates when the text names a period. */
export function measurableTargets(text: string, lexicon: Lexicon): Target[] {
  const hasPeriod = hasTerm(text, lexicon.measure.periods, lexicon);
  return targetsIn(text, lexicon).filter((t) => t.kind === 'duration' || hasPeriod);
}

function numbersIn(text: string, lexicon: Lexicon): Array<{ index: number; number: string }> {
  const patterns = lexicon.unit === 'characters' ? [DIGITS, HAN_NUMERALS] : [DIGITS];
  const written = findTerms(text, lexicon.measure.numbers, lexicon).map((span) => ({ index: span.start, number: span.text }));
  return [...patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ index: m.index, number: m[0] }))), ...written];
}

function startsWithTerm(text: string, terms: readonly string[], lexicon: Lexicon): boolean {
  const lower = text.toLowerCase();
  const boundary = lexicon.unit === 'characters' ? () => true : (end: number) => !/[\p{L}\p{N}]/u.test(lower[end] ?? '');
  return terms.some((term) => lower.startsWith(term.toLowerCase()) && boundary(term.length));
}

function endsWithTerm(text: string, terms: readonly string[]): boolean {
  return terms.some((term) => term !== '%' && text.toLowerCase().endsWith(term.toLowerCase()));
}
