import { statementMetricRule } from '../metric-rule.ts';
import { readability } from '../readability.ts';

/**
 * The statement must read easily. en: Flesch reading ease at least 45; pt: the Portuguese Flesch
 * (Martins et al.) at least 50; zh: at most 35 characters per sentence on average. See readability.ts.
 */
export default statementMetricRule({
  id: 'hard-to-read',
  summary: 'readability below the threshold for its language',
  defaultLimit: (lexicon) => lexicon.limits.readability,
  measure: (text, lexicon) => {
    const result = readability(text, lexicon);
    return { ...result, value: result.score };
  },
  messages: ['below', 'above'],
  report: ({ value, better, measure }, limit) => [better === 'higher' ? 'below' : 'above', { measure: { measure }, value, limit }],
});
