import { describe, expect, it } from 'vitest';
import { compute, kpi, one, series } from './helpers.ts';

const scores = (values: (number | string)[], at = '2026-03-10T12:00:00Z') => ['at,score', ...values.map((v) => `${at},${v}`)];

describe('nps', () => {
  const nps = kpi({ formula: 'nps', columns: { score: 'score' } });
  it('is % promoters (9-10) minus % detractors (0-6), in points', () => {
    // 3 promoters (10, 9, 10), 2 passives (8, 7), 2 detractors (6, 0): (3 − 2) / 7 × 100 = 14.2857
    expect(series(one(nps, scores([10, 9, 8, 7, 6, 0, 10])))).toEqual(['2026-03=14.2857(7)']);
  });
  it('is 100 when everyone is a promoter and −100 when everyone is a detractor', () => {
    expect(series(one(nps, scores([9, 10, 10])))).toEqual(['2026-03=100(3)']);
    expect(series(one(nps, scores([0, 6, 3])))).toEqual(['2026-03=-100(3)']);
  });
  it('has no buckets at all when there are no responses', () => {
    expect(one(nps, scores([])).buckets).toEqual([]);
  });
  it('rejects a score outside 0-10 or not a whole number, by line', () => {
    const result = one(nps, scores([10, 11, 7.5, 'ten', 9]));
    expect(series(result)).toEqual(['2026-03=100(2)']);
    expect(result.badRows.count).toBe(3);
    expect(result.badRows.examples.map((e) => `${e.line} ${e.column} ${e.message}`)).toEqual([
      '3 score "11" is not a score from 0 to 10',
      '4 score "7.5" is not a score from 0 to 10',
      '5 score "ten" is not a score from 0 to 10',
    ]);
  });
});

describe('csat and ces', () => {
  it('csat is the % of 1-5 answers that are 4 or 5', () => {
    // 4, 5, 4 of 6 answers: 50 %
    expect(series(one(kpi({ formula: 'csat', columns: { score: 'score' } }), scores([5, 4, 3, 2, 1, 4])))).toEqual(['2026-03=50(6)']);
  });
  it('csat rejects a 0 or a 6', () => {
    expect(one(kpi({ formula: 'csat', columns: { score: 'score' } }), scores([0, 6, 5])).badRows.count).toBe(2);
  });
  it('ces is the mean effort score (1-7)', () => {
    // (1 + 2 + 3 + 7) / 4 = 3.25
    expect(series(one(kpi({ formula: 'ces', columns: { score: 'score' }, better: 'lower' }), scores([1, 2, 3, 7])))).toEqual(['2026-03=3.25(4)']);
  });
});

describe('on_time_rate', () => {
  const onTime = kpi({ formula: 'on_time_rate', columns: { done: 'done', promised: 'promised' }, timestamp: 'promised' });
  const header = 'promised,done';
  it('counts a delivery at exactly the promised time as on time', () => {
    const rows = [header, '2026-03-02T18:00:00Z,2026-03-02T18:00:00Z', '2026-03-03T18:00:00Z,2026-03-03T18:00:01Z',
      '2026-03-04T18:00:00Z,2026-03-01T09:00:00Z', '2026-03-05T18:00:00Z,2026-03-04T09:00:00Z'];
    // on time, 1 s late, early, early: 3 of 4 = 75 %
    expect(series(one(onTime, rows))).toEqual(['2026-03=75(4)']);
  });
  it('counts an undelivered order as late once its promise is before the data date, and not at all before', () => {
    const rows = [header, '2026-03-02T18:00:00Z,2026-03-02T10:00:00Z', '2026-03-20T18:00:00Z,', '2026-03-30T18:00:00Z,'];
    // data date 2026-03-25: the 20th is overdue (late), the 30th is still pending
    expect(series(one(onTime, rows, Date.parse('2026-03-25T00:00:00Z')))).toEqual(['2026-03=50(2)']);
  });
});

