import type { Commitment, Target } from '../schema/promise.ts';
import { meets } from './commitments.ts';
import type { Bucket, Evaluation, KpiResult } from './types.ts';

/** `>=` and `>` ask for more (higher is better); `<=` and `<` for less. */
export function asksForMore(target: Target): boolean {
  return target.comparison === '>=' || target.comparison === '>';
}

/** True when `a` is as strict as `b` or stricter (both read in a's direction). */
export function atLeastAsStrict(a: Target, value: number): boolean {
  return asksForMore(a) ? a.value >= value : a.value <= value;
}

/** Complete periods of a KPI that have a figure, oldest first. */
export function measuredPeriods(result: KpiResult): (Bucket & { value: number })[] {
  return result.buckets.filter((b): b is Bucket & { value: number } => b.complete && b.value !== null);
}

/** The period with the best figure, in the direction the target asks for. */
export function bestPeriod(result: KpiResult, target: Target): (Bucket & { value: number }) | undefined {
  const more = asksForMore(target);
  return measuredPeriods(result).reduce<(Bucket & { value: number }) | undefined>((best, b) =>
    (!best || (more ? b.value > best.value : b.value < best.value) ? b : best), undefined);
}

/** How many recent periods "recent performance" looks at. */
export const RECENT_PERIODS = 6;

/** Median figure of the last RECENT_PERIODS complete periods (mean of the two middle ones for an even count). */
export function recentMedian(result: KpiResult): { value: number; periods: number } | undefined {
  const values = measuredPeriods(result).slice(-RECENT_PERIODS).map((b) => b.value).sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const mid = Math.floor(values.length / 2);
  const value = values.length % 2 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
  return { value, periods: values.length };
}

/** The commitments that have a KPI, a public target and computed figures, with their index in promise.yaml. */
export function measuredCommitments(commitments: readonly Commitment[], evaluation: Evaluation | undefined) {
  return commitments.flatMap((commitment, index) => {
    const result = evaluation?.kpis.find((k) => k.kpi.id === commitment.kpi);
    return result && commitment.target ? [{ commitment, target: commitment.target, index, result }] : [];
  });
}

export { meets };
