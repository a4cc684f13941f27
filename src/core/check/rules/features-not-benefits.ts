import { defineRule } from '../define-rule.ts';
import { spanPlace } from '../helpers.ts';
import { findTerms, hasTerm } from '../text.ts';

/**
 * "We offer 24/7 chat" is a feature; "you get an answer tonight" is a benefit. Fires when the statement
 * uses feature phrasing (lexicon `features`) and no benefit phrasing (lexicon `benefits`) at all.
 */
export default defineRule({
  id: 'features-not-benefits',
  severity: 'warning',
  summary: 'lists features without saying what the customer gains',
  messages: ['features-only'],
  check(input, report) {
    const { statement, lexicon } = input;
    const features = findTerms(statement.text, lexicon.features, lexicon);
    const first = features[0];
    if (!first || hasTerm(statement.text, lexicon.benefits, lexicon)) return;
    report(spanPlace(input, first), 'features-only', { features: { quoted: features.map((f) => f.text) } });
  },
});
