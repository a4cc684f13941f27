import { defineRule } from '../define-rule.ts';
import { spanPlace } from '../helpers.ts';
import { findTerms } from '../text.ts';

/** Buzzwords say nothing a customer can hold you to. Lists per language in lexicon/<lang>.yml `jargon`. */
export default defineRule({
  id: 'jargon',
  severity: 'warning',
  summary: 'buzzwords and jargon ("world-class", "synergy", "seamless", ...)',
  messages: ['buzzword'],
  check(input, report) {
    const { statement, lexicon } = input;
    for (const span of findTerms(statement.text, lexicon.jargon, lexicon)) {
      report(spanPlace(input, span), 'buzzword', { term: span.text });
    }
  },
});
