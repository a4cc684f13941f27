import { describe, expect, it } from 'vitest';
import { numberOf } from '../../src/core/kpi/formulas.ts';
import { SourceScan } from '../../src/core/kpi/source-scan.ts';
import { kpi, series } from '../kpi/helpers.ts';
import { fixtureText, pledgeProcess, project, snapshot, utf16 } from './helpers.ts';

const ORDERS_CSV = fixtureText('content/data/orders.csv');
const KPIS = fixtureText('content/kpis.yaml');

/** The fixture's orders as a JSON array or NDJSON, so every file kind holds the same rows. */
function ordersAs(kind: 'json' | 'ndjson'): string {
  const [head = '', ...rows] = ORDERS_CSV.trimEnd().split('\n');
  const keys = head.split(',');
  const records = rows.map((row) => JSON.stringify(Object.fromEntries(row.split(',').map((cell, i) => [keys[i], cell]))));
  return kind === 'json' ? `[\n${records.join(',\n')}\n]\n` : `${records.join('\n')}\n`;
}

/** The fixture project with its orders in `file` (content/data/...), written as `bytes`. */
function ordersProject(file: string, bytes: string | Uint8Array): string {
  return project({ 'content/kpis.yaml': KPIS.replace('source: data/orders.csv', `source: data/${file}`), [`content/data/${file}`]: bytes });
}

const UTF16_HINT = 'Save it as UTF-8 (in Excel: "CSV UTF-8"), or convert it: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.';
const CR_ONLY = "Its lines end with a carriage return alone (old Mac line ends), so it would read as one line. Save it with LF or CRLF line ends, or convert it: tr '\\r' '\\n' < FILE > FILE.fixed.";

