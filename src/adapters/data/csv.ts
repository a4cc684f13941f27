import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import type { ReadOptions, TableSink } from './types.ts';
import { CHUNK_BYTES, PROGRESS_EVERY } from './types.ts';

const DELIMITERS = [',', ';', '\t', '|'];

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

function newlinesIn(row: readonly string[]): number {
  let count = 0;
  for (const field of row) {
    let at = field.indexOf('\n');
    while (at >= 0) {
      count++;
      at = field.indexOf('\n', at + 1);
    }
  }
  return count;
}

/**
 * Streams a CSV file through papaparse (measured fastest of the installed parsers: see docs/kpis.md):
 * quoted fields, embedded newlines, CRLF, a UTF-8 BOM. Memory stays at one chunk: papaparse parses each
 * chunk synchronously as the stream delivers it. Line numbers are real file lines, embedded newlines included.
 */
export async function readCsv(file: string, options: ReadOptions, sink: TableSink): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let line = 1;
  let header: string[] | undefined;
  let stopped = false;
  let rows = 0;
  let delimiter = options.delimiter;
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('data', (first) => {
      delimiter ??= guessDelimiter(String(first).split('\n', 1)[0] ?? '');
      stream.pause();
      stream.unshift(first);
      Papa.parse<string[]>(stream, {
        delimiter,
        newline: undefined,
        skipEmptyLines: false,
        chunk(results, parser) {
          for (const row of results.data) {
            const at = line;
            line += 1 + newlinesIn(row);
            if (row.length === 1 && row[0] === '') continue;
            if (!header) {
              header = row.map((name, i) => (i === 0 ? name.replace(/^\ufeff/, '') : name).trim());
              if (!sink.header(header)) {
                stopped = true;
                parser.abort();
                return;
              }
              continue;
            }
            sink.row(row, at);
            if (++rows % PROGRESS_EVERY === 0) sink.progress?.(rows, stream.bytesRead);
          }
          for (const error of results.errors) if (error.code === 'MissingQuotes') sink.malformed(line, 'a quoted field is never closed');
        },
        complete: () => resolve(),
        error: (error: Error) => reject(error),
      });
      stream.resume(); // paused above so the first chunk could go back; papaparse's listener takes over
    });
    stream.once('end', () => {
      if (header === undefined && !stopped) resolve();
    });
  });
  stream.destroy();
  if (!header && !stopped) sink.header([]);
  sink.progress?.(rows, stream.bytesRead);
}
