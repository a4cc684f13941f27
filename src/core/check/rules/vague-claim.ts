import { defineRule } from '../define-rule.ts';
import { spanPlace, statementSentences } from '../helpers.ts';
import { findTerms, hasNumber } from '../text.ts';

/** "The best service", "fast delivery": a superlative with no number in its sentence cannot be measured. */
export default defineRule({
  id: 'vague-claim',
  severity: 'warning',
  summary: 'an unmeasurable superlative ("the best service", "fast delivery") with no number',
  messages: ['unmeasurable'],
  check(input, report) {
    const { lexicon } = input;
    for (const sentence of statementSentences(input)) {
      if (hasNumber(sentence.text)) continue;
      for (const span of findTerms(sentence.text, lexicon.vague, lexicon)) {
        const inStatement = { ...span, start: sentence.start + span.start, end: sentence.start + span.end };
        report(spanPlace(input, inStatement), 'unmeasurable', { term: span.text });
      }
    }
  },
});
