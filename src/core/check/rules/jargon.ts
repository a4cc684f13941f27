import { defineRule } from '../define-rule.ts';
import { quote, spanPlace } from '../helpers.ts';
import { findTerms } from '../text.ts';

/** Buzzwords say nothing a customer can hold you to. Lists per language in lexicon/<lang>.yml `jargon`. */
export default defineRule({
  id: 'jargon',
  severity: 'warning',
  summary: 'buzzwords and jargon ("world-class", "synergy", "seamless", ...)',
  check(input, report) {
    const { statement, lexicon } = input;
    for (const span of findTerms(statement.text, lexicon.jargon, lexicon)) {
      report(spanPlace(input, span), `${quote(span.text)} is a buzzword: it tells the customer nothing they can check.`,
        'Say what the customer gets instead, e.g. "a reply within 2 hours".');
    }
  },
});
