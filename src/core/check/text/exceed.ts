import type { Lexicon } from '../lexicon.ts';
import { findTerms, hasTerm, type Span } from '../text.ts';
import { contentWords } from './mention.ts';
import { EXCEED_DIMENSIONS } from '../../schema/promise.ts';

export type Dimension = (typeof EXCEED_DIMENSIONS)[number];

/**
 * Each dimension the statement sets out to exceed on, with the first word that says so. Read clause by
 * clause: a dimension counts in a clause with a signal ("faster than anyone"), or in a bare list that
 * follows one ("beats everyone on speed, price and service"); "at fair prices" after it does not.
 */
export function wordedDimensions(sentences: readonly Span[], lexicon: Lexicon): Map<Dimension, Span> {
  const found = new Map<Dimension, Span>();
  for (const sentence of sentences) {
    let carried = false;
    for (const clause of clauses(sentence)) {
      const hits = EXCEED_DIMENSIONS.flatMap((d) => findTerms(clause.text, lexicon.exceed[d], lexicon).map((span) => ({ d, span })));
      const signal = hasTerm(clause.text, lexicon.exceed.signals, lexicon);
      carried = signal || (carried && hits.length > 0 && bare(clause.text, hits.map((h) => h.span), lexicon));
      if (!carried) continue;
      for (const { d, span } of hits)
        if (!found.has(d)) found.set(d, { ...span, start: clause.start + span.start, end: clause.start + span.end });
    }
  }
  return found;
}

/** Clauses of a sentence, split at commas, semicolons and colons (and the Chinese list comma 、). */
function clauses(sentence: Span): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const part of sentence.text.split(/(?<=[,;:，、；：])/u)) {
    spans.push({ start: sentence.start + start, end: sentence.start + start + part.length, text: part });
    start += part.length;
  }
  return spans;
}

/** Nothing in the clause but the dimensions' words and stop words ("price and service"). */
function bare(text: string, spans: Span[], lexicon: Lexicon): boolean {
  const rest = spans.reduce((current, span) => current.slice(0, span.start) + ' '.repeat(span.end - span.start) + current.slice(span.end), text);
  return contentWords(rest, lexicon).length === 0;
}
