import type { FormulaId } from '../schema/kpis.ts';
import type { Figure, ReadContext, Cell } from './formulas.ts';
import { endBeforeStart, readTime, RowProblem } from './formulas.ts';
import type { PeriodRange } from './period.ts';
import { wilson } from './stats.ts';

/**
 * Churn and retention follow each customer from sign-up (start) to leaving (end, blank while still a
 * customer) across periods. Per period we only count sign-ups, departures, and departures of customers
 * who signed up in that same period, so memory stays bounded however many customers there are:
 *   active at start(k) = sign-ups before k − departures before k
 *   churn_rate(k)      = departures in k of customers active at its start ÷ active at start(k) × 100
 *   retention_rate(k)  = (customers at end of k − new customers in k) ÷ active at start(k) × 100
 * The sample n of a period is the number of customers active at its start.
 */
export interface CustomerSpan { start: number; end: number }

export function readCustomer(row: readonly Cell[], ctx: ReadContext): CustomerSpan | RowProblem {
  const start = readTime(row, ctx, 0);
  if (start instanceof RowProblem) return start;
  const end = readTime(row, ctx, 1, true);
  if (end instanceof RowProblem) return end;
  if (end < start) return endBeforeStart(ctx);
  return { start, end };
}

export interface CohortCounts { signups: number; departures: number; sameBucketDepartures: number }

export const isCohortFormula = (formula: FormulaId) => formula === 'churn_rate' || formula === 'retention_rate';

export const emptyCohort = (): CohortCounts => ({ signups: 0, departures: 0, sameBucketDepartures: 0 });

export function mergeCohort(into: CohortCounts, from: CohortCounts): void {
  into.signups += from.signups;
  into.departures += from.departures;
  into.sameBucketDepartures += from.sameBucketDepartures;
}

/** Figures of consecutive periods, oldest first, from their counts. */
export function cohortFigures(formula: FormulaId, periods: ReadonlyArray<{ range: PeriodRange; counts: CohortCounts }>): Figure[] {
  let signedUpBefore = 0;
  let leftBefore = 0;
  return periods.map(({ counts }) => {
    const active = signedUpBefore - leftBefore;
    const lost = counts.departures - counts.sameBucketDepartures;
    const atEnd = active + counts.signups - counts.departures;
    signedUpBefore += counts.signups;
    leftBefore += counts.departures;
    if (active === 0) return { n: 0, value: null };
    const hits = formula === 'churn_rate' ? lost : atEnd - counts.signups;
    return { n: active, value: (hits / active) * 100, ci95: wilson(hits, active) };
  });
}

/** A period's counts from an engine's aggregates. */
export function restoreCohort(aggregates: Readonly<Record<string, number>>): CohortCounts {
  return { signups: aggregates.signups ?? 0, departures: aggregates.departures ?? 0, sameBucketDepartures: aggregates.same_bucket_departures ?? 0 };
}
