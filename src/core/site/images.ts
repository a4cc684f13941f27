import { DOMParser } from 'linkedom';
import { decodeText, sniffEncoding } from '../text-encoding.ts';

/**
 * The logo and favicon of content/site.yaml: what kind of image a file really is (by its first bytes,
 * not its name), and whether an SVG is safe to publish. An SVG is a document: opened at its own
 * address it runs its scripts on the site's origin, so one that could do anything but draw is refused.
 */

export const IMAGE_KINDS = {
  png: { extension: 'png', mediaType: 'image/png', names: ['png'], called: 'a PNG image' },
  jpeg: { extension: 'jpg', mediaType: 'image/jpeg', names: ['jpg', 'jpeg'], called: 'a JPEG image' },
  webp: { extension: 'webp', mediaType: 'image/webp', names: ['webp'], called: 'a WebP image' },
  ico: { extension: 'ico', mediaType: 'image/x-icon', names: ['ico'], called: 'an ICO icon' },
  svg: { extension: 'svg', mediaType: 'image/svg+xml', names: ['svg'], called: 'an SVG image' },
} as const;
export type ImageKind = keyof typeof IMAGE_KINDS;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The kind of image by its signature; an SVG is text that opens with `<` (after a byte-order mark and spaces). */
export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  // ICONDIR: reserved 0, type 1 (icon), at least one image.
  if (startsWith(bytes, [0, 0, 1, 0]) && (bytes[4] ?? 0) + (bytes[5] ?? 0) > 0) return 'ico';
  if (/^\s*</.test(decodeText(bytes.subarray(0, 512)))) return 'svg';
  return undefined;
}

/**
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
