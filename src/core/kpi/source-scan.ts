import type { KpiDef } from '../schema/kpis.ts';
import { KpiAccumulator, type ParsedTimes, type SourceOptions } from './accumulator.ts';
import type { Cell } from './formulas.ts';
import { quoteData } from '../quote-data.ts';
import { KeySet } from './key-set.ts';
import type { RowText } from '../check/messages.ts';
import type { RowFault } from './row-reasons.ts';

/** How a source's cells are read: its time zone, its key column, its decimal separator. */
export interface ScanOptions extends SourceOptions {
  key?: string | undefined;
}

/**
 * Every KPI that reads one data file, fed from a single pass over it. Problems that make a row
 * unusable for every KPI (a row with too few fields, a repeated key) are found here once.
 */
export class SourceScan {
  readonly accumulators: KpiAccumulator[];
  private readonly keyIndex: number;
  private readonly seenKeys = new KeySet();
  private readonly width: number;
  private readonly options: ScanOptions;
  /** Columns whose `true` cells are parsed timestamps, and their epoch ms (see timeColumns); shared with the accumulators. */
  private readonly parsed: ParsedTimes;

  readonly file: string;
  readonly header: readonly string[];

  constructor(kpis: readonly KpiDef[], file: string, header: readonly string[], options: ScanOptions = {}) {
    this.file = file;
    this.header = header;
    this.parsed = { columns: [], ms: new Float64Array(header.length) };
    this.accumulators = kpis.map((kpi) => new KpiAccumulator(kpi, file, header, options, this.parsed));
    this.keyIndex = options.key ? header.indexOf(options.key) : -1;
    this.options = options;
    this.width = header.length;
  }

  /** True when a KPI names a column the file lacks (then the scan must not run). */
  get hasMissingColumns(): boolean {
    return this.accumulators.some((acc) => acc.missing.length > 0);
  }

  /** The columns any KPI (or the key check) reads, sorted. */
  get neededColumns(): number[] {
    const needed = new Set(this.accumulators.flatMap((acc) => acc.needed));
    if (this.keyIndex >= 0) needed.add(this.keyIndex);
    return [...needed].sort((a, b) => a - b);
  }

  /**
   * The columns every KPI here reads only as ISO 8601 timestamps (none when the source has another
   * date_format; never a key, filter or segment column), for a reader to parse itself: asking for them
   * is the reader's promise to do so, so from then on a `true` cell in such a column stands for the
   * epoch ms in `into`. A naive time is parsed by the reader only when the source's zone is UTC.
   */
  timeColumns(): { columns: number[]; naive: boolean; into: Float64Array } {
    const { dateFormat, timeZone } = this.options;
    if (dateFormat && dateFormat !== 'YYYY-MM-DD') return { columns: [], naive: false, into: this.parsed.ms };
    const columns = this.neededColumns.filter((column) => column !== this.keyIndex
      && this.accumulators.every((acc) => acc.timeOnly.includes(column) || !acc.needed.includes(column)));
    for (const column of columns) this.parsed.columns[column] = true;
    return { columns, naive: !timeZone || timeZone === 'UTC', into: this.parsed.ms };
  }

  add(row: readonly Cell[], line: number): void {
    const problem = this.rowProblem(row);
    if (problem) this.rejectEverywhere(line, problem);
    else for (const acc of this.accumulators) acc.add(row, line);
  }

  /** A row no KPI can use (too long, unclosed quote, not JSON, a duplicate key): read, and counted bad by every KPI. */
  malformed(line: number, message: string, says?: RowText): void {
    this.rejectEverywhere(line, { reason: 'unreadable', message, says });
  }

  private rejectEverywhere(line: number, fault: RowFault): void {
    for (const acc of this.accumulators) {
      acc.rowsRead++;
      acc.reject(line, fault);
    }
  }

  private rowProblem(row: readonly Cell[]): RowFault | undefined {
    if (row.length !== this.width) {
      const [count, width] = [row.length, this.width];
      return {
        reason: 'wrong-field-count', message: `this row has ${count} field${count === 1 ? '' : 's'} where the header has ${width}`,
        says: { case: 'wrong-field-count', params: { count, fields: { fields: count }, width } },
      };
    }
    if (this.keyIndex >= 0) {
      const key = String(row[this.keyIndex] ?? '').trim();
      const column = this.header[this.keyIndex];
      if (key === '') return { column, reason: 'empty-value', message: `the ${column} is empty`, says: { case: 'empty-value', params: { column: column ?? '' } } };
      if (!this.seenKeys.add(key)) {
        const says = { case: 'duplicate-key', params: { column: column ?? '', key: quoteData(key) } };
        return { column, reason: 'duplicate-key', message: `${column} ${quoteData(key)} appears again (a duplicate row)`, says };
      }
    }
    return undefined;
  }
}
