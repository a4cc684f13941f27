import { decodeText } from '../text-encoding.ts';

/**
 * The logo and favicon of content/site.yaml: what kind of image a file really is (by its first bytes,
 * not its name). Whether an SVG is safe to publish is svg.ts, apart so that the DOM parser it needs
 * loads only when a project has an SVG (never for `pledge check` on a site.yaml without one).
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
