import { describe, expect, it } from 'vitest';
import { cssString, formatDataDate, formatPeriod, frameCss, frameText, labelsFor } from '../../src/adapters/pdf/page-frame.ts';

/** The `content` of one page-margin box of frameCss. */
function box(css: string, name: string): string {
  return new RegExp(`@${name} \\{ content: (.*?); font-family`).exec(css)?.[1] ?? `no @${name}`;
}

describe('page header and footer', () => {
  it('names the company and the period in the header, any text safely quoted', () => {
    const css = frameCss({ language: 'en', company: 'Kestrel "K" \\ Co\nUK', period: '2026-03' });
    expect([box(css, 'top-left'), box(css, 'top-right')]).toEqual(['"Kestrel \\"K\\" \\\\ Co UK"', '"Period: March 2026"']);
  });

  it('numbers pages and dates the data in the footer, in the report language', () => {
    const en = frameCss({ language: 'en', company: 'K', dataDate: '2026-03-31T18:00:00Z' });
    expect([box(en, 'bottom-left'), box(en, 'bottom-right')]).toEqual(['"Page " counter(page) " of " counter(pages) ""', '"Data as of 2026-03-31"']);
    const pt = frameCss({ language: 'pt-BR', company: 'K', dataDate: '2026-03-31' });
    expect([box(pt, 'bottom-left'), box(pt, 'bottom-right')]).toEqual(['"Página " counter(page) " de " counter(pages) ""', '"Dados até 2026-03-31"']);
    const zh = frameCss({ language: 'zh', company: '红隼厨房', period: '2026-03' });
    expect([box(zh, 'top-left'), box(zh, 'top-right'), box(zh, 'bottom-left'), box(zh, 'bottom-right')])
      .toEqual(['"红隼厨房"', '"周期：2026年3月"', '"第 " counter(page) " 页，共 " counter(pages) " 页"', '""']);
  });

  it('quotes CSS strings', () => {
    expect(cssString('a "b" \\ c\r\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });

  it('formats period keys for people', () => {
    expect(formatPeriod('2026-03', 'en')).toBe('March 2026');
    expect(formatPeriod('2026-03', 'pt')).toBe('março de 2026');
    expect(formatPeriod('2026-03', 'zh')).toBe('2026年3月');
    expect(formatPeriod('2026-Q1', 'en')).toBe('Q1 2026');
    expect(formatPeriod('2026-W07', 'en')).toBe('2026-W07');
  });

  it('keeps the data date to its day and falls back to English labels', () => {
    expect(formatDataDate('2026-03-31T23:59:59Z')).toBe('2026-03-31');
    expect(labelsFor('fr').contents).toBe('Contents');
    expect(labelsFor('zh-Hans').contents).toBe('目录');
  });

  it('lists every character the frame can print, for the site to ship their fonts', () => {
    const zh = new Set(frameText('zh'));
    const printed = [frameCss({ language: 'zh', company: '', period: '2026-12', dataDate: '2026-12-31' }), labelsFor('zh').contents]
      .join('').match(/"[^"]*"/g)?.join('').replace(/"/g, '') ?? '';
    expect([...new Set(printed)].filter((char) => !zh.has(char))).toEqual([]);
    expect([...'第页共数据截至周期目录年月：，']).toSatisfy((chars: string[]) => chars.every((char) => zh.has(char)));
    expect(frameText('pt')).toContain('março de 2026');
  });
});
