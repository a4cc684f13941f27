import { describe, expect, it } from 'vitest';
import { quantileRanks, t975, wilson } from '../../src/core/kpi/stats.ts';
import { kpi, one } from './helpers.ts';

const scores = (values: number[]) => ['at,score', ...values.map((v) => `2026-03-10T12:00:00Z,${v}`)];
const ci = (result: ReturnType<typeof one>) => {
  const interval = result.buckets[0]?.ci95;
  return interval ? [Number(interval.low.toFixed(4)), Number(interval.high.toFixed(4))] : interval;
};

describe('95 % intervals, against hand computation (z = 1.959964)', () => {
  it('csat: Wilson score interval', () => {
    // 8 of 10 answers are 4 or 5: p = 0.8, z² = 3.841459.
    // centre = (0.8 + 3.841459/20) / (1 + 3.841459/10) = 0.992073 / 1.384146 = 0.716740
    // half   = 1.959964 / 1.384146 · √(0.8·0.2/10 + 3.841459/400) = 1.416009 · √0.025604 = 0.226579
    // → 49.0162 % to 94.3318 %
    expect(ci(one(kpi({ formula: 'csat', columns: { score: 'score' } }), scores([5, 5, 4, 4, 4, 5, 4, 5, 2, 1])))).toEqual([49.0162, 94.3318]);
  });

  it('on_time_rate: Wilson, 182 of 190 orders on time (the example page\'s October)', () => {
    // p = 0.957895; centre = (0.957895 + 0.010109) / 1.020218 = 0.948822; half = 1.921133 · √(0.00021235 + 0.0000266) = 0.029691
    // → 91.9128 % to 97.8513 %
    const rows = ['at,done', ...Array.from({ length: 190 }, (_, i) => `2026-03-10T12:00:00Z,2026-03-${i < 182 ? '09' : '11'}T12:00:00Z`)];
    expect(ci(one(kpi({ formula: 'on_time_rate', columns: { done: 'done', promised: 'at' } }), rows))).toEqual([91.9128, 97.8513]);
  });

  it('nps: promoters − detractors ± 1.96 · √((p₊ + p₋ − (p₊ − p₋)²) / n), in points', () => {
    // 5 promoters, 3 passives, 2 detractors of 10: d = 0.5 − 0.2 = 0.3; Var = 0.5 + 0.2 − 0.09 = 0.61
    // SE = √(0.61 / 10) = 0.246982; half = 1.959964 · 0.246982 = 0.484075 → −18.4075 to 78.4075 points
    expect(ci(one(kpi({ formula: 'nps', columns: { score: 'score' } }), scores([10, 9, 9, 10, 9, 8, 7, 8, 3, 6])))).toEqual([-18.4075, 78.4075]);
  });

  it('nps is clamped to −100..100', () => {
    // All 3 promoters: Var = 1 + 0 − 1 = 0, so the interval is 100 to 100.
    expect(ci(one(kpi({ formula: 'nps', columns: { score: 'score' } }), scores([10, 9, 10])))).toEqual([100, 100]);
  });

  it('ces: t-interval of the mean', () => {
    // 2, 3, 3, 4, 5: mean 3.4; s² = (1.96 + 0.16 + 0.16 + 0.36 + 2.56) / 4 = 1.3; s = 1.140175
    // t(0.975, 4) = 2.776445; half = 2.776445 · 1.140175 / √5 = 1.415715 → 1.9843 to 4.8157
    expect(ci(one(kpi({ formula: 'ces', columns: { score: 'score' } }), scores([2, 3, 3, 4, 5])))).toEqual([1.9843, 4.8157]);
  });

  it('mean of one row has no interval (no spread to measure)', () => {
    expect(ci(one(kpi({ formula: 'mean', columns: { value: 'score' } }), scores([7])))).toBeNull();
  });

  it('median: distribution-free interval from order statistics', () => {
    // 11 durations 1..11 hours; B ~ Binomial(11, 0.5): P(B ≤ 1) = 12/2048 = 0.0059 ≤ 0.025 < P(B ≤ 2) = 67/2048,
    // so l = 2; P(B ≤ 8) = 0.9673 < 0.975 ≤ P(B ≤ 9) = 0.9941, so u = 10: [x(2), x(10)] = [2, 10] hours,
    // coverage 0.9941 − 0.0059 = 0.9883.
    const rows = ['at,end', ...Array.from({ length: 11 }, (_, i) => `2026-03-10T00:00:00Z,2026-03-10T${String(i + 1).padStart(2, '0')}:00:00Z`)];
    const def = kpi({ formula: 'response_time', columns: { start: 'at', end: 'end' }, duration_unit: 'hours' });
    expect(ci(one(def, rows))).toEqual([2, 10]);
    // p90 of the same 11: P(B ≤ 10) = 1 − 0.9¹¹ = 0.686 < 0.975, so u would be 12 > n: no interval.
    expect(ci(one({ ...def, statistic: 'p90' }, rows))).toBeNull();
    // mean (6 hours): s² = Σ(k − 6)² / 10 = 110 / 10 = 11; half = 2.228139 · √(11 / 11) = 2.2281
    expect(ci(one({ ...def, statistic: 'mean' }, rows))).toEqual([3.7719, 8.2281]);
  });

  it('a figure below min_sample has neither value nor interval', () => {
    const result = one(kpi({ formula: 'csat', columns: { score: 'score' }, min_sample: 30 }), scores([5, 4]));
    expect([result.buckets[0]?.value, result.buckets[0]?.ci95]).toEqual([null, null]);
  });

  it('sums and counts count everything: no interval', () => {
    expect(ci(one(kpi({ formula: 'count' }), scores([1, 2, 3])))).toBeNull();
  });
});

describe('interval helpers', () => {
  it('wilson stays inside 0..100 at the edges', () => {
    // 0 of 20: centre = (0 + 0.096036) / 1.192073 = 0.080563 = half, so 0 to 16.1125 %.
    const interval = wilson(0, 20);
    expect(interval?.low).toBeCloseTo(0, 10);
    expect(interval?.high).toBeCloseTo(16.1125, 4);
    expect(wilson(20, 20)?.high).toBe(100);
  });
  it('quantile ranks: exact up to 10,000 rows, normal approximation beyond', () => {
    expect(quantileRanks(11, 0.5)).toEqual([2, 10]);
    expect(quantileRanks(5, 0.5)).toBeNull(); // P(B ≤ 0) = 1/32 = 0.031 > 0.025: no lower rank
    // n = 20,000, q = 0.5: spread = 1.959964 · √5000 = 138.59; ranks ⌊10000 − 138.59⌋ = 9861 and ⌈10138.59⌉ + 1 = 10140.
    expect(quantileRanks(20_000, 0.5)).toEqual([9861, 10140]);
  });
  it('t quantiles: table to 30 degrees of freedom, Cornish–Fisher beyond (t(0.975, 40) = 2.021075)', () => {
    expect(t975(4)).toBe(2.776445);
    expect(t975(40)).toBeCloseTo(2.021075, 6);
  });
});
