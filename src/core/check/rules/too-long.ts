import { defineRule } from '../define-rule.ts';
import { limitOf, statementPlace } from '../helpers.ts';
import { lengthOf } from '../text.ts';

/**
 * A promise people remember is short. The limit is per language (lexicon `limits.statement`, in words,
 * or characters for Chinese) and can be changed in content/rules.yaml (`too-long: { limit: 80 }`).
 */
export default defineRule({
  id: 'too-long',
  severity: 'warning',
  summary: 'statement over the length limit for its language',
  check(input, report) {
    const { statement, lexicon } = input;
    const limit = limitOf(input, lexicon.limits.statement);
    const length = lengthOf(statement.text, lexicon);
    if (length <= limit) return;
    report(statementPlace(input), `The statement is ${length} ${lexicon.unit} long, over the limit of ${limit}.`,
      'Cut it to what the customer gets and how you prove it; move details to the commitment page.');
  },
});
