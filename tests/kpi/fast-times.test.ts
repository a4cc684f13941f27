import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/adapters/data/csv.ts';
import { SourceScan, type ScanOptions } from '../../src/core/kpi/source-scan.ts';
import { parseTimestamp, parseTimestampBytes } from '../../src/core/kpi/time.ts';
import { kpi } from './helpers.ts';

/**
 * The CSV reader parses timestamp columns from the bytes (TableSink.timeColumns). It must never change
 * a figure: it takes a subset of what parseTimestamp takes, with the same result, and hands anything
 * else over as text.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pledge-fast-times-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (text: string, naive: boolean, lastDay = new Int32Array(2)) => {
  // Bytes around the field that could be misread as part of it: a digit before, a colon after.
  const buf = Buffer.from(`9${text}:59`, 'latin1');
  const into = new Float64Array([-1]);
  if (!parseTimestampBytes(buf, 1, 1 + Buffer.byteLength(text, 'latin1'), naive, lastDay, 0, into)) {
    // Refused: nothing written.
    expect(into[0]).toBe(-1);
    return NaN;
  }
  return into[0];
};

const SHAPES = [
  '2026-03-01', '2026-03-01T14:05', '2026-03-01 14:05:09', '2026-03-01T14:05:09Z', '2026-03-01T14:05:09z',
  '2026-03-01T14:05Z', '2026-03-01T14:05:09+01:00', '2026-03-01T14:05:09-0230', '2024-02-29T00:00:00Z',
  '2026-03-01T14:05:09.25Z', '2026-03-01T14:05:09,5Z', ' 2026-03-01T14:05:09Z', '2026-03-01T14:05:09Z ',
  '2026-02-29', '2026-13-01', '2026-00-10', '2026-03-00', '2026-03-32', '2026-03-01T24:00', '2026-03-01T23:60',
  '2026-03-01T23:59:60Z', '2026-03-01T14:05:09+1', '2026-03-01T14:05:09+24:00', '2026-03-01T14:05:09+01:60',
  '2026-03-01T14:05Zx', '2026-03-01T14', '2026-03-01T14:5', '2026-03-01X14:05', '2026-3-01', '01/03/2026',
  'yesterday', '', '2026-03-01T14:05:09+01:0', '2026-03-01T14:05:0', '2026-03-01T14:05:', '1900-02-29', '2000-02-29',
  '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-03-01T14:05:09ZZ', '2026-03-01T14:05:09+0100x',
];

/** Every shape, and random one-character edits of the common ones: what a messy export might hold. */
function samples(): string[] {
  const out = [...SHAPES];
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const alphabet = '0123456789-:TZz+ .,x';
  for (let i = 0; i < 20_000; i++) {
    const base = SHAPES[i % 9] ?? '';
    const at = Math.floor(random() * (base.length + 1));
    const edit = Math.floor(random() * 3);
    const char = alphabet[Math.floor(random() * alphabet.length)] ?? '';
    out.push(edit === 0 ? base.slice(0, at) + char + base.slice(at + 1) : edit === 1 ? base.slice(0, at) + char + base.slice(at) : base.slice(0, at) + base.slice(at + 1));
  }
  return out;
}

describe('parseTimestampBytes', () => {
  it('gives parseTimestamp\'s answer or NaN (then the text is read as before), on every shape and 20,000 edits of them', () => {
    let taken = 0;
    for (const text of samples()) {
      for (const naive of [true, false]) {
        const fast = bytesOf(text, naive);
        if (Number.isNaN(fast)) continue;
        taken++;
        expect([text, naive, fast]).toEqual([text, naive, parseTimestamp(text)]);
        // A time without a zone is only taken as UTC when the source says so.
        if (!naive) expect(/(Z|z|[+-]\d\d:?\d\d)$/.test(text)).toBe(true);
      }
    }
    // Not vacuous: most well-formed timestamps are read from the bytes.
    expect(taken).toBeGreaterThan(2_000);
    for (const text of ['2026-03-01T14:05:09Z', '2026-03-01T14:05:09+01:00', '2026-03-01T14:05Z']) expect(bytesOf(text, false)).toBe(parseTimestamp(text));
    for (const text of ['2026-03-01', '2026-03-01 14:05:09']) expect(bytesOf(text, true)).toBe(parseTimestamp(text));
  });

  it('reuses the cached day of a repeated date, and still refuses a day the month lacks', () => {
    const lastDay = new Int32Array(2);
    expect(bytesOf('2024-02-29T10:00:00Z', false, lastDay)).toBe(Date.parse('2024-02-29T10:00:00Z'));
    expect(bytesOf('2024-02-29T11:00:00Z', false, lastDay)).toBe(Date.parse('2024-02-29T11:00:00Z'));
    expect(bytesOf('2023-02-29T11:00:00Z', false, lastDay)).toBeNaN();
    expect(bytesOf('2024-03-01T00:00:00Z', false, lastDay)).toBe(Date.parse('2024-03-01T00:00:00Z'));
  });
});

