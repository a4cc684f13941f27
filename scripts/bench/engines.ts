import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { stringify } from 'yaml';
import { startPostgres } from '../throwaway-postgres.ts';
import { BENCH_KPI } from './_engines-kpi.ts';
import { runChild, timedMs, type BenchSection } from './_measure.ts';

/** Orders generated inside PostgreSQL (seeded), so loading 10M rows takes seconds, not a file. */
async function loadOrders(url: string, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('select setseed(0.42)');
  await client.query(`create unlogged table orders as select 'O' || i as order_id, placed + interval '2 days' as promised_at,
      case when random() < 0.05 then null else placed + interval '2 days' + (random() - 0.8) * interval '48 hours' end as delivered_at,
      (array['north', 'south', 'east'])[1 + i % 3] as region
    from (select i, timestamptz '2025-01-01' + random() * interval '365 days' as placed from generate_series(1, ${rows}) as i) as g`);
  await client.query('analyze orders');
  await client.end();
}

function pushDownProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pledge-bench-engines-'));
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'content/promise.yaml'), stringify({
    company: 'Bench', language: 'en', audience: { who: 'cooks' }, values: ['care'], unique_assets: ['packing'], promise_types: ['delivery'],
    benefit: 'you can plan', commitments: [{ id: 'on-time', kpi: 'on_time', target: { comparison: '>=', value: 75, unit: '%' }, period: 'month' }],
  }));
  writeFileSync(path.join(root, 'content/kpis.yaml'), stringify({ kpis: [{ ...BENCH_KPI, source: { connection: 'warehouse', table: 'orders' } }] }));
  writeFileSync(path.join(root, 'content/connections.yaml'), stringify({ connections: { warehouse: { engine: 'postgres', url: 'env:PLEDGE_BENCH_WAREHOUSE' } } }));
  return root;
}

export const section: BenchSection = {
  name: 'engines',
  summary: 'a KPI over orders in PostgreSQL: pledge computing it inside the server, against pulling every row into the file engine',
  async run({ quick, root, log }) {
    const rows = quick ? 1_000_000 : 10_000_000;
    const server = await startPostgres();
    if (!server) {
      log('skipped: PostgreSQL is not installed (apt-get install postgresql) and PLEDGE_TEST_PG_URL is not set.');
      return;
    }
    const project = pushDownProject();
    try {
      const loadMs = await timedMs(() => loadOrders(server.url, rows));
      log(`${(rows / 1e6).toFixed(0)}M orders generated in PostgreSQL in ${(loadMs / 1000).toFixed(1)} s`);
      const env = { PLEDGE_BENCH_WAREHOUSE: server.url };
      const push = await runChild(['--import', 'tsx', path.join(root, 'scripts/bench/_engine-child.ts'), project], root, env);
      const pull = await runChild(['--import', 'tsx', path.join(root, 'scripts/bench/_pull-child.ts')], root, env);
      const same = JSON.stringify(push.periods) === JSON.stringify(pull.periods);
      log(`| what | push-down (pledge) | pull every row (baseline) | ratio |`);
      log(`|---|---|---|---|`);
      log(`| time | ${push.seconds.toFixed(2)} s | ${pull.seconds.toFixed(2)} s | ${(push.seconds / pull.seconds).toFixed(2)} |`);
      log(`| pledge's peak RSS | ${push.maxRssMb.toFixed(0)} MB | ${pull.maxRssMb.toFixed(0)} MB | ${(push.maxRssMb / pull.maxRssMb).toFixed(2)} |`);
      log(`rows: ${push.rows} read by push-down, ${pull.rows} pulled; same periods and n: ${same ? 'yes' : 'NO'}`);
    } finally {
      rmSync(project, { recursive: true, force: true });
      await server.stop();
    }
  },
};
