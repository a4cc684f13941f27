/**
 * Seeded synthetic data for the example company, Kestrel Kitchen (a UK online cookware shop):
 * orders, support tickets, survey answers and customers, with seasonality (a Christmas peak), a bad
 * month (a carrier strike in February 2026 breaks on-time delivery), a latest month that is at risk,
 * and a few malformed rows. The same seed always gives the same files.
 *
 *   npm run gen-data -- --rows 3600 --seed 7 --out content/data          (the committed example)
 *   npm run gen-data -- --rows 1000000 --only orders --out bench-data    (benchmark input)
 *
 * --rows is the number of orders; the other files scale with it. --clean leaves out the malformed rows.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: small, fast, seedable, good enough for sample data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Gen {
  rnd: () => number;
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
  /** Log-normal with the given median and spread (sigma). */
  lognormal(median: number, sigma: number): number;
}

function gen(seed: number): Gen {
  const rnd = random(seed);
  return {
    rnd,
    pick(items, weights) {
      if (!weights) return items[Math.floor(rnd() * items.length)] as (typeof items)[number];
      let r = rnd() * weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < items.length; i++) if ((r -= weights[i] ?? 0) < 0) return items[i] as (typeof items)[number];
      return items[items.length - 1] as (typeof items)[number];
    },
    lognormal(median, sigma) {
      const normal = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
      return median * Math.exp(sigma * normal);
    },
  };
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Orders per day relative to an ordinary day: the Christmas peak, a January lull, busier weekends. */
function demand(day: number): number {
  const date = new Date(day);
  const month = date.getUTCMonth() + 1;
  const seasonal = { 11: 1.5, 12: 1.8, 1: 0.8, 7: 0.9, 8: 0.85 }[month] ?? 1;
  const weekday = date.getUTCDay();
  return seasonal * (weekday === 0 || weekday === 6 ? 1.25 : 1);
}

/** Share of orders delivered late, by month: good most months, the strike, the at-risk latest month. */
const LATE_SHARE: Record<string, number> = { '2025-12': 0.038, '2026-02': 0.16, '2026-10': 0.04 };
/** Median hours to a first reply, by month: the latest month slips past the internal 2-hour target. */
const REPLY_MEDIAN: Record<string, number> = { '2025-12': 1.8, '2026-02': 2.2, '2026-10': 2.6 };
/** Share of 4-5 answers to the CSAT survey, by month. */
const CSAT_GOOD: Record<string, number> = { '2026-02': 0.86, '2025-12': 0.92 };

const REGIONS = ['London', 'South East', 'North', 'Midlands', 'Scotland', 'Wales', 'Northern Ireland'];
const REGION_WEIGHTS = [22, 18, 20, 16, 10, 6, 4];
const CHANNELS = ['web', 'app', 'marketplace'];
const TICKET_CHANNELS = ['email', 'chat', 'phone'];
const AGENTS = ['Aisha Khan', 'Tom Whitley', 'Priya Nair', 'Owen Davies', 'Mairi Campbell', 'Jonah Reid'];
const FIRST = ['amelia', 'oliver', 'isla', 'george', 'ava', 'noah', 'freya', 'arthur', 'mia', 'leo', 'grace', 'harry'];
const LAST = ['smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'evans', 'thomas', 'patel', 'walker'];
const COMMENTS = [
  'Arrived a day early, lovely packaging.',
  'The pan is heavy, "proper" cast iron. Very happy.',
  'Parcel was late, but support sorted it.',
  'Handle came loose after a week, disappointed.',
  'Good knives, sharp out of the box',
  'Courier left it in the rain; box soaked.\nPan fine though.',
  '',
  '',
];

class Out {
  private buffer: string[] = [];
  private size = 0;
  private readonly stream;

  constructor(file: string, header: string) {
    this.stream = createWriteStream(file);
    this.buffer.push(`${header}\n`);
  }

  async line(fields: readonly (string | number)[]): Promise<void> {
    const text = `${fields.map(csvField).join(',')}\n`;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const ok = this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
    if (!ok) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve) => this.stream.end(resolve));
  }
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface Options { rows: number; seed: number; out: string; from: number; to: number; only: Set<string>; clean: boolean }

