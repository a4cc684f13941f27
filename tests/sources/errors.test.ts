import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yaml } from './dataset.ts';
import { sql, testDatabase } from './postgres.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'pledge-sql-errors-'));
const database = await testDatabase();
const INJECTION = "'); drop table orders; --";

const PROMISE = {
  company: 'Small Shop', language: 'en', audience: { who: 'home cooks' }, values: ['care'], unique_assets: ['hand packed'],
  promise_types: ['delivery'], benefit: 'you can plan dinner',
  commitments: [{ id: 'on-time', kpi: 'on_time', target: { comparison: '>=', value: 75, unit: '%' }, period: 'month' }],
};
const KPI = {
  id: 'on_time', name: 'On time', formula: 'on_time_rate', columns: { done: 'delivered_at', promised: 'promised_at' },
  timestamp: 'promised_at', period: 'month', segment_by: ['region'], unit: '%', better: 'higher', method: 'Test.',
};

let counter = 0;
/** A project whose one KPI reads `source`, with the given connections.yaml; returns its folder. */
function project(source: unknown, connections: unknown, kpi: Record<string, unknown> = {}): string {
  const root = path.join(work, `p${++counter}`);
  mkdirSync(path.join(root, 'content'), { recursive: true });
  writeFileSync(path.join(root, 'content/promise.yaml'), yaml(PROMISE));
  writeFileSync(path.join(root, 'content/kpis.yaml'), yaml({ kpis: [{ ...KPI, ...kpi, source }] }));
  if (connections) writeFileSync(path.join(root, 'content/connections.yaml'), yaml({ connections }));
  return root;
}

