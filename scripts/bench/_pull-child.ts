/**
 * Child process of the engines benchmark, the baseline: pulls every row of the orders table out of
 * PostgreSQL (a server-side cursor, 20,000 rows a fetch, as text like a CSV export) into the file
 * engine's accumulator, and prints {seconds, rows, maxRssMb, periods}.
 */
import pg from 'pg';
import { SourceScan } from '../../src/core/kpi/source-scan.ts';
import { kpiSchema } from '../../src/core/schema/kpis.ts';
import { BENCH_KPI } from './_engines-kpi.ts';

const start = performance.now();
const kpi = kpiSchema.parse({ ...BENCH_KPI, source: 'data/orders.csv' });
const header = ['promised_at', 'delivered_at', 'region'];
const scan = new SourceScan([kpi], 'orders', header);
const client = new pg.Client({ connectionString: process.env.PLEDGE_BENCH_WAREHOUSE });
await client.connect();
await client.query('begin read only');
await client.query(`declare rows no scroll cursor for select to_char(promised_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  to_char(delivered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), region from orders`);
let line = 1;
for (;;) {
  const { rows } = await client.query({ text: 'fetch 20000 from rows', rowMode: 'array' });
  if (!rows.length) break;
  for (const row of rows as Array<Array<string | null>>) scan.add(row, ++line);
}
await client.query('commit');
await client.end();
const acc = scan.accumulators[0];
const result = acc?.result(acc.maxTime);
console.log(JSON.stringify({
  seconds: (performance.now() - start) / 1000, rows: result?.rowsRead ?? 0, maxRssMb: process.resourceUsage().maxRSS / 1024,
  periods: result?.buckets.map((b) => [b.period, b.n]) ?? [],
}));
