import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, loadDuckdb, loadPostgres, writeCsv, yaml, type Table } from './dataset.ts';
import { testDatabase } from './postgres.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'pledge-engines-'));
const database = await testDatabase();
const tables = generate();

type Engine = 'csv' | 'parquet' | 'duckdb' | 'postgres';
const ENGINES: Engine[] = ['csv', 'parquet', 'duckdb', 'postgres'];
const KEYS: Record<string, string> = { orders: 'order_id' };

/** Every formula, period kind, filter kind, segments, time zones and min_sample cases, as kpis.yaml entries. */
const CASES: Array<Record<string, unknown> & { table: string }> = [
  { id: 'nps_q', formula: 'nps', table: 'surveys', columns: { score: 'score' }, filter: { column: 'survey', equals: 'nps' }, timestamp: 'answered_at', period: 'quarter', segment_by: ['channel'], min_sample: 5 },
  { id: 'csat_m_sp', formula: 'csat', table: 'surveys', columns: { score: 'score' }, filter: { column: 'survey', equals: 'csat' }, timestamp: 'answered_at', period: 'month', timezone: 'America/Sao_Paulo' },
  { id: 'ces_w_lon', formula: 'ces', table: 'surveys', columns: { score: 'score' }, filter: { column: 'survey', in: ['ces'] }, timestamp: 'answered_at', period: 'week', timezone: 'Europe/London', min_sample: 10 },
  { id: 'on_time_m', formula: 'on_time_rate', table: 'orders', columns: { done: 'delivered_at', promised: 'promised_at' }, timestamp: 'promised_at', period: 'month', segment_by: ['region'], min_sample: 30 },
  { id: 'on_time_w_tokyo', formula: 'on_time_rate', table: 'orders', columns: { done: 'delivered_at', promised: 'promised_at' }, timestamp: 'placed_at', period: 'week', timezone: 'Asia/Tokyo', filter: { column: 'status', not: 'cancelled' } },
  { id: 'reply_median_m', formula: 'response_time', statistic: 'median', duration_unit: 'hours', table: 'tickets', columns: { start: 'opened_at', end: 'first_reply_at' }, timestamp: 'opened_at', period: 'month', segment_by: ['channel'], min_sample: 20 },
  { id: 'reply_p90_w', formula: 'response_time', statistic: 'p90', duration_unit: 'minutes', table: 'tickets', columns: { start: 'opened_at', end: 'first_reply_at' }, timestamp: 'opened_at', period: 'week' },
  { id: 'reply_p95_q_ny', formula: 'response_time', statistic: 'p95', table: 'tickets', columns: { start: 'opened_at', end: 'first_reply_at' }, timestamp: 'opened_at', period: 'quarter', timezone: 'America/New_York' },
  { id: 'reply_mean_m', formula: 'response_time', statistic: 'mean', table: 'tickets', columns: { start: 'opened_at', end: 'first_reply_at' }, timestamp: 'opened_at', period: 'month' },
  { id: 'sla_m_lis', formula: 'within_sla_rate', sla: 24, table: 'tickets', columns: { start: 'opened_at', end: 'resolved_at' }, timestamp: 'opened_at', period: 'month', timezone: 'Europe/Lisbon', segment_by: ['channel'] },
  { id: 'churn_m', formula: 'churn_rate', table: 'customers', columns: { start: 'signed_up_at', end: 'left_at' }, timestamp: 'signed_up_at', period: 'month', segment_by: ['plan'], min_sample: 10 },
  { id: 'retention_q', formula: 'retention_rate', table: 'customers', columns: { start: 'signed_up_at', end: 'left_at' }, timestamp: 'signed_up_at', period: 'quarter' },
  { id: 'repeat_m', formula: 'repeat_purchase_rate', table: 'orders', columns: { customer: 'customer_id' }, timestamp: 'placed_at', period: 'month', segment_by: ['region', 'channel'] },
  { id: 'basket_mean_m', formula: 'mean', table: 'orders', columns: { value: 'amount' }, timestamp: 'placed_at', period: 'month', filter: { column: 'status', not: 'cancelled' } },
  { id: 'revenue_sum_w', formula: 'sum', table: 'orders', columns: { value: 'amount' }, timestamp: 'placed_at', period: 'week', segment_by: ['channel'], timezone: 'Pacific/Auckland' },
  { id: 'orders_count_m', formula: 'count', table: 'orders', timestamp: 'placed_at', period: 'month', filter: { column: 'channel', in: ['web', 'app'] } },
  { id: 'refund_ratio_q', formula: 'ratio', unit: '%', table: 'orders', columns: { numerator: 'refunded', denominator: 'amount' }, timestamp: 'placed_at', period: 'quarter' },
  { id: 'too_few_m', formula: 'csat', table: 'surveys', columns: { score: 'score' }, filter: { column: 'survey', equals: 'csat' }, timestamp: 'answered_at', period: 'month', min_sample: 400 },
  { id: 'query_nps_m', formula: 'nps', table: 'surveys', query: true, columns: { score: 'score' }, filter: { column: 'survey', equals: 'nps' }, timestamp: 'answered_at', period: 'month' },
];

