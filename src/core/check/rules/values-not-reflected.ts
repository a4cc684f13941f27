import { defineRule } from '../define-rule.ts';
import { mentionText, statementPlace } from '../helpers.ts';
import { mentionsAny, sharePercent } from '../text/mention.ts';

/**
 * The statement should carry at least one declared value, in any form of its words. ok: values
 * [honesty] and a statement saying "we are honest about delays"; not ok: values [honesty, care] and a
 * statement about shipping times only. Matching: text/mention.ts (stems, stop words, a share of words).
 */
export default defineRule({
  id: 'values-not-reflected',
  severity: 'warning',
  summary: 'the statement reflects none of the declared values',
  messages: ['none'],
  check(input, report) {
    const { promise, lexicon } = input;
    const { mentioned, words } = mentionsAny(promise.values, mentionText(input), lexicon);
    if (mentioned) return;
    report(statementPlace(input), 'none', {
      values: { list: promise.values }, example: promise.values[0] ?? '', words: { quoted: words }, share: sharePercent(lexicon),
    });
  },
});