async function pledgeKpi(root: string, env: Record<string, string> = {}, ...args: string[]) {
  return promisify(execFile)(process.execPath, [path.join(repo, 'bin/pledge.mjs'), 'kpi', ...args], { cwd: root, env: { ...process.env, CI: '1', ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

const warehouse = { warehouse: { engine: 'postgres', url: 'env:PLEDGE_TEST_WAREHOUSE' } };
const pgEnv = () => ({ PLEDGE_TEST_WAREHOUSE: database?.url ?? '' });

async function rowCount(table: string): Promise<number> {
  const client = new pg.Client({ connectionString: database?.url });
  await client.connect();
  try {
    return Number((await client.query(`select count(*) as n from ${table}`)).rows[0]?.n);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

beforeAll(async () => {
  if (!database) return;
  await sql(database.url, [
    'create table orders (order_id text, promised_at timestamptz, delivered_at timestamptz, region text)',
    ['insert into orders values ($1, $2, $3, $4), ($5, $6, $7, $8), ($9, $10, $11, $12), ($13, $14, $15, $16), ($17, $18, $19, $20)', [
      'A1', '2026-01-10T12:00:00Z', '2026-01-09T12:00:00Z', 'north',
      'A2', '2026-01-12T12:00:00Z', '2026-01-13T12:00:00Z', 'south',
      'A2', '2026-01-12T12:00:00Z', '2026-01-13T12:00:00Z', 'south',
      'A3', null, '2026-01-05T12:00:00Z', 'north',
      'A4', '2026-02-01T12:00:00Z', null, INJECTION,
    ]],
  ]);
}, 60_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await database?.stop();
});

describe.skipIf(!database)('PostgreSQL source', () => {
  it('computes inside the server; bad rows are counted per reason with example keys instead of lines', async () => {
    const { code, stdout, stderr } = await pledgeKpi(project({ connection: 'warehouse', table: 'orders', key: 'order_id' }, warehouse), pgEnv(), '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { dataDate: string; kpis: Array<{ rowsRead: number; rowsUsed: number; buckets: unknown[]; segments: Array<{ segment: Record<string, string> }>; badRows: { count: number } }> };
    expect(result.dataDate).toBe('2026-01-13T12:00:00.000Z'); // the latest delivery: the deadline KPI's data reaches that far
    const [kpi] = result.kpis;
    expect([kpi?.rowsRead, kpi?.rowsUsed, kpi?.badRows.count]).toEqual([5, 3, 2]);
    expect(kpi?.buckets).toEqual([
      // 1 of 2 on time: 50 %, Wilson 95 % interval 9.5 % to 90.5 %, as the file engine gives it.
      { period: '2026-01', start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z', n: 2, value: 50, complete: false,
        ci95: { low: expect.closeTo(9.4531, 3), high: expect.closeTo(90.5469, 3) } },
      { period: '2026-02', start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z', n: 0, value: null, complete: false, ci95: null },
    ]);
    // A segment value that looks like SQL is just a value.
    expect(kpi?.segments.map((s) => s.segment.region)).toEqual([INJECTION, 'north', 'south'].sort((a, b) => JSON.stringify({ region: a }).localeCompare(JSON.stringify({ region: b }))));
    expect(stderr).toBe([
      'warehouse:orders  on_time  1 row skipped: order_id appears more than once (duplicate rows) (e.g. order_id "A2") (column order_id).'
        + ' Remove the repeated rows from the export, or drop key: from the source if repeats are real.',
      'warehouse:orders  on_time  1 row skipped: promised_at is empty or not a date-time (e.g. order_id "A3") (column promised_at).'
        + ' Write promised_at as an ISO 8601 date-time (2026-03-01T14:05:00Z) in these rows; if the whole file uses another format,'
        + ' declare it in kpis.yaml (date_format: DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD, epoch_s or epoch_ms on its source).',
      '',
    ].join('\n'));
  });

  it('quotes table, column and segment names and passes filter values as parameters: injection finds nothing and drops nothing', async () => {
    const attempts: Array<[unknown, Record<string, unknown>, RegExp]> = [
      [{ connection: 'warehouse', table: 'orders"; drop table orders; --' }, {}, /^content\/kpis\.yaml:\d+:\d+ {2}KPI "on_time" reads warehouse:orders"; drop table orders; --: relation "orders"; drop table orders; --" does not exist\. Check the table name/],
      [{ connection: 'warehouse', table: 'orders' }, { columns: { done: 'delivered_at" from orders; drop table orders; --', promised: 'promised_at' } },
        /^content\/kpis\.yaml:\d+:\d+ {2}KPI "on_time" needs the column "delivered_at" from orders; drop table orders; --", which warehouse:orders does not have\./],
      [{ connection: 'warehouse', table: 'orders' }, { segment_by: ['region"); drop table orders; --'] }, /needs the column "region"\); drop table orders; --", which warehouse:orders does not have/],
    ];
    for (const [source, kpi, message] of attempts) {
      const { code, stderr } = await pledgeKpi(project(source, warehouse, kpi), pgEnv());
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
    const filtered = await pledgeKpi(project({ connection: 'warehouse', table: 'orders' }, warehouse, { filter: { column: 'region', equals: "x' or '1'='1" } }), pgEnv(), '--format', 'json');
    expect(filtered.code).toBe(0);
    expect((JSON.parse(filtered.stdout) as { kpis: Array<{ rowsUsed: number }> }).kpis[0]?.rowsUsed).toBe(0);
    expect(await rowCount('orders')).toBe(5);
  });

  it('a refused connection, a failed login and a timeout are one line each at connections.yaml, exit 2, with no password in it', async () => {
    const port = await freePort();
    const url = new URL(database?.url ?? '');
    const cases: Array<[string, unknown, RegExp]> = [
      [`postgres://bob:s3cret@127.0.0.1:${port}/shop`, warehouse, new RegExp(`^content/connections\\.yaml:4:10  Connection "warehouse" \\(postgres\\): the connection to 127\\.0\\.0\\.1:${port}/shop was refused`)],
      [`postgres://nobody:s3cret@${url.host}${url.pathname}`, warehouse, /Connection "warehouse" \(postgres\): the server at .* refused the user name or password\. Check the user name and password in the URL in PLEDGE_TEST_WAREHOUSE\./],
    ];
    for (const [value, connections, message] of cases) {
      const { code, stderr } = await pledgeKpi(project({ connection: 'warehouse', table: 'orders' }, connections), { PLEDGE_TEST_WAREHOUSE: value });
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toContain('s3cret');
    }
    const slow = project({ connection: 'warehouse', query: 'select orders.* from orders, pg_sleep(3)' }, { warehouse: { ...warehouse.warehouse, timeout: 0.5 } });
    const { code, stderr } = await pledgeKpi(slow, pgEnv());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^content\/kpis\.yaml:\d+:\d+ {2}KPI "on_time" reads warehouse:query: the query ran longer than 0\.5 s and was cancelled\./);
  });

  it('an unknown table is one line at the KPI\'s table in kpis.yaml', async () => {
    const { code, stderr } = await pledgeKpi(project({ connection: 'warehouse', table: 'ordres' }, warehouse), pgEnv());
    expect(code).toBe(2);
    expect(stderr).toBe('content/kpis.yaml:17:14  KPI "on_time" reads warehouse:ordres: relation "ordres" does not exist. Check the table name (schema.table is allowed) and that this user may read it.\n');
  });
});

describe('connections.yaml', () => {
  it('a missing environment variable is a located error naming it', async () => {
    const { code, stderr } = await pledgeKpi(project({ connection: 'warehouse', table: 'orders' }, warehouse), { PLEDGE_TEST_WAREHOUSE: '' });
    expect(code).toBe(2);
    expect(stderr).toBe('content/connections.yaml:4:10  Connection "warehouse" reads its URL from the environment variable PLEDGE_TEST_WAREHOUSE, which is not set. Set it where pledge runs (export PLEDGE_TEST_WAREHOUSE=postgres://user:password@host:5432/database, or a CI secret); never write the URL in a file.\n');
  });

  it('a password written in the file, in a URL or as a key, is an input error that says how to use env:', async () => {
    const literal = await pledgeKpi(project({ connection: 'warehouse', table: 'orders' }, { warehouse: { engine: 'postgres', url: 'postgres://bob:s3cret@db.example.com/shop' } }));
    expect(literal.code).toBe(2);
    expect(literal.stderr).toMatch(/^content\/connections\.yaml:4:10 {2}connections\.warehouse\.url: a password is written in this file, where anyone who can read the repository sees it\. Put the URL in an environment variable and write url: env:PLEDGE_WAREHOUSE_URL/);
    const key = await pledgeKpi(project({ connection: 'warehouse', table: 'orders' }, { warehouse: { engine: 'postgres', url: 'postgres://db.example.com/shop', password: 's3cret' } }));
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/connections\.warehouse\.password: a password must never be written in a file\./);
  });

  it('a KPI naming an unknown connection, and a DuckDB path leaving the project, are located errors', async () => {
    const unknown = await pledgeKpi(project({ connection: 'wharehouse', table: 'orders' }, warehouse));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('content/kpis.yaml:16:19  There is no connection named "wharehouse" in connections.yaml (it has: warehouse). Declare it in content/connections.yaml, e.g. connections: { warehouse: { engine: postgres, url: env:PLEDGE_WAREHOUSE_URL } }.\n');
    const outside = await pledgeKpi(project({ connection: 'local', table: 'orders' }, { local: { engine: 'duckdb', path: '../shop.duckdb' } }));
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^content\/connections\.yaml:4:11 {2}connections\.local\.path: this path leaves the project\./);
  });
});
