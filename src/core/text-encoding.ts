/** The encodings pledge can tell apart from a file's first bytes. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Sniffed {
  encoding: TextEncoding;
  /** Length of the byte-order mark to skip (0 when there is none). */
  bom: number;
}

/** How many of the first bytes are looked at: enough for a header line, cheap for any file. */
export const SNIFF_BYTES = 4096;

/**
 * The encoding of a text from its first bytes: a byte-order mark says it outright; UTF-16 without one
 * (some exports write it) shows as zero bytes in every other place, which UTF-8 text never has.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  let [zeroEven, zeroOdd] = [0, 0];
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  // Mostly-ASCII UTF-16 has a zero in nearly every pair; a third is far above anything UTF-8 text has (none).
  if (pairs > 0 && zeroOdd > pairs / 3 && zeroOdd > zeroEven) return { encoding: 'utf-16le', bom: 0 };
  if (pairs > 0 && zeroEven > pairs / 3) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * True when the first line break in `head` is a carriage return alone (old Mac line ends), so a reader
 * that splits on LF would see the whole file as one line. A CR as the very last byte is not judged:
 * its LF may follow.
 */
export function endsLinesWithCrOnly(head: Uint8Array): boolean {
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 10) return false;
    if (head[i] === 13) return i + 1 < head.length && head[i + 1] !== 10;
  }
  return false;
}

/** Decodes a whole text file: UTF-8 or UTF-16 as sniffed, without its byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bom } = sniffEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}