const PROMISE = {
  company: 'Engines Ltd', language: 'en', audience: { who: 'home cooks' }, values: ['care'], unique_assets: ['hand packed'],
  promise_types: ['delivery'], benefit: 'you can plan dinner',
  commitments: [
    { id: 'on-time', kpi: 'on_time_m', target: { comparison: '>=', value: 70, unit: '%' }, internal_target: { comparison: '>=', value: 80, unit: '%' }, period: 'month' },
    { id: 'reply', kpi: 'reply_median_m', target: { comparison: '<=', value: 6, unit: 'hours' }, period: 'month' },
    { id: 'churn', kpi: 'churn_m', target: { comparison: '<=', value: 5, unit: '%' }, period: 'month' },
    { id: 'happy', kpi: 'csat_m_sp', target: { comparison: '>=', value: 60, unit: '%' }, period: 'month' },
  ],
};

function sourceOf(engine: Engine, table: string, query: boolean): unknown {
  const key = KEYS[table];
  if (engine === 'csv' || engine === 'parquet') return `data/${table}.${engine}`;
  const connection = engine === 'duckdb' ? 'local' : 'warehouse';
  return { connection, ...(query ? { query: `select * from ${table}` } : { table }), ...(key ? { key } : {}) };
}

/** The project for one engine: the same KPIs, reading the same rows from that engine. */
function project(engine: Engine): string {
  const root = path.join(work, engine);
  mkdirSync(path.join(root, 'content'), { recursive: true });
  const kpis = CASES.map(({ table, query, ...fields }) => ({
    name: String(fields.id), better: 'higher', method: 'Test.', ...fields, source: sourceOf(engine, table, Boolean(query)),
  }));
  const sources = engine === 'csv' || engine === 'parquet' ? Object.entries(KEYS).map(([table, key]) => ({ file: `data/${table}.${engine}`, key })) : [];
  writeFileSync(path.join(root, 'content/kpis.yaml'), yaml({ kpis, sources }));
  writeFileSync(path.join(root, 'content/promise.yaml'), yaml(PROMISE));
  writeFileSync(path.join(root, 'content/connections.yaml'), yaml({ connections: {
    local: { engine: 'duckdb', path: 'data/shop.duckdb' }, warehouse: { engine: 'postgres', url: 'env:PLEDGE_TEST_WAREHOUSE' },
  } }));
  cpSync(path.join(work, 'data'), path.join(root, 'content/data'), { recursive: true });
  return root;
}

