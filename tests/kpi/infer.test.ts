import { describe, expect, it } from 'vitest';
import { profileColumns, proposeKpis } from '../../src/core/kpi/infer.ts';

const kinds = (header: string[], rows: string[][]) =>
  Object.fromEntries(profileColumns(header, rows).map((p) => [p.name, p.dateFormats.length ? `${p.kind} ${p.dateFormats.join('|')}` : p.kind]));

describe('column roles from a header and a sample', () => {
  it('tells timestamps, 0–10 and 1–5 scores, ids, amounts and text apart', () => {
    const header = ['repair_id', 'customer_id', 'dropped_at', 'returned_at', 'nps', 'stars', 'price', 'note', 'spare'];
    const rows = [
      ['R1', 'C1', '2026-09-01T09:00:00Z', '2026-09-02 17:00', '9', '5', '45.50', 'new chain', ''],
      ['R2', 'C2', '2026-09-03', '2026-09-04T10:00:00+01:00', '3', '4', '120', 'brakes', ''],
      ['R3', 'C1', '2026-09-05T08:00:00Z', '2026-09-06T10:00:00Z', '10', '1', '12.00', 'puncture', ''],
    ];
    expect(kinds(header, rows)).toEqual({
      repair_id: 'id', customer_id: 'id', dropped_at: 'timestamp', returned_at: 'timestamp',
      nps: 'score-0-10', stars: 'score-1-5', price: 'amount', note: 'text', spare: 'empty',
    });
  });

  it('reads day-first dates as such when a day above 12 says so, and never guesses 03/10/2026', () => {
    const header = ['dropped', 'promised', 'returned'];
    const rows = [['31/08/2026 09:00', '03/10/2026', '13/09/2026'], ['01/09/2026 10:30', '04/10/2026', '14/09/2026']];
    expect(kinds(header, rows)).toEqual({
      dropped: 'timestamp DD/MM/YYYY', promised: 'ambiguous-date DD/MM/YYYY|MM/DD/YYYY', returned: 'timestamp DD/MM/YYYY',
    });
    expect(kinds(['at'], [['09/30/2026'], ['10/01/2026']])).toEqual({ at: 'timestamp MM/DD/YYYY' });
  });

  it('takes seconds since 1970 for a time only when the name says it is one', () => {
    expect(kinds(['created_at', 'visits'], [['1788000000', '1788000000']])).toEqual({ created_at: 'timestamp epoch_s', visits: 'integer' });
  });

  it('a 0–10 column whose values stay within 1–5 is a 1–5 score; a repeated text value makes an id', () => {
    expect(kinds(['score', 'email'], [['2', 'a@x'], ['5', 'a@x']])).toEqual({ score: 'score-1-5', email: 'id' });
  });
});

describe('proposed KPIs', () => {
  const propose = (header: string[], row: string[]) => proposeKpis(profileColumns(header, [row]));

  it('a promised time and a done time: on time first, then the response time between two timestamps', () => {
    expect(propose(['repair_id', 'dropped_at', 'promised_at', 'returned_at'], ['R1', '2026-09-01', '2026-09-03', '2026-09-02'])).toEqual([
      { formula: 'on_time_rate', columns: { done: 'returned_at', promised: 'promised_at' }, timestamp: 'promised_at', reason: 'promised_at is a promised time and returned_at when it was done' },
      { formula: 'response_time', columns: { start: 'dropped_at', end: 'returned_at' }, timestamp: 'dropped_at', reason: 'the time from dropped_at to returned_at' },
    ]);
  });

  it('two timestamps with no promise: a response time from the opening to the first reply', () => {
    expect(propose(['ticket', 'first_reply_at', 'opened_at'], ['T1', '2026-09-01T10:00Z', '2026-09-01T09:00Z']).map((p) => [p.formula, p.columns, p.timestamp])).toEqual([
      ['response_time', { start: 'opened_at', end: 'first_reply_at' }, 'opened_at'],
    ]);
  });

  it('a 0–10 score is NPS, a 1–5 score CSAT, a customer id repeat purchase; each placed by the first timestamp', () => {
    expect(propose(['answered_at', 'recommend', 'rating', 'customer_id'], ['2026-09-01', '7', '4', 'C1']).map((p) => [p.formula, p.columns, p.timestamp])).toEqual([
      ['nps', { score: 'recommend' }, 'answered_at'],
      ['csat', { score: 'rating' }, 'answered_at'],
      ['repeat_purchase_rate', { customer: 'customer_id' }, 'answered_at'],
    ]);
  });

  it('proposes nothing without a timestamp to place rows in periods', () => {
    expect(propose(['score', 'customer_id'], ['9', 'C1'])).toEqual([]);
  });
});
