import { describe, expect, it } from 'vitest';
import { runDataRule } from '../../kpi/evaluation-fixture.ts';

const withInternal = (value: number): [string, string] =>
  ['    target: { comparison: ">=", value: 95, unit: "%" }\n', `    target: { comparison: ">=", value: 95, unit: "%" }\n    internal_target: { comparison: ">=", value: ${value}, unit: "%" }\n`];
const internalHint = 'Make the internal target stricter than the public one, e.g. internal_target >= 97%.';
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
  it('says an internal >= 85 % under a public >= 90 % is the looser one, with an example in percent', async () => {
    // 90 % public: two thirds of its 10-point shortfall is 6.7, so aim for 93.3, rounded up to 94 %.
    const edit: [string, string] = ['    target: { comparison: ">=", value: 95, unit: "%" }\n',
      '    target: { comparison: ">=", value: 90, unit: "%" }\n    internal_target: { comparison: ">=", value: 85, unit: "%" }\n'];
    expect(await runDataRule('no-margin', {}, [edit], false)).toEqual([
      'content/promise.yaml:13:40  warning  no-margin  Commitment "on-time" promises >= 90% in public, but its internal target (>= 85%) is looser than that, so the team hears of trouble only after the promise is broken. | Make the internal target stricter than the public one, e.g. internal_target >= 94%.',
    ]);
  });
  it('reads <= the other way: an internal <= 6 hours under a public <= 4 hours is looser; the example is in hours', async () => {
    const edit: [string, string] = ['    target: { comparison: "<=", value: 4, unit: hours }\n',
      '    target: { comparison: "<=", value: 4, unit: hours }\n    internal_target: { comparison: "<=", value: 6, unit: hours }\n'];
    const stricterInside: [string, string] = [edit[0], edit[1].replace('value: 6', 'value: 3')];
    expect(await runDataRule('no-margin', {}, [edit], false)).toEqual([
      'content/promise.yaml:18:40  warning  no-margin  Commitment "replies" promises <= 4 hours in public, but its internal target (<= 6 hours) is looser than that, so the team hears of trouble only after the promise is broken. | Make the internal target stricter than the public one, e.g. internal_target <= 3 hours.',
    ]);
    expect(await runDataRule('no-margin', {}, [stricterInside], false)).toEqual([]);
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
  it('speaks Portuguese and Chinese to a Portuguese or Chinese promise, and is quiet with a comfortable median', async () => {
    const pt = { language: 'pt', messages: 'pt' } as const;
    const zh = { language: 'zh', messages: 'zh' } as const;
    const tight = { on_time: [99, 99, 96, 94, 95, 97, 93, 95] };
    expect(await runDataRule('no-margin', { on_time: [98, 97, 99] }, [], true, pt)).toEqual([]);
    expect(await runDataRule('no-margin', tight, [], true, pt)).toEqual([
      'content/promise.yaml:13:40  warning  no-margin  O compromisso «no-prazo» promete >= 95%, mas a mediana dos dados recentes (6 meses) é 95%: cerca de metade dos períodos fica aquém da meta ou mal lá chega. | Fixe a meta pública onde cumpre com folga e guarde o valor mais exigente como internal_target.',
    ]);
    expect(await runDataRule('no-margin', { on_time: [98, 97, 99] }, [], true, zh)).toEqual([]);
    expect(await runDataRule('no-margin', tight, [], true, zh)).toEqual([
      'content/promise.yaml:13:40  warning  no-margin  承诺“on-time”的目标是 >= 95%，但最近 6 个月的中位数是 95%：大约一半的周期未达标或勉强达标。 | 把对外目标定在您能轻松做到的水平，把更严格的数值留作 internal_target。',
    ]);
  });
});
