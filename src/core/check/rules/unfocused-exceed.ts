import { defineRule } from '../define-rule.ts';
import { EXCEED_DIMENSIONS } from '../../schema/promise.ts';

/**
 * Exceed expectations on one dimension (time, or cost, or service), not all three: the commitments'
 * `exceeds:` fields must not cover every dimension at once.
 */
export default defineRule({
  id: 'unfocused-exceed',
  severity: 'warning',
  summary: 'promises to exceed on time and cost and service at once',
  messages: ['all-three'],
  check({ promise }, report) {
    const covered = new Set(promise.commitments.map((c) => c.exceeds).filter(Boolean));
    if (!EXCEED_DIMENSIONS.every((dimension) => covered.has(dimension))) return;
    const last = promise.commitments.findLastIndex((c) => c.exceeds);
    report(['commitments', last, 'exceeds'], 'all-three');
  },
});