/** Event times spread over the days between from and to, weighted by demand, in time order. */
function* times(g: Gen, count: number, from: number, to: number): Generator<number> {
  const days: number[] = [];
  for (let day = from; day < to; day += DAY) days.push(day);
  const total = days.reduce((sum, day) => sum + demand(day), 0);
  for (const day of days) {
    const expected = (count * demand(day)) / total;
    const n = Math.floor(expected) + (g.rnd() < expected % 1 ? 1 : 0);
    const span = Math.min(DAY, to - day);
    const stamps = Array.from({ length: n }, () => day + Math.floor(g.rnd() * span / 1000) * 1000).sort((a, b) => a - b);
    yield* stamps;
  }
}

function emailOf(customer: number): string {
  return `${FIRST[customer % FIRST.length]}.${LAST[(customer >> 3) % LAST.length]}${customer}@example.com`;
}

async function orders(o: Options, customers: number): Promise<void> {
  const g = gen(o.seed);
  const out = new Out(path.join(o.out, 'orders.csv'), 'order_id,customer_id,customer_email,ordered_at,promised_at,delivered_at,region,channel,total_gbp');
  let id = 0;
  for (const ordered of times(g, o.rows, o.from, o.to)) {
    id++;
    // Repeat buyers: a skewed pick makes a core of loyal customers.
    const customer = 1 + Math.floor(customers * g.rnd() ** 1.6);
    const promisedDay = Math.floor(ordered / DAY) * DAY + (new Date(ordered).getUTCDay() >= 5 ? 3 : 2) * DAY;
    const promised = promisedDay + 18 * HOUR;
    const region = g.pick(REGIONS, REGION_WEIGHTS);
    const late = g.rnd() < (LATE_SHARE[monthOf(promised)] ?? 0.02) * (region === 'Northern Ireland' ? 1.8 : 1);
    const delivered = late ? promised + Math.floor(g.lognormal(20, 0.8) * HOUR) : promised - Math.floor(g.rnd() * 30 * HOUR);
    const fields = [`K-${String(id).padStart(7, '0')}`, `C-${String(customer).padStart(6, '0')}`, emailOf(customer),
      iso(ordered), iso(promised), delivered <= o.to ? iso(delivered) : '', region, g.pick(CHANNELS, [60, 30, 10]),
      g.lognormal(42, 0.6).toFixed(2)];
    await out.line(o.clean ? fields : malformOrder(id, fields));
  }
  await out.close();
}

/** A few broken rows, at fixed places, like a real export: a bad date, a repeated id, a short row. */
function malformOrder(id: number, fields: (string | number)[]): (string | number)[] {
  if (id === 137) return fields.map((f, i) => (i === 5 ? 'n/a' : f));
  if (id === 1402) return fields.map((f, i) => (i === 0 ? 'K-0001401' : f));
  if (id === 2950) return fields.slice(0, 6);
  return fields;
}

async function tickets(o: Options, customers: number): Promise<void> {
  const g = gen(o.seed + 1);
  const out = new Out(path.join(o.out, 'tickets.csv'), 'ticket_id,opened_at,first_reply_at,resolved_at,channel,agent_name,customer_email');
  let id = 0;
  for (const opened of times(g, Math.round(o.rows * 0.45), o.from, o.to)) {
    id++;
    const channel = g.pick(TICKET_CHANNELS, [55, 35, 10]);
    const median = (REPLY_MEDIAN[monthOf(opened)] ?? 1.4) * (channel === 'chat' ? 0.5 : 1);
    const reply = opened + Math.floor(g.lognormal(median, 0.9) * HOUR / 1000) * 1000;
    const resolved = reply + Math.floor(g.lognormal(9, 1.1) * HOUR / 1000) * 1000;
    const fields = [`T-${String(id).padStart(6, '0')}`, iso(opened), reply <= o.to ? iso(reply) : '', resolved <= o.to ? iso(resolved) : '',
      channel, g.pick(AGENTS), emailOf(1 + Math.floor(customers * g.rnd()))];
    if (!o.clean && id === 420) fields[2] = 'yesterday';
    await out.line(fields);
  }
  await out.close();
}

async function surveys(o: Options, customers: number): Promise<void> {
  const g = gen(o.seed + 2);
  const out = new Out(path.join(o.out, 'surveys.csv'), 'response_id,answered_at,survey,score,channel,comment,customer_email');
  let id = 0;
  for (const answered of times(g, Math.round(o.rows * 0.9), o.from, o.to)) {
    id++;
    const survey = g.rnd() < 0.7 ? 'csat' : 'nps';
    const good = CSAT_GOOD[monthOf(answered)] ?? 0.945;
    const score = survey === 'csat'
      ? (g.rnd() < good ? g.pick([4, 5], [45, 55]) : g.pick([1, 2, 3], [20, 30, 50]))
      : g.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 2, 3, 5, 10, 18, 28, 30]);
    const fields: (string | number)[] = [`R-${String(id).padStart(6, '0')}`, iso(answered), survey, score,
      g.pick(['email', 'web', 'app'], [50, 30, 20]), g.pick(COMMENTS), emailOf(1 + Math.floor(customers * g.rnd()))];
    if (!o.clean && id === 777) fields[3] = survey === 'csat' ? 6 : 11;
    await out.line(fields);
  }
  await out.close();
}

