import { closest, distance } from 'fastest-levenshtein';
import { defineRule } from '../define-rule.ts';

/** A commitment's kpi must be defined in kpis.yaml. At severity error it is bad input (exit 2, see outcome.ts). */
export default defineRule({
  id: 'kpi-unknown',
  severity: 'error',
  badInput: true,
  summary: 'a commitment names a KPI that kpis.yaml does not define',
  messages: ['no-kpis-file', 'did-you-mean', 'unknown'],
  check({ promise, kpis }, report) {
    const known = kpis?.kpis.map((kpi) => kpi.id) ?? [];
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.kpi || known.includes(c.kpi)) continue;
      const params = { commitment: c.id, kpi: c.kpi, known: { list: known } };
      if (known.length === 0) {
        report(['commitments', i, 'kpi'], 'no-kpis-file', params);
        continue;
      }
      const guess = closest(c.kpi, known);
      const close = distance(c.kpi, guess) <= Math.max(2, c.kpi.length / 3);
      report(['commitments', i, 'kpi'], close ? 'did-you-mean' : 'unknown', { ...params, guess });
    }
  },
});
