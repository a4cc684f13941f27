import { describe, expect, it } from 'vitest';
import type { KpiResult, ReasonGroup } from '../../../src/core/kpi/types.ts';
import { runDataCase } from '../../kpi/evaluation-fixture.ts';

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
