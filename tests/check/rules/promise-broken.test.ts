import { describe, expect, it } from 'vitest';
import { runDataRule } from '../../kpi/evaluation-fixture.ts';

describe('promise-broken', () => {
  it('is quiet when the latest month meets every public target', async () => {
    expect(await runDataRule('promise-broken', { on_time: [90, 96], reply_time: [5, 4] })).toEqual([]);
  });
  it('finds a public target missed in the latest complete month, with the remedy owed', async () => {
    expect(await runDataRule('promise-broken', { on_time: [97, 94.2], reply_time: [3, 4.5] })).toEqual([
      'content/promise.yaml:13:40  error  promise-broken  Commitment "on-time" was broken in 2026-02: on_time was 94.2%, against a promise of >= 95%. | Customers are owed the remedy ("we refund your shipping"); find the cause, and say what you changed. Explain it to customers in content/notes/2026-02-on-time.md: front matter "commitment: on-time" and "period: 2026-02" between --- lines, then what happened, what you did for those affected, and what you changed.',
      'content/promise.yaml:18:40  error  promise-broken  Commitment "replies" was broken in 2026-02: reply_time was 4.5 hours, against a promise of <= 4 hours. | Customers are owed the remedy ("we send you a voucher"); find the cause, and say what you changed. Explain it to customers in content/notes/2026-02-replies.md: front matter "commitment: replies" and "period: 2026-02" between --- lines, then what happened, what you did for those affected, and what you changed.',
    ]);
  });
  it('leaves out how to write a note once the month has one', async () => {
    expect(await runDataRule('promise-broken', { on_time: [97, 94.2] }, [], true, { notes: [{ commitment: 'on-time', period: '2026-02' }] })).toEqual([
      'content/promise.yaml:13:40  error  promise-broken  Commitment "on-time" was broken in 2026-02: on_time was 94.2%, against a promise of >= 95%. | Customers are owed the remedy ("we refund your shipping"); find the cause, and say what you changed.',
    ]);
  });
  it('judges the latest month against the target in force then', async () => {
    // The current target (>= 90) starts in 2026-03; February is still judged against the earlier >= 95.
    const edits: [string, string][] = [['target: { comparison: ">=", value: 95, unit: "%" }', 'target: { comparison: ">=", value: 90, unit: "%" }\n    history:\n      - { until: 2026-02, target: { comparison: ">=", value: 95, unit: "%" }, note: Rural routes. }']];
    expect(await runDataRule('promise-broken', { on_time: [97, 94.2] }, edits, true, { notes: [{ commitment: 'on-time', period: '2026-02' }] })).toEqual([
      'content/promise.yaml:13:40  error  promise-broken  Commitment "on-time" was broken in 2026-02: on_time was 94.2%, against a promise of >= 95%. | Customers are owed the remedy ("we refund your shipping"); find the cause, and say what you changed.',
    ]);
  });
  it('does not call a month with too little data broken', async () => {
    expect(await runDataRule('promise-broken', { on_time: [90, null] })).toEqual([]);
  });
  it('speaks Portuguese and Chinese to a Portuguese or Chinese promise, and is quiet when it was kept', async () => {
    const pt = { language: 'pt', messages: 'pt' } as const;
    const zh = { language: 'zh', messages: 'zh' } as const;
    expect(await runDataRule('promise-broken', { on_time: [90, 96], reply_time: [5, 4] }, [], true, pt)).toEqual([]);
    expect(await runDataRule('promise-broken', { on_time: [97, 94.2] }, [], true, pt)).toEqual([
      'content/promise.yaml:13:40  error  promise-broken  O compromisso «no-prazo» não foi cumprido em 2026-02: on_time ficou em 94,2%, para uma promessa de >= 95%. | Os clientes têm direito à compensação prometida («devolvemos o frete»); descubra a causa e diga o que mudou. Explique-o aos clientes em content/notes/2026-02-no-prazo.md: no cabeçalho, "commitment: no-prazo" e "period: 2026-02" entre linhas ---; depois, o que aconteceu, o que fez pelos clientes afetados e o que mudou.',
    ]);
    expect(await runDataRule('promise-broken', { on_time: [90, 96], reply_time: [5, 4] }, [], true, zh)).toEqual([]);
    expect(await runDataRule('promise-broken', { on_time: [97, 94.2] }, [], true, zh)).toEqual([
      'content/promise.yaml:13:40  error  promise-broken  承诺“on-time”在 2026-02 未能兑现：on_time 为 94.2%，而承诺的是 >= 95%。 | 客户应当得到承诺的补救（“我们退还运费”）；请查明原因，并说明您做了哪些改进。在 content/notes/2026-02-on-time.md 中向客户说明：开头用 --- 行括起 "commitment: on-time" 和 "period: 2026-02"，然后写明发生了什么、为受影响的客户做了什么、改进了什么。',
    ]);
  });
});
