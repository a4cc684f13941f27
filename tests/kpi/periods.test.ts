import { describe, expect, it } from 'vitest';
import { Periods } from '../../src/core/kpi/period.ts';
import { parseTimestamp } from '../../src/core/kpi/time.ts';
import { compute, kpi, one, series } from './helpers.ts';

const ms = (text: string) => Date.parse(text);
const iso = (value: number) => new Date(value).toISOString();
const range = (periods: Periods, at: string) => {
  const r = periods.of(ms(at));
  return [r.key, iso(r.start), iso(r.end)];
};

describe('parseTimestamp', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T14:05', '2026-03-01T14:05:00.000Z'],
    ['2026-03-01 14:05:09', '2026-03-01T14:05:09.000Z'],
    ['2026-03-01T14:05:09.25Z', '2026-03-01T14:05:09.250Z'],
    ['2026-03-01T14:05:09+01:00', '2026-03-01T13:05:09.000Z'],
    ['2026-03-01T14:05:09-0230', '2026-03-01T16:35:09.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(parseTimestamp(text))).toBe(expected);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-03-01T24:00', '01/03/2026', 'yesterday', '2026-03-01T14:05:09+1', '2026-03-01T14:05Zx', ''])('refuses %j', (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });
});

describe('periods in UTC', () => {
  it('puts the last second of a month in it and its first instant in the next', () => {
    const months = new Periods('month');
    expect(range(months, '2026-03-31T23:59:59.999Z')).toEqual(['2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(range(months, '2026-04-01T00:00:00Z')).toEqual(['2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
    expect(range(months, '2026-12-15T00:00:00Z')).toEqual(['2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
  it('uses calendar quarters', () => {
    const quarters = new Periods('quarter');
    expect(range(quarters, '2026-06-30T23:59:59Z')).toEqual(['2026-Q2', '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z']);
    expect(range(quarters, '2026-11-05T00:00:00Z')).toEqual(['2026-Q4', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
  it('uses ISO weeks: Monday to Sunday, numbered in the year of their Thursday', () => {
    const weeks = new Periods('week');
    expect(range(weeks, '2026-01-01T12:00:00Z')).toEqual(['2026-W01', '2025-12-29T00:00:00.000Z', '2026-01-05T00:00:00.000Z']);
    expect(range(weeks, '2024-12-30T00:00:00Z')).toEqual(['2025-W01', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z']);
    expect(range(weeks, '2021-01-03T23:59:59Z')).toEqual(['2020-W53', '2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z']);
    expect(range(weeks, '2026-03-01T00:00:00Z')).toEqual(['2026-W09', '2026-02-23T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
  });
});

describe('periods in a time zone (Europe/London: BST from 2026-03-29 01:00 UTC)', () => {
  it('starts April at local midnight, 23:00 UTC the day before', () => {
    const months = new Periods('month', 'Europe/London');
    expect(range(months, '2026-03-31T23:30:00Z')).toEqual(['2026-04', '2026-03-31T23:00:00.000Z', '2026-04-30T23:00:00.000Z']);
    expect(range(months, '2026-03-31T22:59:59Z')).toEqual(['2026-03', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z']);
  });
  it('gives the week that crosses the clock change 167 hours', () => {
    const weeks = new Periods('week', 'Europe/London');
    const [key, start, end] = range(weeks, '2026-03-28T12:00:00Z');
    expect([key, start, end]).toEqual(['2026-W13', '2026-03-23T00:00:00.000Z', '2026-03-29T23:00:00.000Z']);
    expect((ms(end ?? '') - ms(start ?? '')) / 3_600_000).toBe(167);
  });
  it('buckets the same rows differently from UTC', () => {
    const rows = ['at,score', '2026-03-31T23:30:00Z,5', '2026-03-31T12:00:00Z,1'];
    const def = (timezone?: string) => kpi({ formula: 'csat', columns: { score: 'score' }, ...(timezone ? { timezone } : {}) });
    expect(series(one(def(), rows))).toEqual(['2026-03=50(2)']);
    expect(series(one(def('Europe/London'), rows))).toEqual(['2026-03=0(1)', '2026-04=100(1)']);
  });
  it('handles a zone with no daylight saving (America/Sao_Paulo, UTC−3)', () => {
    const periods = new Periods('month', 'America/Sao_Paulo');
    expect(range(periods, '2026-05-01T02:59:59Z')).toEqual(['2026-04', '2026-04-01T03:00:00.000Z', '2026-05-01T03:00:00.000Z']);
  });
  it('reads a timestamp without a zone as local time when the source names one', () => {
    const def = kpi({ formula: 'count' });
    const [result] = compute(def, ['at', '2026-04-01 00:30', '2026-03-31 23:59'], undefined, { timeZone: 'Europe/London' });
    expect(result?.buckets.map((b) => [b.period, b.start, b.n])).toEqual([
      ['2026-03', '2026-03-01T00:00:00.000Z', 1],
      ['2026-04', '2026-03-31T23:00:00.000Z', 1],
    ]);
  });
});
