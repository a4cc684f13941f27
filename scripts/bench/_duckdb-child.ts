/** Child process of the KPI benchmark: the same aggregation in DuckDB (read_csv + GROUP BY). */
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2] ?? '';
const start = performance.now();
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
await connection.run("SET TimeZone = 'UTC'");
const reader = await connection.runAndReadAll(`
  SELECT strftime(promised_at, '%Y-%m') AS period, count(*) AS n,
         count(*) FILTER (WHERE delivered_at <= promised_at) AS on_time
  FROM read_csv('${file.replace(/'/g, "''")}', header = true)
  GROUP BY period ORDER BY period`);
const rows = reader.getRows();
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({
  seconds, rows: rows.reduce((sum, row) => sum + Number(row[1]), 0), maxRssMb: process.resourceUsage().maxRSS / 1024,
  periods: rows.map((row) => [String(row[0]), Number(row[1])]),
}));
