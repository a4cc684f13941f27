import { defineRule } from '../define-rule.ts';

/**
 * A commitment needs a KPI and a number a customer can check.
 * ok: kpi: on_time_delivery, target: { comparison: ">=", value: 95 }; not ok: no kpi, or no target.
 */
export default defineRule({
  id: 'not-measurable',
  severity: 'error',
  summary: 'a commitment with no KPI or no numeric target',
  messages: ['no-kpi', 'no-target'],
  check({ promise }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.kpi) {
        report(['commitments', i], 'no-kpi', { commitment: c.id });
      } else if (!c.target) {
        report(['commitments', i], 'no-target', { commitment: c.id });
      }
    }
  },
});
