import { describe, expect, it } from 'vitest';
import { evaluateCommitment, statusOf } from '../../src/core/kpi/commitments.ts';
import { formatStatusTable } from '../../src/core/kpi/format.ts';
import type { Evaluation, KpiResult } from '../../src/core/kpi/types.ts';
import type { Commitment } from '../../src/core/schema/promise.ts';
import { kpi } from './helpers.ts';

const atLeast = (value: number) => ({ comparison: '>=' as const, value });
const atMost = (value: number) => ({ comparison: '<=' as const, value });

describe('statusOf', () => {
  it.each([
    [97, atLeast(95), atLeast(97), 'kept'],
    [96.9, atLeast(95), atLeast(97), 'at-risk'],
    [95, atLeast(95), atLeast(97), 'at-risk'],
    [94.99, atLeast(95), atLeast(97), 'broken'],
    [95, atLeast(95), undefined, 'kept'],
    [null, atLeast(95), atLeast(97), 'no-data'],
    // lower is better: reply within 4 hours, aiming for 2
    [1.5, atMost(4), atMost(2), 'kept'],
    [3, atMost(4), atMost(2), 'at-risk'],
    [4.01, atMost(4), atMost(2), 'broken'],
    [4, { comparison: '<' as const, value: 4 }, undefined, 'broken'],
    [94.99999999999999, atLeast(95), undefined, 'kept'],
  ])('%s against %o (internal %o) is %s', (value, target, internal, expected) => {
    expect(statusOf(value, target, internal)).toBe(expected);
  });
});

function monthly(values: (number | null)[], lastComplete = true): KpiResult {
  return {
    kpi: kpi({ id: 'on_time', formula: 'on_time_rate', columns: { done: 'd', promised: 'p' }, unit: '%' }),
    formula: 'on_time_rate', period: 'month', segments: [], rowsRead: 0, rowsUsed: 0, badRows: { count: 0, examples: [] },
    buckets: values.map((value, i) => ({
      period: `2025-${String(i + 1).padStart(2, '0')}`, start: '', end: '', n: value === null ? 0 : 100, value,
      complete: lastComplete || i < values.length - 1,
    })),
  };
}

const commitment: Commitment = { id: 'on-time', kpi: 'on_time', target: atLeast(95), internal_target: atLeast(97), period: 'month' };

describe('evaluateCommitment', () => {
  it('counts the streak over the last 12 periods with data, at-risk as kept', () => {
    // 14 months: the first two (broken) fall outside the window; one no-data month is skipped, so the
    // window reaches back to month 2 (broken): 11 of 12 kept.
    const values = [90, 90, 96, 98, 98, null, 98, 98, 98, 98, 98, 98, 98, 98];
    const result = evaluateCommitment(commitment, monthly(values.slice(0, 12).concat([98, 98])));
    expect(result.streak).toEqual({ kept: 11, of: 12 });
    expect(result.latest).toEqual({ period: '2025-14', value: 98, status: 'kept', target: atLeast(95), internalTarget: atLeast(97) });
    expect(result.history.map((h) => h.status).join(' ')).toBe('broken broken at-risk kept kept no-data kept kept kept kept kept kept kept kept');
  });
  it('takes the latest complete period, not the one in progress', () => {
    const result = evaluateCommitment(commitment, monthly([96, 93], false));
    expect(result.latest).toEqual({ period: '2025-01', value: 96, status: 'at-risk', target: atLeast(95), internalTarget: atLeast(97) });
    expect(result.history).toHaveLength(1);
  });
});

describe('formatStatusTable', () => {
  it('lists each commitment with its targets, latest figure, status and streak', () => {
    const result = monthly([96, 98, 93.25]);
    const evaluation: Evaluation = { dataDate: '2025-04-02T10:00:00.000Z', kpis: [result], commitments: [evaluateCommitment(commitment, result)] };
    expect(formatStatusTable(evaluation, [commitment])).toBe([
      'commitment  kpi      target  internal  period   latest  status  kept',
      'on-time     on_time  >= 95%  >= 97%    2025-03  93.3%   broken  2 of 3',
      '',
      'Data up to 2025-04-02 10:00 UTC. "kept" counts periods that met the public target, out of the last 12 with data.',
      '',
    ].join('\n'));
  });
});
