import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { Cell } from '../../core/kpi/formulas.ts';
import { parseTimestampBytes } from '../../core/kpi/time.ts';
import type { ReadOptions, TableSink } from './types.ts';
import { CHUNK_BYTES, HeaderTooLong, maxLineBytes, PROGRESS_EVERY, reportMalformed, reportTooLong } from './types.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DELIMITERS = [',', ';', '\t', '|'];
/** The bytes parseTimestampBytes can take (digits, `-:+TZz` and space): a delimiter among them rules out guessing a timestamp's end. */
const TIMESTAMP_BYTES = new Uint8Array(256);
for (const char of '0123456789-:+TZz ') TIMESTAMP_BYTES[char.charCodeAt(0)] = 1;
/** plainRow's answers besides a position: a field starts with a quote; the record runs past the buffer. */
const QUOTED = -1;
const INCOMPLETE = -2;

/** The delimiter that splits the header line into the most fields (a `;` export from a Portuguese spreadsheet, say). */
export function guessDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

type SliceBuffer = Buffer & { utf8Slice(start: number, end: number): string; latin1Slice(start: number, end: number): string };
/** Buffer's own decoders without toString's argument checks: this runs once per needed field. */
const text = (buf: Buffer, start: number, end: number) => (buf as SliceBuffer).utf8Slice(start, end);
/** For a chunk that is pure ASCII (most exports), the one-byte decoder gives the same text, faster. */
const asciiText = (buf: Buffer, start: number, end: number) => (buf as SliceBuffer).latin1Slice(start, end);

/** One parsed record: its cells (only wanted columns decoded), field count, and where the next one starts. */
interface Parsed { cells: Cell[]; next: number; newlines: number; unclosed?: boolean }

/** A quoted field: its text, the byte after it (a delimiter, LF or the end) and the newlines inside it. */
interface QuotedField { value: string; end: number; newlines: number; unclosed?: boolean }

/**
 * Reads a quoted field starting at `start` (its opening quote): `""` is a quote, newlines are part of the
 * text, and text after the closing quote (`"a"b`) is kept, as spreadsheets do. Null when the field runs
 * past the end of the buffer and more data may follow.
 */
function quotedField(buf: Buffer, start: number, delimiter: number, atEnd: boolean, decode: typeof text): QuotedField | null {
  const length = buf.length;
  const parts: string[] = [];
  let newlines = 0;
  let from = start + 1;
  let i = from;
  for (; ; i++) {
    if (i >= length) return atEnd ? { value: parts.join('') + decode(buf, from, length), end: length, newlines, unclosed: true } : null;
    if (buf[i] === LF) newlines++;
    else if (buf[i] === QUOTE) {
      if (buf[i + 1] !== QUOTE) break;
      parts.push(decode(buf, from, i + 1));
      from = i + 2;
      i++;
    }
  }
  if (i + 1 >= length && !atEnd) return null;
  let end = i + 1;
  while (end < length && buf[end] !== delimiter && buf[end] !== LF) end++;
  const tailEnd = end > i + 1 && buf[end - 1] === CR ? end - 1 : end;
  const value = parts.join('') + decode(buf, from, i) + (tailEnd > i + 1 ? decode(buf, i + 1, tailEnd) : '');
  return { value, end, newlines };
}

/**
 * A byte-level CSV parser (RFC 4180: quoted fields, `""` escapes, embedded newlines, CRLF). It decodes
 * only the columns a KPI reads, which is what makes it faster than papaparse here (measured: see
 * docs/kpis.md). Returns null when the record runs past the end of the buffer and more data may follow.
 */
function parseRecord(buf: Buffer, start: number, delimiter: number, wanted: readonly boolean[] | undefined, atEnd: boolean,
  decode: typeof text): Parsed | null {
  const length = buf.length;
  const cells: Cell[] = [];
  let newlines = 0;
  for (let p = start, column = 0; ; column++) {
    let value: string | undefined;
    let i = p;
    if (buf[i] === QUOTE) {
      const field = quotedField(buf, i, delimiter, atEnd, decode);
      if (!field) return null;
      [value, i, newlines] = [field.value, field.end, newlines + field.newlines];
      if (field.unclosed) return { cells: [...cells, value], next: length, newlines, unclosed: true };
    } else {
      while (i < length && buf[i] !== delimiter && buf[i] !== LF) i++;
      if (wanted === undefined || wanted[column]) value = decode(buf, p, i > p && buf[i - 1] === CR && buf[i] !== delimiter ? i - 1 : i);
    }
    if (i >= length && !atEnd) return null;
    cells.push(value);
    if (i >= length || buf[i] === LF) return { cells, next: i + 1, newlines };
    p = i + 1;
  }
}

