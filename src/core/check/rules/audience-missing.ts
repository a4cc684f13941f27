import { defineRule } from '../define-rule.ts';
import { mentionText, statementPlace } from '../helpers.ts';
import { hasTerm } from '../text.ts';
import { findMention, sharePercent } from '../text/mention.ts';

/**
 * A promise is made to someone. ok: a statement that names "home cooks" in its own words ("for
 * people who cook at home") or speaks to "you"; not ok: "Kestrel Kitchen delivers cookware." The
 * audience itself is required by the schema, so this rule reads the statement (text/mention.ts).
 */
export default defineRule({
  id: 'audience-missing',
  severity: 'warning',
  summary: 'no audience, or the statement never addresses it',
  messages: ['unaddressed'],
  check(input, report) {
    const { promise, statement, lexicon } = input;
    const who = promise.audience.who;
    const named = findMention(who, mentionText(input), lexicon);
    if (named.mentioned || hasTerm(statement.text, lexicon.address, lexicon)) return;
    report(statementPlace(input), 'unaddressed', {
      who, you: lexicon.address[0] ?? '', words: { quoted: named.words }, share: sharePercent(lexicon),
    });
  },
});