async function pledgeKpi(root: string): Promise<Record<string, unknown>> {
  const env = { ...process.env, CI: '1', PLEDGE_TEST_WAREHOUSE: database?.url ?? '' };
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(repo, 'bin/pledge.mjs'), 'kpi', '--format', 'json'], { cwd: root, env, maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

interface Result { dataDate: string; kpis: Array<Record<string, unknown>>; commitments: unknown[] }
type Interval = { low: number; high: number };
type BucketJson = { period: string; start: string; end: string; n: number; value: number | null; complete: boolean; ci95?: Interval | null };

const digits = (x: number, precision: number) => Number(x.toPrecision(precision));

/**
 * What must be equal whatever the engine: figures (to 12 significant digits: sums of decimals add up in
 * another order), their 95 % intervals (to 10: a mean's comes from a sum of squares, which an engine adds
 * in another order, where the file engine sums deviations from the mean), n, periods, statuses, data date,
 * row counts, and skipped rows per reason.
 *
 * Not compared: the interval of a response_time median or percentile. It is made of two order statistics of
 * the durations, which the file engine keeps as counts per duration; an engine returns only the exact
 * percentile (percentile_cont), so its buckets carry ci95 null there. Everything else of those KPIs is compared.
 */
function figures(result: Result) {
  const interval = (ci: Interval | null | undefined) => (ci ? { low: digits(ci.low, 10), high: digits(ci.high, 10) } : ci);
  const buckets = (list: BucketJson[], percentile: boolean) => list.map(({ ci95, ...b }) => ({
    ...b, value: b.value === null ? null : digits(b.value, 12), ...(percentile ? {} : { ci95: interval(ci95) }),
  }));
  return {
    dataDate: result.dataDate,
    commitments: result.commitments,
    kpis: result.kpis.map((k) => {
      const def = k.kpi as { id: string; formula: string; statistic?: string };
      const percentile = def.formula === 'response_time' && def.statistic !== 'mean';
      const badRows = k.badRows as { count: number; byReason?: Array<{ reason: string; column?: string; count: number }> };
      return {
        id: def.id, rowsRead: k.rowsRead, rowsUsed: k.rowsUsed, bad: badRows.count,
        byReason: (badRows.byReason ?? []).map((g) => `${g.reason} ${g.column ?? ''}: ${g.count}`).sort(),
        buckets: buckets(k.buckets as BucketJson[], percentile),
        segments: (k.segments as Array<{ segment: unknown; buckets: BucketJson[] }>).map((s) => ({ segment: s.segment, buckets: buckets(s.buckets, percentile) })),
      };
    }),
  };
}

const results = new Map<Engine, Result>();

beforeAll(async () => {
  const data = path.join(work, 'data');
  mkdirSync(data, { recursive: true });
  for (const table of tables) writeCsv(table, path.join(data, `${table.name}.csv`));
  await loadDuckdb(path.join(data, 'shop.duckdb'), data, data, tables);
  if (database) await loadPostgres(database.url, tables);
  for (const engine of ENGINES) if (engine !== 'postgres' || database) results.set(engine, await pledgeKpi(project(engine)) as unknown as Result);
}, 120_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await database?.stop();
});

describe('one answer whatever the engine', () => {
  it('the file engine\'s figures are a real test: every formula has periods with values, bad rows were counted, statuses vary', () => {
    const csv = figures(results.get('csv') as Result);
    for (const kpi of csv.kpis.filter((k) => k.id !== 'too_few_m')) expect(kpi.buckets.some((b) => b.value !== null), kpi.id).toBe(true);
    expect(csv.kpis.find((k) => k.id === 'too_few_m')?.buckets.every((b) => b.value === null)).toBe(true);
    expect(csv.kpis.find((k) => k.id === 'on_time_m')?.bad).toBe(20 + countNull(tables, 'orders', 'promised_at'));
    expect(csv.kpis.find((k) => k.id === 'reply_median_m')?.bad).toBeGreaterThan(10);
    const statuses = new Set(JSON.stringify(csv.commitments).match(/"status":"[a-z-]+"/g));
    expect(statuses.size).toBeGreaterThan(1);
  });

  for (const engine of ENGINES.slice(1)) {
    it.skipIf(engine === 'postgres' && !database)(`${engine} gives the CSV file's figures, n, statuses and data date for every KPI`, () => {
      const expected = figures(results.get('csv') as Result);
      const actual = figures(results.get(engine) as Result);
      expect(actual.dataDate).toBe(expected.dataDate);
      for (const [i, kpi] of expected.kpis.entries()) expect(actual.kpis[i], kpi.id).toEqual(kpi);
      expect(actual.commitments).toEqual(expected.commitments);
    });
  }
});

function countNull(all: readonly Table[], name: string, column: string): number {
  const table = all.find((t) => t.name === name);
  const index = table?.columns.findIndex(([c]) => c === column) ?? -1;
  const seen = new Set<string>();
  // Duplicates are skipped before the promised date is read, so a duplicate with no promised date counts once.
  return table?.rows.filter((row) => {
    const fresh = !seen.has(String(row[0]));
    seen.add(String(row[0]));
    return fresh && row[index] === null;
  }).length ?? 0;
}
