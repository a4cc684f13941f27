import type { Lexicon } from './lexicon.ts';

/** A stretch of the statement text: [start, end) offsets and the text itself. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
// A word: letters or digits, with inner apostrophes, hyphens and decimal points ("4.5", "don't", "on-time").
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*%?/gu;

/** Sentences end at . ! ? followed by a space or the end (so "4.5" stays whole), or at 。！？ anywhere. */
export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  const ends = /[.!?]+(?=\s|$)|[。！？]+/gu;
  let start = 0;
  for (const match of text.matchAll(ends)) {
    pushTrimmed(spans, text, start, match.index + match[0].length);
    start = match.index + match[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) spans.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
}

export function words(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/**
 * Length in the lexicon's unit. Chinese counts characters: every Han character is one, and so is each
 * run of Latin letters or digits ("95%" is one), which is how Chinese style guides count.
 */
export function lengthOf(text: string, lexicon: Lexicon): number {
  if (lexicon.unit === 'words') return words(text).length;
  let count = 0;
  for (const word of words(text)) count += HAN.test(word.text) ? [...word.text].filter((ch) => HAN.test(ch)).length : 1;
  return count;
}

/** Every occurrence of any term, the longest term winning where several start at one place, never overlapping. */
export function findTerms(text: string, terms: readonly string[], lexicon: Lexicon): Span[] {
  const lower = text.toLowerCase();
  // toLowerCase can change the length of a few characters (İ); then fall back to the original text.
  const haystack = lower.length === text.length ? lower : text;
  return [...haystack.matchAll(termsPattern(terms, lexicon))]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) }));
}

export function hasTerm(text: string, terms: readonly string[], lexicon: Lexicon): boolean {
  return findTerms(text, terms, lexicon).length > 0;
}

// One regular expression per word list, compiled once: Unicode-aware patterns are slow to compile,
// and `pledge check` should answer in well under a second.
const patterns = new WeakMap<readonly string[], RegExp>();

function termsPattern(terms: readonly string[], lexicon: Lexicon): RegExp {
  let pattern = patterns.get(terms);
  if (!pattern) {
    const alternatives = [...terms].sort((a, b) => b.length - a.length)
      .map((term) => escapeRegExp(term.toLowerCase()).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]"));
    const body = `(?:${alternatives.join('|')})`;
    // Chinese has no spaces between words, so a term matches anywhere; elsewhere only whole words.
    pattern = lexicon.unit === 'characters'
      ? new RegExp(body, 'gu')
      : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
    patterns.set(terms, pattern);
  }
  return pattern;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function hasNumber(text: string): boolean {
  return /\p{N}/u.test(text);
}
