import type { FormulaId, KpiDef } from '../schema/kpis.ts';
import type { Target } from '../schema/promise.ts';
import type { Period } from '../schema/text.ts';
import type { ReasonGroup, RowIssue } from './row-reasons.ts';
import type { Interval } from './stats.ts';

/** One period bucket of one KPI (optionally of one segment). */
export interface Bucket {
  /** Stable period key: `2026-W07`, `2026-03`, `2026-Q1`. */
  period: string;
  /** ISO timestamps, UTC, start inclusive, end exclusive. */
  start: string;
  end: string;
  /** Rows counted in the bucket (the sample). */
  n: number;
  /** The figure, or null when n is below the KPI's min_sample ("not enough data"). */
  value: number | null;
  /** True when the period had ended by the data date (the latest row's time). */
  complete: boolean;
  /** The 95 % interval of the figure, when it is an estimate from a sample and has a value; null otherwise. */
  ci95?: Interval | null;
}

export interface SegmentSeries {
  /** e.g. { channel: 'email' } */
  segment: Record<string, string>;
  buckets: Bucket[];
}

export type { ReasonGroup, RowIssue, RowReason } from './row-reasons.ts';

export type { Interval } from './stats.ts';

/** Where a row issue is, as messages show it: `file:line`, or the source alone. */
export const issuePlace = (issue: RowIssue): string => (issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`);

export interface KpiResult {
  kpi: KpiDef;
  formula: FormulaId;
  period: Period;
  buckets: Bucket[];
  segments: SegmentSeries[];
  rowsRead: number;
  rowsUsed: number;
  /**
   * Rows skipped by validation: counted, the first ones listed with their line numbers (for --strict),
   * and grouped by reason and column with the first few of each and the fix.
   */
  badRows: { count: number; examples: RowIssue[]; byReason?: ReasonGroup[] };
  /** ISO date-time of this KPI's latest row (how far its own data goes), null without rows. */
  dataDate?: string | null;
}

/** `before-promise`: a period before the commitment's `since`, shown but never judged. */
export const STATUSES = ['kept', 'at-risk', 'broken', 'no-data', 'before-promise'] as const;
export type Status = (typeof STATUSES)[number];

export interface CommitmentPeriod {
  period: string;
  value: number | null;
  status: Status;
  /** The public target in force in this period (null before `since`). */
  target: Target | null;
  /** The internal target in force in this period, if any. */
  internalTarget: Target | null;
}

export interface CommitmentEvaluation {
  commitmentId: string;
  kpiId: string;
  /** Oldest first. */
  history: CommitmentPeriod[];
  /** The latest complete period, if any. */
  latest: CommitmentPeriod | null;
  /** Kept (or at-risk) in N of the last up to 12 periods with data. */
  streak: { kept: number; of: number };
}

/** Everything computed from the data: the input to data-aware rules, the sites, the PDFs and pledge.json. */
export interface Evaluation {
  /** ISO date-time of the latest row read (the "data date"). */
  dataDate: string | null;
  kpis: KpiResult[];
  commitments: CommitmentEvaluation[];
}
