import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/adapters/check-project.ts';
import { readTable } from '../../src/adapters/data/index.ts';
import { renderRowText, type Messages, type RowText } from '../../src/core/check/messages.ts';
import { formatBadRows } from '../../src/core/kpi/format.ts';
import { DB_ROW_SAYS, ROW_FIXES, ROW_SAYS } from '../../src/core/kpi/row-reasons.ts';
import { SourceScan } from '../../src/core/kpi/source-scan.ts';
import type { Evaluation, KpiResult, RowIssue } from '../../src/core/kpi/types.ts';
import { compute, kpi } from './helpers.ts';

const catalogs = await loadMessages();
const messagesIn = (language: string): Messages => {
  const messages = catalogs[language];
  if (!messages) throw new Error(`no ${language} messages`);
  return messages;
};
const en = messagesIn('en');

const dir = mkdtempSync(path.join(tmpdir(), 'pledge-row-texts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csat = kpi({ formula: 'csat', columns: { score: 'score' } });
const at = '2026-03-01T10:00:00Z';

/** Every issue the readers give for rows of every kind of wrong, from real rows. */
async function everyIssue(): Promise<RowIssue[]> {
  const results = [
    ...compute(csat, ['at,score', `03/10/2025 11:25,4`, `${at},9`, `,4`]),
    ...compute(kpi({ formula: 'mean', columns: { value: 'total' } }), ['at,total', `${at},x`, `${at},`]),
    ...compute(kpi({ formula: 'response_time', columns: { start: 'at', end: 'end' } }), ['at,end', `${at},2026-03-01T09:00:00Z`]),
    ...compute(kpi({ formula: 'repeat_purchase_rate', columns: { customer: 'who' } }), ['at,who', `${at},`]),
    ...compute(csat, ['id,at,score', `1,${at},5`, `1,${at},5`, `,${at},5`, `2,${at}`], undefined, { key: 'id' }),
  ];
  const scan = new SourceScan([csat], 'data/x.csv', ['at', 'score'], { dateFormat: 'DD/MM/YYYY' });
  scan.add(['2026-03-01', '4'], 2);
  results.push(...scan.accumulators.map((acc) => acc.result(Date.parse('2030-01-01T00:00:00Z'))));
  return [...results.flatMap((result) => result.badRows.examples), ...await malformed()];
}

/** What the file readers report for text that is not a row at all, as the issues it becomes. */
async function malformed(): Promise<RowIssue[]> {
  const files: Record<string, string> = {
    'unclosed.csv': `at,score\n${at},"4\n`,
    'long.csv': `at,score\n${at},${'4'.repeat(5000)}\n`,
    'broken.ndjson': '{"at": 1}\n{"at": \n[1]\n',
    'object.json': '{"rows": []}',
  };
  const issues: RowIssue[] = [];
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), content);
    await readTable(path.join(dir, name), { maxLineBytes: 2048 }, {
      header: () => true,
      row: () => undefined,
      malformed: (line, message, says) => void issues.push({ file: name, line, reason: 'unreadable', message, ...(says ? { says } : {}) }),
    });
  }
  return issues;
}