/** Whether bytes [from, end) of an ASCII buffer spell `known` (compared from the end, where timestamps differ). */
function sameAscii(known: string, buf: Buffer, from: number, end: number): boolean {
  if (known.length !== end - from) return false;
  for (let i = end - 1, k = known.length - 1; k >= 0; i--, k--) if (known.charCodeAt(k) !== buf[i]) return false;
  return true;
}

function isBlankLine(buf: Buffer, start: number): number {
  if (buf[start] === LF) return start + 1;
  if (buf[start] === CR && buf[start + 1] === LF) return start + 2;
  return -1;
}

/** A slice of a CSV file for one parallel worker (see parallel.ts). */
export interface CsvRange {
  /** Byte where the slice starts: the first record starting at or after it is the slice's first. */
  start: number;
  /** Byte where the next slice starts: parsing stops at the first record starting at or after it. */
  end: number;
  /** The header, already read by the caller (for every slice but the first). */
  header?: string[];
  /** `start` is known to be where a record starts (the stop of the slice before): read from it as is. */
  exact?: boolean;
}

/** Where a read started and stopped (absolute bytes), and the line counter at the stop. */
export interface CsvReadInfo {
  /** The delimiter used (given, or guessed from the header line). */
  delimiter: string;
  /** Byte of the slice's first record; −1 when the slice gave up (it started inside a quoted field). */
  firstRecordAt: number;
  stoppedAt: number;
  line: number;
}

/**
 * One pass over a CSV file: where it is (absolute byte of the buffer start, line number), the header and
 * the delimiter. `consume` takes the complete records of a buffer and says how many bytes it used.
 * (Plain fields, no parameter properties: worker threads load this file with Node's type stripping.)
 */
class CsvCursor {
  readonly info: CsvReadInfo;
  header: string[] | undefined;
  line = 1;
  rows = 0;
  base: number;
  bytesRead: () => number = () => 0;
  private wanted: readonly boolean[] | undefined;
  /** Columns handed as epoch ms when their bytes parse (TableSink.timeColumns), and the day cache of each. */
  private times: readonly boolean[] | undefined;
  private naiveTimes = false;
  private lastDay = new Int32Array(0);
  private timesInto: Float64Array = new Float64Array(0);
  /** The width of the last timestamp parsed in each column: the next is most often as wide. */
  private timeWidth = new Int32Array(0);
  private readonly cells: Cell[] = [];
  private readonly lastText: (string | undefined)[] = [];
  private delimiter: number | undefined;
  private skipPartial: boolean;
  private readonly sink: TableSink;
  readonly limit: number;
  /** The longest record taken, in bytes; a longer one is skipped (see skipTooLong). */
  readonly maxLine: number;
  /** Dropping the rest of a record over maxLine: everything up to the next line break. */
  private skippingToLineEnd = false;
  /**
   * Set for a file that fits in one chunk: its fields are then cut from one decoded string of the chunk
   * (a substring is a few times quicker than a call into Buffer's decoder per field). Not for larger
   * files: a long substring keeps its whole chunk's string alive, so memory would grow with the file.
   */
  sliceFields = false;
  private chunkText: string | undefined;

  constructor(sink: TableSink, options: ReadOptions, from: number, range: CsvRange | undefined) {
    this.sink = sink;
    this.limit = range?.end ?? Infinity;
    this.base = from;
    this.skipPartial = from > 0 && !range?.exact;
    this.maxLine = maxLineBytes(options);
    this.delimiter = options.delimiter?.charCodeAt(0);
    this.info = { delimiter: options.delimiter ?? ',', firstRecordAt: from, stoppedAt: -1, line: 1 };
    if (range?.header) this.takeHeader(range.header);
  }

