import type { FormulaId, KpiDef } from '../schema/kpis.ts';
import { quoteData } from '../quote-data.ts';
import { addHash, forEachHash, hash64, newHashTable, type HashTable } from './key-set.ts';
import { FORMULA_ROLES } from './roles.ts';
import type { Param, RowText } from '../check/messages.ts';
import type { RowReason } from './row-reasons.ts';
import type { DateFormat } from './time.ts';
import { addCount, meanInterval, meanIntervalOfCounts, npsInterval, quantile, quantileInterval, wilson, type Interval } from './stats.ts';

/** A value as a reader hands it over: CSV gives strings, JSON any scalar. */
export type Cell = string | number | boolean | null | undefined;

/** Why one row cannot be used: it is counted and reported with its line, never silently dropped. */
export class RowProblem {
  readonly column: string;
  readonly message: string;
  readonly reason: RowReason;
  /** The message as data, for reports in other languages. */
  readonly says: RowText;
  /** The cell that was wrong, shortened, so a report can suggest a fix from what the values look like. */
  readonly value: string | undefined;

  // Plain fields, not parameter properties: worker threads load this file with Node's type stripping.
  constructor(column: string, message: string, reason: RowReason, says: RowText, cell?: Cell) {
    this.column = column;
    this.message = message;
    this.reason = reason;
    this.says = says;
    this.value = isBlank(cell) ? undefined : String(cell).trim().slice(0, 40);
  }
}

/** What a formula needs to read one row: where its role columns are, and how to read a timestamp. */
export interface ReadContext {
  kpi: KpiDef;
  /** Column name per role, in FORMULA_ROLES order. */
  columns: readonly string[];
  /** Index in the row per role, in FORMULA_ROLES order. */
  index: readonly number[];
  /** Epoch ms of a timestamp cell (NaN if it is not one); `column` lets repeated values skip parsing. */
  time(cell: Cell, column: number): number;
  /** The decimal separator the source's number cells use. */
  decimal: DecimalSeparator;
  /** How the source writes its timestamps (ISO 8601 unless its date_format says otherwise). */
  dateFormat?: DateFormat;
}

export type DecimalSeparator = '.' | ',';

export interface Figure {
  /** The sample the figure is computed from (rows, or customers for customer formulas). */
  n: number;
  value: number | null;
  /** 95 % interval, for a figure estimated from a sample (not for sums and counts, which count everything). */
  ci95?: Interval | null;
}

/**
 * A bucket's aggregates as a database engine computes them (counts, sums, an exact percentile), by name;
 * the names each formula expects are listed in adapters/sources/sql/formulas.ts.
 */
export type Aggregates = Readonly<Record<string, number>>;

/** A formula over the rows of one bucket: read a row, add it to the bucket, compute the figure. */
export interface BucketFormula<P = unknown, A = unknown> {
  /** The parsed row, a RowProblem, or null for a row that does not count yet (e.g. not delivered yet). */
  read(row: readonly Cell[], ctx: ReadContext): P | RowProblem | null;
  create(): A;
  add(acc: A, parsed: P): void;
  /** Adds the rows of `from` (another worker's share of the file) into `into`. */
  merge(into: A, from: A): void;
  figure(acc: A, kpi: KpiDef, dataDate: number): Figure;
  /** The bucket's state from an engine's aggregates, so the figure is finished by the same `figure`. */
  restore(aggregates: Aggregates): A;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && !startsPrintable(cell) && cell.trim() === '');
}

/** A printable ASCII character other than a space: never whitespace. */
const isPrintable = (code: number) => code > 32 && code < 127;

/** Whether a text starts with a printable ASCII character, so trimming cannot empty it (a check per cell, before trim()). */
const startsPrintable = (text: string) => text.length > 0 && isPrintable(text.charCodeAt(0));

/** `text.trim()`, without the call for the usual cell that starts and ends with a printable ASCII character. */
export function trimmed(text: string): string {
  return startsPrintable(text) && isPrintable(text.charCodeAt(text.length - 1)) ? text : text.trim();
}

