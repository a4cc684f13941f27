import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/types.ts';
import { runDataCase } from '../../kpi/evaluation-fixture.ts';

const onTime = (change: (result: KpiResult) => void) => (results: KpiResult[]) => {
  const result = results.find((r) => r.kpi.id === 'on_time');
  if (result) change(result);
};

describe('no-data', () => {
  it('en: is quiet when a complete month has a figure', async () => {
    expect(await runDataCase('no-data', { figures: { on_time: [null, 96], reply_time: [3] } })).toEqual([]);
  });
  it('en: finds a commitment whose KPI found no usable row', async () => {
    expect(await runDataCase('no-data', { figures: { on_time: [], reply_time: [3] } })).toEqual([
      'content/promise.yaml:12:10  warning  no-data  Commitment "on-time" has no complete month with data: KPI "on_time" found no usable row in data/orders.csv. | Check that data/orders.csv has rows and that its dates read (see the skipped rows).',
    ]);
  });
  it('en: finds one whose only month has not ended', async () => {
    const change = onTime((r) => Object.assign(r, { rowsUsed: 40, buckets: r.buckets.map((b) => ({ ...b, complete: false })) }));
    expect(await runDataCase('no-data', { figures: { on_time: [96], reply_time: [3] }, change })).toEqual([
      'content/promise.yaml:12:10  warning  no-data  Commitment "on-time" has no complete month with data: its data starts in 2026-01, which has not ended yet. | Wait until the first month is over before publishing this commitment, or measure it over a shorter period.',
    ]);
  });
  it('en: finds one whose months all have fewer rows than min_sample', async () => {
    const change = onTime((r) => Object.assign(r, { rowsUsed: 12, kpi: { ...r.kpi, min_sample: 30 }, buckets: r.buckets.map((b) => ({ ...b, n: 12 })) }));
    expect(await runDataCase('no-data', { figures: { on_time: [null], reply_time: [3] }, change })).toEqual([
      'content/promise.yaml:12:10  warning  no-data  Commitment "on-time" has no complete month with data: no month has the 30 rows min_sample asks for (at most 12). | Collect more data, lower min_sample for KPI "on_time" in kpis.yaml if 12 rows are enough, or measure over a longer period.',
    ]);
  });
  it('pt: the same warning on the Portuguese fixture', async () => {
    expect(await runDataCase('no-data', { language: 'pt', figures: { on_time: [96], reply_time: [] } })).toEqual([
      'content/promise.yaml:17:10  warning  no-data  Commitment "respostas" has no complete month with data: KPI "reply_time" found no usable row in data/tickets.csv. | Check that data/tickets.csv has rows and that its dates read (see the skipped rows).',
    ]);
  });
  it('zh: quiet with a complete month, and in Chinese without one', async () => {
    expect(await runDataCase('no-data', { language: 'zh', messages: 'zh', figures: { on_time: [null, 96], reply_time: [3] } })).toEqual([]);
    expect(await runDataCase('no-data', { language: 'zh', messages: 'zh', figures: { on_time: [96], reply_time: [] } })).toEqual([
      'content/promise.yaml:17:10  warning  no-data  承诺“replies”还没有任何完整周期（一个月）的数据：KPI“reply_time”在 data/tickets.csv 中没有找到任何可用的数据行。 | 请检查 data/tickets.csv 是否有数据行，以及其中的日期能否读取（见被跳过的行）。',
    ]);
  });
});