const KPIS = [
  kpi({ id: 'on_time', formula: 'on_time_rate', columns: { done: 'delivered_at', promised: 'promised_at' }, timestamp: 'promised_at', segment_by: ['region'] }),
  kpi({ id: 'response', formula: 'response_time', columns: { start: 'ordered_at', end: 'delivered_at' }, timestamp: 'ordered_at', period: 'week' }),
  // A filter reads its column as text: region is never handed parsed.
  kpi({ id: 'filtered', formula: 'count', timestamp: 'promised_at', filter: { column: 'region', not: 'North' } }),
];

/** Every kind of timestamp cell in the timestamp columns, one row each, some rows quoted. */
function messyCsv(delimiter = ','): string {
  const quoted = (cell: string) => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [['order_id', 'region', 'ordered_at', 'promised_at', 'delivered_at'].join(delimiter)];
  // Dates far out (year 1, year 9999) would make tens of thousands of empty weeks: left out here.
  const near = (text: string) => { const ms = parseTimestamp(text.trim()); return Number.isNaN(ms) || Math.abs(ms - Date.parse('2026-01-01')) < 1e11; };
  const texts = samples().filter(near).slice(0, 3_000);
  texts.forEach((text, i) => {
    const ordered = `2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00:00Z`;
    const delivered = i % 7 === 0 ? '' : texts[(i * 31) % texts.length] ?? '';
    // Some cells quoted though they need not be; widths change from row to row (the reader guesses them).
    const promised = i % 11 === 0 ? `"${text}"` : quoted(text);
    lines.push([`K-${i}`, i % 3 ? 'South' : 'North', ordered, promised, quoted(delivered)].join(delimiter));
  });
  return `${lines.join('\r\n')}\r\n`;
}

async function scanFile(file: string, options: ScanOptions, fast: boolean, delimiter?: string) {
  let scan: SourceScan | undefined;
  let asked: readonly number[] = [];
  await readCsv(file, delimiter ? { delimiter } : {}, {
    header(columns) {
      scan = new SourceScan(KPIS, 'x.csv', columns, options);
      return scan.neededColumns;
    },
    ...(fast ? {
      timeColumns: () => {
        const times = scan?.timeColumns() ?? { columns: [], naive: false, into: new Float64Array(0) };
        asked = times.columns;
        return times;
      },
    } : {}),
    row: (cells, line) => scan?.add(cells, line),
    malformed: (line, message, says) => scan?.malformed(line, message, says),
  });
  return { results: scan?.accumulators.map((acc) => acc.result(Date.parse('2027-01-01T00:00:00Z'))), asked };
}

describe('timestamps parsed from the bytes', () => {
  const file = path.join(dir, 'messy.csv');
  writeFileSync(file, messyCsv());

  it.each([{}, { timeZone: 'UTC' }, { timeZone: 'Europe/London' }, { dateFormat: 'DD/MM/YYYY' as const }])('gives the figures, bad rows and their values of the text path (%j)', async (options) => {
    const slow = await scanFile(file, options, false);
    const fast = await scanFile(file, options, true);
    expect(fast.results).toEqual(slow.results);
    expect(slow.results?.[0]?.badRows.count).toBeGreaterThan(100);
    // ordered_at, promised_at and delivered_at are read as timestamps only; region is a segment and a filter.
    expect(fast.asked).toEqual(options.dateFormat ? [] : [2, 3, 4]);
  });

  // A space may be inside a timestamp: with it as the delimiter, no width is guessed.
  it.each([';', '|', '\t', ' '])('gives the same figures with the delimiter %j', async (delimiter) => {
    const other = path.join(dir, `messy-${delimiter.charCodeAt(0)}.csv`);
    writeFileSync(other, messyCsv(delimiter));
    const slow = await scanFile(other, {}, false, delimiter);
    const fast = await scanFile(other, {}, true, delimiter);
    expect(fast.results).toEqual(slow.results);
    expect(slow.results?.[0]?.rowsUsed).toBeGreaterThan(0);
  });

  it('leaves a column that any KPI reads otherwise as text', async () => {
    const scan = new SourceScan([...KPIS, kpi({ id: 'by_day', formula: 'count', timestamp: 'ordered_at', segment_by: ['promised_at'] })], 'x.csv',
      ['order_id', 'region', 'ordered_at', 'promised_at', 'delivered_at']);
    expect(scan.timeColumns().columns).toEqual([2, 4]);
  });
});
