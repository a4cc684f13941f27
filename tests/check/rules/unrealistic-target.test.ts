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
});
