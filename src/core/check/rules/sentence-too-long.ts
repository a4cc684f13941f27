import { defineRule } from '../define-rule.ts';
import { limitOf, sentencePlace, statementSentences } from '../helpers.ts';
import { lengthOf } from '../text.ts';

/** One idea per sentence. The limit is per language (lexicon `limits.sentence`), or `limit:` in rules.yaml. */
export default defineRule({
  id: 'sentence-too-long',
  severity: 'warning',
  summary: 'a sentence over the per-sentence limit',
  messages: ['long'],
  check(input, report) {
    const { lexicon } = input;
    const limit = limitOf(input, lexicon.limits.sentence);
    for (const sentence of statementSentences(input)) {
      const length = lengthOf(sentence.text, lexicon);
      if (length <= limit) continue;
      report(sentencePlace(input, sentence), 'long', { length, unit: { unit: lexicon.unit }, limit });
    }
  },
});
