import { defineRule } from '../define-rule.ts';

/**
 * A commitment needs a KPI and a number a customer can check.
 * ok: kpi: on_time_delivery, target: { comparison: ">=", value: 95 }; not ok: no kpi, or no target.
 */
export default defineRule({
  id: 'not-measurable',
  severity: 'error',
  summary: 'a commitment with no KPI or no numeric target',
  check({ promise }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.kpi) {
        report(['commitments', i], `Commitment "${c.id}" names no KPI, so nothing measures whether it is kept.`,
          'Add kpi: with the id of a KPI from kpis.yaml, e.g. kpi: on_time_delivery.');
      } else if (!c.target) {
        report(['commitments', i], `Commitment "${c.id}" has no target, so nobody can check whether it was kept.`,
          'Add a target such as target: { comparison: ">=", value: 95, unit: "%" }.');
      }
    }
  },
});
