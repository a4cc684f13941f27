import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/adapters/data/index.ts';
import type { Cell } from '../../src/core/kpi/formulas.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pledge-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Read { header: string[]; rows: [number, Cell[]][]; malformed: string[] }

async function read(name: string, content: string | Buffer, options: { delimiter?: string; only?: number[] } = {}): Promise<Read> {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const out: Read = { header: [], rows: [], malformed: [] };
  await readTable(file, { delimiter: options.delimiter }, {
    header(columns) {
      out.header = columns;
      return options.only ?? true;
    },
    row: (cells, line) => void out.rows.push([line, [...cells]]),
    malformed: (line, message) => void out.malformed.push(`${line}: ${message}`),
  });
  return out;
}

describe('CSV', () => {
  it('reads quoted fields, "" escapes and embedded newlines, with real line numbers', async () => {
    const csv = 'id,comment,score\n1,"Fine, thanks",5\n2,"He said ""wow""\nand left",4\n3,plain,3\n';
    expect(await read('quoted.csv', csv)).toEqual({
      header: ['id', 'comment', 'score'],
      rows: [[2, ['1', 'Fine, thanks', '5']], [3, ['2', 'He said "wow"\nand left', '4']], [5, ['3', 'plain', '3']]],
      malformed: [],
    });
  });
  it('skips a UTF-8 BOM and reads CRLF line ends', async () => {
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\r\n1,"a\r\nb"\r\n2,Zoë\r\n')]);
    expect(await read('bom.csv', csv)).toEqual({
      header: ['id', 'name'], rows: [[2, ['1', 'a\r\nb']], [4, ['2', 'Zoë']]], malformed: [],
    });
  });
  it('guesses a ; delimiter (a Portuguese spreadsheet export) and keeps decimal commas as text', async () => {
    const result = await read('semicolon.csv', 'id;valor;data\n1;12,50;2026-03-01\n');
    expect(result.rows).toEqual([[2, ['1', '12,50', '2026-03-01']]]);
  });
  it('uses the delimiter kpis.yaml names', async () => {
    expect((await read('tab.tsv', 'a|b\tc\n1|2\t3\n', { delimiter: '\t' })).rows).toEqual([[2, ['1|2', '3']]]);
  });
  it('counts blank lines and reads a last line with no newline', async () => {
    expect((await read('blank.csv', 'a,b\n\n1,2\r\n\r\n3,4')).rows).toEqual([[3, ['1', '2']], [5, ['3', '4']]]);
  });
  it('hands over short and long rows as they are (the scan reports them)', async () => {
    expect((await read('ragged.csv', 'a,b,c\n1,2\n1,2,3,4\n')).rows).toEqual([[2, ['1', '2']], [3, ['1', '2', '3', '4']]]);
  });
  it('decodes only the columns asked for', async () => {
    expect((await read('only.csv', 'a,b,c\n1,2,3\n', { only: [2] })).rows).toEqual([[2, [undefined, undefined, '3']]]);
  });
  it('reports a quote that is never closed at the line where it opens', async () => {
    expect(await read('unclosed.csv', 'a,b\n1,2\n3,"oops\n4,5\n')).toEqual({
      header: ['a', 'b'], rows: [[2, ['1', '2']]],
      malformed: ['3: a quoted field starting on this line is never closed, so the rest of the file could not be read'],
    });
  });
  it('an empty file has no header and no rows', async () => {
    expect(await read('empty.csv', '')).toEqual({ header: [], rows: [], malformed: [] });
  });
  it('agrees with papaparse on a file larger than a read chunk, records crossing chunk boundaries', async () => {
    const rows: string[][] = [];
    const lines: number[] = [];
    let line = 2;
    for (let i = 0; i < 30_000; i++) {
      const comment = i % 7 === 0 ? `multi\nline "quoted", ${i}` : i % 5 === 0 ? `comma, ${i}` : `plain ${i}`;
      rows.push([String(i), comment, `2026-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`, 'é'.repeat(i % 3)]);
      lines.push(line);
      line += 1 + (comment.match(/\n/g)?.length ?? 0);
    }
    const csv = Papa.unparse({ fields: ['id', 'comment', 'at', 'accent'], data: rows }, { newline: '\n' });
    expect(csv.length).toBeGreaterThan(1.2 * (1 << 20));
    const result = await read('large.csv', csv);
    const oracle = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    expect(result.rows.map(([, cells]) => cells)).toEqual(oracle);
    expect(result.rows.map(([at]) => at)).toEqual(lines);
  });
});

describe('JSON and NDJSON', () => {
  it('streams a JSON array of objects; the first object names the columns', async () => {
    const json = '[\n  {"id": 1, "at": "2026-03-01", "tags": ["a"]},\n  {"id": 2, "at": null, "extra": true}\n]\n';
    expect(await read('rows.json', json)).toEqual({
      header: ['id', 'at', 'tags'], rows: [[2, [1, '2026-03-01', '["a"]']], [3, [2, null, undefined]]], malformed: [],
    });
  });
  it('keeps brackets and quotes inside strings out of the structure', async () => {
    const json = '[{"id": "a]}\\"[{", "n": 1},{"id": "b", "n": 2}]';
    expect((await read('tricky.json', json)).rows).toEqual([[1, ['a]}"[{', 1]], [1, ['b', 2]]]);
  });
  it('reports a file that is not an array', async () => {
    expect((await read('object.json', '{"rows": []}')).malformed).toEqual(['1: a JSON data file must be an array of objects: [{...}, {...}]']);
  });
  it('reads NDJSON line by line and reports a broken line by number', async () => {
    const result = await read('rows.ndjson', '{"id": 1, "score": 9}\n\n{"id": 2, "score": \n{"id": 3, "score": 7}\n[1]\n');
    expect(result.rows).toEqual([[1, [1, 9]], [4, [3, 7]]]);
    expect(result.malformed).toEqual([
      expect.stringMatching(/^3: this is not valid JSON/),
      '5: each record must be a JSON object, like {"id": 1, "score": 9}',
    ]);
  });
});
