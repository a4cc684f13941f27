import type { KpiDef } from '../schema/kpis.ts';
import type { DataPath } from '../yaml-source.ts';
import { cohortFigures, emptyCohort, isCohortFormula, mergeCohort, readCustomer, restoreCohort, type CohortCounts, type CustomerSpan } from './cohort.ts';
import { BUCKET_FORMULAS, notADate, rolesOf, RowProblem, trimmed, type Aggregates, type BucketFormula, type Cell, type DecimalSeparator, type Figure, type ReadContext } from './formulas.ts';
import { Periods, type PeriodRange } from './period.ts';
import { EXAMPLES_PER_REASON, fixFor, groupKey, type ReasonGroup, type RowFault, type RowIssue } from './row-reasons.ts';
import { timestampParser, Zone, type DateFormat } from './time.ts';
import type { Bucket, KpiResult, SegmentSeries } from './types.ts';

/** How a source writes its rows: its time zone for naive timestamps, and its date format. */
export interface SourceOptions {
  timeZone?: string | undefined;
  dateFormat?: DateFormat | undefined;
  /** The decimal separator of number cells (`.` unless the source says `,`). */
  decimal?: DecimalSeparator | undefined;
}

/** Skipped rows of one reason and column while counting: the fix is worked out at the end. */
type Tally = Omit<ReasonGroup, 'fix'>;

/** A column a KPI names that the data file lacks; `path` is where kpis.yaml names it, under the KPI. */
export interface MissingColumn {
  column: string;
  path: DataPath;
}

/**
 * Timestamps a reader parsed from a row's bytes: in the `columns` flagged, a cell `true` (never a CSV
 * cell's value otherwise) stands for the epoch ms in `ms` at its column. Shared by the KPIs of a scan.
 */
export interface ParsedTimes {
  readonly columns: boolean[];
  readonly ms: Float64Array;
}

const NO_PARSED_TIMES: ParsedTimes = { columns: [], ms: new Float64Array(0) };

/** The formulas whose role columns are all timestamps (read with readTime, nothing else). */
const TIME_ROLE_FORMULAS: ReadonlySet<string> = new Set(['on_time_rate', 'response_time', 'within_sla_rate', 'churn_rate', 'retention_rate']);

/** How many bad rows are listed with their lines (all of them are counted). */
export const MAX_EXAMPLES = 20;

interface Slot { range: PeriodRange; acc: unknown }

/** What a database engine counted for one KPI (the rows never leave the database). */
export interface EngineCounts {
  rowsRead: number;
  rowsUsed: number;
  badCount: number;
  /** One issue per reason, with the rows it stands for and a few example keys. */
  examples: RowIssue[];
  /** Latest observed time, epoch ms (−Infinity when no row). */
  maxTime: number;
}

/** One bucket an engine aggregated: its start as wall-clock time in the KPI's zone, the segment (absent: the whole KPI), its aggregates. */
export interface EngineBucket {
  wallStart: number;
  segment?: readonly string[];
  aggregates: Aggregates;
}

/** What one worker computed over its share of a file: plain data, so it can cross a thread boundary. */
export interface AccumulatorState {
  rowsRead: number;
  rowsUsed: number;
  badCount: number;
  examples: RowIssue[];
  reasons: [string, Tally][];
  maxTime: number;
  overall: [string, Slot][];
  segments: [string, { segment: Record<string, string>; slots: [string, Slot][] }][];
}

/** One series (the whole KPI, or one segment): its buckets by period key. */
class Series {
  readonly slots = new Map<string, Slot>();
  private last: Slot | undefined;

  slot(range: PeriodRange, create: () => unknown): Slot {
    if (this.last?.range.key === range.key) return this.last;
    let slot = this.slots.get(range.key);
    if (!slot) {
      slot = { range, acc: create() };
      this.slots.set(range.key, slot);
    }
    this.last = slot;
    return slot;
  }
}

