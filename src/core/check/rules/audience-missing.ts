import { defineRule } from '../define-rule.ts';
import { statementPlace } from '../helpers.ts';
import { escapeRegExp, hasTerm } from '../text.ts';

/**
 * A promise is made to someone. ok: a statement that names "home cooks" or speaks to "you";
 * not ok: "Kestrel Kitchen delivers cookware." (nobody is addressed).
 * The audience itself is required by the schema, so this rule looks at the statement.
 */
export default defineRule({
  id: 'audience-missing',
  severity: 'warning',
  summary: 'no audience, or the statement never addresses it',
  messages: ['unaddressed'],
  check(input, report) {
    const { promise, statement, lexicon } = input;
    const who = promise.audience.who;
    const named = new RegExp(escapeRegExp(who), 'iu').test(statement.text);
    if (named || hasTerm(statement.text, lexicon.address, lexicon)) return;
    report(statementPlace(input), 'unaddressed', { who, you: lexicon.address[0] ?? '' });
  },
});
