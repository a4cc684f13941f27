import { DOMParser } from 'linkedom';
import { decodeText, sniffEncoding } from '../text-encoding.ts';

/**
 * Whether an SVG logo or favicon is safe to publish. An SVG is a document: opened at its own address it
 * runs its scripts on the site's origin, so one that could do anything but draw is refused.
 *
 * What in an SVG could run, fetch or point somewhere else, matched on the raw text (so a parser that
 * reads the file differently from a browser cannot hide it) and case-insensitively.
 */
const SVG_REFUSED: Array<[RegExp, string]> = [
  [/<!ENTITY|<!DOCTYPE[^>]*\[/i, 'declares XML entities'],
  [/<([\w.-]+:)?script[\s>/]/i, 'contains a <script>'],
  [/<([\w.-]+:)?foreignObject[\s>/]/i, 'contains a <foreignObject> (HTML inside the image)'],
  [/<([\w.-]+:)?(iframe|embed|object|frame|handler|listener|base|meta|link)[\s>/]/i, 'contains an element that loads or runs something'],
  [/[\s"'/]on[a-z]+\s*=/i, 'has an event handler attribute (on...=)'],
  [/(?:javascript|vbscript|livescript)\s*:|data\s*:\s*text\/html/i, 'contains a script link'],
  [/<\?xml-stylesheet/i, 'refers to an outside stylesheet'],
  [/attributeName\s*=\s*["']\s*([\w.-]+:)?(href|on)/i, 'animates a link or an event handler'],
  [/(?:^|[\s:])(?:href|src)\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg|gif|webp)[;,])/i, 'refers to a file or an address outside itself'],
  [/url\s*\(\s*["']?\s*(?!#)|image-set\s*\(|@import/i, 'refers to a file or an address outside itself (url(), image-set() or @import)'],
  [/<\?xml[^>]*encoding\s*=\s*["'](?!utf-8["']|us-ascii["'])/i, 'is not in UTF-8'],
  // eslint-disable-next-line no-control-regex -- a NUL means the file is not UTF-8 text
  [/\u0000/, 'is not in UTF-8'],
];

/** Why an SVG must not be published (a short phrase), or undefined when it only draws. */
export function svgProblem(bytes: Uint8Array): string | undefined {
  if (sniffEncoding(bytes).encoding !== 'utf-8') return 'is not in UTF-8';
  const text = decodeText(bytes);
  for (const [pattern, problem] of SVG_REFUSED) if (pattern.test(text)) return problem;
  const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  if (root?.localName.toLowerCase() !== 'svg') return 'is not an SVG image (its outermost element is not <svg>)';
  return undefined;
}
