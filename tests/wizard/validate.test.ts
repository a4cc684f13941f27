import { describe, expect, it } from 'vitest';
import {
  parseAssets, parseKpiId, parseOptionalTarget, parseOptionalText, parseOptionalUrl, parsePromiseTypes, parseTargetValue,
  parseText, parseUrl, parseValues, splitList,
} from '../../src/core/draft/validate.ts';
import { WIZARD_TEXT } from '../../src/core/draft/text/index.ts';

describe('each step validates the typed answer with the promise.yaml schemas', () => {
  it.each([
    ['company / audience / benefit: trimmed text', parseText('  Kestrel Kitchen '), { ok: true, value: 'Kestrel Kitchen' }],
    ['empty text', parseText('   '), { ok: false, error: 'empty' }],
    ['nothing typed', parseText(undefined), { ok: false, error: 'empty' }],
    ['HTML', parseText('<b>fast</b>'), { ok: false, error: 'html' }],
    ['script', parseText('<script>alert(1)</script>'), { ok: false, error: 'html' }],
    ['optional text left empty', parseOptionalText(''), { ok: true, value: undefined }],
    ['optional text given', parseOptionalText(' we refund your shipping '), { ok: true, value: 'we refund your shipping' }],
    ['optional text with HTML', parseOptionalText('<i>x</i>'), { ok: false, error: 'html' }],
  ])('%s', (_, parsed, expected) => {
    expect(parsed).toEqual(expected);
  });

  it('splits lists on commas, or on semicolons when there are any (so items may hold commas)', () => {
    expect(splitList('honesty, care ,craftsmanship,')).toEqual(['honesty', 'care', 'craftsmanship']);
    expect(splitList('packed by hand, in Leeds; trained cooks')).toEqual(['packed by hand, in Leeds', 'trained cooks']);
    expect(splitList('诚实，用心、匠心')).toEqual(['诚实', '用心', '匠心']);
    expect(splitList('  ')).toEqual([]);
  });

  it('needs at least one value; unique assets may be empty but never HTML', () => {
    expect(parseValues('honesty, care')).toEqual({ ok: true, value: ['honesty', 'care'] });
    expect(parseValues(' , ')).toEqual({ ok: false, error: 'listEmpty' });
    expect(parseValues('care, <b>x</b>')).toEqual({ ok: false, error: 'html' });
    expect(parseAssets('')).toEqual({ ok: true, value: [] });
    expect(parseAssets('hand-packed; <a href=x>y</a>')).toEqual({ ok: false, error: 'html' });
  });

  it('needs at least one promise type and keeps the schema order', () => {
    expect(parsePromiseTypes(['service', 'delivery'])).toEqual({ ok: true, value: ['service', 'delivery'] });
    expect(parsePromiseTypes(['price', 'quality'])).toEqual({ ok: true, value: ['quality', 'price'] });
    expect(parsePromiseTypes([])).toEqual({ ok: false, error: 'chooseOne' });
  });

  it.each([
    ['95', '%', 95],
    ['95%', '%', 95],
    ['95 %', '%', 95],
    ['>= 95', '%', 95],
    ['≤ 4', 'hours', 4],
    ['4 hours', 'hours', 4],
    ['4,5', 'hours', 4.5],
    ['.5', '', 0.5],
    ['-10', 'points', -10],
  ])('reads the target %j (unit %j) as %d', (raw, unit, value) => {
    expect(parseTargetValue(raw, unit)).toEqual({ ok: true, value });
  });

  it.each([['fast'], [''], ['95 minutes'], ['9 5'], ['1,000,000']])('refuses the target %j', (raw) => {
    expect(parseTargetValue(raw, 'hours')).toEqual({ ok: false, error: 'number' });
  });

  it('lets the internal target be left empty', () => {
    expect(parseOptionalTarget('', '%')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalTarget('97', '%')).toEqual({ ok: true, value: 97 });
    expect(parseOptionalTarget('lots', '%')).toEqual({ ok: false, error: 'number' });
  });

  it('takes the links pledge can publish', () => {
    expect(parseUrl(' https://kestrel.example/shop ')).toEqual({ ok: true, value: 'https://kestrel.example/shop' });
    expect(parseUrl('mailto:hello@kestrel.example')).toEqual({ ok: true, value: 'mailto:hello@kestrel.example' });
    expect(parseUrl('the shop')).toEqual({ ok: false, error: 'url' });
    expect(parseUrl('javascript:alert(1)')).toEqual({ ok: false, error: 'url' });
    expect(parseOptionalUrl('')).toEqual({ ok: true, value: undefined });
  });

  it('checks a typed KPI id', () => {
    expect(parseKpiId(' on_time_delivery ')).toEqual({ ok: true, value: 'on_time_delivery' });
    expect(parseKpiId('On time')).toEqual({ ok: false, error: 'kpiEmpty' });
  });

  it('has every error message in every language', () => {
    for (const text of Object.values(WIZARD_TEXT)) {
      for (const key of ['empty', 'html', 'url', 'number', 'listEmpty', 'chooseOne', 'kpiEmpty'] as const) {
        expect(text.errors[key].length).toBeGreaterThan(5);
      }
    }
    expect(WIZARD_TEXT.pt.errors.number).toBe('Escreva um número, como 95 ou 4,5 (sem palavras).');
    expect(WIZARD_TEXT.zh.errors.empty).toBe('请在这里填写内容。');
  });
});

describe('links as people type them', () => {
  it.each([
    ['beanbox.example/start', 'https://beanbox.example/start'],
    ['www.beanbox.example', 'https://www.beanbox.example'],
    ['hello@beanbox.example', 'mailto:hello@beanbox.example'],
    ['https://beanbox.example', 'https://beanbox.example'],
    ['tel:+351210000000', 'tel:+351210000000'],
  ])('%j → %j', (typed, link) => {
    expect(parseUrl(typed)).toEqual({ ok: true, value: link });
  });

  it.each([['beanbox'], ['ftp://beanbox.example'], ['hello @ beanbox']])('refuses %j', (typed) => {
    expect(parseUrl(typed)).toEqual({ ok: false, error: 'url' });
  });
});
