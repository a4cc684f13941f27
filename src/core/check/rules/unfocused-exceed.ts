import { defineRule, type CheckInput } from '../define-rule.ts';
import { spanPlace, statementSentences } from '../helpers.ts';
import { findTerms, hasTerm, type Span } from '../text.ts';
import { contentWords } from '../text/mention.ts';
import { EXCEED_DIMENSIONS } from '../../schema/promise.ts';

type Dimension = (typeof EXCEED_DIMENSIONS)[number];

/**
 * Exceed expectations on one dimension (time, or cost, or service), not all three. A dimension counts
 * when a commitment's `exceeds:` names it, or when a sentence of the statement sets out to beat
 * expectations on it: a signal (lexicon `exceed.signals`: "best", "beat", "ninguém", "最") and one of
 * the dimension's words ("speed", "preço", "服务") in the same sentence.
 */
export default defineRule({
  id: 'unfocused-exceed',
  severity: 'warning',
  summary: 'promises to exceed on time and cost and service at once, in exceeds: or in the statement\'s words',
  messages: ['all-three', 'in-statement'],
  check(input, report) {
    const { promise } = input;
    const fields = new Set(promise.commitments.map((c) => c.exceeds).filter(Boolean));
    const worded = wordedDimensions(input);
    if (!EXCEED_DIMENSIONS.every((d) => fields.has(d) || worded.has(d))) return;
    const first = [...worded.values()].sort((a, b) => a.start - b.start)[0];
    if (!first) {
      report(['commitments', promise.commitments.findLastIndex((c) => c.exceeds), 'exceeds'], 'all-three');
      return;
    }
    const said = (d: Dimension) => {
      const span = worded.get(d);
      return span ? { quoted: [span.text] } : `exceeds: ${d}`;
    };
    report(spanPlace(input, first), 'in-statement', { time: said('time'), cost: said('cost'), service: said('service') });
  },
});

/**
 * Each dimension the statement sets out to exceed on, with the first word that says so. Read clause by
 * clause: a dimension counts in a clause with a signal ("faster than anyone"), or in a bare list that
 * follows one ("beats everyone on speed, price and service"); "at fair prices" after it does not.
 */
function wordedDimensions(input: CheckInput): Map<Dimension, Span> {
  const { lexicon } = input;
  const found = new Map<Dimension, Span>();
  for (const sentence of statementSentences(input)) {
    let carried = false;
    for (const clause of clauses(sentence)) {
      const hits = EXCEED_DIMENSIONS.flatMap((d) => findTerms(clause.text, lexicon.exceed[d], lexicon).map((span) => ({ d, span })));
      const signal = hasTerm(clause.text, lexicon.exceed.signals, lexicon);
      carried = signal || (carried && hits.length > 0 && bare(clause.text, hits.map((h) => h.span), input));
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
function bare(text: string, spans: Span[], { lexicon }: CheckInput): boolean {
  const rest = spans.reduce((current, span) => current.slice(0, span.start) + ' '.repeat(span.end - span.start) + current.slice(span.end), text);
  return contentWords(rest, lexicon).length === 0;
}
