import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/adapters/check-project.ts';
import type { Lexicon } from '../../../src/core/check/lexicon.ts';
import { measurableTargets, targetsIn } from '../../../src/core/check/text/measure.ts';

const lexicons = await loadLexicons();
const lexicon = (language: 'en' | 'pt' | 'zh'): Lexicon => {
  const found = lexicons[language];
  if (!found) throw new Error(`no ${language} lexicon`);
  return found;
};
const [en, pt, zh] = [lexicon('en'), lexicon('pt'), lexicon('zh')];
const measured = (text: string, lex: Lexicon) => measurableTargets(text, lex).map((t) => [t.number, t.value, t.kind]);

describe('measurableTargets', () => {
  it('takes a time limit as a target in itself, in digits or in words', () => {
    expect(measured('Fast delivery, within 48 hours.', en)).toEqual([['48', 48, 'duration']]);
    expect(measured('Answers within two working days.', en)).toEqual([['two', undefined, 'duration']]);
    expect(measured('Entrega rápida, em até 2 dias úteis.', pt)).toEqual([['2', 2, 'duration']]);
    expect(measured('下单后 24 小时内发货，六十天内免费退换。', zh)).toEqual([['24', 24, 'duration'], ['六十', undefined, 'duration']]);
  });

  it('takes a rate only with a period beside it', () => {
    expect(measured('95 % of orders on time, every month.', en)).toEqual([['95', 95, 'rate']]);
    expect(measured('The best prices, 100 % of the time.', en)).toEqual([]);
    expect(measured('95% dos pedidos no prazo a cada mês.', pt)).toEqual([['95', 95, 'rate']]);
    expect(measured('Os melhores preços, 100 % das vezes.', pt)).toEqual([]);
    expect(measured('每月 95% 的订单准时送达。', zh)).toEqual([['95', 95, 'rate']]);
    expect(measured('价格最优，百分之百让您满意。', zh)).toEqual([]);
  });

  it('does not take a number with no unit for a target', () => {
    expect(measured('The best pans, in 3 colours, every month.', en)).toEqual([]);
    expect(measured('Rated 4.8 by 2,000 cooks.', en)).toEqual([]);
    expect(measured('顶级锅具，3 种颜色可选。', zh)).toEqual([]);
  });

  it('finds a rate unit that comes before the number in Chinese ("百分之九十")', () => {
    expect(targetsIn('百分之九十的订单准时送达', zh)).toEqual([{ number: '九十', value: undefined, kind: 'rate' }]);
  });

  it('needs the unit to be a whole word ("48 horses" is no time limit)', () => {
    expect(measured('48 horses every month', en)).toEqual([]);
    expect(measured('48h every month', en)).toEqual([['48', 48, 'duration']]);
  });
});
