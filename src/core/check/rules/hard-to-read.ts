import { defineRule } from '../define-rule.ts';
import { limitOf, statementPlace } from '../helpers.ts';
import { readability } from '../readability.ts';

/**
 * The statement must read easily. en: Flesch reading ease at least 45; pt: the Portuguese Flesch
 * (Martins et al.) at least 50; zh: at most 35 characters per sentence on average. See readability.ts.
 */
export default defineRule({
  id: 'hard-to-read',
  severity: 'warning',
  summary: 'readability below the threshold for its language',
  check(input, report) {
    const { statement, lexicon } = input;
    const limit = limitOf(input, lexicon.limits.readability);
    const { score, better, measure } = readability(statement.text, lexicon);
    const fails = better === 'higher' ? score < limit : score > limit;
    if (!fails) return;
    report(statementPlace(input),
      `The statement is hard to read: ${measure} is ${score}, ${better === 'higher' ? 'below' : 'above'} the limit of ${limit}.`,
      'Use shorter sentences and everyday words.');
  },
});
