import { KpiAccumulator } from '../../../core/kpi/accumulator.ts';
import type { RowText } from '../../../core/check/messages.ts';
import type { RowIssue, RowReason } from '../../../core/kpi/types.ts';
import type { KpiDef } from '../../../core/schema/kpis.ts';
import { numberOf, type SqlEngine, type SqlValue } from '../types.ts';
import { KpiSql, type FromSql } from './compile.ts';

/** One KPI computed inside an engine: counted first (the data date needs every KPI's latest time), then aggregated. */
export interface SqlKpi {
  accumulator: KpiAccumulator;
  /** Columns of the source, for messages about a missing one. */
  header: readonly string[];
  /** The key column, when declared but absent from the source. */
  missingKey?: string;
  /** Runs the bucket query with the data date and hands its aggregates to the accumulator. */
  finish(dataDate: number): Promise<void>;
}

/** Reads the source's columns, then (when every column the KPI names is there) counts its rows in SQL. */
export async function countKpi(engine: SqlEngine, kpi: KpiDef, from: FromSql, shown: string, key?: string): Promise<SqlKpi> {
  const sql = new KpiSql(kpi, from, engine.dialect, key);
  const probe = sql.columns();
  const header = await engine.columns(probe.sql, probe.params);
  const accumulator = new KpiAccumulator(kpi, shown, header);
  const missingKey = key && !header.includes(key) ? key : undefined;
  const finish = async (dataDate: number) => {
    const { sql: text, params } = sql.buckets(Number.isFinite(dataDate) ? dataDate : 0);
    accumulator.restoreBuckets((await engine.query(text, params)).map((row) => bucketOf(row, kpi)));
  };
  const result = { accumulator, header, ...(missingKey ? { missingKey } : {}), finish };
  if (accumulator.missing.length || missingKey) return result;
  const counts = sql.counts();
  const rows = await engine.query(counts.sql, counts.params);
  const examples = sql.examples();
  const keys = examples && rows.some((row) => row.problem !== null && row.problem !== 'filtered')
    ? await engine.query(examples.sql, examples.params) : [];
  accumulator.restoreCounts(countsOf(rows, keys, problemMeanings(sql, kpi, key), shown, key));
  return result;
}

export interface Meaning { column: string; message: string; says: RowText }

/** What each problem code means: the column it concerns and what is wrong with it, in English and as a case of `rows.says`. */
export function problemMeanings(sql: KpiSql, kpi: KpiDef, key?: string): Map<string, Meaning> {
  const map = new Map(sql.checks.map((check) => [check.code, { column: check.column, message: `${check.column} ${check.message}`, says: check.says }]));
  map.set('timestamp', { column: kpi.timestamp, message: `${kpi.timestamp} is empty or not a date-time`, says: { case: 'db-not-a-date', params: { column: kpi.timestamp } } });
  if (key) {
    map.set('key', { column: key, message: `the ${key} is empty`, says: { case: 'empty-value', params: { column: key } } });
    map.set('duplicate', { column: key, message: `${key} appears more than once (duplicate rows)`, says: { case: 'db-duplicate', params: { column: key } } });
  }
  return map;
}

function countsOf(rows: Record<string, SqlValue>[], keys: Record<string, SqlValue>[], meaning: Map<string, Meaning>, shown: string, key?: string) {
  let [rowsRead, rowsUsed, badCount, maxTime] = [0, 0, 0, -Infinity];
  const examples: RowIssue[] = [];
  for (const row of rows) {
    const count = numberOf(row.rows);
    rowsRead += count;
    if (row.problem === null) {
      rowsUsed = count;
      for (const [name, value] of Object.entries(row)) if (name.startsWith('observed_') && value !== null) maxTime = Math.max(maxTime, numberOf(value));
    } else if (row.problem !== 'filtered') {
      badCount += count;
      const sample = keys.filter((k) => k.problem === row.problem).map((k) => String(k.key));
      // How many: `rows`, which reports show beside it.
      examples.push({ file: shown, reason: reasonOf(String(row.problem)), ...describeProblem(meaning.get(String(row.problem)), String(row.problem), sample, key), rows: count });
    }
  }
  examples.sort((a, b) => (b.rows ?? 0) - (a.rows ?? 0) || a.message.localeCompare(b.message));
  return { rowsRead, rowsUsed, badCount, examples, maxTime };
}

/**
 * A problem's column and text, with a few keys of its rows when the source declares one:
 * `order_id appears more than once (duplicate rows) (e.g. order_id "A2")`. An unknown code (none
 * today) stays as SQL gave it, in every language.
 */
export function describeProblem(meaning: Meaning | undefined, code: string, sample: readonly string[], key?: string): Pick<RowIssue, 'column' | 'message' | 'says'> {
  if (!meaning) return { column: '', message: code };
  if (!key || sample.length === 0) return { column: meaning.column, message: meaning.message, says: meaning.says };
  const keys = sample.map((value) => `"${value}"`);
  return {
    column: meaning.column,
    message: `${meaning.message} (e.g. ${key} ${keys.join(', ')})`,
    says: { case: 'db-examples', params: { reason: { row: 'says', text: meaning.says, english: meaning.message }, column: key, keys: { list: keys } } },
  };
}

/** The file engine's reason for a problem code of the SQL checks, so both group skipped rows alike. */
function reasonOf(code: string): RowReason {
  if (code === 'score') return 'not-a-score';
  if (code === 'timestamp' || code.startsWith('time_') || code.startsWith('unreadable_')) return 'not-a-date';
  if (code.startsWith('number_')) return 'not-a-number';
  if (code === 'backwards') return 'end-before-start';
  if (code === 'duplicate') return 'duplicate-key';
  if (code === 'key' || code === 'customer') return 'empty-value';
  return 'unreadable';
}

function bucketOf(row: Record<string, SqlValue>, kpi: KpiDef) {
  const aggregates: Record<string, number> = {};
  for (const [name, value] of Object.entries(row)) if (!name.startsWith('pledge_') && value !== null) aggregates[name] = numberOf(value);
  const whole = numberOf(row.pledge_whole) !== 0 || kpi.segment_by.length === 0;
  const segment = whole ? undefined : kpi.segment_by.map((_, i) => String(row[`pledge_s${i}`] ?? ''));
  return { wallStart: numberOf(row.pledge_bucket), ...(segment ? { segment } : {}), aggregates };
}
