import type { RowText } from '../check/messages.ts';
import type { KpiDef } from '../schema/kpis.ts';
import { dateFormatsThatFit } from './time.ts';

/** Why a row was skipped, as a stable key: rows are grouped by it (and by column) in every report. */
export const ROW_REASONS = [
  'not-a-date', 'not-a-score', 'not-a-number', 'empty-value', 'end-before-start', 'wrong-field-count', 'duplicate-key', 'unreadable',
] as const;
export type RowReason = (typeof ROW_REASONS)[number];

/** The cases of `rows.says` only a database's checks give (adapters/sources/sql): counted in SQL, so without the cell. */
export const DB_ROW_SAYS = ['db-not-a-score', 'db-not-a-date', 'db-not-a-number', 'db-unreadable-date', 'db-empty', 'db-duplicate', 'db-examples'] as const;
/** The cases of `rows.says` in messages/<language>.yml: what is wrong with a skipped row. */
export const ROW_SAYS = [
  'not-a-date', 'not-a-date-format', 'not-a-score', 'not-a-number', 'empty-value', 'no-customer', 'end-before-start',
  'wrong-field-count', 'duplicate-key', 'too-long', 'unclosed-quote', 'not-json', 'not-an-object', 'not-an-array',
  ...DB_ROW_SAYS,
] as const;
/** The cases of `rows.report`: the skipped-rows lines of `pledge check` and `pledge kpi`. */
export const ROW_REPORT = ['line', 'skipped-one', 'skipped', 'skipped-lines', 'more', 'in-column'] as const;
/** The cases of `rows.fixes`: what to do about the rows of one reason. */
export const ROW_FIXES = [...ROW_REASONS, 'not-a-date-fits', 'not-a-date-fits-several'] as const;

/** One skipped row: where it is, which column, why, and the cell that was wrong (at most 40 characters). */
export interface RowIssue {
  /** The data file, or `connection:table` for a database source. */
  file: string;
  /** 1-based line in the file; absent for a database source, whose rows have no line. */
  line?: number;
  column?: string;
  reason: RowReason;
  /** What is wrong, in English (JSON output, the internal site); `says` words it in any language. */
  message: string;
  says?: RowText;
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
  /** What to do, in English; `fixSays` words it in any language. */
  fix: string;
  fixSays?: RowText;
}

/** What is wrong with one row, before it is placed at a file and line. */
export interface RowFault {
  column?: string | undefined;
  reason: RowReason;
  message: string;
  says?: RowText | undefined;
  value?: string | undefined;
}

/** Skipped rows as the English outputs carry them (JSON, pledge.json): without the texts as data. */
export function withoutRowTexts<T extends { examples: RowIssue[]; byReason?: ReasonGroup[] }>(badRows: T): T {
  const issue = ({ says: _says, ...rest }: RowIssue): RowIssue => rest;
  const group = ({ fixSays: _fixSays, examples, ...rest }: ReasonGroup): ReasonGroup => ({ ...rest, examples: examples.map(issue) });
  return { ...badRows, examples: badRows.examples.map(issue), ...(badRows.byReason ? { byReason: badRows.byReason.map(group) } : {}) };
}

export const EXAMPLES_PER_REASON = 3;

/** The key a row issue is grouped under. */
export const groupKey = (issue: Pick<RowIssue, 'reason' | 'column'>) => `${issue.reason}\u0000${issue.column ?? ''}`;

/** What to do about rows skipped for one reason (English, and as data); for dates, the date_format their values fit, if any. */
export function fixFor(reason: RowReason, column: string | undefined, examples: readonly RowIssue[], kpi: KpiDef): Pick<ReasonGroup, 'fix' | 'fixSays'> {
  const where = column ? ` in column ${column}` : '';
  // A reason worded with its column has a case only for a named column (every one the readers report).
  const says = (text: string) => ({ fix: text, ...(column ? { fixSays: { case: reason, params: { column } } } : {}) });
  switch (reason) {
    case 'not-a-date': return dateFix(column ?? kpi.timestamp, examples, kpi);
    case 'not-a-score': return says(`Write whole-number scores${where} in the formula's range, or filter out the rows that are not answers (filter: in kpis.yaml).`);
    case 'not-a-number': return says(`Write plain numbers${where} (a dot for decimals, no currency sign), or leave such rows out with a filter.`);
    case 'empty-value': return says(`Fill in the value${where}, or leave such rows out of the export.`);
    case 'end-before-start': return says(`Check the clock${where}: the end is before the start, often a time zone or a day/month mix-up.`);
    case 'wrong-field-count': return { fix: 'Quote fields that contain the delimiter, and check the export writes the same columns on every line.', fixSays: { case: reason, params: {} } };
    case 'duplicate-key': return { fix: 'Remove the repeated rows from the export, or drop key: from the source if repeats are real.', fixSays: { case: reason, params: {} } };
    case 'unreadable': return { fix: 'Re-export the file: it is not valid CSV or JSON from this line on.', fixSays: { case: reason, params: {} } };
  }
}

function dateFix(column: string, examples: readonly RowIssue[], kpi: KpiDef): Pick<ReasonGroup, 'fix' | 'fixSays'> {
  const values = examples.flatMap((issue) => (issue.value ? [issue.value] : []));
  const fits = dateFormatsThatFit(values);
  const declare = (format: string) => `sources: [{ file: ${kpi.source}, date_format: ${format} }]`;
  if (fits.length === 1) {
    const [format, declared] = [fits[0] ?? '', declare(fits[0] ?? '')];
    return { fix: `The values in ${column} look like ${format}: declare it in kpis.yaml, ${declared}.`, fixSays: { case: 'not-a-date-fits', params: { column, format, declare: declared } } };
  }
  if (fits.length > 1) {
    const [first, second] = [declare(fits[0] ?? ''), declare(fits[1] ?? '')];
    return {
      fix: `The values in ${column} fit ${fits.join(' and ')}, and pledge will not guess which: declare the one your export writes in kpis.yaml, ${first} or ${second}.`,
      fixSays: { case: 'not-a-date-fits-several', params: { column, formats: { alternatives: fits }, first, second } },
    };
  }
  return {
    fix: `Write ${column} as an ISO 8601 date-time (2026-03-01T14:05:00Z) in these rows; if the whole file uses another format, declare it in kpis.yaml (date_format: DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD, epoch_s or epoch_ms on its source).`,
    fixSays: { case: 'not-a-date', params: { column } },
  };
}
