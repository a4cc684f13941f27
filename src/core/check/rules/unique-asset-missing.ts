import { defineRule } from '../define-rule.ts';
import { mentionText, statementPlace } from '../helpers.ts';
import { mentionsAny, sharePercent } from '../text/mention.ts';

/**
 * What do you have that competitors lack? ok: unique_assets: ["every order is packed by hand"], and the
 * statement says so in any words ("we pack each order by hand"); not ok: no unique_assets, or a
 * statement that mentions none of them. Matching: text/mention.ts.
 */
export default defineRule({
  id: 'unique-asset-missing',
  severity: 'warning',
  summary: 'no differentiator in the inputs or the statement',
  messages: ['none-declared', 'none-mentioned'],
  check(input, report) {
    const { promise, lexicon } = input;
    if (promise.unique_assets.length === 0) {
      report(['company'], 'none-declared');
      return;
    }
    const { mentioned, words } = mentionsAny(promise.unique_assets, mentionText(input), lexicon);
    if (mentioned) return;
    report(statementPlace(input), 'none-mentioned', {
      example: promise.unique_assets[0] ?? '', words: { quoted: words }, share: sharePercent(lexicon),
    });
  },
});
