import { describe, expect, it } from 'vitest';
import { footerTemplate, formatDataDate, formatPeriod, headerTemplate, labelsFor } from '../../src/adapters/pdf/page-frame.ts';

describe('page header and footer', () => {
  it('names the company and the period in the header', () => {
    expect(headerTemplate({ language: 'en', company: 'Kestrel & Co <UK>', period: '2026-03' }))
      .toMatch(/<span>Kestrel &#38; Co &#60;UK&#62;<\/span><span>Period: March 2026<\/span><\/div>$/);
  });

  it('numbers pages and dates the data in the footer, in the report language', () => {
    expect(footerTemplate({ language: 'en', company: 'K', dataDate: '2026-03-31T18:00:00Z' }))
      .toMatch(/<span>Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span><\/span><span>Data as of 2026-03-31<\/span><\/div>$/);
    expect(footerTemplate({ language: 'pt-BR', company: 'K', dataDate: '2026-03-31' }))
      .toMatch(/<span>Página <span class="pageNumber"><\/span> de <span class="totalPages"><\/span><\/span><span>Dados até 2026-03-31<\/span>/);
    expect(footerTemplate({ language: 'zh', company: 'K' }))
      .toMatch(/<span>第 <span class="pageNumber"><\/span> 页，共 <span class="totalPages"><\/span> 页<\/span><span><\/span>/);
    expect(headerTemplate({ language: 'zh', company: '红隼厨房', period: '2026-03' })).toMatch(/<span>红隼厨房<\/span><span>周期：2026年3月<\/span><\/div>$/);
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
});
