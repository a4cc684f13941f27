import type { Commitment, Target } from '../schema/promise.ts';
import type { Bucket, CommitmentEvaluation, CommitmentPeriod, KpiResult, Status } from './types.ts';
import { targetsInForce } from './versions.ts';

/** How many periods the public streak looks back over. */
export const STREAK_PERIODS = 12;

/** Figures are rounded to 9 decimals before comparing, so 95 % computed as 94.99999999999999 still meets ">= 95". */
export function meets(value: number, target: Target): boolean {
  const v = Math.round(value * 1e9) / 1e9;
  switch (target.comparison) {
    case '>=': return v >= target.value;
    case '<=': return v <= target.value;
    case '>': return v > target.value;
    case '<': return v < target.value;
  }
}

/**
 * kept: meets the public target and the internal one (when set); at-risk: meets the public target but
 * not the internal one; broken: misses the public target; no-data: no figure (no rows, or fewer than
 * the KPI's min_sample).
 */
export function statusOf(value: number | null, target: Target | undefined, internal?: Target): Status {
  if (value === null || !target) return 'no-data';
  if (!meets(value, target)) return 'broken';
  return internal && !meets(value, internal) ? 'at-risk' : 'kept';
}

/** One complete period, judged against the version of the commitment in force then (see versions.ts). */
export function judgePeriod(commitment: Commitment, bucket: Pick<Bucket, 'period' | 'value'>): CommitmentPeriod {
  const targets = targetsInForce(commitment, bucket.period);
  if (!targets) return { period: bucket.period, value: bucket.value, status: 'before-promise', target: null, internalTarget: null };
  return {
    period: bucket.period,
    value: bucket.value,
    status: statusOf(bucket.value, targets.target, targets.internal),
    target: targets.target ?? null,
    internalTarget: targets.internal ?? null,
  };
}

export function evaluateCommitment(commitment: Commitment, result: KpiResult): CommitmentEvaluation {
  const history = result.buckets.filter((bucket: Bucket) => bucket.complete).map((bucket) => judgePeriod(commitment, bucket));
  // Only judged periods with a figure count: neither "not enough data" nor "before this promise".
  const withData = history.filter((entry) => entry.status !== 'no-data' && entry.status !== 'before-promise').slice(-STREAK_PERIODS);
  return {
    commitmentId: commitment.id,
    kpiId: result.kpi.id,
    history,
    latest: history[history.length - 1] ?? null,
    streak: { kept: withData.filter((entry) => entry.status === 'kept' || entry.status === 'at-risk').length, of: withData.length },
  };
}

/** Commitments whose KPI was computed, in promise order; the others are the checker's kpi-unknown concern. */
export function evaluateCommitments(commitments: readonly Commitment[], results: readonly KpiResult[]): CommitmentEvaluation[] {
  return commitments.flatMap((commitment) => {
    const result = results.find((r) => r.kpi.id === commitment.kpi);
    return result ? [evaluateCommitment(commitment, result)] : [];
  });
}
