import type { Interval } from '../../kpi/stats.ts';
import { measuredCommitments } from '../../kpi/targets.ts';
import { defineRule } from '../define-rule.ts';

/**
 * Rows needed for the interval to clear the target: a 95 % interval narrows as 1/√n, so with h the
 * distance from the figure to the end of its interval on the target's side and d the distance to the
 * target, about n·(h/d)² rows put the target outside it (if the figure stayed where it is).
 */
export function rowsNeeded(n: number, value: number, ci: Interval, target: number): number {
  const d = Math.abs(value - target);
  const h = target < value ? value - ci.low : ci.high - value;
  return d === 0 ? Infinity : Math.ceil(n * (h / d) ** 2);
}

/**
 * The latest complete period's 95 % interval takes in the public target: kept or broken is within the
 * noise of the sample. Status stays figure against target; this says how far to trust it.
 * ok: 97.1 % from 2,000 orders against ">= 95 %"; not ok: 95.8 % from 190 orders (interval 92.0–97.9 %).
 */
export default defineRule({
  id: 'sample-too-small',
  severity: 'warning',
  summary: "the latest figure's 95 % interval straddles the public target",
  needsData: true,
  // equal: the figure is exactly the target, so no sample size separates them.
  messages: ['noise', 'equal'],
  check({ promise, evaluation }, report) {
    for (const { commitment, target, index, result } of measuredCommitments(promise.commitments, evaluation)) {
      const bucket = result.buckets.findLast((b) => b.complete && b.value !== null);
      const ci = bucket?.ci95;
      if (!bucket || bucket.value === null || !ci || target.value < ci.low || target.value > ci.high) continue;
      const unit = target.unit ?? result.kpi.unit;
      const needed = rowsNeeded(bucket.n, bucket.value, ci, target.value);
      const show = (x: number) => ({ value: x, unit, against: [target.value] });
      const params = {
        commitment: commitment.id, when: bucket.period, value: show(bucket.value), n: { tally: bucket.n },
        low: show(ci.low), high: show(ci.high), target: { amount: target.value, unit },
      };
      if (Number.isFinite(needed)) report(['commitments', index, 'target', 'value'], 'noise', { ...params, needed: { tally: needed }, period: { period: result.kpi.period, count: 1 } });
      else report(['commitments', index, 'target', 'value'], 'equal', params);
    }
  },
});