/**
 * Computes one KPI over the rows of its source, streaming: rows go in one at a time with their line
 * numbers, only per-bucket aggregates are kept, and `result` turns them into the KPI's figures.
 */
export class KpiAccumulator {
  readonly missing: MissingColumn[] = [];
  /** Indexes of the columns this KPI reads (readers may skip decoding the others). */
  readonly needed: number[] = [];
  /** Of those, the ones read only as timestamps (a reader may hand them parsed: see SourceScan.timeColumns). */
  readonly timeOnly: readonly number[];
  rowsRead = 0;
  rowsUsed = 0;
  badCount = 0;
  readonly examples: RowIssue[] = [];
  private readonly reasons = new Map<string, Tally>();
  /** Latest timestamp seen, epoch ms (−Infinity before any row). */
  maxTime = -Infinity;

  private readonly periods: Periods;
  private readonly ctx: ReadContext;
  private readonly formula: BucketFormula | undefined;
  private readonly timestampIndex: number;
  /** The column that says how far the data goes: the timestamp, except when that is a deadline (promised), then the done time. */
  private readonly observedIndex: number;
  private readonly filterIndex: number;
  private readonly keep: ((cell: Cell) => boolean) | undefined;
  private readonly segmentIndexes: number[];
  private readonly overall = new Series();
  private readonly segments = new Map<string, { segment: Record<string, string>; series: Series }>();

  readonly kpi: KpiDef;
  readonly file: string;

  /** `parsed`: the timestamps a reader parsed itself (see SourceScan.timeColumns). */
  constructor(kpi: KpiDef, file: string, header: readonly string[], source: SourceOptions = {}, parsed: ParsedTimes = NO_PARSED_TIMES) {
    const sourceTimeZone = source.timeZone;
    const parse = timestampParser(source.dateFormat);
    this.kpi = kpi;
    this.file = file;
    const find = (column: string, path: DataPath): number => {
      const index = header.indexOf(column);
      if (index < 0) this.missing.push({ column, path });
      else this.needed.push(index);
      return index;
    };
    const roles = rolesOf(kpi.formula);
    const columns = roles.map((role) => kpi.columns[role] ?? '');
    const index = roles.map((role, i) => find(columns[i] ?? '', ['columns', role]));
    const cohort = isCohortFormula(kpi.formula);
    this.timestampIndex = cohort ? -1 : find(kpi.timestamp, ['timestamp']);
    const deadline = kpi.formula === 'on_time_rate' && kpi.timestamp === kpi.columns.promised;
    this.observedIndex = deadline ? (index[0] ?? -1) : this.timestampIndex;
    this.filterIndex = kpi.filter ? find(kpi.filter.column, ['filter', 'column']) : -1;
    this.keep = kpi.filter ? filterPredicate(kpi.filter) : undefined;
    this.segmentIndexes = kpi.segment_by.map((column, i) => find(column, ['segment_by', i]));
    const times = [this.timestampIndex, ...(TIME_ROLE_FORMULAS.has(kpi.formula) ? index : [])];
    const others = [this.filterIndex, ...this.segmentIndexes, ...(TIME_ROLE_FORMULAS.has(kpi.formula) ? [] : index)];
    this.timeOnly = [...new Set(times)].filter((column) => column >= 0 && !others.includes(column));
    const naive = sourceTimeZone && sourceTimeZone !== 'UTC' ? new Zone(sourceTimeZone) : undefined;
    const toUtc = naive ? (wall: number) => naive.toUtc(wall) : undefined;
    // Each column remembers its last value: sorted exports repeat timestamps (promised dates) row after row.
    const lastCell: Cell[] = [];
    const lastMs: number[] = [];
    const time = (cell: Cell, column: number) => {
      if (cell === true && parsed.columns[column]) return parsed.ms[column] ?? NaN;
      if (lastCell[column] === cell) return lastMs[column] ?? NaN;
      const ms = typeof cell === 'string' ? parse(trimmed(cell), toUtc) : NaN;
      lastCell[column] = cell;
      lastMs[column] = ms;
      return ms;
    };
    this.ctx = { kpi, columns, index, time, decimal: source.decimal ?? '.', ...(source.dateFormat ? { dateFormat: source.dateFormat } : {}) };
    this.formula = BUCKET_FORMULAS[kpi.formula];
    this.periods = new Periods(kpi.period, kpi.timezone ?? sourceTimeZone);
  }

