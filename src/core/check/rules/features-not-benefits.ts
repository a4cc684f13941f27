import { defineRule } from '../define-rule.ts';
import { quote, spanPlace } from '../helpers.ts';
import { findTerms, hasTerm } from '../text.ts';

/**
 * "We offer 24/7 chat" is a feature; "you get an answer tonight" is a benefit. Fires when the statement
 * uses feature phrasing (lexicon `features`) and no benefit phrasing (lexicon `benefits`) at all.
 */
export default defineRule({
  id: 'features-not-benefits',
  severity: 'warning',
  summary: 'lists features without saying what the customer gains',
  check(input, report) {
    const { statement, lexicon } = input;
    const features = findTerms(statement.text, lexicon.features, lexicon);
    const first = features[0];
    if (!first || hasTerm(statement.text, lexicon.benefits, lexicon)) return;
    report(spanPlace(input, first), `The statement lists features (${features.map((f) => quote(f.text)).join(', ')}) but never says what the customer gains.`,
      'Turn each feature into a benefit: not "we offer 24/7 chat" but "you get an answer tonight".');
  },
});