  consume(buf: Buffer, atEnd: boolean): number | 'stop' {
    const ascii = isAscii(buf);
    this.chunkText = ascii && this.sliceFields ? asciiText(buf, 0, buf.length) : undefined;
    let p = this.skipPartialLine(buf);
    if (p < 0) return atEnd ? buf.length : 0;
    p = this.skipToLineEnd(buf, p);
    while (p < buf.length) {
      if (this.base + p >= this.limit) {
        this.info.stoppedAt = this.base + p;
        return 'stop';
      }
      const blank = isBlankLine(buf, p);
      if (blank >= 0) {
        [p, this.line] = [blank, this.line + 1];
        continue;
      }
      const delimiter = this.delimiter ?? this.guessDelimiter(buf, p, atEnd);
      if (delimiter === undefined) return p;
      if (this.header) {
        const next = this.plainRow(buf, p, delimiter, atEnd, ascii);
        if (next === INCOMPLETE) return p;
        if (next !== QUOTED) {
          const tooLong = next - p - 1 > this.maxLine;
          p = next;
          if (tooLong) this.rejectTooLong(0);
          else if (this.take(this.cells, 0) === 'stop') return 'stop';
          continue;
        }
      }
      const record = parseRecord(buf, p, delimiter, this.header ? this.wanted : undefined, atEnd, ascii ? asciiText : text);
      if (!record) return p;
      const tooLong = record.next - p - 1 > this.maxLine;
      p = record.next;
      if (tooLong) this.rejectTooLong(record.newlines);
      else if (this.take(record.cells, record.newlines, record.unclosed) === 'stop') return 'stop';
    }
    return p;
  }

  /**
   * Reads a record with no quoted field into the row array (reused: sinks read a row during the call
   * only), and returns where the next record starts; QUOTED when a field starts with a quote (the
   * general parser then reads the record), INCOMPLETE when it runs past the buffer and more may follow.
   */
  private plainRow(buf: Buffer, start: number, delimiter: number, atEnd: boolean, ascii: boolean): number {
    const cells = this.cells;
    const length = buf.length;
    const times = this.times;
    const guessTimes = times !== undefined && TIMESTAMP_BYTES[delimiter] === 0;
    for (let p = start, column = 0; ; column++) {
      if (buf[p] === QUOTE) return QUOTED;
      // A timestamp as wide as the last one of its column that parses ends where the next delimiter is:
      // none of its bytes can be a delimiter or a line feed, so they need not be searched for one.
      if (guessTimes && times[column]) {
        const end = p + (this.timeWidth[column] ?? 0);
        if (end > p && end < length && buf[end] === delimiter) {
          if (parseTimestampBytes(buf, p, end, this.naiveTimes, this.lastDay, column, this.timesInto)) {
            cells[column] = true;
            p = end + 1;
            continue;
          }
        }
      }
      // One loop for delimiters and line feeds: finding the line end first with Buffer.indexOf cost more
      // (a call into C++ per row) than the second comparison per byte it saved.
      let i = p;
      let byte = 0;
      while (i < length && (byte = buf[i] as number) !== delimiter && byte !== LF) i++;
      if (i >= length && !atEnd) return INCOMPLETE;
      if (i < length && byte === delimiter) {
        cells[column] = this.field(buf, column, p, i, ascii);
        p = i + 1;
        continue;
      }
      // The last field: a CR before the line feed is the line end's, not the field's.
      cells[column] = this.field(buf, column, p, i > p && buf[i - 1] === CR ? i - 1 : i, ascii);
      if (cells.length !== column + 1) cells.length = column + 1;
      return i + 1;
    }
  }

  /**
   * One field's text, or undefined for a column no KPI reads. In an ASCII chunk, a field with the same
   * bytes as the last one of its column reuses that string: sorted exports repeat dates row after row,
   * and the KPI engine then sees the same string and skips parsing it again.
   */
  private field(buf: Buffer, column: number, from: number, end: number, ascii: boolean): Cell {
    if (this.wanted !== undefined && !this.wanted[column]) return undefined;
    if (this.times?.[column]) {
      if (parseTimestampBytes(buf, from, end, this.naiveTimes, this.lastDay, column, this.timesInto)) {
        this.timeWidth[column] = end - from;
        return true;
      }
    }
    if (!ascii) return text(buf, from, end);
    const last = this.lastText[column];
    if (last !== undefined && sameAscii(last, buf, from, end)) return last;
    const value = this.chunkText === undefined ? asciiText(buf, from, end) : this.chunkText.slice(from, end);
    this.lastText[column] = value;
    return value;
  }

