import { describe, expect, it } from 'vitest';
import { runDataRule } from '../../kpi/evaluation-fixture.ts';

const withInternal = (value: number): [string, string] =>
  ['    target: { comparison: ">=", value: 95, unit: "%" }\n', `    target: { comparison: ">=", value: 95, unit: "%" }\n    internal_target: { comparison: ">=", value: ${value}, unit: "%" }\n`];
const internalHint = 'Make the internal target stricter than the public one, e.g. promise 60 minutes and aim for 45.';
const medianHint = 'Set the public target where you deliver comfortably, and keep the stricter figure as the internal_target.';

describe('no-margin', () => {
  it('is quiet with a stricter internal target and a comfortable recent median', async () => {
    expect(await runDataRule('no-margin', { on_time: [98, 97, 99] }, [withInternal(97)])).toEqual([]);
  });
  it('finds an internal target no stricter than the public one, even without data', async () => {
    expect(await runDataRule('no-margin', {}, [withInternal(95)], false)).toEqual([
      `content/promise.yaml:13:40  warning  no-margin  Commitment "on-time" promises >= 95% in public, as strict as its internal target (>= 95%), so there is no margin before a broken promise. | ${internalHint}`,
    ]);
  });
  it('finds a public target at or above the median of the last 6 months', async () => {
    // last 6 of 8 months: 96 94 95 97 93 95 → sorted 93 94 95 95 96 97 → median 95
    expect(await runDataRule('no-margin', { on_time: [99, 99, 96, 94, 95, 97, 93, 95] })).toEqual([
      `content/promise.yaml:13:40  warning  no-margin  Commitment "on-time" promises >= 95%, but the median of the last 6 months is 95%: about half the periods miss or barely meet it. | ${medianHint}`,
    ]);
  });
  it('reads a "lower is better" target the other way round', async () => {
    // median of 3.5, 4.5, 4 = 4: a promise of <= 4 hours has no margin; 3 is clearly under the target
    expect(await runDataRule('no-margin', { reply_time: [3.5, 4.5, 4] })).toHaveLength(1);
    expect(await runDataRule('no-margin', { reply_time: [3, 3.2, 2.9] })).toEqual([]);
  });
});