describe('data file encodings', { timeout: 120_000 }, () => {
  const texts = { 'orders.csv': ORDERS_CSV, 'orders.json': ordersAs('json'), 'orders.ndjson': ordersAs('ndjson') };

  it.each(Object.keys(texts) as Array<keyof typeof texts>)('%s in UTF-8, with or without a BOM, reads as the CSV does', async (file) => {
    const plain = await pledgeProcess(project(), 'check');
    expect(plain.code).toBe(0);
    expect(await pledgeProcess(ordersProject(file, texts[file]), 'check')).toEqual(plain);
    expect(await pledgeProcess(ordersProject(file, `\ufeff${texts[file]}`), 'check')).toEqual(plain);
  });

  it.each([
    ['orders.csv', 'le', true, 'little'], ['orders.csv', 'le', false, 'little'], ['orders.csv', 'be', true, 'big'], ['orders.csv', 'be', false, 'big'],
    ['orders.json', 'le', true, 'little'], ['orders.ndjson', 'le', false, 'little'], ['orders.ndjson', 'be', true, 'big'],
  ] as const)('%s in UTF-16 %s (BOM: %s) is refused at line 1, saying so, and nothing is written', async (file, endian, bom, name) => {
    const dir = ordersProject(file, utf16(texts[file], endian, bom));
    const before = snapshot(dir);
    expect(await pledgeProcess(dir, 'check')).toEqual({
      code: 2, stdout: '', stderr: `content/data/${file}:1:1  This file is UTF-16 (${name}-endian), but pledge reads data files as UTF-8. ${UTF16_HINT}\n`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(['orders.csv', 'orders.ndjson'] as const)('%s with CR-only line ends is refused at line 1, not read as no rows', async (file) => {
    const dir = ordersProject(file, texts[file].replaceAll('\n', '\r'));
    expect(await pledgeProcess(dir, 'check')).toEqual({ code: 2, stdout: '', stderr: `content/data/${file}:1:1  ${CR_ONLY}\n` });
  });

  it('a JSON array with CR-only line ends is read (CR is whitespace in JSON), and CRLF CSV still is', async () => {
    const plain = await pledgeProcess(project(), 'check');
    expect(await pledgeProcess(ordersProject('orders.json', texts['orders.json'].replaceAll('\n', '\r')), 'check')).toEqual(plain);
    expect(await pledgeProcess(ordersProject('orders.csv', ORDERS_CSV.replaceAll('\n', '\r\n')), 'check')).toEqual(plain);
  });
});

describe('numbers in data cells: plain decimal only', { timeout: 120_000 }, () => {
  it.each([
    ['10', 10], [' 9 ', 9], ['-2.5', -2.5], ['007', 7], ['0.25', 0.25],
    ['0x0A', NaN], ['0b1010', NaN], ['0o12', NaN], ['1e1', NaN], ['1E1', NaN], ['Infinity', NaN], ['-Infinity', NaN],
    ['+5', NaN], ['.5', NaN], ['5.', NaN], ['1,5', NaN], ['1_000', NaN], ['', NaN], ['NaN', NaN],
  ])('"%s" → %s', (cell, expected) => {
    expect(numberOf(cell)).toBe(expected);
  });

  it('with a decimal comma source, "4,5" is 4.5 and "4.5" is not a number', () => {
    expect([numberOf('4,5', ','), numberOf('-0,25', ','), numberOf('4', ','), numberOf('4.5', ','), numberOf('0x0A', ',')]).toEqual([4.5, -0.25, 4, NaN, NaN]);
  });

  it('a mean over a decimal-comma source: (4.5 + 3.5) / 2 = 4, and "4.5" is a bad row there', () => {
    const def = kpi({ formula: 'mean', columns: { value: 'amount' } });
    const scan = new SourceScan([def], 'data/x.csv', ['at', 'amount'], { decimal: ',' });
    scan.add(['2026-05-01T10:00:00Z', '4,5'], 2);
    scan.add(['2026-05-02T10:00:00Z', '3,5'], 3);
    scan.add(['2026-05-03T10:00:00Z', '4.5'], 4);
    const [result] = scan.accumulators.map((acc) => acc.result(Date.parse('2026-07-01T00:00:00Z')));
    expect(series(result ?? { buckets: [] })).toEqual(['2026-05=4(2)']);
    expect(result?.badRows.examples).toEqual([{ file: 'data/x.csv', line: 4, column: 'amount', message: '"4.5" is not a number', reason: 'not-a-number', value: '4.5',
      says: { case: 'not-a-number', params: { value: '"4.5"' } } }]);
  });

  const SURVEY_KPI = `  - id: nps
    name: NPS
    formula: nps
    source: data/survey.FORMAT
    columns: { score: score }
    timestamp: at
    better: higher
    method: Promoters minus detractors.
`;
  const scores = ['10', '0x0A', '1e1', 'Infinity', '0b1010', '9'];
  const at = (i: number) => `2026-05-0${i + 1}T10:00:00Z`;
  const surveys = {
    csv: `at,score\n${scores.map((s, i) => `${at(i)},${s}`).join('\n')}\n`,
    json: `[\n${scores.map((s, i) => JSON.stringify({ at: at(i), score: s })).join(',\n')}\n]\n`,
    ndjson: `${scores.map((s, i) => JSON.stringify({ at: at(i), score: s })).join('\n')}\n`,
  };

  it.each(Object.keys(surveys) as Array<keyof typeof surveys>)('in %s, 0x0A, 1e1, Infinity and 0b1010 are bad rows at their lines (--strict makes them errors)', async (format) => {
    const dir = project({ 'content/kpis.yaml': `${KPIS}${SURVEY_KPI.replace('FORMAT', format)}`, [`content/data/survey.${format}`]: surveys[format] });
    const run = await pledgeProcess(dir, 'check', '--strict');
    const bad = (line: number, cell: string) => `content/data/survey.${format}:${line}:1  Bad row for KPI "nps": "${cell}" is not a score from 0 to 10 (column score). Fix the row, or run without --strict to skip bad rows.`;
    const first = format === 'ndjson' ? 1 : 2; // the line of the first record
    const lines = ['0x0A', '1e1', 'Infinity', '0b1010'].map((cell) => bad(first + scores.indexOf(cell), cell));
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${lines.join('\n')}\n` });
  });

  it('JSON numbers stay numbers (JSON only writes decimals)', () => {
    expect([numberOf(10), numberOf(-2.5), numberOf(0)]).toEqual([10, -2.5, 0]);
  });
});
