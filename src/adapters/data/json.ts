import { createReadStream } from 'node:fs';
import type { Cell } from '../../core/kpi/formulas.ts';
import type { TableSink } from './types.ts';
import { CHUNK_BYTES, PROGRESS_EVERY } from './types.ts';

/** Turns records into rows: the first record's keys are the header, like a CSV header line. */
class Records {
  private header: string[] | undefined;
  stopped = false;
  rows = 0;

  constructor(private readonly sink: TableSink) {}

  add(text: string, line: number, bytes: number): void {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      this.sink.malformed(line, `this is not valid JSON (${(error as Error).message.split('\n')[0]})`);
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.sink.malformed(line, 'each record must be a JSON object, like {"id": 1, "score": 9}');
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

/** NDJSON / JSON Lines: one object per line, streamed line by line. */
export async function readNdjson(file: string, sink: TableSink): Promise<void> {
  const records = new Records(sink);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let rest = '';
  let line = 1;
  for await (const chunk of stream) {
    const text = rest + String(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const entry = text.slice(start, end).replace(/^\ufeff/, '').trim();
      if (entry) records.add(entry, line, stream.bytesRead);
      if (records.stopped) return void stream.destroy();
      line++;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.trim()) records.add(rest.trim(), line, stream.bytesRead);
  records.finish(stream.bytesRead);
}

/**
 * A JSON array of objects, streamed: a small scanner finds where each top-level element starts and ends
 * (tracking strings and nesting), and only that element is handed to JSON.parse, so the file never
 * sits in memory whole.
 */
export async function readJsonArray(file: string, sink: TableSink): Promise<void> {
  const records = new Records(sink);
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
        if (scan.depth === 0) [from, scan.elementLine, element] = [i, scan.line, ''];
        scan.depth++;
      } else if (ch === 93 || ch === 125) {
        scan.depth--;
        if (scan.depth === 0) {
          records.add(element + text.slice(from, i + 1), scan.elementLine, stream.bytesRead);
          if (records.stopped) return void stream.destroy();
          element = '';
          from = i + 1;
        }
      } else if (!scan.started && ch > 32 && ch !== 0xfeff) {
        sink.malformed(scan.line, 'a JSON data file must be an array of objects: [{...}, {...}]');
        stream.destroy();
        return records.finish(stream.bytesRead);
      }
    }
    if (scan.depth > 0) element += text.slice(from);
  }
  records.finish(stream.bytesRead);
}
