import { defineRule } from '../define-rule.ts';

/** SMART's T: every commitment says over which period it is measured, or by when it is met. */
export default defineRule({
  id: 'not-time-bound',
  severity: 'error',
  summary: 'a commitment with no period or deadline',
  messages: ['no-period'],
  check({ promise }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (c.period || c.deadline) continue;
      report(['commitments', i], 'no-period', { commitment: c.id });
    }
  },
});
