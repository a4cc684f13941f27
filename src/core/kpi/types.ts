import type { FormulaId, KpiDef } from '../schema/kpis.ts';
import type { Target } from '../schema/promise.ts';
import type { Period } from '../schema/text.ts';

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
}

export interface SegmentSeries {
  /** e.g. { channel: 'email' } */
  segment: Record<string, string>;
  buckets: Bucket[];
}

/**
 * A skipped row, or (from a database, where rows have no line) one reason rows were skipped, with how
 * many rows it stands for and a few example keys in the message.
 */
export interface RowIssue {
  /** The data file, or `connection:table` for a database source. */
  file: string;
  /** 1-based line in the file; absent for a database source. */
  line?: number;
  column?: string;
  message: string;
  /** How many rows this issue stands for (one when absent). */
  rows?: number;
}

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
  /** Rows skipped by validation: counted, first ones listed with their line numbers. */
  badRows: { count: number; examples: RowIssue[] };
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