  /**
   * A record over maxLine that is still unfinished (`bytes`, the start of it): reported now, its bytes
   * dropped, and the rest of it skipped up to the next line break, so it never sits in memory whole.
   */
  skipTooLong(bytes: Buffer): void {
    let newlines = 0;
    for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) newlines++;
    this.rejectTooLong(newlines - 1);
    this.skippingToLineEnd = true;
  }

  /** Reports the record on this line as too long (the header: an error) and moves past its lines. */
  private rejectTooLong(newlines: number): void {
    if (!this.header) throw new HeaderTooLong(this.line, this.maxLine);
    reportTooLong(this.sink, this.line, this.maxLine);
    this.line += 1 + newlines;
  }

  /** Where reading resumes after the rest of a too-long record: past the next line break, or the buffer's end. */
  private skipToLineEnd(buf: Buffer, p: number): number {
    if (!this.skippingToLineEnd) return p;
    const newline = buf.indexOf(LF, p);
    if (newline < 0) return buf.length;
    this.skippingToLineEnd = false;
    this.line++;
    return newline + 1;
  }

  /** A slice after the first begins mid-record: skip to the first line start. -1 when none is in sight yet. */
  private skipPartialLine(buf: Buffer): number {
    if (!this.skipPartial) return 0;
    const newline = buf.indexOf(LF);
    if (newline < 0) return -1;
    this.skipPartial = false;
    this.info.firstRecordAt = this.base + newline + 1;
    return newline + 1;
  }

  private guessDelimiter(buf: Buffer, p: number, atEnd: boolean): number | undefined {
    const end = buf.indexOf(LF, p);
    if (end < 0 && !atEnd) return undefined;
    this.info.delimiter = guessDelimiter(text(buf, p, end < 0 ? buf.length : end));
    this.delimiter = this.info.delimiter.charCodeAt(0);
    return this.delimiter;
  }

  private take(cells: Cell[], newlines: number, unclosed = false): 'stop' | undefined {
    const at = this.line;
    this.line += 1 + newlines;
    if (!this.header) return this.takeHeader(cells.map((cell) => String(cell ?? '').trim()));
    if (unclosed) {
      reportMalformed(this.sink, at, 'unclosed-quote', 'a quoted field starting on this line is never closed, so the rest of the file could not be read');
      return undefined;
    }
    this.sink.row(cells, at);
    if (++this.rows % PROGRESS_EVERY === 0) this.sink.progress?.(this.rows, this.bytesRead());
    return undefined;
  }

  takeHeader(header: string[]): 'stop' | undefined {
    this.header = header;
    const answer = this.sink.header(header);
    if (answer === false) return 'stop';
    this.wanted = Array.isArray(answer) ? header.map((_, i) => answer.includes(i)) : undefined;
    const times = this.sink.timeColumns?.();
    if (times?.columns.length) {
      this.times = header.map((_, i) => times.columns.includes(i));
      this.naiveTimes = times.naive;
      this.timesInto = times.into;
      this.lastDay = new Int32Array(2 * header.length);
      this.timeWidth = new Int32Array(header.length);
    }
    return undefined;
  }
}

/**
 * A slice that starts inside a quoted field reads quotes inside out, and may take the rest of the file
 * for one field: past this size it gives up (the caller then reads that slice again from a known record start).
 */
const SLICE_MAX_RECORD_BYTES = 16 * CHUNK_BYTES;

/**
 * Streams a CSV file with bounded memory (one chunk plus one unfinished record), reporting each row with
 * the real line of the file it starts on, embedded newlines included. A UTF-8 BOM is skipped. With a
 * range, reads only the records that start inside it, numbering lines from 1 at its first record.
 */
