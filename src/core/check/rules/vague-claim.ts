import { defineRule } from '../define-rule.ts';
import { spanPlace, statementSentences } from '../helpers.ts';
import { findTerms } from '../text.ts';
import { measurableTargets } from '../text/measure.ts';

/**
 * "The best service", "fast delivery": a superlative cannot be measured unless its sentence holds a
 * measurable target (text/measure.ts): "fast delivery, within 48 hours" passes; "the best prices,
 * 100 % of the time" does not, since that number has no period to be checked over.
 */
export default defineRule({
  id: 'vague-claim',
  severity: 'warning',
  summary: 'an unmeasurable superlative ("the best service", "fast delivery") with no measurable target beside it',
  messages: ['unmeasurable'],
  check(input, report) {
    const { lexicon } = input;
    for (const sentence of statementSentences(input)) {
      if (measurableTargets(sentence.text, lexicon).length > 0) continue;
      for (const span of findTerms(sentence.text, lexicon.vague, lexicon)) {
        const inStatement = { ...span, start: sentence.start + span.start, end: sentence.start + span.end };
        report(spanPlace(input, inStatement), 'unmeasurable', { term: span.text });
      }
    }
  },
});
