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

/** Every occurrence of any term, longest term first, never overlapping. Whole words except in Chinese. */
export function findTerms(text: string, terms: readonly string[], lexicon: Lexicon): Span[] {
  const found: Span[] = [];
  const byLength = [...terms].sort((a, b) => b.length - a.length);
  for (const term of byLength) {
    for (const match of text.matchAll(termPattern(term, lexicon))) {
      const span = { start: match.index, end: match.index + match[0].length, text: match[0] };
      if (!found.some((f) => span.start < f.end && f.start < span.end)) found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function hasTerm(text: string, terms: readonly string[], lexicon: Lexicon): boolean {
  return terms.some((term) => termPattern(term, lexicon).test(text));
}

const patterns = new Map<string, RegExp>();

function termPattern(term: string, lexicon: Lexicon): RegExp {
  const key = `${lexicon.unit}:${term}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const body = escapeRegExp(term).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
    pattern = lexicon.unit === 'characters' && HAN.test(term)
      ? new RegExp(body, 'giu')
      : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function hasNumber(text: string): boolean {
  return /\p{N}/u.test(text);
}
