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
});
