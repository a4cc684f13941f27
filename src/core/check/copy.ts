import type { Place } from '../input-error.ts';
import { sentences, type Span } from './text.ts';

/**
 * The company's other copy (`pledge check --scan`): web pages, emails, ads, read as the text a reader
 * sees. HTML loses its tags, comments, scripts and styles (attribute values such as alt text are not
 * read); markdown and plain text are read as they are. Every offset in `text` still maps to the line and
 * column of the original file, so findings point into it.
 */
export interface CopyText {
  /** The file as messages show it (relative to where pledge runs). */
  file: string;
  text: string;
  /** The place in the original file of an offset in `text`. */
  locate(offset: number): Place;
}

export function readCopy(file: string, raw: string): CopyText {
  const { text, origins } = /\.html?$/i.test(file) ? htmlText(raw) : { text: raw, origins: undefined };
  const lineStarts = [0];
  for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStarts.push(i + 1);
  const locate = (offset: number): Place => {
    const original = origins ? origins[offset] ?? raw.length : offset;
    let line = 0;
    for (let low = 0, high = lineStarts.length - 1; low <= high;) {
      const mid = (low + high) >> 1;
      if ((lineStarts[mid] ?? 0) <= original) [line, low] = [mid, mid + 1];
      else high = mid - 1;
    }
    return { file, line: line + 1, column: original - (lineStarts[line] ?? 0) + 1 };
  };
  return { file, text, locate };
}

/**
 * The sentences of a copy text. A blank line, a heading or a list item ends one too, since headings and
 * bullets often carry no full stop ("Fast delivery" above "We reply within 2 hours" are two claims).
 */
export function copySentences(copy: CopyText): Span[] {
  const blocks = /\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*+][ \t]|\d+[.)][ \t]))|(?<=(?:^|\n)[ \t]*#[^\n]*)\n/g;
  const spans: Span[] = [];
  let start = 0;
  for (const end of [...[...copy.text.matchAll(blocks)].map((m) => m.index), copy.text.length]) {
    const block = copy.text.slice(start, end);
    for (const s of sentences(block)) spans.push({ start: start + s.start, end: start + s.end, text: s.text });
    start = end;
  }
  return spans;
}

// Elements whose start or end is a break in the text a reader sees: they end a sentence (see copySentences).
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'td', 'th', 'title', 'tr', 'ul']);
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript']);
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€', pound: '£', copy: '©', reg: '®', trade: '™',
};

/** HTML as the text a reader sees, with the original offset of every character kept. */
function htmlText(raw: string): { text: string; origins: number[] } {
  let text = '';
  const origins: number[] = [];
  const emit = (chars: string, at: number) => {
    text += chars;
    for (let k = 0; k < chars.length; k++) origins.push(at);
  };
  let i = 0;
  while (i < raw.length) {
    const char = raw[i] ?? '';
    if (char === '<') {
      const skipped = skipMarkup(raw, i);
      if (skipped) {
        emit(skipped.block ? '\n\n' : ' ', i);
        i = skipped.end;
        continue;
      }
    }
    if (char === '&') {
      const entity = /^&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/i.exec(raw.slice(i, i + 12));
      const decoded = entity?.[1] === undefined ? undefined : decodeEntity(entity[1]);
      if (entity && decoded !== undefined) {
        emit(decoded, i);
        i += entity[0].length;
        continue;
      }
    }
    emit(char, i);
    i++;
  }
  return { text, origins };
}

/** Where a comment, a declaration or a tag (with a script's or style's content) that starts at `i` ends. */
function skipMarkup(raw: string, i: number): { end: number; block: boolean } | undefined {
  if (raw.startsWith('<!--', i)) return { end: endAfter(raw, '-->', i + 4), block: false };
  if (raw[i + 1] === '!' || raw[i + 1] === '?') return { end: endAfter(raw, '>', i), block: false };
  const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(raw.slice(i, i + 40))?.[1]?.toLowerCase();
  if (name === undefined) return undefined; // a lone "<" is text ("< 4 hours")
  let end = tagEnd(raw, i);
  if (RAW_TEXT.has(name) && raw[i + 1] !== '/') {
    const close = raw.toLowerCase().indexOf(`</${name}`, end);
    end = close < 0 ? raw.length : tagEnd(raw, close);
  }
  return { end, block: BLOCKS.has(name) };
}

/** The offset after the `>` that closes the tag at `i`, quoted attribute values skipped. */
function tagEnd(raw: string, i: number): number {
  let quote: string | undefined;
  for (let k = i + 1; k < raw.length; k++) {
    const char = raw[k];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return k + 1;
  }
  return raw.length;
}

function endAfter(raw: string, marker: string, from: number): number {
  const at = raw.indexOf(marker, from);
  return at < 0 ? raw.length : at + marker.length;
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[body.toLowerCase()];
}
