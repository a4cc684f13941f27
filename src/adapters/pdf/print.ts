/**
 * What pledge adds to every page before printing. In-page code is kept as plain JavaScript text:
 * functions handed to page.evaluate would be serialised after tsx/esbuild rewrote them, and the
 * helpers it inserts (`__name`) do not exist inside the page.
 */

/** Keep rows, charts and cards whole; never leave a heading alone at the bottom of a page. */
export const PRINT_CSS = `
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, th, td, figure, svg, img, canvas, blockquote, pre, li,
  .card, .commitment, .chart, .kpi, .chart-svg, [data-keep-together] { break-inside: avoid; }
  /* A chart with its table of figures: the chart stays whole, the table may break between rows,
     rather than both moving on and leaving most of a page blank. */
  :is(figure, .chart):has(table):not(.card, .commitment, .kpi, [data-keep-together]) { break-inside: auto; }
  /* A table's caption and header row never end a page: they go on with at least its first two rows. */
  caption, thead { break-after: avoid; }
  /* Not the public history, which prints as a grid without its header (avoiding breaks there split a row). */
  table:not(.history-table) > tbody > tr:nth-child(-n+2) { break-before: avoid; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  p { orphans: 3; widows: 3; }
  nav.pledge-toc ol { list-style: none; padding-left: 0; }
  nav.pledge-toc li { margin: 0.25em 0; }
  nav.pledge-toc a { color: inherit; text-decoration: none; }
  .no-print, [data-no-print] { display: none !important; }
}
`;

/**
 * Resolves once the page says it is ready: the load event has fired, no element still carries
 * `data-render-ready="false"` (a page that draws with scripts sets it in its HTML and flips it to
 * "true" when done; a static page without the attribute is ready on load), and every web font it
 * uses has loaded. Checked on each DOM change (the flip is one), never on a timer: timers in
 * background tabs are throttled to once a second. One evaluate, because puppeteer's
 * waitForFunction first injects its own helpers into the page, which costs more than the wait.
 */
export const WHEN_READY = `new Promise((resolve) => {
  const ready = () => document.readyState === 'complete' && !document.querySelector('[data-render-ready="false"]');
  if (ready()) return resolve();
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    resolve();
  });
  observer.observe(document, { attributes: true, childList: true, subtree: true });
}).then(() => document.fonts.ready)`;

/** Adds a <style> in one round trip (addStyleTag waits for a load event a <style> never needs). */
export function styleScript(css: string): string {
  return `(() => {
  const style = document.createElement('style');
  style.textContent = ${JSON.stringify(css)};
  document.head.append(style);
})()`;
}

/**
 * For evaluateOnNewDocument: adopts a style sheet as the document is created, before the parser
 * has made any element, so the page is laid out once, as it prints, rather than laid out on load
 * and again when print rules arrive. Adopted sheets come after the page's own in the cascade.
 */
export function earlyStyleScript(css: string): string {
  return `(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(css)});
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
})()`;
}

/**
 * Links to other pages of the site would print as `http://127.0.0.1:<port>/...`: dead on paper
 * and different on every run. They become plain text; links within the page stay (as PDF links),
 * and so do links to other sites.
 */
export const UNLINK_LOCAL_SCRIPT = `(() => {
  const here = (url) => url.origin + url.pathname.replace(/index\\.html$/, '');
  const page = here(new URL(location.href));
  for (const link of document.querySelectorAll('a[href]')) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) continue;
    if (url.hash && here(url) === page) link.setAttribute('href', url.hash);
    else link.removeAttribute('href');
  }
})()`;

/**
 * Adds a table of contents (links to every h2) after the first h1 when the printed page runs to
 * more than one sheet and has at least three sections, unless the page already has one.
 * `pageHeight` is the printable height in CSS pixels. Returns whether it added one.
 */
export function tocScript(pageHeight: number, title: string): string {
  return `((pageHeight, title) => {
  if (document.querySelector('nav.pledge-toc, [data-toc]')) return false;
  const headings = [...document.querySelectorAll('main h2, article h2, body > h2, section h2')];
  const unique = [...new Set(headings)];
  if (unique.length < 3) return false;
  // Three pages of text cannot fit on one sheet: skip measuring, which costs a full layout that printing redoes.
  const surelyLong = document.body.textContent.length > 3 * 4000;
  if (!surelyLong && document.documentElement.scrollHeight <= pageHeight) return false;
  const nav = document.createElement('nav');
  nav.className = 'pledge-toc';
  nav.setAttribute('aria-label', title);
  const heading = document.createElement('h2');
  heading.textContent = title;
  const list = document.createElement('ol');
  unique.forEach((h, index) => {
    if (!h.id) h.id = 'section-' + (index + 1);
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '#' + h.id;
    link.textContent = h.textContent.trim();
    item.append(link);
    list.append(item);
  });
  nav.append(heading, list);
  const h1 = document.querySelector('h1');
  if (h1) h1.after(nav); else document.body.prepend(nav);
  return true;
})(${JSON.stringify(pageHeight)}, ${JSON.stringify(title)})`;
}
