import type { KpiResult } from '../../kpi/types.ts';
import { sourceName } from '../../schema/kpis.ts';
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
  messages: ['no-rows', 'no-rows-filtered', 'not-ended', 'min-sample'],
  check({ promise, evaluation }, report) {
    for (const [index, commitment] of promise.commitments.entries()) {
      const result = evaluation?.kpis.find((k) => k.kpi.id === commitment.kpi);
      if (!result || result.buckets.some((b) => b.complete && b.value !== null)) continue;
      const [why, params] = reasonOf(result);
      report(['commitments', index, 'kpi'], why, { commitment: commitment.id, period: { period: result.kpi.period, count: 1 }, kpi: result.kpi.id, ...params });
    }
  },
});

type Reason = 'no-rows' | 'no-rows-filtered' | 'not-ended' | 'min-sample';

/** Why no period has a figure, as a message case and what it says. */
function reasonOf(result: KpiResult): [Reason, Record<string, string | number>] {
  const { kpi } = result;
  if (result.rowsUsed === 0) return kpi.filter ? ['no-rows-filtered', { source: sourceName(kpi.source), column: kpi.filter.column }] : ['no-rows', { source: sourceName(kpi.source) }];
  const complete = result.buckets.filter((b) => b.complete);
  if (complete.length === 0) return ['not-ended', { first: result.buckets[0]?.period ?? '' }];
  return ['min-sample', { min: kpi.min_sample, most: Math.max(...complete.map((b) => b.n)) }];
}
