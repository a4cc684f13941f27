import type { KpiDef } from '../schema/kpis.ts';
import { dateFormatsThatFit } from './time.ts';

/** Why a row was skipped, as a stable key: rows are grouped by it (and by column) in every report. */
export const ROW_REASONS = [
  'not-a-date', 'not-a-score', 'not-a-number', 'empty-value', 'end-before-start', 'wrong-field-count', 'duplicate-key', 'unreadable',
] as const;
export type RowReason = (typeof ROW_REASONS)[number];

/** One skipped row: where it is, which column, why, and the cell that was wrong (at most 40 characters). */
export interface RowIssue {
  /** The data file, or `connection:table` for a database source. */
  file: string;
  /** 1-based line in the file; absent for a database source, whose rows have no line. */
  line?: number;
  column?: string;
  reason: RowReason;
  message: string;
  value?: string;
  /** How many rows this issue stands for (one when absent): a database reports counts per reason. */
  rows?: number;
}

/** Skipped rows of one reason and column: how many, the first few, and what to do about them. */
export interface ReasonGroup {
  reason: RowReason;
  column?: string;
  count: number;
  /** The first rows of this group, by line (at most EXAMPLES_PER_REASON). */
  examples: RowIssue[];
  fix: string;
}

export const EXAMPLES_PER_REASON = 3;

/** The key a row issue is grouped under. */
export const groupKey = (issue: Pick<RowIssue, 'reason' | 'column'>) => `${issue.reason}\u0000${issue.column ?? ''}`;

/** What to do about rows skipped for one reason; for dates, the date_format their values fit, if any. */
export function fixFor(reason: RowReason, column: string | undefined, examples: readonly RowIssue[], kpi: KpiDef): string {
  const where = column ? ` in column ${column}` : '';
  switch (reason) {
    case 'not-a-date': return dateFix(column ?? kpi.timestamp, examples, kpi);
    case 'not-a-score': return `Write whole-number scores${where} in the formula's range, or filter out the rows that are not answers (filter: in kpis.yaml).`;
    case 'not-a-number': return `Write plain numbers${where} (a dot for decimals, no currency sign), or leave such rows out with a filter.`;
    case 'empty-value': return `Fill in the value${where}, or leave such rows out of the export.`;
    case 'end-before-start': return `Check the clock${where}: the end is before the start, often a time zone or a day/month mix-up.`;
    case 'wrong-field-count': return 'Quote fields that contain the delimiter, and check the export writes the same columns on every line.';
    case 'duplicate-key': return 'Remove the repeated rows from the export, or drop key: from the source if repeats are real.';
    case 'unreadable': return 'Re-export the file: it is not valid CSV or JSON from this line on.';
  }
}

function dateFix(column: string, examples: readonly RowIssue[], kpi: KpiDef): string {
  const values = examples.flatMap((issue) => (issue.value ? [issue.value] : []));
  const fits = dateFormatsThatFit(values);
  const declare = (format: string) => `sources: [{ file: ${kpi.source}, date_format: ${format} }]`;
  if (fits.length === 1) return `The values in ${column} look like ${fits[0]}: declare it in kpis.yaml, ${declare(fits[0] ?? '')}.`;
  if (fits.length > 1) {
    return `The values in ${column} fit ${fits.join(' and ')}, and pledge will not guess which: declare the one your export writes in kpis.yaml, ${declare(fits[0] ?? '')} or ${declare(fits[1] ?? '')}.`;
  }
  return `Write ${column} as an ISO 8601 date-time (2026-03-01T14:05:00Z) in these rows; if the whole file uses another format, declare it in kpis.yaml (date_format: DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD, epoch_s or epoch_ms on its source).`;
}
