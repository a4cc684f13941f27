import { describe, expect, it } from 'vitest';
import { wilson } from '../../../src/core/kpi/stats.ts';
import type { KpiResult } from '../../../src/core/kpi/types.ts';
import { runDataCase } from '../../kpi/evaluation-fixture.ts';

/** on_time's latest month: `hits` of `n` orders on time, with its Wilson interval. */
const sample = (hits: number, n: number) => (results: KpiResult[]) => {
  const bucket = results.find((r) => r.kpi.id === 'on_time')?.buckets.at(-1);
  if (bucket) Object.assign(bucket, { n, value: (hits / n) * 100, ci95: wilson(hits, n) });
};

describe('sample-too-small', () => {
  it('en: is quiet when the interval clears the target', async () => {
    // 1,940 of 2,000 = 97 %, Wilson 96.2 % to 97.7 %: above 95 % either way.
    expect(await runDataCase('sample-too-small', { figures: { on_time: [97] }, change: sample(1940, 2000) })).toEqual([]);
  });
  it('en: warns when the interval takes in the target, with the rows that would tell them apart', async () => {
    // 182 of 190 = 95.79 %, Wilson 91.91 % to 97.85 % (tests/kpi/intervals.test.ts). The target 95 is below the
    // figure, so h = 95.789 − 91.913 = 3.877 and d = 95.789 − 95 = 0.789: 190 · (3.877 / 0.789)² = 4,581.3 → 4,582.
    expect(await runDataCase('sample-too-small', { figures: { on_time: [97] }, change: sample(182, 190) })).toEqual([
      'content/promise.yaml:13:40  warning  sample-too-small  Commitment "on-time": 2026-01 measured 95.8% from 190 rows, and its 95 % interval (91.9% to 97.9%) takes in the target of 95%, so whether it was kept is within the noise.'
      + ' | About 4,582 rows a month would tell the figure from the target; until then, show the margin of error beside it or measure over a longer period.',
    ]);
  });
  it('en: a figure below its target is as noisy: 47 of 50 = 94 %, Wilson 83.8 % to 97.9 %', async () => {
    // h = 97.9385 − 94 = 3.9385 (the target is above the figure), d = 1: 50 · 3.9385² = 775.6 → 776.
    expect(await runDataCase('sample-too-small', { figures: { on_time: [97] }, change: sample(47, 50) })).toEqual([
      'content/promise.yaml:13:40  warning  sample-too-small  Commitment "on-time": 2026-01 measured 94% from 50 rows, and its 95 % interval (83.8% to 97.9%) takes in the target of 95%, so whether it was kept is within the noise.'
      + ' | About 776 rows a month would tell the figure from the target; until then, show the margin of error beside it or measure over a longer period.',
    ]);
  });
  it('en: says nothing about a figure without an interval', async () => {
    expect(await runDataCase('sample-too-small', { figures: { on_time: [95.5], reply_time: [3.9] } })).toEqual([]);
  });
  it('pt: the same warning on the Portuguese fixture', async () => {
    expect(await runDataCase('sample-too-small', { language: 'pt', figures: { on_time: [97] }, change: sample(182, 190) })).toEqual([
      'content/promise.yaml:13:40  warning  sample-too-small  Commitment "no-prazo": 2026-01 measured 95.8% from 190 rows, and its 95 % interval (91.9% to 97.9%) takes in the target of 95%, so whether it was kept is within the noise.'
      + ' | About 4,582 rows a month would tell the figure from the target; until then, show the margin of error beside it or measure over a longer period.',
    ]);
  });
  it('pt: in Portuguese, every number written the Portuguese way (decimal comma, grouping of pt-PT)', async () => {
    const [finding] = await runDataCase('sample-too-small', { language: 'pt', messages: 'pt', figures: { on_time: [97] }, change: sample(182, 190) });
    expect(finding).toContain('em 2026-01 mediu 95,8% a partir de 190 linhas, e o intervalo de 95 % (91,9% a 97,9%) inclui a meta de 95%');
    // 4582: pt-PT groups thousands only from five digits.
    expect(finding).toContain('Cerca de 4582 linhas por período');
    expect(finding).not.toMatch(/\d\.\d/);
  });
  it('zh: in Chinese for a Chinese promise, and quiet when the interval clears the target', async () => {
    expect(await runDataCase('sample-too-small', { language: 'zh', messages: 'zh', figures: { on_time: [97] }, change: sample(1960, 2000) })).toEqual([]);
    expect(await runDataCase('sample-too-small', { language: 'zh', messages: 'zh', figures: { on_time: [97] }, change: sample(182, 190) })).toEqual([
      'content/promise.yaml:13:40  warning  sample-too-small  承诺“on-time”：2026-01 根据 190 行数据测得 95.8%，其 95 % 置信区间（91.9% 至 97.9%）包含了目标 95%，因此是否兑现仍在误差范围之内。 | 每一个月大约需要 4,582 行数据，才能把这个数字与目标区分开；在此之前，请在旁边注明误差范围，或改用更长的周期来衡量。',
    ]);
  });
});
