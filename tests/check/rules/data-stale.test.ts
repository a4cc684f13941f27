import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/types.ts';
import { runDataCase } from '../../kpi/evaluation-fixture.ts';

const dataUpTo = (iso: string) => (results: KpiResult[]) => { for (const result of results) result.dataDate = iso; };
const hint = 'Export fresh data to data/orders.csv before you build, so the latest figure is about the latest month; set SOURCE_DATE_EPOCH to build as of an earlier date.';

describe('data-stale', () => {
  it('en: is quiet within one month of the build date', async () => {
    // 28 February + one month = 28 March, after the build date of 27 March.
    expect(await runDataCase('data-stale', { figures: { on_time: [96] }, change: dataUpTo('2026-02-28T12:00:00.000Z'), asOf: '2026-03-27T00:00:00.000Z' })).toEqual([]);
  });
  it('en: warns at the KPI in kpis.yaml once the data is more than a month behind', async () => {
    // 28 February 12:00 to 29 March 00:00 is 28.5 days: 28 whole days, more than the month to 28 March 12:00.
    expect(await runDataCase('data-stale', { figures: { on_time: [96] }, change: dataUpTo('2026-02-28T12:00:00.000Z'), asOf: '2026-03-29T00:00:00.000Z' })).toEqual([
      `content/kpis.yaml:5:13  warning  data-stale  KPI "on_time" has no row after 2026-02-28: 28 days before the build date (2026-03-29), more than a month. | ${hint}`,
    ]);
  });
  it('en: says nothing without a build date or without rows', async () => {
    expect(await runDataCase('data-stale', { figures: { on_time: [96] }, change: dataUpTo('2025-01-01T00:00:00.000Z') })).toEqual([]);
    expect(await runDataCase('data-stale', { figures: { on_time: [null] }, change: (r) => { for (const x of r) x.dataDate = null; }, asOf: '2026-03-29T00:00:00.000Z' })).toEqual([]);
  });
  it('pt: the same warning on the Portuguese fixture', async () => {
    expect(await runDataCase('data-stale', { language: 'pt', figures: { on_time: [96] }, change: dataUpTo('2026-01-10T00:00:00.000Z'), asOf: '2026-03-01T00:00:00.000Z' })).toEqual([
      `content/kpis.yaml:5:13  warning  data-stale  KPI "on_time" has no row after 2026-01-10: 50 days before the build date (2026-03-01), more than a month. | ${hint}`,
    ]);
  });
  it('zh: quiet within the month, and in Chinese once the data is behind', async () => {
    expect(await runDataCase('data-stale', { language: 'zh', messages: 'zh', figures: { on_time: [96] }, change: dataUpTo('2026-02-28T12:00:00.000Z'), asOf: '2026-03-27T00:00:00.000Z' })).toEqual([]);
    expect(await runDataCase('data-stale', { language: 'zh', messages: 'zh', figures: { on_time: [96] }, change: dataUpTo('2026-01-10T00:00:00.000Z'), asOf: '2026-03-01T00:00:00.000Z' })).toEqual([
      'content/kpis.yaml:5:13  warning  data-stale  KPI“on_time”在 2026-01-10 之后没有任何数据行：距构建日期（2026-03-01）已有 50 天，超过了一个月。 | 构建前请把最新数据导出到 data/orders.csv，让最新的数字反映最近的一个月；如需按更早的日期构建，请设置 SOURCE_DATE_EPOCH。',
    ]);
  });
  it('pt: in Portuguese for a Portuguese promise', async () => {
    expect(await runDataCase('data-stale', { language: 'pt', messages: 'pt', figures: { on_time: [96] }, change: dataUpTo('2026-01-10T00:00:00.000Z'), asOf: '2026-03-01T00:00:00.000Z' })).toEqual([
      'content/kpis.yaml:5:13  warning  data-stale  O KPI «on_time» não tem nenhuma linha depois de 2026-01-10: são 50 dias antes da data da compilação (2026-03-01), mais do que o período do KPI (mês). | Exporte dados atualizados para data/orders.csv antes de compilar, para que o último valor diga respeito ao último período (mês); defina SOURCE_DATE_EPOCH para compilar com uma data anterior.',
    ]);
  });
});
