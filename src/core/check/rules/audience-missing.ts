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
  check(input, report) {
    const { promise, statement, lexicon } = input;
    const who = promise.audience.who;
    const named = new RegExp(escapeRegExp(who), 'iu').test(statement.text);
    if (named || hasTerm(statement.text, lexicon.address, lexicon)) return;
    report(statementPlace(input),
      `The statement never speaks to its audience (${who}): it neither names them nor says "${lexicon.address[0]}".`,
      `Address the reader directly, e.g. start with "For ${who}, ..." or say what "${lexicon.address[0]}" get.`);
  },
});
