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

/**
 * The last step before printing: the scripts above may have added text (the contents), and
 * document.fonts.ready lays the page out first, so the faces that text needs are loaded too.
 */
export const FONTS_SETTLED = 'document.fonts.ready';

/** Adds a <style> in one round trip (addStyleTag waits for a load event a <style> never needs). */
export function styleScript(css: string): string {
  return `(() => {
  const style = document.createElement('style');
  style.textContent = ${JSON.stringify(css)};
  document.head.append(style);
})()`;
}

/** Where the early script keeps the sheet that hides the page until it prints (see hideUntilPrintCss). */
const HIDDEN_SHEET = "Symbol.for('pledge.hiddenUntilPrint')";

/**
 * For evaluateOnNewDocument: adopts a style sheet as the document is created, before the parser
 * has made any element, so the page is laid out once, as it prints, rather than laid out on load
 * and again when print rules arrive. Adopted sheets come after the page's own in the cascade.
 * `hiddenCss` (see hideUntilPrintCss) goes in a sheet of its own that a script can switch off.
 */
export function earlyStyleScript(css: string, hiddenCss = ''): string {
  return `(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(css)});
  const hidden = new CSSStyleSheet();
  hidden.replaceSync(${JSON.stringify(hiddenCss)});
  globalThis[${HIDDEN_SHEET}] = hidden;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet, hidden];
})()`;
}

/**
 * Chromium lays a page out as it loads, for the screen, and again, in pages, to print it: for a long
 * report the first layout costs about as much as the second and nothing uses it. This rule hides the
 * page while the tab's viewport is `viewportHeight` tall (made a pixel shorter than the printed area);
 * media queries in print are measured against the page, so the page shows again for the one layout
 * that prints, with nothing to switch on in between (a script switching it on would cost a layout of
 * its own). A page that runs scripts or loads lazily is never hidden: its scripts may measure it.
 * Only long pages are hidden (see render.ts): a short page's layout costs less than finding its fonts
 * without one (loadFontsScript), and it starts loading them while the page is still loading.
 */
export function hideUntilPrintCss(viewportHeight: number): string {
  return `@media (max-height: ${viewportHeight}px) {
  html:not(:has(script, [data-render-ready], [loading="lazy"])) { display: none !important; }
}`;
}

/** Characters of text that cannot fit on one sheet: three pages' worth. */
export const LONG_TEXT = 3 * 4000;

/** Shows a page hidden by hideUntilPrintCss, for a script that must measure it before printing. */
const SHOW_HIDDEN = `globalThis[${HIDDEN_SHEET}] && (globalThis[${HIDDEN_SHEET}].disabled = true)`;

/**
 * A hidden page has loaded no web font (fonts load as text is laid out), and printing does not wait
 * for one. This loads, before printing, the @font-face faces laying the page out would load, or more
 * (a face loaded but not used changes nothing that prints). The characters are those of the page's
 * text, of its style sheets (generated content) and of `extraText` (the header, footer and contents
 * title); the family lists are every declaration value that names a web font (font-family, the font
 * shorthand, custom properties) in its style sheets, style attributes and `extraText`. For each list
 * and character, as Chromium does: the faces of the first family whose unicode-range covers it and
 * which, once loaded, draws it; a family that is not a web font, or a face without a unicode-range,
 * may lack the glyph, so the search goes on to the next. A page on show has loaded its own fonts,
 * but not those of `extraText`: the page-margin boxes are laid out only in print, which does not
 * wait for a font either, so a glyph only they use (第, 页 in a Chinese footer) printed in whatever
 * font had loaded by then: a system fallback, or the web font a tab printed before had fetched.
 */
