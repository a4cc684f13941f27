import type { KpiResult } from '../../kpi/types.ts';
import { defineRule } from '../define-rule.ts';

/**
 * A commitment with no complete period that has a figure: nothing shows whether it is kept, and the
 * page can only say "not enough data". ok: a monthly commitment with a full month of rows;
 * not ok: a KPI whose file has no usable row, or whose only month has not ended yet.
 */
export default defineRule({
  id: 'no-data',
  severity: 'warning',
  summary: 'a commitment has no complete period with data',
  needsData: true,
  messages: ['no-data'],
  check({ promise, evaluation }, report) {
    for (const [index, commitment] of promise.commitments.entries()) {
      const result = evaluation?.kpis.find((k) => k.kpi.id === commitment.kpi);
      if (!result || result.buckets.some((b) => b.complete && b.value !== null)) continue;
      const [why, fix] = reasonOf(result);
      // The reason and its fix describe the data (reasonOf), in English for now.
      report(['commitments', index, 'kpi'], 'no-data', { commitment: commitment.id, period: { period: result.kpi.period, count: 1 }, why, fix });
    }
  },
});

function reasonOf(result: KpiResult): [string, string] {
  const { kpi } = result;
  if (result.rowsUsed === 0) {
    return [`KPI "${kpi.id}" found no usable row in ${kpi.source}`,
      `Check that ${kpi.source} has rows${kpi.filter ? `, that the filter on ${kpi.filter.column} matches some of them,` : ''} and that its dates read (see the skipped rows).`];
  }
  const complete = result.buckets.filter((b) => b.complete);
  if (complete.length === 0) {
    return [`its data starts in ${result.buckets[0]?.period ?? 'a period'}, which has not ended yet`,
      `Wait until the first ${kpi.period} is over before publishing this commitment, or measure it over a shorter period.`];
  }
  const most = Math.max(...complete.map((b) => b.n));
  return [`no ${kpi.period} has the ${kpi.min_sample} rows min_sample asks for (at most ${most})`,
    `Collect more data, lower min_sample for KPI "${kpi.id}" in kpis.yaml if ${most} rows are enough, or measure over a longer period.`];
}