/**
 * A number cell, in plain decimal notation only (`-12`, `4.5`, or `4,5` when the source says its
 * decimal separator is a comma), spaces around it allowed; NaN for anything else. `Number()` alone
 * would also take `0x0A`, `0b1010`, `1e1` and `Infinity`, none of which a survey score or an amount is
 * ever written as. JSON numbers arrive as numbers, already decimal.
 */
export function numberOf(cell: Cell, decimal: DecimalSeparator = '.'): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string' || !isPlainDecimal(cell, decimal === ',' ? COMMA : POINT)) return NaN;
  return decimal === ',' ? Number(cell.replace(',', '.')) : Number(cell);
}

const [POINT, COMMA, MINUS, SPACE, ZERO, NINE] = [46, 44, 45, 32, 48, 57];

/**
 * `-?digits(separator digits)?` between optional spaces. A loop over char codes, not a regular
 * expression: this runs once per number cell, and measured as fast as `Number()` alone, where the
 * regular expression took 1.8 times as long.
 */
function isPlainDecimal(text: string, separator: number): boolean {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= SPACE) end--;
  let i = 0;
  while (i < end && text.charCodeAt(i) <= SPACE) i++;
  if (i < end && text.charCodeAt(i) === MINUS) i++;
  const start = i;
  let separatorAt = -1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) continue;
    if (code !== separator || separatorAt >= 0) return false;
    separatorAt = i;
  }
  // Digits on both sides of the separator, and at least one digit in all.
  return separatorAt < 0 ? end > start : separatorAt > start && separatorAt < end - 1;
}

function show(cell: Cell): string {
  return isBlank(cell) ? 'an empty value' : quoteData(String(cell), 40);
}

/** The cell as a placeholder value: quoted as `show` quotes it, or the language's word for an empty value. */
function shown(cell: Cell): Param {
  return isBlank(cell) ? { blank: true } : quoteData(String(cell), 40);
}

/** A score that must be an integer in [min, max]. */
function readScore(row: readonly Cell[], ctx: ReadContext, min: number, max: number): number | RowProblem {
  const cell = row[ctx.index[0] ?? -1];
  const score = numberOf(cell, ctx.decimal);
  if (!Number.isInteger(score) || score < min || score > max) {
    return new RowProblem(ctx.columns[0] ?? '', `${show(cell)} is not a score from ${min} to ${max}`, 'not-a-score',
      { case: 'not-a-score', params: { value: shown(cell), min, max } }, cell);
  }
  return score;
}

/** A timestamp of role `i`; NaN for a blank cell when blanks are allowed. */
export function readTime(row: readonly Cell[], ctx: ReadContext, i: number, blankAllowed = false): number | RowProblem {
  const cell = row[ctx.index[i] ?? -1];
  if (blankAllowed && isBlank(cell)) return NaN;
  const ms = ctx.time(cell, ctx.index[i] ?? -1);
  return Number.isNaN(ms)
    ? notADate(ctx.columns[i] ?? '', cell, ctx.dateFormat)
    : ms;
}

/** A timestamp cell that does not read as one, saying which format was expected. */
export function notADate(column: string, cell: Cell, format: DateFormat = 'YYYY-MM-DD'): RowProblem {
  const expected = format === 'YYYY-MM-DD' ? 'ISO 8601, e.g. 2026-03-01T14:05:00Z' : `date_format ${format}`;
  const says: RowText = format === 'YYYY-MM-DD'
    ? { case: 'not-a-date', params: { value: shown(cell) } }
    : { case: 'not-a-date-format', params: { value: shown(cell), format } };
  return new RowProblem(column, `${show(cell)} is not a date-time (expected ${expected})`, 'not-a-date', says, cell);
}

