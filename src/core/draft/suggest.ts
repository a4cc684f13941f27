import type { CommitmentAnswers, Comparison, ExceedDimension } from './answers.ts';

/**
 * Suggestions from the design's background, offered and never imposed: the wizard shows them and
 * pre-fills an answer, the user decides.
 */

export type Better = 'higher' | 'lower';

/** How much stricter the internal target is than the public one: "promise 60, aim for 45". */
const TIME_MARGIN = 0.75;
/** For a percentage, the internal target leaves two thirds of the public target's shortfall. */
const RATE_MARGIN = 2 / 3;
const OTHER_MARGIN = 1.1;

/** The internal target to aim for, given the public one (no data needed). */
export function internalFromPublic(publicTarget: number, better: Better, unit: string): number {
  if (better === 'lower') return nice(publicTarget * TIME_MARGIN, 'down', publicTarget);
  if (unit === '%') return Math.min(100, nice(100 - (100 - publicTarget) * RATE_MARGIN, 'up', publicTarget));
  return nice(publicTarget + Math.max(Math.abs(publicTarget) * (OTHER_MARGIN - 1), 1), 'up', publicTarget);
}

/** The public target to promise, given what the team can reliably reach internally. */
export function publicFromInternal(internal: number, better: Better, unit: string): number {
  if (better === 'lower') return nice(internal / TIME_MARGIN, 'up', internal);
  if (unit === '%') return Math.max(0, nice(100 - (100 - internal) / RATE_MARGIN, 'down', internal));
  return nice(internal - Math.max(Math.abs(internal) * (1 - 1 / OTHER_MARGIN), 1), 'down', internal);
}

export interface DataSuggestion {
  /** Periods the suggestion is based on. */
  n: number;
  worst: number;
  best: number;
  /** Aim for what the data shows the team reaches even in its worst recent period... */
  internal: number;
  /** ...and promise that with a margin. */
  public: number;
}

/** From recent complete periods (oldest first), at most the last six are used. */
export function suggestFromHistory(values: readonly number[], better: Better, unit: string): DataSuggestion | undefined {
  const recent = values.slice(-6);
  if (recent.length === 0) return undefined;
  const worst = better === 'higher' ? Math.min(...recent) : Math.max(...recent);
  const best = better === 'higher' ? Math.max(...recent) : Math.min(...recent);
  const internal = nice(worst, better === 'higher' ? 'down' : 'up');
  return { n: recent.length, worst: round2(worst), best: round2(best), internal, public: publicFromInternal(internal, better, unit) };
}

/** The comparison a KPI's targets use: at least for "higher is better", at most otherwise. */
export function comparisonFor(better: Better): Comparison {
  return better === 'higher' ? '>=' : '<=';
}

/** A target nobody can always meet: 100 % of anything, or zero of something. */
export function isAbsoluteTarget(comparison: Comparison, value: number, unit: string): boolean {
  if (comparison === '>=' || comparison === '>') return unit === '%' && value >= 100;
  return value <= 0;
}

/** The other dimensions already exceeded on, when `picked` adds a different one (one is enough). */
export function otherExceedDimensions(commitments: readonly CommitmentAnswers[], index: number, picked: ExceedDimension | undefined): ExceedDimension[] {
  if (!picked) return [];
  const others = commitments.filter((_, i) => i !== index).map((c) => c.exceeds)
    .filter((d): d is ExceedDimension => d !== undefined && d !== picked);
  return [...new Set(others)];
}

/** A benefit that opens like a product sheet ("we have", "our"), or never speaks to the customer. */
export function looksLikeFeature(benefit: string, words: { featureOpenings: string[]; customerWords: string[] }): boolean {
  const text = benefit.trim().toLowerCase();
  if (words.featureOpenings.some((opening) => text.startsWith(opening))) return true;
  return !words.customerWords.some((word) => containsWord(text, word));
}

/** The first absolute word ("always", "100%", ...) in the text, if any. */
export function absoluteWordIn(text: string, absoluteWords: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return absoluteWords.find((word) => containsWord(lower, word));
}

/** Whole-word match for alphabetic languages; substring for Chinese, which has no spaces. */
export function containsWord(text: string, word: string): boolean {
  const needle = word.trim().toLowerCase();
  if (/\p{Script=Han}/u.test(needle)) return text.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Whole numbers from 10 up, one decimal below: targets people can read at a glance. When the margin
 * from `reference` is under one unit (99 % → 99.3 %), a decimal keeps it from rounding away to 100 %.
 */
function nice(value: number, direction: 'up' | 'down', reference = value): number {
  const step = Math.abs(value) >= 10 && (reference === value || Math.abs(value - reference) >= 1) ? 1 : 0.1;
  const scaled = value / step;
  // A hair of tolerance, so 96.99999 from float division rounds as 97 would.
  const rounded = direction === 'up' ? Math.ceil(scaled - 1e-9) : Math.floor(scaled + 1e-9);
  return round2(rounded * step);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** True when `a` asks more than `b` in the KPI's direction. */
export function stricter(a: number, b: number, better: Better): boolean {
  return better === 'higher' ? a > b : a < b;
}

/** Promising more than the data shows the team reached even in its worst recent period. */
export function overPromises(publicTarget: number, data: DataSuggestion, better: Better): boolean {
  return stricter(publicTarget, data.worst, better);
}

/** The internal target to suggest: the data's, when it is stricter than the public target; else one with a margin. */
export function suggestInternal(publicTarget: number, better: Better, unit: string, data: DataSuggestion | undefined): number {
  return data && stricter(data.internal, publicTarget, better) ? data.internal : internalFromPublic(publicTarget, better, unit);
}
