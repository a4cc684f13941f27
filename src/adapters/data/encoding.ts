import { open } from 'node:fs/promises';
import { InputError, placeOf } from '../../core/input-error.ts';
import { endsLinesWithCrOnly, SNIFF_BYTES, sniffEncoding } from '../../core/text-encoding.ts';
import type { DataFormat } from './index.ts';

const ENCODING_NAMES = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)' } as const;

/**
 * Why a data file must be refused, if it must: the streaming readers would misread it without a word.
 * UTF-16 (its columns come out as garbage) or, for line-based formats, lines ended by a carriage return
 * alone (old Mac exports read as one line, so as no rows at all). The readers stay byte-level and fast;
 * this reads the first 4 KB.
 */
export async function unreadableDataError(file: string, shown: string, format: DataFormat): Promise<InputError | undefined> {
  const handle = await open(file, 'r');
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const { encoding } = sniffEncoding(head);
  if (encoding !== 'utf-8') {
    return new InputError(placeOf(shown), `This file is ${ENCODING_NAMES[encoding]}, but pledge reads data files as UTF-8.`,
      'Save it as UTF-8 (in Excel: "CSV UTF-8"), or convert it: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.');
  }
  if (format !== 'json' && endsLinesWithCrOnly(head)) {
    return new InputError(placeOf(shown), 'Its lines end with a carriage return alone (old Mac line ends), so it would read as one line.',
      'Save it with LF or CRLF line ends, or convert it: tr \'\\r\' \'\\n\' < FILE > FILE.fixed.');
  }
  return undefined;
}