describe('response_time', () => {
  // Durations of 1, 2, 3 and 4 hours.
  const rows = ['at,end', '2026-03-01T00:00:00Z,2026-03-01T01:00:00Z', '2026-03-02T00:00:00Z,2026-03-02T02:00:00Z',
    '2026-03-03T00:00:00Z,2026-03-03T03:00:00Z', '2026-03-04T00:00:00Z,2026-03-04T04:00:00Z', '2026-03-05T00:00:00Z,'];
  const responseTime = (fields: Record<string, unknown>) =>
    kpi({ formula: 'response_time', columns: { start: 'at', end: 'end' }, better: 'lower', ...fields });
  it.each([
    // median: mean of the two middle values; p90: h = 3 × 0.9 = 2.7 → 3 + 0.7 × (4 − 3); p95: 3 + 0.85
    ['median', 'hours', '2026-03=2.5(4)'],
    ['p90', 'hours', '2026-03=3.7(4)'],
    ['p95', 'hours', '2026-03=3.85(4)'],
    ['mean', 'hours', '2026-03=2.5(4)'],
    ['median', 'minutes', '2026-03=150(4)'],
  ])('%s in %s (a row with no end yet is left out)', (statistic, unit, expected) => {
    expect(series(one(responseTime({ statistic, duration_unit: unit }), rows))).toEqual([expected]);
  });
  it('takes the middle value for an odd count', () => {
    expect(series(one(responseTime({}), rows.slice(0, 4)))).toEqual(['2026-03=2(3)']);
  });
  it('rejects an end before the start', () => {
    const result = one(responseTime({}), ['at,end', '2026-03-01T05:00:00Z,2026-03-01T04:00:00Z']);
    expect(result.badRows.examples).toEqual([{ file: 'data/x.csv', line: 2, column: 'end', reason: 'end-before-start', message: 'end is before at',
      says: { case: 'end-before-start', params: { end: 'end', start: 'at' } } }]);
  });
});

describe('within_sla_rate', () => {
  it('is the % of rows where end − start is at most the SLA', () => {
    const def = kpi({ formula: 'within_sla_rate', columns: { start: 'at', end: 'end' }, sla: 24, duration_unit: 'hours' });
    // exactly 24 h (within), 25 h (not), 1 h (within): 2 of 3
    const rows = ['at,end', '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z,2026-03-02T01:00:00Z', '2026-03-01T00:00:00Z,2026-03-01T01:00:00Z'];
    expect(series(one(def, rows))).toEqual(['2026-03=66.6667(3)']);
  });
});

describe('repeat_purchase_rate', () => {
  it('is the % of customers with 2+ orders among those with 1+ in the period', () => {
    const def = kpi({ formula: 'repeat_purchase_rate', columns: { customer: 'customer' } });
    const rows = ['at,customer', ...['a', 'a', 'b', 'c', 'c', 'c'].map((c) => `2026-03-01T00:00:00Z,${c}`), '2026-04-01T00:00:00Z,a'];
    // March: a and c repeat, b does not (n = 3 customers); April: a once
    expect(series(one(def, rows))).toEqual(['2026-03=66.6667(3)', '2026-04=0(1)']);
  });
});

describe('churn_rate and retention_rate', () => {
  // By quarter. Before 2026-Q1: a, b, c, d signed up. In Q1: d leaves, e signs up, f signs up and leaves.
  // In Q2: nobody new; b leaves.
  const rows = ['signed,left',
    '2025-10-01T00:00:00Z,', '2025-11-01T00:00:00Z,2026-05-01T00:00:00Z', '2025-11-02T00:00:00Z,', '2025-12-01T00:00:00Z,2026-02-01T00:00:00Z',
    '2026-01-10T00:00:00Z,', '2026-01-11T00:00:00Z,2026-03-01T00:00:00Z'];
  const cohort = (formula: string) => kpi({ formula, columns: { start: 'signed', end: 'left' }, period: 'quarter', timestamp: 'signed' });
  it('churn: customers lost ÷ customers active at the start', () => {
    // Q4 2025: 0 active at start. Q1: 4 active, d lost (f joined in Q1, so not counted): 25 %. Q2: 4 active (a b c e), b lost: 25 %
    expect(series(one(cohort('churn_rate'), rows, Date.parse('2026-07-01T00:00:00Z')))).toEqual(['2025-Q4=null(0)', '2026-Q1=25(4)', '2026-Q2=25(4)', '2026-Q3=0(3)']);
  });
  it('retention: (customers at end − new customers) ÷ customers at start', () => {
    // Q1: at end 4 (a b c e), new 2 (e f): (4 − 2) / 4 = 50 %. Q2: at end 3, new 0: 75 %
    expect(series(one(cohort('retention_rate'), rows, Date.parse('2026-07-01T00:00:00Z')))).toEqual(['2025-Q4=null(0)', '2026-Q1=50(4)', '2026-Q2=75(4)', '2026-Q3=100(3)']);
  });
});

