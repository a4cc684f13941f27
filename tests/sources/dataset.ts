import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { sql } from './postgres.ts';

/**
 * A small generated company (orders, surveys, tickets, customers), the same rows written as CSV, into
 * a DuckDB file, as Parquet and into PostgreSQL, with the bad rows every engine must count alike:
 * out-of-range and missing scores, missing timestamps, replies before the ticket, duplicate order ids.
 */
export type ColumnType = 'text' | 'number' | 'time';
export type Value = string | number | null;
export interface Table { name: string; columns: Array<[string, ColumnType]>; rows: Value[][] }

/** mulberry32: a small seeded generator, so every run makes the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2025-12-20T00:00:00Z');
const SPAN = Date.parse('2026-04-10T00:00:00Z') - START;

export function generate(seed = 7): Table[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const at = () => START + Math.floor(next() * SPAN / 1000) * 1000;
  const rows = (count: number, row: (i: number) => Value[]) => Array.from({ length: count }, (_, i) => row(i));

  const surveys = rows(1500, (i) => {
    const survey = pick(['nps', 'csat', 'ces']);
    const max = survey === 'nps' ? 10 : survey === 'csat' ? 5 : 7;
    const lowest = survey === 'nps' ? 0 : 1;
    const score = chance(0.02) ? max + 1 : chance(0.01) ? null : lowest + Math.floor(next() * (max - lowest + 1));
    return [`S${i + 1}`, survey, score, chance(0.01) ? null : at(), pick(['email', 'web', 'app'])];
  });
  const orders = rows(2000, (i) => {
    const placed = at();
    const promised = placed + (1 + Math.floor(next() * 4)) * DAY + Math.floor(next() * 12) * HOUR;
    const delivered = chance(0.08) ? null : promised + Math.round((next() - 0.75) * 48) * HOUR;
    const amount = chance(0.01) ? null : Math.round(5 + next() * 19500) / 100;
    const refunded = amount !== null && chance(0.1) ? Math.round(amount * 50) / 100 : 0;
    return [`O${i + 1}`, `C${1 + Math.floor(next() * 300)}`, pick(['north', 'south', 'east']), pick(['web', 'app', 'phone']),
      chance(0.05) ? 'cancelled' : 'ok', placed, chance(0.01) ? null : promised, delivered, amount, refunded];
  });
  for (let copy = 0; copy < 20; copy++) orders.splice(Math.floor(next() * orders.length), 0, [...(orders[Math.floor(next() * 2000)] ?? [])]);
  const tickets = rows(1200, (i) => {
    const opened = at();
    const reply = chance(0.05) ? null : opened + (chance(0.01) ? -HOUR : Math.floor(next() * next() * 30 * HOUR / 1000) * 1000);
    const resolved = chance(0.07) ? null : opened + Math.floor(next() * 60 * HOUR / 1000) * 1000;
    return [`T${i + 1}`, pick(['email', 'chat', 'phone']), chance(0.01) ? null : opened, reply, resolved];
  });
  const customers = rows(400, (i) => {
    const signed = Date.parse('2025-09-01T00:00:00Z') + Math.floor(next() * 220 * DAY / 1000) * 1000;
    const left = chance(0.7) ? null : signed + (chance(0.01) ? -DAY : Math.floor(next() * 150 * DAY / 1000) * 1000);
    return [`C${i + 1}`, pick(['basic', 'pro']), chance(0.01) ? null : signed, left];
  });
  return [
    { name: 'surveys', columns: [['response_id', 'text'], ['survey', 'text'], ['score', 'number'], ['answered_at', 'time'], ['channel', 'text']], rows: surveys },
    { name: 'orders', columns: [['order_id', 'text'], ['customer_id', 'text'], ['region', 'text'], ['channel', 'text'], ['status', 'text'],
      ['placed_at', 'time'], ['promised_at', 'time'], ['delivered_at', 'time'], ['amount', 'number'], ['refunded', 'number']], rows: orders },
    { name: 'tickets', columns: [['ticket_id', 'text'], ['channel', 'text'], ['opened_at', 'time'], ['first_reply_at', 'time'], ['resolved_at', 'time']], rows: tickets },
    { name: 'customers', columns: [['customer_id', 'text'], ['plan', 'text'], ['signed_up_at', 'time'], ['left_at', 'time']], rows: customers },
  ];
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const cell = (value: Value, type: ColumnType) => (value === null ? '' : type === 'time' ? iso(value as number) : String(value));

export function writeCsv(table: Table, file: string): void {
  const lines = [table.columns.map(([name]) => name).join(','), ...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i]?.[1] ?? 'text')).join(','))];
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const SQL_TYPES = { text: 'text', number: 'double precision', time: 'timestamptz' } as const;

/** Creates the tables in PostgreSQL and inserts the rows, 500 a statement. */
export async function loadPostgres(url: string, tables: readonly Table[]): Promise<void> {
  const statements: Array<string | [string, unknown[]]> = [];
  for (const table of tables) {
    statements.push(`drop table if exists ${table.name}`, `create table ${table.name} (${table.columns.map(([name, type]) => `${name} ${SQL_TYPES[type]}`).join(', ')})`);
    for (let from = 0; from < table.rows.length; from += 500) {
      const batch = table.rows.slice(from, from + 500);
      const width = table.columns.length;
      const values = batch.map((_, r) => `(${table.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
      const params = batch.flatMap((row) => row.map((v, c) => (v !== null && table.columns[c]?.[1] === 'time' ? iso(v as number) : v)));
      statements.push([`insert into ${table.name} values ${values}`, params]);
    }
  }
  await sql(url, statements);
}

/** Loads the CSV files into a DuckDB database file, and writes each table as Parquet beside it. */
export async function loadDuckdb(file: string, csvDir: string, parquetDir: string, tables: readonly Table[]): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run("set TimeZone = 'UTC'");
  const types = { text: 'VARCHAR', number: 'DOUBLE', time: 'TIMESTAMPTZ' } as const;
  for (const table of tables) {
    const columns = `{${table.columns.map(([name, type]) => `'${name}': '${types[type]}'`).join(', ')}}`;
    await connection.run(`create table ${table.name} as select * from read_csv('${path.join(csvDir, `${table.name}.csv`)}', header = true, columns = ${columns})`);
    await connection.run(`copy ${table.name} to '${path.join(parquetDir, `${table.name}.parquet`)}' (format parquet)`);
  }
  connection.closeSync();
  instance.closeSync();
}

export { stringify as yaml };
