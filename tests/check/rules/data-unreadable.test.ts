import { describe, expect, it } from 'vitest';
import type { KpiResult, ReasonGroup } from '../../../src/core/kpi/types.ts';
import { runDataCase } from '../../kpi/evaluation-fixture.ts';
import { compute, kpi } from '../../kpi/helpers.ts';

const issue = (line: number) => ({ file: 'content/data/orders.csv', line, column: 'promised_at', reason: 'not-a-date' as const,
  message: '"03/10/2025 11:25" is not a date-time (expected ISO 8601, e.g. 2026-03-01T14:05:00Z)', value: '03/10/2025 11:25' });
const dates: ReasonGroup = { reason: 'not-a-date', column: 'promised_at', count: 0, examples: [issue(2), issue(3), issue(4)], fix: 'Declare date_format.' };

/** on_time read `used` rows and skipped `bad`, all for one reason. */
const skipped = (used: number, bad: number) => (results: KpiResult[]) => {
  const result = results.find((r) => r.kpi.id === 'on_time');
  if (!result) return;
  Object.assign(result, { rowsRead: used + bad, rowsUsed: used, badRows: { count: bad, examples: dates.examples, byReason: [{ ...dates, count: bad }] } });
};

const finding = (bad: string, looked: string, share: string, limit = 5) =>
  `content/data/orders.csv:2:1  error  data-unreadable  KPI "on_time" could not read ${bad} of its ${looked} rows (${share} %, more than the ${limit} % allowed). `
  + `The commonest reason, in ${bad} rows (column promised_at) from lines 2, 3, 4: "03/10/2025 11:25" is not a date-time (expected ISO 8601, e.g. 2026-03-01T14:05:00Z). | Declare date_format.`;

describe('data-unreadable', () => {
  it('en: is quiet at 5 % of rows skipped, and errs above it, at the first bad row', async () => {
    expect(await runDataCase('data-unreadable', { figures: { on_time: [96] }, change: skipped(95, 5) })).toEqual([]);
    expect(await runDataCase('data-unreadable', { figures: { on_time: [96] }, change: skipped(94, 6) })).toEqual([finding('6', '100', '6')]);
  });
  it('en: every row unreadable (a whole file in another date format)', async () => {
    expect(await runDataCase('data-unreadable', { figures: { on_time: [null] }, change: skipped(0, 2400) })).toEqual([finding('2,400', '2,400', '100')]);
  });
  it('en: the share is configurable with limit (in %)', async () => {
    const config = { 'data-unreadable': { limit: 10 } };
    expect(await runDataCase('data-unreadable', { figures: { on_time: [96] }, change: skipped(92, 8), config })).toEqual([]);
    expect(await runDataCase('data-unreadable', { figures: { on_time: [96] }, change: skipped(88, 12), config })).toEqual([finding('12', '100', '12', 10)]);
  });
  it('pt: the same finding on the Portuguese fixture', async () => {
    expect(await runDataCase('data-unreadable', { language: 'pt', figures: { on_time: [96] }, change: skipped(90, 10) })).toEqual([finding('10', '100', '10')]);
    expect(await runDataCase('data-unreadable', { language: 'pt', figures: { on_time: [96] }, change: skipped(99, 1) })).toEqual([]);
  });
});

/** The rows as the data reader gives them: the reason and the fix as data, worded in the finding's language. */
const read = compute(kpi({ id: 'on_time', formula: 'csat', timestamp: 'promised_at', columns: { score: 'score' } }),
  ['promised_at,score', '03/10/2025 11:25,4', '04/10/2025 09:00,4', '05/10/2025 17:30,4'])[0]?.badRows.byReason?.[0];
const skippedAsRead = (used: number, bad: number) => (results: KpiResult[]) => {
  const result = results.find((r) => r.kpi.id === 'on_time');
  if (!result || !read) return;
  Object.assign(result, { rowsRead: used + bad, rowsUsed: used, badRows: { count: bad, examples: read.examples, byReason: [{ ...read, count: bad }] } });
};
const declare = (format: string) => `sources: [{ file: data/x.csv, date_format: ${format} }]`;

describe('data-unreadable in the promise\'s language, the reader\'s reason and fix included', () => {
  it('en: the reader\'s words, as before', async () => {
    expect(await runDataCase('data-unreadable', { figures: { on_time: [96] }, change: skippedAsRead(90, 10) })).toEqual([
      'data/x.csv:2:1  error  data-unreadable  KPI "on_time" could not read 10 of its 100 rows (10 %, more than the 5 % allowed).'
      + ' The commonest reason, in 10 rows (column promised_at) from lines 2, 3, 4: "03/10/2025 11:25" is not a date-time (expected ISO 8601, e.g. 2026-03-01T14:05:00Z).'
      + ' | The values in promised_at fit DD/MM/YYYY and MM/DD/YYYY, and pledge will not guess which: declare the one your export writes in kpis.yaml,'
      + ` ${declare('DD/MM/YYYY')} or ${declare('MM/DD/YYYY')}.`,
    ]);
  });
  it('pt: a Portuguese promise gets the whole finding in Portuguese', async () => {
    expect(await runDataCase('data-unreadable', { language: 'pt', messages: 'pt', figures: { on_time: [96] }, change: skippedAsRead(90, 10) })).toEqual([
      'data/x.csv:2:1  error  data-unreadable  O KPI «on_time» não conseguiu ler 10 das suas 100 linhas (10 %, acima dos 5 % permitidos).'
      + ' O motivo mais frequente, em 10 linhas (coluna promised_at), a partir da linhas 2, 3, 4: "03/10/2025 11:25" não é uma data e hora (esperava-se ISO 8601, por exemplo 2026-03-01T14:05:00Z).'
      + ' | Os valores de promised_at servem para DD/MM/YYYY e MM/DD/YYYY, e o pledge não vai adivinhar qual: declare em kpis.yaml o que a sua exportação escreve,'
      + ` ${declare('DD/MM/YYYY')} ou ${declare('MM/DD/YYYY')}.`,
    ]);
  });
  it('zh: a Chinese promise gets the whole finding in Chinese', async () => {
    expect(await runDataCase('data-unreadable', { language: 'zh', messages: 'zh', figures: { on_time: [96] }, change: skippedAsRead(90, 10) })).toEqual([
      'data/x.csv:2:1  error  data-unreadable  KPI“on_time”的 100 行数据中有 10 行无法读取（10 %，超过允许的 5 %）。最常见的原因出现在 10 行中（promised_at 列），见第 2、3、4 行：'
      + '"03/10/2025 11:25" 不是日期时间（应为 ISO 8601 格式，例如 2026-03-01T14:05:00Z）。'
      + ' | promised_at 中的值同时符合 DD/MM/YYYY 和 MM/DD/YYYY，pledge 不会替您猜：请在 kpis.yaml 中声明您的导出实际使用的格式，'
      + `${declare('DD/MM/YYYY')} 或 ${declare('MM/DD/YYYY')}。`,
    ]);
  });
});
