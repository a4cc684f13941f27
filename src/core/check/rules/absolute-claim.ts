import { defineRule, type CheckInput } from '../define-rule.ts';
import { commitmentAt, spanPlace, statementSentences } from '../helpers.ts';
import { findTerms, hasTerm, type Span } from '../text.ts';
import { measurableTargets } from '../text/measure.ts';
import { findMention } from '../text/mention.ts';

/**
 * "Always", "never", "100%", "guaranteed" are fine only when the customer knows what happens when you
 * fall short. In a commitment's sentence, that commitment needs a remedy. Elsewhere the sentence itself
 * must say it ("or your money back", a commitment's remedy in any words), or hold a measurable target
 * of a commitment that has one ("we always reply within 4 hours"): "100 % of the time" measures nothing.
 */
export default defineRule({
  id: 'absolute-claim',
  severity: 'warning',
  summary: '"always", "never", "100%", "guaranteed" with no remedy stated',
  messages: ['no-remedy'],
  check(input, report) {
    for (const sentence of statementSentences(input)) {
      for (const span of findTerms(sentence.text, input.lexicon.absolute, input.lexicon)) {
        const at = { ...span, start: sentence.start + span.start, end: sentence.start + span.end };
        if (remedied(input, sentence, at)) continue;
        report(spanPlace(input, at), 'no-remedy', { term: span.text });
      }
    }
  },
});

function remedied(input: CheckInput, sentence: Span, at: Span): boolean {
  const { promise, lexicon } = input;
  const index = commitmentAt(input, at.start);
  if (index !== undefined) return Boolean(promise.commitments[index]?.remedy);
  if (hasTerm(sentence.text, lexicon.remedy, lexicon)) return true;
  const withRemedy = promise.commitments.filter((c) => c.remedy);
  if (withRemedy.some((c) => findMention(c.remedy ?? '', sentence.text, lexicon).mentioned)) return true;
  const values = measurableTargets(sentence.text, lexicon).map((t) => t.value).filter((v) => v !== undefined);
  return withRemedy.some((c) => c.target !== undefined && values.includes(c.target.value));
}