/** A row whose end (role 1) is before its start (role 0). */
export function endBeforeStart(ctx: ReadContext): RowProblem {
  const [start, end] = [ctx.columns[0] ?? '', ctx.columns[1] ?? ''];
  return new RowProblem(end, `${ctx.columns[1]} is before ${ctx.columns[0]}`, 'end-before-start', { case: 'end-before-start', params: { end, start } });
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

interface Share { n: number; hits: number }
const share = (): Share => ({ n: 0, hits: 0 });
const mergeShare = (into: Share, from: Share) => {
  into.n += from.n;
  into.hits += from.hits;
};
const restoreShare = (aggregates: Aggregates): Share => ({ n: aggregates.n ?? 0, hits: aggregates.hits ?? 0 });

/** Promoters and detractors counted apart: the interval needs both, not only their difference. */
interface NpsCounts { n: number; promoters: number; detractors: number }

const nps: BucketFormula<number, NpsCounts> = {
  read: (row, ctx) => readScore(row, ctx, 0, 10),
  create: () => ({ n: 0, promoters: 0, detractors: 0 }),
  add(acc, score) {
    acc.n++;
    if (score >= 9) acc.promoters++;
    else if (score <= 6) acc.detractors++;
  },
  merge(into, from) {
    into.n += from.n;
    into.promoters += from.promoters;
    into.detractors += from.detractors;
  },
  figure: (acc) => ({
    n: acc.n, value: percent(acc.promoters - acc.detractors, acc.n), ci95: npsInterval(acc.promoters, acc.detractors, acc.n),
  }),
  restore: (aggregates) => ({ n: aggregates.n ?? 0, promoters: aggregates.promoters ?? 0, detractors: aggregates.detractors ?? 0 }),
};

/** A share in %, with its Wilson interval. */
const shareFigure = (hits: number, n: number): Figure => ({ n, value: percent(hits, n), ci95: wilson(hits, n) });

const csat: BucketFormula<number, Share> = {
  read: (row, ctx) => readScore(row, ctx, 1, 5),
  create: share,
  add(acc, score) {
    acc.n++;
    if (score >= 4) acc.hits++;
  },
  merge: mergeShare,
  figure: (acc) => shareFigure(acc.hits, acc.n),
  restore: restoreShare,
};

/** Count, sum and sum of squares: enough for a mean and its t-interval, and a database can return the same three. */
interface Total { n: number; sum: number; sumSquares: number }
const total = (): Total => ({ n: 0, sum: 0, sumSquares: 0 });
const addTotal = (acc: Total, value: number) => {
  acc.n++;
  acc.sum += value;
  acc.sumSquares += value * value;
};
const mergeTotal = (into: Total, from: Total) => {
  into.n += from.n;
  into.sum += from.sum;
  into.sumSquares += from.sumSquares;
};
// An engine returns the sum of squares as sum_squares; without it (NaN) a mean carries no interval rather than a wrong one.
const restoreTotal = (aggregates: Aggregates): Total => ({ n: aggregates.n ?? 0, sum: aggregates.sum ?? 0, sumSquares: aggregates.sum_squares ?? Number.NaN });
const meanFigure = (acc: Total): Figure => ({ n: acc.n, value: acc.n ? acc.sum / acc.n : null, ci95: Number.isFinite(acc.sumSquares) ? meanInterval(acc.n, acc.sum, acc.sumSquares) : null });

const ces: BucketFormula<number, Total> = {
  read: (row, ctx) => readScore(row, ctx, 1, 7),
  create: total,
  add: addTotal,
  merge: mergeTotal,
  figure: meanFigure,
  restore: restoreTotal,
};

/** Rows not done yet count as late once their deadline is before the data date, and not at all before. */
interface Deadlines { n: number; hits: number; pending: number[] }
type Outcome = boolean | { pendingSince: number };

function deadlineShare(read: BucketFormula<Outcome, Deadlines>['read']): BucketFormula<Outcome, Deadlines> {
  return {
    read,
    create: () => ({ n: 0, hits: 0, pending: [] }),
    add(acc, outcome) {
      if (typeof outcome === 'boolean') {
        acc.n++;
        if (outcome) acc.hits++;
      } else acc.pending.push(outcome.pendingSince);
    },
    merge(into, from) {
      mergeShare(into, from);
      into.pending.push(...from.pending);
    },
    figure(acc, _kpi, dataDate) {
      const overdue = acc.pending.filter((deadline) => deadline < dataDate).length;
      return shareFigure(acc.hits, acc.n + overdue);
    },
    // An engine is given the data date, so its n already counts the overdue rows.
    restore: (aggregates) => ({ ...restoreShare(aggregates), pending: [] }),
  };
}

const onTimeRate = deadlineShare((row, ctx) => {
  const done = readTime(row, ctx, 0, true);
  const promised = readTime(row, ctx, 1);
  if (done instanceof RowProblem) return done;
  if (promised instanceof RowProblem) return promised;
  return Number.isNaN(done) ? { pendingSince: promised } : done <= promised;
});

const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const;
const unitMs = (kpi: KpiDef) => UNIT_MS[kpi.duration_unit ?? 'hours'];

/** end − start in ms; null when the end is blank (not happened yet); a problem when it runs backwards. */
function readDuration(row: readonly Cell[], ctx: ReadContext): number | RowProblem | null {
  const start = readTime(row, ctx, 0);
  if (start instanceof RowProblem) return start;
  const end = readTime(row, ctx, 1, true);
  if (end instanceof RowProblem) return end;
  if (Number.isNaN(end)) return null;
  if (end < start) return endBeforeStart(ctx);
  return end - start;
}

const withinSlaRate = deadlineShare((row, ctx) => {
  const duration = readDuration(row, ctx);
  if (duration === null) {
    const start = readTime(row, ctx, 0) as number;
    return { pendingSince: start + (ctx.kpi.sla ?? 0) * unitMs(ctx.kpi) };
  }
  if (duration instanceof RowProblem) return duration;
  return duration <= (ctx.kpi.sla ?? 0) * unitMs(ctx.kpi);
});

/**
 * `quantileMs`: the percentile an engine computed exactly (percentile_cont, the same type 7), in place of `counts`;
 * `sumSquares`: from an engine too, for the mean's interval (the file engine has the counts instead).
 */
interface Durations { n: number; sum: number; counts: Map<number, number>; quantileMs?: number; sumSquares?: number; restored?: boolean }
const QUANTILE = { median: 0.5, p90: 0.9, p95: 0.95 } as const;

const responseTime: BucketFormula<number, Durations> = {
  read: readDuration,
  create: () => ({ n: 0, sum: 0, counts: new Map() }),
  add(acc, ms) {
    acc.n++;
    acc.sum += ms;
    addCount(acc.counts, ms);
  },
  merge(into, from) {
    into.n += from.n;
    into.sum += from.sum;
    for (const [ms, count] of from.counts) into.counts.set(ms, (into.counts.get(ms) ?? 0) + count);
  },
  figure(acc, kpi) {
    const statistic = kpi.statistic ?? 'median';
    const q = statistic === 'mean' ? undefined : QUANTILE[statistic];
    const exact = (at: number) => (acc.n === 0 ? null : acc.quantileMs ?? quantile(acc.counts, acc.n, at));
    const ms = q === undefined ? (acc.n ? acc.sum / acc.n : null) : exact(q);
    // From a database the mean's interval comes from n, sum and sum of squares; for a percentile only the
    // percentile comes back, not the durations its interval needs.
    const interval = acc.restored
      ? (q === undefined && Number.isFinite(acc.sumSquares) ? meanInterval(acc.n, acc.sum, acc.sumSquares ?? Number.NaN) : null)
      : q === undefined ? meanIntervalOfCounts(acc.counts, acc.n) : quantileInterval(acc.counts, acc.n, q);
    const unit = unitMs(kpi);
    return { n: acc.n, value: ms === null ? null : ms / unit, ci95: interval && { low: interval.low / unit, high: interval.high / unit } };
  },
  restore: (aggregates) => ({ ...restoreTotal(aggregates), counts: new Map(), quantileMs: aggregates.quantile, restored: true }),
};

/** The quantile each response_time statistic asks for (engines compute it with percentile_cont). */
export function quantileOf(kpi: KpiDef): number | undefined {
  const statistic = kpi.statistic ?? 'median';
  return statistic === 'mean' ? undefined : QUANTILE[statistic];
}

/**
 * Customers of one period: each customer's hash with a count saturating at 2 (key-set.ts), and how
 * many reached 2, so memory is about 16 bytes a customer and period, not a string and a Map entry.
 * From an engine, the counts come already made (`counted`).
 */
interface Customers { table: HashTable; repeats: number; counted?: { customers: number; repeat: number } }

function countCustomer(acc: Customers, high: number, low: number, times: 1 | 2): void {
  const before = addHash(acc.table, high, low, times);
  if (before < 2 && before + times >= 2) acc.repeats++;
}

const repeatPurchaseRate: BucketFormula<string, Customers> = {
  read(row, ctx) {
    const cell = row[ctx.index[0] ?? -1];
    return isBlank(cell) ? new RowProblem(ctx.columns[0] ?? '', 'the customer is empty', 'empty-value', { case: 'no-customer', params: {} }) : String(cell);
  },
  create: () => ({ table: newHashTable(), repeats: 0 }),
  add(acc, customer) {
    const { high, low } = hash64(customer);
    countCustomer(acc, high, low, 1);
  },
  merge(into, from) {
    forEachHash(from.table, (high, low, times) => countCustomer(into, high, low, times));
  },
  figure(acc) {
    if (acc.counted) return shareFigure(acc.counted.repeat, acc.counted.customers);
    return shareFigure(acc.repeats, acc.table.size);
  },
  restore: (aggregates) => ({ table: newHashTable(), repeats: 0, counted: { customers: aggregates.n ?? 0, repeat: aggregates.hits ?? 0 } }),
};

function readNumber(row: readonly Cell[], ctx: ReadContext, i: number): number | RowProblem {
  const cell = row[ctx.index[i] ?? -1];
  const value = numberOf(cell, ctx.decimal);
  return Number.isFinite(value) ? value
    : new RowProblem(ctx.columns[i] ?? '', `${show(cell)} is not a number`, 'not-a-number', { case: 'not-a-number', params: { value: shown(cell) } }, cell);
}

const mean: BucketFormula<number, Total> = {
  read: (row, ctx) => readNumber(row, ctx, 0),
  create: total,
  add: addTotal,
  merge: mergeTotal,
  figure: meanFigure,
  restore: restoreTotal,
};

const sum: BucketFormula<number, Total> = { ...mean, figure: (acc) => ({ n: acc.n, value: acc.sum }) };

const count: BucketFormula<number, Total> = {
  read: () => 1,
  create: total,
  add: addTotal,
  merge: mergeTotal,
  figure: (acc) => ({ n: acc.n, value: acc.n }),
  restore: restoreTotal,
};

interface Pair { n: number; numerator: number; denominator: number }
const ratio: BucketFormula<[number, number], Pair> = {
  read(row, ctx) {
    const numerator = readNumber(row, ctx, 0);
    if (numerator instanceof RowProblem) return numerator;
    const denominator = readNumber(row, ctx, 1);
    return denominator instanceof RowProblem ? denominator : [numerator, denominator];
  },
  create: () => ({ n: 0, numerator: 0, denominator: 0 }),
  add(acc, [numerator, denominator]) {
    acc.n++;
    acc.numerator += numerator;
    acc.denominator += denominator;
  },
  merge(into, from) {
    into.n += from.n;
    into.numerator += from.numerator;
    into.denominator += from.denominator;
  },
  figure(acc, kpi) {
    if (acc.denominator === 0) return { n: acc.n, value: null };
    return { n: acc.n, value: (acc.numerator / acc.denominator) * (kpi.unit === '%' ? 100 : 1) };
  },
  restore: (aggregates) => ({ n: aggregates.n ?? 0, numerator: aggregates.numerator ?? 0, denominator: aggregates.denominator ?? 0 }),
};

/** The formulas computed bucket by bucket; churn and retention follow customers across buckets (cohort.ts). */
export const BUCKET_FORMULAS: Partial<Record<FormulaId, BucketFormula>> = {
  nps, csat, ces,
  on_time_rate: onTimeRate,
  response_time: responseTime,
  within_sla_rate: withinSlaRate,
  repeat_purchase_rate: repeatPurchaseRate,
  mean, sum, count, ratio,
} as Partial<Record<FormulaId, BucketFormula>>;

export function rolesOf(formula: FormulaId): readonly string[] {
  return FORMULA_ROLES[formula];
}