export async function readCsv(file: string, options: ReadOptions, sink: TableSink, range?: CsvRange): Promise<CsvReadInfo> {
  // A slice after the first starts one byte early, so a record starting exactly at `start` is kept.
  const from = range && range.start > 0 ? range.start - (range.exact ? 0 : 1) : 0;
  const handle = await open(file, 'r');
  const cursor = new CsvCursor(sink, options, from, range);
  // A slice that may have started inside a quoted field gives up on a long record: it is read again from a known start.
  const lostTrack = (kept: number) => from > 0 && !range?.exact && kept > Math.min(SLICE_MAX_RECORD_BYTES, cursor.maxLine);
  // One buffer, reused: each chunk lands after the unfinished record carried over from the last one.
  let buffer: Buffer = chunkBuffer();
  let [kept, position] = [0, from];
  cursor.bytesRead = () => position - from;
  // The next chunk is read (on libuv's thread) while this one is parsed: waiting for each read in turn
  // left the scan idle for a tenth of its time. Not before the header is known (a header-only read stops
  // at once), nor past the end of a slice (it stops at the first record after it).
  const incoming = chunkBuffer();
  let ahead: Promise<{ bytesRead: number }> | undefined;
  const readAt = (at: number) => handle.read(incoming, 0, CHUNK_BYTES, at);
  try {
    const stats = await handle.stat();
    cursor.sliceFields = !range && stats.isFile() && stats.size <= CHUNK_BYTES;
    for (;;) {
      const { bytesRead } = await (ahead ?? readAt(position));
      ahead = undefined;
      if (bytesRead === 0) break;
      if (buffer.length - kept < bytesRead) buffer = grown(buffer, kept);
      incoming.copy(buffer, kept, 0, bytesRead);
      let length = kept + bytesRead;
      if (position === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        buffer.copyWithin(0, 3, length);
        [length, cursor.base] = [length - 3, 3];
      }
      position += bytesRead;
      if (cursor.header && position < cursor.limit && bytesRead === CHUNK_BYTES) ahead = readAt(position);
      const done = cursor.consume(buffer.subarray(0, length), false);
      if (done === 'stop') return { ...cursor.info, line: cursor.line };
      buffer.copyWithin(0, done, length);
      [kept, cursor.base] = [length - done, cursor.base + done];
      if (lostTrack(kept)) return { ...cursor.info, line: cursor.line, firstRecordAt: -1 };
      if (kept > cursor.maxLine) {
        cursor.skipTooLong(buffer.subarray(0, kept));
        [kept, cursor.base] = [0, cursor.base + kept];
      }
    }
    if (kept && cursor.consume(buffer.subarray(0, kept), true) === 'stop') return { ...cursor.info, line: cursor.line };
  } finally {
    // A read still under way must land before the file is closed (and before `incoming` is reused).
    await ahead?.catch(() => undefined);
    await handle.close();
    for (const done of [incoming, buffer]) if (done.length === CHUNK_BYTES && spare.length < 2) spare.push(done);
  }
  if (!cursor.header) sink.header([]);
  sink.progress?.(cursor.rows, position - from);
  return { ...cursor.info, stoppedAt: cursor.base + kept, line: cursor.line };
}

/**
 * Chunk buffers of reads that ended, for the next read on this thread: a parallel scan reads a file as
 * hundreds of slices, and two fresh megabytes for each, freed only at the next full GC, added 30 MB to
 * the peak memory of a 10M-row scan. Two are kept; a read running meanwhile gets new ones.
 */
const spare: Buffer[] = [];

function chunkBuffer(): Buffer {
  return spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
}

/**
 * A bigger buffer holding the first `kept` bytes of `buffer`: a record longer than a chunk is still
 * unfinished. Doubling, so a long record (under a raised PLEDGE_MAX_LINE_BYTES) is copied O(log n) times, not once a chunk.
 */
function grown(buffer: Buffer, kept: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(Math.max(kept + CHUNK_BYTES, 2 * buffer.length));
  buffer.copy(bigger, 0, 0, kept);
  return bigger;
}

/** Only the header line of a CSV file (and the delimiter it uses). */
export async function readCsvHeader(file: string, options: ReadOptions): Promise<{ header: string[]; delimiter: string }> {
  let header: string[] = [];
  const info = await readCsv(file, options, {
    header(columns) {
      header = columns;
      return false;
    },
    row() {},
    malformed() {},
  });
  return { header, delimiter: info.delimiter };
}
