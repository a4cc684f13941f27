import { defineRule } from '../define-rule.ts';
import { spanPlace, statementSentences } from '../helpers.ts';
import { wordedDimensions, type Dimension } from '../text/exceed.ts';
import { EXCEED_DIMENSIONS } from '../../schema/promise.ts';

/**
 * Exceed expectations on one dimension (time, or cost, or service), not all three. A dimension counts
 * when a commitment's `exceeds:` names it, or when the statement sets out to beat expectations on it:
 * a signal (lexicon `exceed.signals`: "beats", "ninguém", "更快") and one of the dimension's words
 * ("speed", "preço", "服务") in one clause, or in a bare list after it (text/exceed.ts).
 */
export default defineRule({
  id: 'unfocused-exceed',
  severity: 'warning',
  summary: 'promises to exceed on time and cost and service at once, in exceeds: or in the statement\'s words',
  messages: ['all-three', 'in-statement'],
  check(input, report) {
    const { promise } = input;
    const fields = new Set(promise.commitments.map((c) => c.exceeds).filter(Boolean));
    const worded = wordedDimensions(statementSentences(input), input.lexicon);
    if (!EXCEED_DIMENSIONS.every((d) => fields.has(d) || worded.has(d))) return;
    const first = [...worded.values()].sort((a, b) => a.start - b.start)[0];
    if (!first) {
      report(['commitments', promise.commitments.findLastIndex((c) => c.exceeds), 'exceeds'], 'all-three');
      return;
    }
    const said = (d: Dimension) => {
      const span = worded.get(d);
      return span ? { quoted: [span.text] } : `exceeds: ${d}`;
    };
    report(spanPlace(input, first), 'in-statement', { time: said('time'), cost: said('cost'), service: said('service') });
  },
});
