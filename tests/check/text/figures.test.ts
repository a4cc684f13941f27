import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/adapters/check-project.ts';
import { contradictsTarget, findFigures, parseHanNumber } from '../../../src/core/check/text/figures.ts';
import type { Target } from '../../../src/core/schema/promise.ts';

const lexicons = await loadLexicons();
const words = (language: 'en' | 'pt' | 'zh') => lexicons[language]!.figures;
/** Each figure as [text, dimension, amount (minutes or points), bound]. */
const read = (language: 'en' | 'pt' | 'zh', text: string) =>
  findFigures(text, words(language)).map((f) => [f.text, f.dimension, f.amount, f.bound]);

describe('findFigures', () => {
  it('reads English durations and percentages with their bounds', () => {
    expect(read('en', 'We deliver within 24 hours, reply in 2 days, ship in 48h and keep 99 % of orders on time.')).toEqual([
      ['24 hours', 'duration', 1440, '<='],
      ['2 days', 'duration', 2880, '<='],
      ['48h', 'duration', 2880, '<='],
      ['99 %', 'percent', 99, undefined],
    ]);
    expect(read('en', 'At least 95% arrive on time; answers in under thirty minutes? No: in ten minutes, a 24-hour promise.')).toEqual([
      ['95%', 'percent', 95, '>='],
      ['ten minutes', 'duration', 10, '<='],
      ['24-hour', 'duration', 1440, undefined],
    ]);
  });

  it('leaves numbers that are no duration or percentage alone, and discounts', () => {
    expect(read('en', 'Since 1998, 12 cooks and 24 happy hens; 10,000 customers; 3 pans.')).toEqual([]);
    expect(read('en', 'Take 20% off, or 15 % discount on knives.')).toEqual([]);
    expect(read('pt', 'Ganhe 20 % de desconto.')).toEqual([]);
    expect(read('zh', '首单享受20%的折扣。')).toEqual([]);
  });

  it('reads Portuguese, decimal commas and bounds after the figure', () => {
    expect(read('pt', 'Entregamos em 24 horas, respondemos até 2 dias úteis, 1,5 h ou menos e pelo menos 98 %.')).toEqual([
      ['24 horas', 'duration', 1440, '<='],
      ['2 dias úteis', 'duration', 2880, '<='],
      ['1,5 h', 'duration', 90, '<='],
      ['98 %', 'percent', 98, '>='],
    ]);
    expect(read('pt', 'Chega em dois dias.')).toEqual([['dois dias', 'duration', 2880, '<=']]);
  });

  it('reads Chinese with Arabic and Chinese numerals, bounds before and after', () => {
    expect(read('zh', '我们24小时内送达，两天内回复，至少95%准时，不超过十二个小时，99％满意。')).toEqual([
      ['24小时', 'duration', 1440, '<='],
      ['两天', 'duration', 2880, '<='],
      ['95%', 'percent', 95, '>='],
      ['十二个小时', 'duration', 720, '<='],
      ['99％', 'percent', 99, undefined],
    ]);
    expect(read('zh', '我们每一天都用心。')).toEqual([]);
  });

  it('reads Chinese numerals up to the hundreds', () => {
    expect(['一', '十', '十二', '二十', '二十四', '两百', '一百零五', '十十'].map(parseHanNumber)).toEqual([1, 10, 12, 20, 24, 200, 105, undefined]);
  });
});

describe('contradictsTarget', () => {
  const within48: Target = { comparison: '<=', value: 48, unit: 'hours' };
  const twoDays: Target = { comparison: '<=', value: 2, unit: 'days' };
  const onTime: Target = { comparison: '>=', value: 95, unit: '%' };
  const figure = (text: string) => findFigures(text, words('en'))[0]!;

  it('finds a different amount in either direction, in the target\'s unit', () => {
    expect(contradictsTarget(figure('within 24 hours'), within48, words('en'))).toBe(true);
    expect(contradictsTarget(figure('within 72 hours'), within48, words('en'))).toBe(true);
    expect(contradictsTarget(figure('within 48 hours'), within48, words('en'))).toBe(false);
    expect(contradictsTarget(figure('in 2 days'), within48, words('en'))).toBe(false);
    expect(contradictsTarget(figure('48 hours'), twoDays, words('en'))).toBe(false);
    expect(contradictsTarget(figure('in one day'), twoDays, words('en'))).toBe(true);
  });

  it('finds the same duration bounded the other way, but not a percentage\'s wording', () => {
    expect(contradictsTarget(figure('more than 48 hours'), within48, words('en'))).toBe(true);
    expect(contradictsTarget(figure('in 95% of cases'), onTime, words('en'))).toBe(false);
    expect(contradictsTarget(figure('99% on time'), onTime, words('en'))).toBe(true);
  });

  it('says nothing about a figure in another dimension or a unit it cannot read', () => {
    expect(contradictsTarget(figure('within 2 days'), onTime, words('en'))).toBe(false);
    expect(contradictsTarget(figure('within 2 days'), { comparison: '<=', value: 3, unit: 'parsecs' }, words('en'))).toBe(false);
  });
});
