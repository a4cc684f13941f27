import { describe, expect, it } from 'vitest';
import { runDataRule } from '../../kpi/evaluation-fixture.ts';

const hint = 'Promise what you already achieve, with a margin, and raise the target once the figures have improved.';

describe('unrealistic-target', () => {
  it('is quiet when some month met the public target', async () => {
    expect(await runDataRule('unrealistic-target', { on_time: [93, 95, 94], reply_time: [5, 3.9, null] })).toEqual([]);
  });
  it('finds a "higher" target no month ever reached, naming the best month', async () => {
    expect(await runDataRule('unrealistic-target', { on_time: [93, 94.5, null, 91] })).toEqual([
      `content/promise.yaml:13:40  warning  unrealistic-target  Commitment "on-time" promises >= 95%, but the best month in the data (2026-02) reached 94.5%. | ${hint}`,
    ]);
  });
  it('finds a "lower" target no month ever reached', async () => {
    expect(await runDataRule('unrealistic-target', { reply_time: [6, 4.25, 5] })).toEqual([
      `content/promise.yaml:18:40  warning  unrealistic-target  Commitment "replies" promises <= 4 hours, but the best month in the data (2026-02) reached 4.3 hours. | ${hint}`,
    ]);
  });
  it('shows the best month with the decimals that tell it from the target', async () => {
    expect(await runDataRule('unrealistic-target', { on_time: [94.96, 93] })).toEqual([
      `content/promise.yaml:13:40  warning  unrealistic-target  Commitment "on-time" promises >= 95%, but the best month in the data (2026-01) reached 94.96%. | ${hint}`,
    ]);
  });
  it('says nothing without data, or with only months too small to count', async () => {
    expect(await runDataRule('unrealistic-target', { on_time: [null, null] })).toEqual([]);
    expect(await runDataRule('unrealistic-target', { on_time: [90] }, [], false)).toEqual([]);
  });
  it('speaks Portuguese and Chinese to a Portuguese or Chinese promise, and is quiet when a month reached the target', async () => {
    const pt = { language: 'pt', messages: 'pt' } as const;
    const zh = { language: 'zh', messages: 'zh' } as const;
    expect(await runDataRule('unrealistic-target', { on_time: [93, 95, 94] }, [], true, pt)).toEqual([]);
    expect(await runDataRule('unrealistic-target', { on_time: [93, 94.5, null, 91] }, [], true, pt)).toEqual([
      'content/promise.yaml:13:40  warning  unrealistic-target  O compromisso «no-prazo» promete >= 95%, mas o melhor resultado por mês nos dados (2026-02) foi 94,5%. | Prometa o que já consegue, com margem, e suba a meta quando os números melhorarem.',
    ]);
    expect(await runDataRule('unrealistic-target', { on_time: [93, 95, 94] }, [], true, zh)).toEqual([]);
    expect(await runDataRule('unrealistic-target', { on_time: [93, 94.5, null, 91] }, [], true, zh)).toEqual([
      'content/promise.yaml:13:40  warning  unrealistic-target  承诺“on-time”的目标是 >= 95%，但数据中最好的一个月（2026-02）也只达到 94.5%。 | 承诺您已经做到的水平并留出余地，等数据改善后再提高目标。',
    ]);
  });
});
