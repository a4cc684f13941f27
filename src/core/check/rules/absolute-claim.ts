import { defineRule } from '../define-rule.ts';
import { commitmentAt, spanPlace, statementSentences } from '../helpers.ts';
import { findTerms } from '../text.ts';

/**
 * "Always", "never", "100%", "guaranteed" are fine only when the customer knows what happens when you
 * fall short: the commitment the word sits in needs a remedy (elsewhere: at least one commitment has one).
 */
export default defineRule({
  id: 'absolute-claim',
  severity: 'warning',
  summary: '"always", "never", "100%", "guaranteed" with no remedy stated',
  messages: ['no-remedy'],
  check(input, report) {
    const { promise, lexicon } = input;
    const anyRemedy = promise.commitments.some((c) => c.remedy);
    for (const sentence of statementSentences(input)) {
      for (const span of findTerms(sentence.text, lexicon.absolute, lexicon)) {
        const at = { ...span, start: sentence.start + span.start, end: sentence.start + span.end };
        const index = commitmentAt(input, at.start);
        const remedied = index === undefined ? anyRemedy : Boolean(promise.commitments[index]?.remedy);
        if (remedied) continue;
        report(spanPlace(input, at), 'no-remedy', { term: span.text });
      }
    }
  },
});
