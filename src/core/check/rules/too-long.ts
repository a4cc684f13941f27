import { statementMetricRule } from '../metric-rule.ts';
import { lengthOf } from '../text.ts';

/**
 * A promise people remember is short. The limit is per language (lexicon `limits.statement`, in words,
 * or characters for Chinese) and can be changed in content/rules.yaml (`too-long: { limit: 80 }`).
 */
export default statementMetricRule({
  id: 'too-long',
  summary: 'statement over the length limit for its language',
  defaultLimit: (lexicon) => lexicon.limits.statement,
  measure: (text, lexicon) => ({ value: lengthOf(text, lexicon), better: 'lower' }),
  messages: ['long'],
  report: ({ value }, limit, lexicon) => ['long', { length: value, unit: { unit: lexicon.unit }, limit }],
});