describe('mean, sum, count, ratio', () => {
  const rows = ['at,total,cost,kind', '2026-03-01T00:00:00Z,10,4,a', '2026-03-02T00:00:00Z,20,6,b', '2026-03-03T00:00:00Z,30,10,a', '2026-03-04T00:00:00Z,x,1,a'];
  it('mean and sum over a column, skipping a value that is not a number', () => {
    const mean = one(kpi({ formula: 'mean', columns: { value: 'total' } }), rows);
    expect(series(mean)).toEqual(['2026-03=20(3)']);
    expect(mean.badRows.examples[0]).toEqual({ file: 'data/x.csv', line: 5, column: 'total', reason: 'not-a-number', message: '"x" is not a number', value: 'x',
      says: { case: 'not-a-number', params: { value: '"x"' } } });
    expect(series(one(kpi({ formula: 'sum', columns: { value: 'total' } }), rows))).toEqual(['2026-03=60(3)']);
  });
  it('count with a filter', () => {
    expect(series(one(kpi({ formula: 'count', filter: { column: 'kind', equals: 'a' } }), rows))).toEqual(['2026-03=3(3)']);
    expect(series(one(kpi({ formula: 'count', filter: { column: 'kind', not: 'a' } }), rows))).toEqual(['2026-03=1(1)']);
    expect(series(one(kpi({ formula: 'count', filter: { column: 'kind', in: ['a', 'b'] } }), rows))).toEqual(['2026-03=4(4)']);
  });
  it('ratio is Σ numerator ÷ Σ denominator, × 100 when the unit is %', () => {
    const ratio = (unit: string) => kpi({ formula: 'ratio', columns: { numerator: 'cost', denominator: 'total' }, unit, filter: { column: 'kind', equals: 'a' } });
    // a rows: cost 4 + 10 (+ the row with total "x" is bad), total 10 + 30: 14 / 40
    expect(series(one(ratio(''), rows))).toEqual(['2026-03=0.35(2)']);
    expect(series(one(ratio('%'), rows))).toEqual(['2026-03=35(2)']);
  });
});

describe('min_sample', () => {
  const def = kpi({ formula: 'csat', columns: { score: 'score' }, min_sample: 3 });
  it('gives a figure for a bucket at exactly the minimum sample, and "not enough data" (null) below it', () => {
    const rows = ['at,score', '2026-03-01T00:00:00Z,5', '2026-03-02T00:00:00Z,4', '2026-03-03T00:00:00Z,1', '2026-04-01T00:00:00Z,5', '2026-04-02T00:00:00Z,5'];
    expect(series(one(def, rows))).toEqual(['2026-03=66.6667(3)', '2026-04=null(2)']);
  });
  it('fills a month with no rows between two with data as no data', () => {
    const rows = ['at,score', '2026-01-01T00:00:00Z,5', '2026-03-01T00:00:00Z,5'];
    expect(series(one(kpi({ formula: 'csat', columns: { score: 'score' } }), rows))).toEqual(['2026-01=100(1)', '2026-02=null(0)', '2026-03=100(1)']);
  });
});

describe('segments and shared sources', () => {
  it('computes the whole KPI and each segment', () => {
    const def = kpi({ formula: 'csat', columns: { score: 'score' }, segment_by: ['channel'] });
    const rows = ['at,score,channel', '2026-03-01T00:00:00Z,5,web', '2026-03-01T00:00:00Z,1,app', '2026-03-01T00:00:00Z,4,web', '2026-04-01T00:00:00Z,4,app'];
    const result = one(def, rows);
    expect(series(result)).toEqual(['2026-03=66.6667(3)', '2026-04=100(1)']);
    expect(result.segments.map((s) => [s.segment, series(s)])).toEqual([
      [{ channel: 'app' }, ['2026-03=0(1)', '2026-04=100(1)']],
      [{ channel: 'web' }, ['2026-03=100(2)', '2026-04=null(0)']],
    ]);
  });
  it('reports a repeated key and a short row to every KPI on the source, by line', () => {
    const defs = [kpi({ id: 'a', formula: 'count' }), kpi({ id: 'b', formula: 'csat', columns: { score: 'score' } })];
    const rows = ['id,at,score', '1,2026-03-01T00:00:00Z,5', '1,2026-03-01T00:00:00Z,5', '2,2026-03-01T00:00:00Z'];
    const results = compute(defs, rows, undefined, { key: 'id' });
    for (const result of results) {
      expect(result.badRows.examples).toEqual([
        { file: 'data/x.csv', line: 3, column: 'id', reason: 'duplicate-key', message: 'id "1" appears again (a duplicate row)',
          says: { case: 'duplicate-key', params: { column: 'id', key: '"1"' } } },
        { file: 'data/x.csv', line: 4, reason: 'wrong-field-count', message: 'this row has 2 fields where the header has 3',
          says: { case: 'wrong-field-count', params: { count: 2, fields: { fields: 2 }, width: 3 } } },
      ]);
      expect([result.rowsRead, result.rowsUsed]).toEqual([3, 1]);
    }
  });
  it('marks periods complete only once they ended by the data date', () => {
    const rows = ['at,score', '2026-03-31T23:59:59Z,5', '2026-04-01T00:00:00Z,5'];
    const result = one(kpi({ formula: 'csat', columns: { score: 'score' } }), rows, Date.parse('2026-04-01T00:00:00Z'));
    expect(result.buckets.map((b) => [b.period, b.start, b.end, b.complete])).toEqual([
      ['2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', true],
      ['2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', false],
    ]);
  });
});
