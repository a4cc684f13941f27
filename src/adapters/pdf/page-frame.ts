/** What the header and footer of every printed page say, in the report's language. */
export interface FrameFacts {
  language: string;
  company: string;
  /** A period key (`2026-03`, `2026-Q1`, `2026-W07`) or free text. */
  period?: string;
  /** ISO date or date-time of the latest data row. */
  dataDate?: string;
}

interface Labels {
  page: string;
  of: string;
  /** After the total, with its own leading space where the language wants one. */
  pageSuffix: string;
  /** Precedes the period, separator included (a full-width colon in Chinese). */
  period: string;
  dataDate: string;
  contents: string;
}

const ENGLISH: Labels = { page: 'Page', of: 'of', pageSuffix: '', period: 'Period: ', dataDate: 'Data as of', contents: 'Contents' };
const LABELS: Record<string, Labels | undefined> = {
  en: ENGLISH,
  pt: { page: 'Página', of: 'de', pageSuffix: '', period: 'Período: ', dataDate: 'Dados até', contents: 'Índice' },
  zh: { page: '第', of: '页，共', pageSuffix: ' 页', period: '周期：', dataDate: '数据截至', contents: '目录' },
};

export function labelsFor(language: string): Labels {
  return LABELS[language.toLowerCase().split('-')[0] ?? 'en'] ?? ENGLISH;
}

/** `2026-03` → "March 2026", `2026-Q1` → "Q1 2026", `2026-W07` → "2026-W07", in the language given. */
export function formatPeriod(period: string, language: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? `Q${quarter[2]} ${quarter[1]}` : period;
}

/**
 * Every character the header, footer and contents title can print in `language` (labels, month
 * names, digits), so that a built site ships the font faces its PDFs' frames need: the page's own
 * text may not use them.
 */
export function frameText(language: string): string {
  const months = Array.from({ length: 12 }, (_, month) => formatPeriod(`2026-${String(month + 1).padStart(2, '0')}`, language));
  return [...Object.values(labelsFor(language)), ...months, 'Q0123456789-'].join(' ');
}

/** The date part of an ISO timestamp, so the footer never depends on the reader's time zone. */
export function formatDataDate(dataDate: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(dataDate)?.[0] ?? dataDate;
}

/** A CSS string literal: backslashes and quotes escaped, line breaks flattened, so any name is safe. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r\f]+/g, ' ')}"`;
}

// Page-margin boxes take no styles from the page, so each carries its own. The header sits near the
// top edge of the top margin and the footer near the bottom edge, as Chromium's own templates do.
// The fonts the page ships (site.css), so the header prints alike on every machine.
const BOX_STYLE = 'font-family: \'Noto Sans\', \'Noto Sans SC\', sans-serif; font-size: 8pt; color: #444;';
const TOP = `${BOX_STYLE} vertical-align: top; padding-top: 5mm;`;
const BOTTOM = `${BOX_STYLE} vertical-align: bottom; padding-bottom: 5mm;`;

/**
 * The running header (company, period) and footer (page X of Y, data date) as CSS page-margin
 * boxes. Chromium lays these out with the page; displayHeaderFooter's templates instead render as
 * a separate document on every sheet, which made a 40-page report print about 15 % slower.
 */
export function frameCss(facts: FrameFacts): string {
  const labels = labelsFor(facts.language);
  const period = facts.period ? `${labels.period}${formatPeriod(facts.period, facts.language)}` : '';
  const dataDate = facts.dataDate ? `${labels.dataDate} ${formatDataDate(facts.dataDate)}` : '';
  const pageOf = `${cssString(`${labels.page} `)} counter(page) ${cssString(` ${labels.of} `)} counter(pages) ${cssString(labels.pageSuffix)}`;
  return `@page {
  @top-left { content: ${cssString(facts.company)}; ${TOP} }
  @top-right { content: ${cssString(period)}; ${TOP} }
  @bottom-left { content: ${pageOf}; ${BOTTOM} }
  @bottom-right { content: ${cssString(dataDate)}; ${BOTTOM} }
}`;
}