async function customerFile(o: Options, customers: number): Promise<void> {
  const g = gen(o.seed + 3);
  const out = new Out(path.join(o.out, 'customers.csv'), 'customer_id,signed_up_at,churned_at');
  // A third signed up before the data starts; the rest over the period. About a fifth have left.
  const signups = Array.from({ length: customers }, () =>
    (g.rnd() < 0.33 ? o.from - g.rnd() * 540 * DAY : o.from + g.rnd() * (o.to - o.from))).sort((a, b) => a - b);
  for (const [i, signed] of signups.entries()) {
    const churned = g.rnd() < 0.3 ? signed + g.lognormal(200, 0.7) * DAY : Infinity;
    await out.line([`C-${String(i + 1).padStart(6, '0')}`, iso(Math.floor(signed / 1000) * 1000), churned <= o.to ? iso(Math.floor(churned / 1000) * 1000) : '']);
  }
  await out.close();
}

const FILES = ['orders', 'tickets', 'surveys', 'customers'];

export const USAGE = `Usage: npm run gen-data -- [--rows N] [--seed N] [--out DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--only FILES] [--clean]

Writes seeded sample data for the example company (the same seed always gives the same files).
  --rows N        orders to write; the other files scale with it (default 3600)
  --seed N        a whole number (default 7)
  --out DIR       where the CSV files go (default content/data)
  --from, --to    the first day and the day after the last (default 2025-05-01 to 2026-11-05)
  --only FILES    some of ${FILES.join(',')} (default all)
  --clean         leave out the malformed rows
  --help          show this
`;

/** A bad option: the script prints its message on one line and exits 2, like pledge's own commands. */
export class OptionError extends Error {}

function wholeNumber(option: string, text: string, least: number): number {
  if (!/^\d+$/.test(text) || Number(text) < least) throw new OptionError(`--${option} must be a whole number of at least ${least}, not "${text}".`);
  return Number(text);
}

function day(option: string, text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) throw new OptionError(`--${option} must be a date such as 2025-05-01, not "${text}".`);
  return ms;
}

/** The options, 'help' for --help, or an OptionError naming what is wrong. */
export function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        rows: { type: 'string', default: '3600' }, seed: { type: 'string', default: '7' },
        out: { type: 'string', default: 'content/data' }, from: { type: 'string', default: '2025-05-01' },
        to: { type: 'string', default: '2026-11-05' }, only: { type: 'string' }, clean: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs says what is wrong; one line of it, ending like a sentence.
    throw new OptionError(((error as Error).message.split('\n')[0] ?? '').replace(/\.?$/, '.'));
  }
  if (values.help) return 'help';
  const only = (values.only ?? FILES.join(',')).split(',');
  const unknown = only.find((name) => !FILES.includes(name));
  if (unknown !== undefined) throw new OptionError(`--only takes some of ${FILES.join(', ')}, not "${unknown}".`);
  const [from, to] = [day('from', values.from), day('to', values.to)];
  if (to <= from) throw new OptionError(`--to (${values.to}) must be after --from (${values.from}).`);
  return {
    rows: wholeNumber('rows', values.rows, 1), seed: wholeNumber('seed', values.seed, 0), out: values.out, from, to,
    only: new Set(only), clean: values.clean,
  };
}

export async function generate(o: Options): Promise<void> {
  mkdirSync(o.out, { recursive: true });
  const customers = Math.max(10, Math.round(o.rows * 0.45));
  if (o.only.has('orders')) await orders(o, customers);
  if (o.only.has('tickets')) await tickets(o, customers);
  if (o.only.has('surveys')) await surveys(o, customers);
  if (o.only.has('customers')) await customerFile(o, customers);
}

async function main(argv: string[]): Promise<number> {
  let o: Options | 'help';
  try {
    o = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    process.stderr.write(`gen-data: ${error.message} Run with --help for the options.\n`);
    return 2;
  }
  if (o === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  await generate(o);
  console.log(`Wrote ${[...o.only].join(', ')} for ${o.rows} orders to ${o.out}/`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
