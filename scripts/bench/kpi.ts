import { appendFileSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { PARALLEL_MIN_BYTES } from '../../src/adapters/data/parallel.ts';
import { median, runChild, timeShell, type BenchContext, type BenchSection, type ChildReport } from './_measure.ts';

/**
 * The KPI engine against DuckDB and a `cat` floor, on the same generated orders file, in the same run:
 * on-time delivery by month (count and on-time count per month). Times are each program's own compute
 * time, after its runtime has started (Node + tsx, or DuckDB's module load), so startup costs don't decide.
 */
const PROMISE = `company: Bench Co
language: en
audience: { who: benchmark readers }
values: [speed]
promise_types: [delivery]
benefit: numbers you can trust
commitments:
  - id: on-time
    kpi: on_time_delivery
    target: { comparison: ">=", value: 95, unit: "%" }
    period: month
`;

const KPIS = `kpis:
  - id: on_time_delivery
    name: On-time delivery
    formula: on_time_rate
    source: data/orders.csv
    columns: { done: delivered_at, promised: promised_at }
    timestamp: promised_at
    period: month
    unit: "%"
    better: higher
    method: Orders delivered on or before the promised date.
`;

/** The memory-heavy variants of the same file: a key column checked for duplicates, and per-customer state. */
const KEYED_KPIS = `${KPIS}sources:
  - file: data/orders.csv
    key: order_id
`;
const REPEAT_KPIS = `kpis:
  - id: repeat_buyers
    name: Repeat buyers
    formula: repeat_purchase_rate
    source: data/orders.csv
    columns: { customer: customer_id }
    timestamp: ordered_at
    period: month
    unit: "%"
    better: higher
    method: Customers who ordered twice or more in the month.
`;

const label = (rows: number) => (rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`);

/** bench-data/kpi-<size>/: a project whose only KPI reads a generated orders file (made once, then reused). */
async function benchProject(root: string, rows: number, log: (line: string) => void): Promise<string> {
  const dir = path.join(root, 'bench-data', `kpi-${label(rows)}`);
  const data = path.join(dir, 'content', 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(dir, 'content', 'promise.yaml'), PROMISE);
  writeFileSync(path.join(dir, 'content', 'kpis.yaml'), KPIS);
  if (!existsSync(path.join(data, 'orders.csv'))) {
    log(`Generating ${label(rows)} orders in ${path.relative(root, data)}/ (once) ...`);
    await runChild(['--import', 'tsx', path.join(root, 'scripts/generate-data.ts'), '--rows', String(rows), '--only', 'orders',
      '--clean', '--from', '2019-01-01', '--out', data], root).catch(() => undefined);
  }
  return dir;
}

/**
 * bench-data/kpi-<size>-<variant>/: the same orders file (a hard link, not a copy) with other KPIs.
 * Only the first KPI's figures are reported by the engine child.
 */
function variantProject(base: string, variant: string, kpis: string): string {
  const dir = `${base}-${variant}`;
  const data = path.join(dir, 'content', 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(dir, 'content', 'promise.yaml'), PROMISE.replace('kpi: on_time_delivery', `kpi: ${/id: (\S+)/.exec(kpis)?.[1] ?? ''}`));
  writeFileSync(path.join(dir, 'content', 'kpis.yaml'), kpis);
  if (!existsSync(path.join(data, 'orders.csv'))) linkSync(path.join(base, 'content', 'data', 'orders.csv'), path.join(data, 'orders.csv'));
  return dir;
}

/** The median time of a few runs of each program, taking turns, so a change of machine load hits them alike. */
async function measure<K extends string>(runs: number, programs: Record<K, () => Promise<ChildReport>>): Promise<Record<K, ChildReport>> {
  const names = Object.keys(programs) as K[];
  const reports = new Map<K, ChildReport[]>(names.map((name) => [name, []]));
  for (let i = 0; i < runs; i++) for (const name of names) reports.get(name)?.push(await programs[name]());
  return Object.fromEntries(names.map((name) => [name, summary(reports.get(name) ?? [])])) as Record<K, ChildReport>;
}

function summary(reports: ChildReport[]): ChildReport {
  const seconds = median(reports.map((r) => r.seconds));
  return { ...(reports.find((r) => r.seconds === seconds) ?? reports[0] ?? { rows: 0, maxRssMb: 0 }), seconds, maxRssMb: Math.max(...reports.map((r) => r.maxRssMb)) };
}

function row(name: string, seconds: number, rows: number, mb: number, rss: number | undefined, duck: number, cat: number): string {
  const cells = [name.padEnd(27), `${seconds.toFixed(2)} s`.padStart(9), `${(rows / seconds / 1e6).toFixed(2)} M rows/s`.padStart(16),
    `${(mb / seconds).toFixed(0)} MB/s`.padStart(10), (rss === undefined ? '—' : `${rss.toFixed(0)} MB`).padStart(9),
    `${(seconds / duck).toFixed(2)}`.padStart(10), `${(seconds / cat).toFixed(1)}`.padStart(8)];
  return cells.join('  ');
}

async function benchSize(context: BenchContext, rows: number): Promise<void> {
  const { root, log } = context;
  const dir = await benchProject(root, rows, log);
  const file = path.join(dir, 'content', 'data', 'orders.csv');
  const mb = statSync(file).size / 1e6;
  const runs = rows <= 1e6 ? 3 : 1;
  // One after another, not at once: three reads of a file not yet in the page cache would share the disk.
  const cats: number[] = [];
  for (let i = 0; i < 3; i++) cats.push(await timeShell(`cat '${file}' > /dev/null`));
  const cat = median(cats);
  const child = ['--import', 'tsx', path.join(root, 'scripts/bench/_engine-child.ts'), dir];
  // The default (threads chosen by file size and idle cores, in the child: it reports its choice), and
  // both choices forced. An empty PLEDGE_WORKERS is the default, whatever the shell has.
  const chosen: number[] = [];
  const { engine, one, two, duck } = await measure(runs, {
    engine: () => runChild(child, root, { PLEDGE_WORKERS: '' }).then((report) => (chosen.push(Number(report.threads ?? 1)), report)),
    one: () => runChild(child, root, { PLEDGE_WORKERS: '1' }),
    two: () => runChild(child, root, { PLEDGE_WORKERS: '2' }),
    duck: () => runChild(['--import', 'tsx', path.join(root, 'scripts/bench/_duckdb-child.ts'), file], root),
  });
  const threads = chosen.join(', ');
  log(`${label(rows)} rows, ${mb.toFixed(0)} MB (median of ${runs} run${runs > 1 ? 's' : ''}, programs taking turns; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; ratio = time ÷ the other's time, lower is better)`);
  log(['program'.padEnd(27), 'time'.padStart(9), 'throughput'.padStart(16), 'MB/s'.padStart(10), 'peak RSS'.padStart(9), 'vs DuckDB'.padStart(10), 'vs cat'.padStart(8)].join('  '));
  log(row(`pledge (default: ${threads} thr.)`, engine.seconds, engine.rows, mb, engine.maxRssMb, duck.seconds, cat));
  log(row('pledge (PLEDGE_WORKERS=1)', one.seconds, one.rows, mb, one.maxRssMb, duck.seconds, cat));
  log(row('pledge (PLEDGE_WORKERS=2)', two.seconds, two.rows, mb, two.maxRssMb, duck.seconds, cat));
  log(row('DuckDB read_csv+GROUP BY', duck.seconds, duck.rows, mb, duck.maxRssMb, duck.seconds, cat));
  log(row('cat > /dev/null', cat, rows, mb, undefined, duck.seconds, cat));
  // The last month differs by design: pledge leaves out orders not delivered yet whose promise is still ahead.
  const months = (report: ChildReport) => JSON.stringify((report.periods as unknown[] | undefined)?.slice(0, -1));
  const agree = [engine, one, two].every((report) => report.rows === duck.rows && months(report) === months(duck));
  log(`Rows counted: pledge ${engine.rows} (1 thread: ${one.rows}, 2 threads: ${two.rows}), DuckDB ${duck.rows}; orders per month before the last${agree ? ' agree' : ' DIFFER'}.`);
  log(`pledge ÷ DuckDB on ${label(rows)} rows, same run: ${(engine.seconds / duck.seconds).toFixed(2)} (default, threads per run: ${threads}), `
    + `${(one.seconds / duck.seconds).toFixed(2)} (1 thread), ${(two.seconds / duck.seconds).toFixed(2)} (2 threads). Targets: <= 0.6 on 1M rows; peak RSS < 300 MB on 10M rows.\n`);
  await benchMemoryHeavy(context, dir, runs, one);
  if (rows === 1e6) await benchThreadCrossover(context, dir, file, runs, { one, two });
}

/**
 * The orders file scaled by `factor`, in a project of its own, made once: below 1 its first records
 * (whole lines, header kept), above 1 its records repeated `factor` times under one header.
 */
function scaledProject(base: string, file: string, factor: number): string {
  const dir = factor < 1 ? `${base}-part${Math.round(1 / factor)}` : `${base}-times${factor}`;
  const data = path.join(dir, 'content', 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(dir, 'content', 'promise.yaml'), PROMISE);
  writeFileSync(path.join(dir, 'content', 'kpis.yaml'), KPIS);
  const scaled = path.join(data, 'orders.csv');
  if (!existsSync(scaled)) {
    const whole = readFileSync(file);
    const end = whole.indexOf(10, Math.floor(whole.length * Math.min(factor, 1)));
    writeFileSync(scaled, whole.subarray(0, end < 0 ? whole.length : end + 1));
    const records = whole.subarray(whole.indexOf(10) + 1);
    for (let copy = 1; copy < factor; copy++) appendFileSync(scaled, records);
  }
  return dir;
}

const scaleName = (factor: number) => (factor < 1 ? `first 1/${Math.round(1 / factor)} of the file` : factor === 1 ? 'the whole file' : `the file ${factor} times`);

/**
 * Where two threads start to beat one: the same KPI on the first 1/8, 1/4 and 1/2 of the 1M-row file and
 * on its records twice and four times over (262 and 525 MB), one thread against two, taking turns (the
 * whole file's pair comes from the table above). The default
 * splits a file from PARALLEL_MIN_BYTES; this shows whether that still holds on this machine and load.
 */
async function benchThreadCrossover(context: BenchContext, base: string, file: string, runs: number, whole: { one: ChildReport; two: ChildReport }): Promise<void> {
  const child = (project: string) => ['--import', 'tsx', path.join(context.root, 'scripts/bench/_engine-child.ts'), project];
  context.log(['threads, by file size'.padEnd(22), 'MB'.padStart(6), '1 thread'.padStart(9), '2 threads'.padStart(10), '2 ÷ 1'.padStart(7)].join('  '));
  const line = (name: string, mb: number, one: ChildReport, two: ChildReport) => context.log([name.padEnd(22), mb.toFixed(0).padStart(6),
    `${one.seconds.toFixed(2)} s`.padStart(9), `${two.seconds.toFixed(2)} s`.padStart(10), (two.seconds / one.seconds).toFixed(2).padStart(7)].join('  '));
  const faster: number[] = [];
  for (const factor of [1 / 8, 1 / 4, 1 / 2, 1, 2, 4]) {
    const project = factor === 1 ? base : scaledProject(base, file, factor);
    const mb = statSync(path.join(project, 'content', 'data', 'orders.csv')).size / 1e6;
    const { one, two } = factor === 1 ? whole : await measure(runs, {
      one: () => runChild(child(project), context.root, { PLEDGE_WORKERS: '1' }),
      two: () => runChild(child(project), context.root, { PLEDGE_WORKERS: '2' }),
    });
    line(scaleName(factor), mb, one, two);
    if (two.seconds < one.seconds) faster.push(mb);
  }
  context.log(`Two threads beat one here from ${faster.length ? `${Math.min(...faster).toFixed(0)} MB` : 'no size measured'} `
    + `(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores); the default splits files from ${PARALLEL_MIN_BYTES / 2 ** 20} MiB, when half a core is idle besides its own.\n`);
}

/**
 * The two KPI shapes that keep state per row or per customer: duplicate keys (a 64-bit hash per order,
 * key-set.ts) and repeat_purchase_rate (a hash per customer and month, formulas.ts). Both read the same
 * file on one thread; the baseline is the plain on-time KPI on one thread, measured just before.
 */
async function benchMemoryHeavy(context: BenchContext, dir: string, runs: number, baseline: ChildReport): Promise<void> {
  const child = (project: string) => ['--import', 'tsx', path.join(context.root, 'scripts/bench/_engine-child.ts'), project];
  const keyed = variantProject(dir, 'key', KEYED_KPIS);
  const repeat = variantProject(dir, 'repeat', REPEAT_KPIS);
  const { key, customers } = await measure(runs, {
    key: () => runChild(child(keyed), context.root, { PLEDGE_WORKERS: '1' }),
    customers: () => runChild(child(repeat), context.root, { PLEDGE_WORKERS: '1' }),
  });
  context.log(['1 thread'.padEnd(34), 'time'.padStart(9), 'peak RSS'.padStart(9), 'vs no key'.padStart(10)].join('  '));
  const line = (name: string, report: ChildReport) => context.log([name.padEnd(34), `${report.seconds.toFixed(2)} s`.padStart(9),
    `${report.maxRssMb.toFixed(0)} MB`.padStart(9), (report.seconds / baseline.seconds).toFixed(2).padStart(10)].join('  '));
  line('on-time, no key (baseline)', baseline);
  line('on-time + key order_id', key);
  line('repeat_purchase_rate by month', customers);
  context.log(`Rows counted: key ${key.rows}, repeat_purchase_rate ${customers.rows}. Targets: peak RSS < 300 MB on 10M rows; time <= 1.2 x the old code's.\n`);
}


export const section: BenchSection = {
  name: 'kpi',
  summary: 'CSV ingestion + KPI computation (on-time delivery by month) vs DuckDB and a cat floor',
  async run(context) {
    for (const rows of context.quick ? [1e6] : [1e6, 1e7]) await benchSize(context, rows);
  },
};
