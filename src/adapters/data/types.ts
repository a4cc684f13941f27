import type { Cell } from '../../core/kpi/formulas.ts';

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
  malformed(line: number, message: string): void;
  /** Called every few thousand rows with the rows and bytes read so far. */
  progress?(rows: number, bytes: number): void;
}

export interface ReadOptions {
  /** CSV field delimiter; guessed from the header line when absent (`,`, `;`, tab or `|`). */
  delimiter?: string;
}

export const PROGRESS_EVERY = 16_384;
export const CHUNK_BYTES = 1 << 20;