  /** Adds one row; a row that cannot be used is counted with its line. */
  add(row: readonly Cell[], line: number): void {
    this.rowsRead++;
    if (this.keep && !this.keep(row[this.filterIndex])) return;
    const problem = this.formula ? this.addToBuckets(this.formula, row) : this.addCustomer(row);
    if (problem) this.reject(line, problem);
    else this.rowsUsed++;
  }

  /** Counts a row found bad before any KPI looked at it (malformed, duplicate key). */
  reject(line: number, { column, reason, message, says, value }: RowFault): void {
    this.badCount++;
    const full = this.examples.length >= MAX_EXAMPLES;
    const key = groupKey({ reason, column });
    let tally = this.reasons.get(key);
    if (!tally) {
      tally = { reason, ...(column ? { column } : {}), count: 0, examples: [] };
      this.reasons.set(key, tally);
    }
    tally.count++;
    if (full && tally.examples.length >= EXAMPLES_PER_REASON) return;
    const issue: RowIssue = { file: this.file, line, ...(column ? { column } : {}), reason, message, ...(says ? { says } : {}), ...(value ? { value } : {}) };
    if (!full) this.examples.push(issue);
    if (tally.examples.length < EXAMPLES_PER_REASON) tally.examples.push(issue);
  }

  private addToBuckets(formula: BucketFormula, row: readonly Cell[]): RowProblem | undefined {
    const at = this.ctx.time(row[this.timestampIndex], this.timestampIndex);
    if (Number.isNaN(at)) return notADate(this.kpi.timestamp, row[this.timestampIndex], this.ctx.dateFormat);
    const parsed = formula.read(row, this.ctx);
    if (parsed instanceof RowProblem) return parsed;
    const observed = this.observedIndex === this.timestampIndex ? at : this.ctx.time(row[this.observedIndex], this.observedIndex);
    if (observed > this.maxTime) this.maxTime = observed;
    if (parsed === null) return undefined;
    const range = this.periods.of(at);
    formula.add(this.overall.slot(range, formula.create).acc, parsed);
    const segment = this.segmentOfRow(row);
    if (segment) formula.add(segment.slot(range, formula.create).acc, parsed);
    return undefined;
  }

  private addCustomer(row: readonly Cell[]): RowProblem | undefined {
    const span = readCustomer(row, this.ctx);
    if (span instanceof RowProblem) return span;
    this.maxTime = Math.max(this.maxTime, span.start, Number.isNaN(span.end) ? -Infinity : span.end);
    const segment = this.segmentOfRow(row);
    for (const series of segment ? [this.overall, segment] : [this.overall]) this.countCustomer(series, span);
    return undefined;
  }

  private countCustomer(series: Series, span: CustomerSpan): void {
    const signup = this.periods.of(span.start);
    (series.slot(signup, emptyCohort).acc as CohortCounts).signups++;
    if (Number.isNaN(span.end)) return;
    const left = this.periods.of(span.end);
    const counts = series.slot(left, emptyCohort).acc as CohortCounts;
    counts.departures++;
    if (left.key === signup.key) counts.sameBucketDepartures++;
  }

  private segmentOfRow(row: readonly Cell[]): Series | undefined {
    if (this.segmentIndexes.length === 0) return undefined;
    return this.segmentOf(this.segmentIndexes.map((i) => String(row[i] ?? '').trim()));
  }