export function loadFontsScript(extraText: string): string {
  return `(async (extra) => {
  // Computing the style first: it is what registers the page's @font-face rules in document.fonts.
  const shown = getComputedStyle(document.documentElement).display !== 'none';
  if (!document.fonts.size) return;
  const points = new Set();
  const addText = (text) => { for (const char of text) points.add(char.codePointAt(0)); };
  // Every declaration's value may be a family list: font-family, the font shorthand, a custom
  // property that var() puts in one. A value naming no web font adds nothing.
  const values = [];
  const addValues = (text) => { for (const match of text.matchAll(/:([^;{}]+)/g)) values.push(match[1]); };
  addText(extra);
  addValues(extra);
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) continue;
      addText(rule.cssText);
      addValues(rule.cssText);
    }
  };
  // A page on show has loaded the fonts of its own text and styles; only the extra text (margin
  // boxes, laid out in print alone) may need more.
  if (!shown) {
    addText(document.documentElement.textContent);
    for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
      let rules;
      try { rules = sheet.cssRules; } catch { continue; }
      walk(rules);
    }
    for (const element of document.querySelectorAll('[style], [font-family]')) {
      values.push(element.getAttribute('style') ?? '', element.getAttribute('font-family') ?? '');
    }
  }
  const unquote = (name) => name.trim().replace(/^(['"])(.*)\\1$/, '$2').toLowerCase();
  const ranges = (range) => range.split(',').map((part) => {
    const [first, last] = part.trim().replace(/^u\\+/i, '').split('-');
    return [parseInt(first.replace(/\\?/g, '0'), 16), parseInt(last ?? first.replace(/\\?/g, 'f'), 16)];
  });
  const faces = new Map();
  for (const face of document.fonts) {
    const family = unquote(face.family);
    const entry = { face, ranges: ranges(face.unicodeRange), whole: /^u\\+0+-10ffff$/i.test(face.unicodeRange.trim()) };
    faces.set(family, [...(faces.get(family) ?? []), entry]);
  }
  const known = [...faces.keys()].sort((a, b) => b.length - a.length);
  // Each comma-separated item, as the web font family it ends with ("700 1rem/1.2 'Noto Sans'"), or
  // null for another family, which may or may not have the glyph.
  const familyOf = (item) => {
    const name = item.replace(/['"]/g, '').trim().toLowerCase();
    return known.find((family) => name === family || name.endsWith(' ' + family) || name.endsWith('/' + family)) ?? null;
  };
  const lists = new Map();
  for (const value of values) {
    const families = value.split(',').map(familyOf);
    if (families.some(Boolean)) lists.set(families.join(','), families);
  }
  const covers = (entry, point) => entry.ranges.some(([low, high]) => Number.isNaN(low) || Number.isNaN(high) || (point >= low && point <= high));
  // A face may leave out characters its unicode-range claims. Once loaded it draws a character it has
  // alike whatever follows it in the list; one it lacks falls through to two different fonts.
  const context = document.createElement('canvas').getContext('2d');
  const drawn = new Map();
  const width = (face, char, fallback) => {
    context.font = face.style + ' ' + face.weight + ' 64px "' + face.family.replace(/["\\\\]/g, '') + '", ' + fallback;
    return context.measureText(char).width;
  };
  const draws = (face, char) => {
    if (face.status !== 'loaded') return true;
    const key = face.family + '|' + face.weight + '|' + face.style + '|' + face.unicodeRange + '|' + char;
    if (!drawn.has(key)) drawn.set(key, width(face, char, 'monospace') === width(face, char, 'serif'));
    return drawn.get(key);
  };
  const load = (entries) => Promise.all(entries.map((entry) => entry.face.status === 'loaded' ? undefined : entry.face.load().catch(() => undefined)));
  // Each family list with the characters still to place; each round loads the faces of the next
  // family that covers them and keeps the characters those faces do not draw for the round after.
  let pending = [...lists.values()].map((families) => ({ families, chars: [...points].map((point) => String.fromCodePoint(point)) }));
  for (let round = 0; pending.length; round += 1) {
    const step = pending.map(({ families, chars }) => {
      const family = families[round];
      const entries = family === undefined ? [] : family ? faces.get(family) : [];
      return { families, chars, covering: new Map(chars.map((char) => [char, entries.filter((entry) => covers(entry, char.codePointAt(0)))])) };
    });
    await load(step.flatMap(({ covering }) => [...covering.values()].flat()));
    pending = step.filter(({ families }) => round + 1 < families.length).map(({ families, chars, covering }) => ({
      families,
      chars: chars.filter((char) => {
        const entries = covering.get(char);
        return !entries.length || entries.some((entry) => entry.whole || !draws(entry.face, char));
      }),
    })).filter(({ chars }) => chars.length);
  }
})(${JSON.stringify(extraText)})`;
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
  const surelyLong = document.body.textContent.length > ${LONG_TEXT};
  if (!surelyLong) {
    ${SHOW_HIDDEN};
    if (document.documentElement.scrollHeight <= pageHeight) return false;
  }
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
