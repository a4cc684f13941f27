import { createReadStream } from 'node:fs';
import type { Cell } from '../../core/kpi/formulas.ts';
import type { ReadOptions, TableSink } from './types.ts';
import { CHUNK_BYTES, maxLineBytes, PROGRESS_EVERY, reportMalformed, reportTooLong } from './types.ts';

/** Turns records into rows: the first record's keys are the header, like a CSV header line. */
class Records {
  private header: string[] | undefined;
  stopped = false;
  rows = 0;

  constructor(private readonly sink: TableSink) {}

  tooLong(line: number, limit: number): void {
    reportTooLong(this.sink, line, limit);
  }

  add(text: string, line: number, bytes: number): void {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      // The parser's own words stay English in every language: they come from the JavaScript engine.
      const detail = (error as Error).message.split('\n')[0] ?? '';
      reportMalformed(this.sink, line, 'not-json', `this is not valid JSON (${detail})`, { detail });
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      reportMalformed(this.sink, line, 'not-an-object', 'each record must be a JSON object, like {"id": 1, "score": 9}');
      return;
    }
    const fields = record as Record<string, unknown>;
    if (!this.header) {
      this.header = Object.keys(fields);
      if (!this.sink.header(this.header)) {
        this.stopped = true;
        return;
      }
    }
    this.sink.row(this.header.map((key) => cellOf(fields[key])), line);
    if (++this.rows % PROGRESS_EVERY === 0) this.sink.progress?.(this.rows, bytes);
  }

  finish(bytes: number): void {
    if (!this.header) this.sink.header([]);
    this.sink.progress?.(this.rows, bytes);
  }
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Whether text is over `limit` bytes as UTF-8 (counted only when its length in UTF-16 units leaves a doubt). */
const overBytes = (text: string, limit: number) => text.length > limit || (text.length * 3 > limit && Buffer.byteLength(text) > limit);

/**
 * NDJSON / JSON Lines: one object per line, streamed line by line. A line over the length limit is one
 * bad row, skipped to its end without being kept whole.
 */
export async function readNdjson(file: string, sink: TableSink, options: ReadOptions = {}): Promise<void> {
  const limit = maxLineBytes(options);
  const records = new Records(sink);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let rest = '';
  let line = 1;
  let skipping = false;
  for await (const chunk of stream) {
    let text = rest + String(chunk);
    if (skipping) {
      const end = text.indexOf('\n');
      if (end < 0) continue;
      [text, skipping, line] = [text.slice(end + 1), false, line + 1];
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const entry = text.slice(start, end).replace(/^\ufeff/, '').trim();
      if (overBytes(entry, limit)) records.tooLong(line, limit);
      else if (entry) records.add(entry, line, stream.bytesRead);
      if (records.stopped) return void stream.destroy();
      line++;
      start = end + 1;
    }
    rest = text.slice(start);
    if (overBytes(rest, limit)) {
      records.tooLong(line, limit);
      [rest, skipping] = ['', true];
    }
  }
  if (rest.trim()) records.add(rest.trim(), line, stream.bytesRead);
  records.finish(stream.bytesRead);
}

/**
 * A JSON array of objects, streamed: a small scanner finds where each top-level element starts and ends
 * (tracking strings and nesting), and only that element is handed to JSON.parse, so the file never
 * sits in memory whole.
 */
export async function readJsonArray(file: string, sink: TableSink, options: ReadOptions = {}): Promise<void> {
  const limit = maxLineBytes(options);
  const records = new Records(sink);
  /** The element being read is over the limit: it was reported, and is scanned to its end without being kept. */
  let tooLong = false;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  const scan = { depth: 0, inString: false, escaped: false, line: 1, started: false, elementLine: 1 };
  let element = '';
  for await (const chunk of stream) {
    const text = String(chunk);
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) scan.line++;
      if (scan.inString) {
        if (scan.escaped) scan.escaped = false;
        else if (ch === 92) scan.escaped = true;
        else if (ch === 34) scan.inString = false;
        continue;
      }
      if (ch === 34) scan.inString = true;
      else if (ch === 91 || ch === 123) {
        if (!scan.started && ch === 91) {
          scan.started = true;
          from = i + 1;
          continue;
        }
        if (scan.depth === 0) [from, scan.elementLine, element, tooLong] = [i, scan.line, '', false];
        scan.depth++;
      } else if (ch === 93 || ch === 125) {
        scan.depth--;
        if (scan.depth === 0) {
          const whole = tooLong ? '' : element + text.slice(from, i + 1);
          if (!tooLong && overBytes(whole, limit)) records.tooLong(scan.elementLine, limit);
          else if (!tooLong) records.add(whole, scan.elementLine, stream.bytesRead);
          if (records.stopped) return void stream.destroy();
          element = '';
          from = i + 1;
        }
      } else if (!scan.started && ch > 32 && ch !== 0xfeff) {
        reportMalformed(sink, scan.line, 'not-an-array', 'a JSON data file must be an array of objects: [{...}, {...}]');
        stream.destroy();
        return records.finish(stream.bytesRead);
      }
    }
    if (scan.depth > 0 && !tooLong) {
      element += text.slice(from);
      if (overBytes(element, limit)) {
        records.tooLong(scan.elementLine, limit);
        [element, tooLong] = ['', true];
      }
    }
  }
  records.finish(stream.bytesRead);
}
