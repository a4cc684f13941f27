import type { Cell } from '../../core/kpi/formulas.ts';
import type { RowText } from '../../core/check/messages.ts';

/** Where a reader sends what it reads. Rows arrive in file order, as cells in header order. */
export interface TableSink {
  /**
   * The column names. Return false to stop before reading any row (e.g. a KPI names a missing column),
   * true to read every cell, or the indexes of the only columns needed (the others may be left undefined,
   * which saves decoding them).
   */
  header(columns: string[]): boolean | readonly number[];
  /** One row and the 1-based line of the file it starts on. The array is only valid during the call (the CSV reader reuses it). */
  row(cells: readonly Cell[], line: number): void;
  /** Malformed text that is not a row at all (broken JSON, an unclosed quote). */
  /** `says` is the message as a case of `rows.says` in messages/<language>.yml, for reports in other languages. */
  malformed(line: number, message: string, says?: RowText): void;
  /**
   * The columns the sink reads only as ISO 8601 timestamps, asked once after `header`; `naive`: a time
   * without a zone is UTC. A reader that can (the CSV one) then parses such a cell from its bytes: the
   * cell is `true` (which no CSV cell is otherwise) and its epoch milliseconds are in `into[column]`.
   * Anything unusual (a fraction of a second, spaces, a naive time when not `naive`) comes as text, and
   * the sink reads it as before. A number array, not a number per cell: that allocated a heap number each.
   */
  timeColumns?(): { columns: readonly number[]; naive: boolean; into: Float64Array };
  /** Called every few thousand rows with the rows and bytes read so far. */
  progress?(rows: number, bytes: number): void;
}

export interface ReadOptions {
  /** CSV field delimiter; guessed from the header line when absent (`,`, `;`, tab or `|`). */
  delimiter?: string;
  /** The longest record read, in bytes (default: PLEDGE_MAX_LINE_BYTES, else MAX_LINE_BYTES). */
  maxLineBytes?: number;
}

/**
 * The longest line (record) a reader takes, in bytes: a longer one is skipped and reported as one bad
 * row, without being held in memory; a longer header line is an input error. Real exports stay far
 * below it; a file with no line breaks at all (the wrong file, a binary) hits it at once.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** PLEDGE_MAX_LINE_BYTES when it is a whole number of at least 1 KiB, else the default. */
export function maxLineBytes(options: ReadOptions = {}, env: NodeJS.ProcessEnv = process.env): number {
  if (options.maxLineBytes !== undefined) return options.maxLineBytes;
  const asked = Number(env.PLEDGE_MAX_LINE_BYTES);
  return Number.isInteger(asked) && asked >= 1024 ? asked : MAX_LINE_BYTES;
}

/** The bad-row message for a record over the limit; the record itself is never quoted. */
/** Reports text that is not a row at all, in English and as a case of `rows.says` in messages/<language>.yml. */
export function reportMalformed(sink: TableSink, line: number, says: string, message: string, params: Record<string, string | number> = {}): void {
  sink.malformed(line, message, { case: says, params });
}

export function reportTooLong(sink: TableSink, line: number, limit: number): void {
  reportMalformed(sink, line, 'too-long', `this record is longer than ${limit} bytes, the most pledge reads in one line (PLEDGE_MAX_LINE_BYTES), so it was skipped to its line end`, { limit });
}

/** Thrown when the header line is over the limit: nothing of the file can be read. */
export class HeaderTooLong extends Error {
  readonly line: number;
  readonly limit: number;

  // Plain fields, not parameter properties: worker threads load this file with Node's type stripping.
  constructor(line: number, limit: number) {
    super(`the header line is longer than ${limit} bytes`);
    this.line = line;
    this.limit = limit;
  }
}

export const PROGRESS_EVERY = 16_384;
export const CHUNK_BYTES = 1 << 20;
