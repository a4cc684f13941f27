import { describe, expect, it } from 'vitest';
import type { CommitmentAnswers } from '../../src/core/draft/answers.ts';
import {
  absoluteWordIn, comparisonFor, internalFromPublic, isAbsoluteTarget, looksLikeFeature, otherExceedDimensions,
  overPromises, publicFromInternal, stricter, suggestFromHistory, suggestInternal,
} from '../../src/core/draft/suggest.ts';
import { WIZARD_TEXT } from '../../src/core/draft/text/index.ts';

describe('margin suggestions: promise 60, aim for 45', () => {
  it.each([
    // lower is better: the internal target is three quarters of the public one
    [60, 'lower', 'minutes', 45],
    [4, 'lower', 'hours', 3],
    [48, 'lower', 'hours', 36],
    // a rate: keep two thirds of the shortfall (95 → 100 − 5×2/3 = 96.67, rounded up)
    [95, 'higher', '%', 97],
    [90, 'higher', '%', 94],
    [99, 'higher', '%', 99.4],
    // anything else higher-is-better: 10 % more, at least 1
    [40, 'higher', 'points', 44],
    [5, 'higher', '', 6],
  ] as const)('public %d (%s is better, %s) → aim for %d', (publicTarget, better, unit, internal) => {
    expect(internalFromPublic(publicTarget, better, unit)).toBe(internal);
  });

  it.each([
    [45, 'lower', 'minutes', 60],
    [2, 'lower', 'hours', 2.7],
    [97, 'higher', '%', 95],
    [93, 'higher', '%', 89],
    [44, 'higher', 'points', 40],
  ] as const)('aim for %d (%s is better, %s) → promise %d', (internal, better, unit, publicTarget) => {
    expect(publicFromInternal(internal, better, unit)).toBe(publicTarget);
  });

  it('suggests from the worst of the last six periods, with a margin on top', () => {
    // The oldest (80) falls outside the last six; the worst of the rest is 95.79 → aim 95, promise 92.
    expect(suggestFromHistory([80, 96.3, 95.79, 98.95, 97.1, 96, 98], 'higher', '%'))
      .toEqual({ n: 6, worst: 95.79, best: 98.95, internal: 95, public: 92 });
    // Reply times: worst 2.34 h → aim 2.4, promise 2.4 / 0.75 = 3.2.
    expect(suggestFromHistory([1.5, 2.34, 1.9], 'lower', 'hours'))
      .toEqual({ n: 3, worst: 2.34, best: 1.5, internal: 2.4, public: 3.2 });
    expect(suggestFromHistory([], 'higher', '%')).toBeUndefined();
  });

  it('compares in the KPI direction', () => {
    expect(comparisonFor('higher')).toBe('>=');
    expect(comparisonFor('lower')).toBe('<=');
  });
});

describe('other suggestions', () => {
  const c = (exceeds?: CommitmentAnswers['exceeds']): CommitmentAnswers => ({
    id: 'x', kpi: 'k', comparison: '>=', unit: '%', target: 90, internalTarget: undefined, period: 'month',
    remedy: undefined, exceeds, keep: {},
  });

  it('one dimension to exceed on: names the others when a different one is added', () => {
    const list = [c('time'), c(), c('cost'), c('time')];
    expect(otherExceedDimensions(list, 1, 'service')).toEqual(['time', 'cost']);
    expect(otherExceedDimensions(list, 3, 'time')).toEqual(['cost']);
    expect(otherExceedDimensions([c('time'), c('time')], 1, 'time')).toEqual([]);
    expect(otherExceedDimensions(list, 1, undefined)).toEqual([]);
  });

  it.each([
    ['en', 'we have parcel tracking', true],
    ['en', 'Our support team is open 24/7', true],
    ['en', 'parcel tracking and free returns', true],
    ['en', 'you can plan the dinner before the parcel arrives', false],
    ['en', 'Your parcel arrives when we said', false],
    ['pt', 'temos seguimento de encomendas', true],
    ['pt', 'você recebe a encomenda antes do fim de semana', false],
    ['zh', '我们有包裹追踪', true],
    ['zh', '包裹到达前您就能安排好晚餐', false],
  ] as const)('benefit or feature (%s): %j → feature %s', (language, benefit, feature) => {
    expect(looksLikeFeature(benefit, WIZARD_TEXT[language])).toBe(feature);
  });

  it.each([
    ['en', 'We always deliver on time', 'always'],
    ['en', 'delivered 100% of the time', '100%'],
    ['en', 'hallways are never blocked', 'never'],
    ['en', 'nevertheless fast', undefined],
    ['pt', 'Entregamos sempre a tempo', 'sempre'],
    ['zh', '我们保证准时送达', '保证'],
  ] as const)('absolute words (%s): %j → %s', (language, text, word) => {
    expect(absoluteWordIn(text, WIZARD_TEXT[language].absoluteWords)).toBe(word);
  });

  it('knows absolute targets: all of something, or none', () => {
    expect(isAbsoluteTarget('>=', 100, '%')).toBe(true);
    expect(isAbsoluteTarget('>=', 99.5, '%')).toBe(false);
    expect(isAbsoluteTarget('>=', 100, 'points')).toBe(false);
    expect(isAbsoluteTarget('<=', 0, 'hours')).toBe(true);
    expect(isAbsoluteTarget('<=', 4, 'hours')).toBe(false);
  });
});

describe('over-promising and margins, from the data', () => {
  const onTime = suggestFromHistory([95.79, 98.95, 97], 'higher', '%');

  it('warns when the public target asks more than the worst recent period', () => {
    expect(onTime).toEqual({ n: 3, worst: 95.79, best: 98.95, internal: 95, public: 92 });
    if (!onTime) return;
    expect(overPromises(99, onTime, 'higher')).toBe(true);
    expect(overPromises(95, onTime, 'higher')).toBe(false);
    const replies = suggestFromHistory([2.34, 1.5], 'lower', 'hours');
    if (!replies) throw new Error('no suggestion');
    expect(overPromises(2, replies, 'lower')).toBe(true);
    expect(overPromises(3, replies, 'lower')).toBe(false);
  });

  it('suggests the data\'s internal target only when it is stricter than the public one', () => {
    // Promise 90: the data says the team reaches 95 even in a bad month, so aim for that.
    expect(suggestInternal(90, 'higher', '%', onTime)).toBe(95);
    // Promise 99 (over the data): 95 would not be stricter, so a margin on the public target instead.
    expect(suggestInternal(99, 'higher', '%', onTime)).toBe(99.4);
    expect(suggestInternal(60, 'lower', 'minutes', undefined)).toBe(45);
    expect(stricter(45, 60, 'lower')).toBe(true);
    expect(stricter(95, 95, 'higher')).toBe(false);
  });
});