  private segmentOf(values: readonly string[]): Series {
    const key = values.join('\u0000');
    let entry = this.segments.get(key);
    if (!entry) {
      const segment = Object.fromEntries(this.kpi.segment_by.map((column, i) => [column, values[i] ?? '']));
      entry = { segment, series: new Series() };
      this.segments.set(key, entry);
    }
    return entry.series;
  }

  /** Takes an engine's counts: the rows it read, used and skipped, and the latest time it saw. */
  restoreCounts(counts: EngineCounts): void {
    this.rowsRead = counts.rowsRead;
    this.rowsUsed = counts.rowsUsed;
    this.badCount = counts.badCount;
    this.examples.splice(0, this.examples.length, ...counts.examples.slice(0, MAX_EXAMPLES));
    this.reasons.clear();
    // A database reports one issue per reason, standing for `rows` rows: the same groups a file gives.
    for (const issue of counts.examples) {
      const key = groupKey(issue);
      const tally = this.reasons.get(key) ?? { reason: issue.reason, ...(issue.column ? { column: issue.column } : {}), count: 0, examples: [] };
      tally.count += issue.rows ?? 1;
      if (tally.examples.length < EXAMPLES_PER_REASON) tally.examples.push(issue);
      this.reasons.set(key, tally);
    }
    this.maxTime = counts.maxTime;
  }

  /**
   * Takes an engine's per-bucket aggregates into the same slots rows would have filled: from here on,
   * `result` finishes the figures exactly as for a file (min_sample, gaps, completeness, cohorts).
   */
  restoreBuckets(buckets: readonly EngineBucket[]): void {
    for (const bucket of buckets) {
      const series = bucket.segment ? this.segmentOf(bucket.segment) : this.overall;
      const range = this.periods.ofWall(bucket.wallStart);
      const acc = this.formula ? this.formula.restore(bucket.aggregates) : restoreCohort(bucket.aggregates);
      series.slots.set(range.key, { range, acc });
    }
  }

  snapshot(): AccumulatorState {
    return {
      rowsRead: this.rowsRead, rowsUsed: this.rowsUsed, badCount: this.badCount, examples: this.examples,
      reasons: [...this.reasons], maxTime: this.maxTime,
      overall: [...this.overall.slots],
      segments: [...this.segments].map(([key, { segment, series }]) => [key, { segment, slots: [...series.slots] }]),
    };
  }