describe('skipped rows as data (rows.says, rows.fixes in messages/<language>.yml)', () => {
  it('every reader text has its case, and English words it exactly as the reader did', async () => {
    const issues = await everyIssue();
    const cases = issues.map((issue) => issue.says?.case);
    // The database's own cases are a database's checks' (tests/sources/compile.test.ts).
    expect([...new Set(cases)].sort()).toEqual(ROW_SAYS.filter((c) => !(DB_ROW_SAYS as readonly string[]).includes(c)).sort());
    for (const issue of issues) expect(renderRowText(en, 'says', issue.says as RowText)).toBe(issue.message);
  });

  it('every fix has its case, and English words it exactly as the reader did', () => {
    const dates = (values: string[]) => compute(csat, ['at,score', ...values.map((v) => `${v},4`)])[0]?.badRows.byReason ?? [];
    const groups = [
      ...dates(['13/10/2025 11:25']), ...dates(['03/10/2025 11:25']), ...dates(['next tuesday']),
      ...compute(csat, ['id,at,score', `1,${at},9`, `1,${at},5`, `,${at},5`, `2,${at}`], undefined, { key: 'id' }).flatMap((r) => r.badRows.byReason ?? []),
      ...compute(kpi({ formula: 'mean', columns: { value: 'total' } }), ['at,total', `${at},x`]).flatMap((r) => r.badRows.byReason ?? []),
      ...compute(kpi({ formula: 'response_time', columns: { start: 'at', end: 'end' } }), ['at,end', `${at},2026-03-01T09:00:00Z`]).flatMap((r) => r.badRows.byReason ?? []),
      ...compute(csat, ['at,score', '"x']).flatMap((r) => r.badRows.byReason ?? []),
    ];
    const unreadable = { reason: 'unreadable' as const, count: 1, examples: [], fix: 'Re-export the file: it is not valid CSV or JSON from this line on.', fixSays: { case: 'unreadable', params: {} } };
    const all = [...groups, unreadable];
    expect([...new Set(all.map((group) => group.fixSays?.case))].sort()).toEqual([...ROW_FIXES].sort());
    for (const group of all) expect(renderRowText(en, 'fixes', group.fixSays as RowText)).toBe(group.fix);
  });
});

/** on_time of the small fixture with three rows whose promised_at is written day first. */
function skippedDates(): Evaluation {
  const [result] = compute(kpi({ id: 'on_time', formula: 'csat', columns: { score: 'score' } }),
    ['at,score', '03/10/2025 11:25,4', '04/10/2025 09:00,4', '05/10/2025 17:30,4', '06/10/2025 08:00,5', `${at},4`]);
  return { dataDate: null, kpis: [result as KpiResult], commitments: [] };
}

describe('formatBadRows: the skipped-rows lines of pledge check and pledge kpi', () => {
  // 03/10/2025 … 06/10/2025 fit DD/MM/YYYY and MM/DD/YYYY alike: the fix names both.
  const declare = (format: string) => `sources: [{ file: data/x.csv, date_format: ${format} }]`;
  it('en, as it always read', () => {
    expect(formatBadRows(skippedDates(), en)).toBe('data/x.csv:2  on_time  4 rows skipped (lines 2, 3, 4, …): "03/10/2025 11:25" is not a date-time'
      + ' (expected ISO 8601, e.g. 2026-03-01T14:05:00Z) (column at). The values in at fit DD/MM/YYYY and MM/DD/YYYY, and pledge will not guess which:'
      + ` declare the one your export writes in kpis.yaml, ${declare('DD/MM/YYYY')} or ${declare('MM/DD/YYYY')}.\n`);
  });
  it('zh: every word in Chinese but the data and the YAML to write', () => {
    expect(formatBadRows(skippedDates(), messagesIn('zh'))).toBe('data/x.csv:2  on_time  跳过了 4 行（第 2、3、4…… 行）：'
      + '"03/10/2025 11:25" 不是日期时间（应为 ISO 8601 格式，例如 2026-03-01T14:05:00Z）（at 列）。'
      + `at 中的值同时符合 DD/MM/YYYY 和 MM/DD/YYYY，pledge 不会替您猜：请在 kpis.yaml 中声明您的导出实际使用的格式，${declare('DD/MM/YYYY')} 或 ${declare('MM/DD/YYYY')}。\n`);
  });
  it('pt: one row, no line list', () => {
    const evaluation = skippedDates();
    const [result] = compute(kpi({ id: 'orders', formula: 'mean', columns: { value: 'total' } }), ['at,total', `${at},12 €`]);
    evaluation.kpis = [result as KpiResult];
    expect(formatBadRows(evaluation, messagesIn('pt'))).toBe('data/x.csv:2  orders  1 linha saltada: "12 €" não é um número (coluna total).'
      + ' Escreva na coluna total números simples (ponto para as casas decimais, sem símbolo de moeda), ou deixe essas linhas de fora com um filtro.\n');
  });
});
