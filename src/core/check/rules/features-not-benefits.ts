import { defineRule } from '../define-rule.ts';
import { mentionText, spanPlace, writersText } from '../helpers.ts';
import { findTerms, hasTerm } from '../text.ts';
import { findMention } from '../text/mention.ts';

/**
 * "Kestrel Kitchen has a workshop, a team and a new app" lists features; "you get an answer tonight"
 * is a benefit. Fires when the statement uses feature phrasing (lexicon `features`: "has a", "comes
 * with", "inclui", "conta com", "拥有", "配备") and says nothing of what the customer gains: no gain
 * phrasing (lexicon `benefits`: "you can", "so you", "você pode", "让您"; a bare "your" is not one)
 * in the writer's words (template wording aside) and no mention of the declared `benefit:`, unless that
 * is a feature itself (text/mention.ts).
 */
export default defineRule({
  id: 'features-not-benefits',
  severity: 'warning',
  summary: 'lists features without saying what the customer gains',
  messages: ['features-only'],
  check(input, report) {
    const { promise, statement, lexicon } = input;
    const features = findTerms(statement.text, lexicon.features, lexicon);
    const first = features[0];
    if (!first || hasTerm(writersText(input), lexicon.benefits, lexicon)) return;
    // The declared benefit counts when the statement says it, unless it is itself a feature.
    const benefitSaid = !hasTerm(promise.benefit, lexicon.features, lexicon) && findMention(promise.benefit, mentionText(input), lexicon).mentioned;
    if (benefitSaid) return;
    report(spanPlace(input, first), 'features-only', { features: { quoted: features.map((f) => f.text) } });
  },
});