  /** Adds another worker's share of the same file; its line numbers are shifted by `lineOffset`. */
  absorb(state: AccumulatorState, lineOffset: number): void {
    this.rowsRead += state.rowsRead;
    this.rowsUsed += state.rowsUsed;
    this.badCount += state.badCount;
    this.maxTime = Math.max(this.maxTime, state.maxTime);
    const shifted = state.examples.map((issue) => ({ ...issue, line: (issue.line ?? 0) + lineOffset }));
    const examples = [...this.examples, ...shifted].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_EXAMPLES);
    this.examples.splice(0, this.examples.length, ...examples);
    for (const [key, theirs] of state.reasons) {
      const mine = this.reasons.get(key);
      const shiftedExamples = theirs.examples.map((issue) => ({ ...issue, line: (issue.line ?? 0) + lineOffset }));
      if (!mine) this.reasons.set(key, { ...theirs, examples: shiftedExamples });
      else {
        mine.count += theirs.count;
        mine.examples = [...mine.examples, ...shiftedExamples].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, EXAMPLES_PER_REASON);
      }
    }
    this.mergeSlots(this.overall, state.overall);
    for (const [key, { segment, slots }] of state.segments) {
      let entry = this.segments.get(key);
      if (!entry) {
        entry = { segment, series: new Series() };
        this.segments.set(key, entry);
      }
      this.mergeSlots(entry.series, slots);
    }
  }

  private mergeSlots(series: Series, slots: [string, Slot][]): void {
    for (const [key, slot] of slots) {
      const mine = series.slots.get(key);
      if (!mine) series.slots.set(key, slot);
      else if (this.formula) this.formula.merge(mine.acc, slot.acc);
      else mergeCohort(mine.acc as CohortCounts, slot.acc as CohortCounts);
    }
  }

  /** The KPI's figures; `dataDate` (epoch ms) decides which periods are complete and which pending rows are late. */
  result(dataDate: number): KpiResult {
    const ranges = this.rangesOf(this.overall, dataDate);
    const segments: SegmentSeries[] = [...this.segments.values()]
      .sort((a, b) => JSON.stringify(a.segment).localeCompare(JSON.stringify(b.segment)))
      .map(({ segment, series }) => ({ segment, buckets: this.bucketsOf(series, ranges, dataDate) }));
    return {
      kpi: this.kpi, formula: this.kpi.formula, period: this.kpi.period,
      buckets: this.bucketsOf(this.overall, ranges, dataDate), segments,
      rowsRead: this.rowsRead, rowsUsed: this.rowsUsed,
      badRows: { count: this.badCount, examples: this.examples, byReason: this.reasonGroups() },
      dataDate: Number.isFinite(this.maxTime) ? new Date(this.maxTime).toISOString() : null,
    };
  }

  /** Skipped rows by reason, the commonest first, each with its fix. */
  private reasonGroups(): ReasonGroup[] {
    return [...this.reasons.values()]
      .sort((a, b) => b.count - a.count || (a.examples[0]?.line ?? 0) - (b.examples[0]?.line ?? 0))
      .map((tally) => ({ ...tally, ...fixFor(tally.reason, tally.column, tally.examples, this.kpi) }));
  }

  /** Every period from the first with data to the last, gaps included, so a silent month shows as no data. */
  private rangesOf(series: Series, dataDate: number): PeriodRange[] {
    const known = [...series.slots.values()].map((slot) => slot.range).sort((a, b) => a.start - b.start);
    const first = known[0];
    if (!first) return [];
    let lastStart = known[known.length - 1]?.start ?? first.start;
    // Customers stay active after their last event: churn runs on to the data date.
    if (!this.formula && Number.isFinite(dataDate)) lastStart = Math.max(lastStart, this.periods.of(dataDate).start);
    const ranges = [first];
    for (let range = first; range.start < lastStart;) {
      range = this.periods.next(range);
      ranges.push(range);
    }
    return ranges;
  }

  private bucketsOf(series: Series, ranges: readonly PeriodRange[], dataDate: number): Bucket[] {
    const formula = this.formula;
    const figures: Figure[] = formula
      ? ranges.map((range) => {
        const slot = series.slots.get(range.key);
        return slot ? formula.figure(slot.acc, this.kpi, dataDate) : { n: 0, value: null };
      })
      : cohortFigures(this.kpi.formula, ranges.map((range) => ({
        range, counts: (series.slots.get(range.key)?.acc as CohortCounts | undefined) ?? emptyCohort(),
      })));
    return ranges.map((range, i) => {
      const { n, value, ci95 } = figures[i] ?? { n: 0, value: null };
      const shown = n >= this.kpi.min_sample && value !== null && Number.isFinite(value) ? value : null;
      return {
        period: range.key,
        start: new Date(range.start).toISOString(),
        end: new Date(range.end).toISOString(),
        n,
        value: shown,
        complete: range.end <= dataDate,
        ci95: shown === null ? null : ci95 ?? null,
      };
    });
  }
}

/** Filter values compare as text, so `equals: 5` matches the CSV cell "5". */
function filterPredicate(filter: NonNullable<KpiDef['filter']>): (cell: Cell) => boolean {
  const equals = filter.equals === undefined ? undefined : String(filter.equals);
  const not = filter.not === undefined ? undefined : String(filter.not);
  const within = filter.in ? new Set(filter.in.map(String)) : undefined;
  return (cell) => {
    const text = String(cell ?? '').trim();
    return (equals === undefined || text === equals) && (not === undefined || text !== not) && (!within || within.has(text));
  };
}
