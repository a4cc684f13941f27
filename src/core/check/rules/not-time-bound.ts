import { defineRule } from '../define-rule.ts';

/** SMART's T: every commitment says over which period it is measured, or by when it is met. */
export default defineRule({
  id: 'not-time-bound',
  severity: 'error',
  summary: 'a commitment with no period or deadline',
  check({ promise }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (c.period || c.deadline) continue;
      report(['commitments', i], `Commitment "${c.id}" has no period and no deadline, so it can never be judged kept or broken.`,
        'Add period: week, month or quarter (how often it is measured), or deadline: YYYY-MM-DD.');
    }
  },
});
