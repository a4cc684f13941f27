import { describe, expect, it } from 'vitest';
import type { LoadedRecord } from '../../../src/core/check/define-rule.ts';
import { recordFileSchema, recordJson, type RecordFile } from '../../../src/core/record/record.ts';
import { validateSource } from '../../../src/core/schema/validate.ts';
import { parseYaml } from '../../../src/core/yaml-source.ts';
import { runDataRule } from '../../kpi/evaluation-fixture.ts';

const DIGEST = `sha256:${'0'.repeat(64)}`;
const pct = (value: number) => ({ comparison: '>=' as const, value, unit: '%' });

/** A record file as `pledge record` writes it (one line per period), parsed back so findings have places. */
function record(commitment: string, kpi: string, periods: RecordFile['periods']): LoadedRecord[] {
  const file = `content/record/${commitment}.json`;
  const source = parseYaml(recordJson({ format: 'pledge-record/1', commitment, kpi, periods }), file);
  return [{ source, doc: validateSource(source, recordFileSchema) }];
}

const published = record('on-time', 'on_time', [
  { period: '2026-01', value: 96, n: 50, target: pct(95), status: 'kept', digest: DIGEST },
  { period: '2026-02', value: 94.2, n: 50, target: pct(95), status: 'broken', digest: DIGEST },
]);
const HINT = (c: string, p: string) => `A published figure is not rewritten silently. If the new one is right, add to promise.yaml restatements: [{ commitment: ${c}, period: ${p}, note: "what was corrected and why" }] and run \`pledge record\`; the page lists it. Otherwise restore the data, or record a target change as a history entry.`;

describe('record-changed', () => {
  it('en: is quiet when the data gives what was published, and about periods not recorded yet', async () => {
    expect(await runDataRule('record-changed', { on_time: [96, 94.2, 90] }, [], true, { record: published })).toEqual([]);
  });
  it('en: finds a figure that moved and a period that is gone, each at its line in the record', async () => {
    expect(await runDataRule('record-changed', { on_time: [96.5] }, [], true, { record: published })).toEqual([
      `content/record/on-time.json:6:5  error  record-changed  Commitment "on-time" was published for 2026-01 as 96% (n 50, target >= 95%, kept); the data now gives 96.5% (n 50, target >= 95%, kept). | ${HINT('on-time', '2026-01')}`,
      `content/record/on-time.json:7:5  error  record-changed  Commitment "on-time" was published for 2026-02 as 94.2% (n 50, target >= 95%, broken); the data no longer has this period (its rows are gone, or it is now before "since"). | ${HINT('on-time', '2026-02')}`,
    ]);
  });
  it('en: finds a target edited in place, and accepts a restated period', async () => {
    const edits: [string, string][] = [
      ['value: 95, unit: "%" }', 'value: 90, unit: "%" }'],
      ['call_to_action:', 'restatements:\n  - { commitment: on-time, period: 2026-01, note: The target was mistyped. }\ncall_to_action:'],
    ];
    expect(await runDataRule('record-changed', { on_time: [96, 94.2] }, edits, true, { record: published })).toEqual([
      `content/record/on-time.json:7:5  error  record-changed  Commitment "on-time" was published for 2026-02 as 94.2% (n 50, target >= 95%, broken); the data now gives 94.2% (n 50, target >= 90%, kept). | ${HINT('on-time', '2026-02')}`,
    ]);
  });
  it('pt: finds a reply time that moved in the Portuguese fixture', async () => {
    const replies = record('respostas', 'reply_time', [
      { period: '2026-01', value: 3, n: 50, target: { comparison: '<=', value: 4, unit: 'horas' }, status: 'kept', digest: DIGEST },
    ]);
    expect(await runDataRule('record-changed', { reply_time: [4.5] }, [], true, { language: 'pt', record: replies })).toEqual([
      `content/record/respostas.json:6:5  error  record-changed  Commitment "respostas" was published for 2026-01 as 3 horas (n 50, target <= 4 horas, kept); the data now gives 4.5 horas (n 50, target <= 4 horas, broken). | ${HINT('respostas', '2026-01')}`,
    ]);
  });
  it('pt: needs data', async () => {
    expect(await runDataRule('record-changed', { reply_time: [4.5] }, [], false, { language: 'pt' })).toEqual([]);
  });
  it('zh: the figures, targets and statuses in Chinese words, and quiet when the data agrees', async () => {
    const replies = record('replies', 'reply_time', [
      { period: '2026-01', value: 3, n: 50, target: { comparison: '<=', value: 4, unit: '小时' }, status: 'kept', digest: DIGEST },
    ]);
    const zh = { language: 'zh', messages: 'zh', record: replies } as const;
    expect(await runDataRule('record-changed', { reply_time: [3] }, [], true, zh)).toEqual([]);
    expect(await runDataRule('record-changed', { reply_time: [4.5] }, [], true, zh)).toEqual([
      'content/record/replies.json:6:5  error  record-changed  承诺“replies”在 2026-01 公布的结果是 3 小时（n 50，目标 <= 4 小时，已兑现）；现在的数据却得出 4.5 小时（n 50，目标 <= 4 小时，未兑现）。 | 已公布的数字不能悄悄改写。如果新数字是对的，请在 promise.yaml 的 restatements 中加上 [{ commitment: replies, period: 2026-01, note: "更正了什么、为什么" }]，再运行 `pledge record`；页面会列出这次更正。否则请恢复原来的数据，或者把目标的变更记为一条 history。',
    ]);
  });
});
