import { closest, distance } from 'fastest-levenshtein';
import { defineRule } from '../define-rule.ts';

/** A commitment's kpi must be defined in kpis.yaml. At severity error it is bad input (exit 2, see outcome.ts). */
export default defineRule({
  id: 'kpi-unknown',
  severity: 'error',
  badInput: true,
  summary: 'a commitment names a KPI that kpis.yaml does not define',
  check({ promise, kpis }, report) {
    const known = kpis?.kpis.map((kpi) => kpi.id) ?? [];
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.kpi || known.includes(c.kpi)) continue;
      report(['commitments', i, 'kpi'], `Commitment "${c.id}" names the KPI "${c.kpi}", which kpis.yaml does not define.`,
        hintFor(c.kpi, known));
    }
  },
});

function hintFor(kpi: string, known: string[]): string {
  if (known.length === 0) return 'Create content/kpis.yaml and define the KPI there (id, formula, source).';
  const guess = closest(kpi, known);
  const didYouMean = distance(kpi, guess) <= Math.max(2, kpi.length / 3) ? `Did you mean "${guess}"? ` : '';
  return `${didYouMean}Defined KPIs: ${known.join(', ')}.`;
}
