import { readCsv } from './csv.ts';
import { readJsonArray, readNdjson } from './json.ts';
import type { ReadOptions, TableSink } from './types.ts';

export type { ReadOptions, TableSink } from './types.ts';
export { guessDelimiter } from './csv.ts';

export type DataFormat = 'csv' | 'json' | 'ndjson';

/** The format of a data file, from its extension; CSV unless it says JSON. */
export function formatOf(file: string): DataFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return 'csv';
}

/** Streams a data file (CSV, JSON array or NDJSON) into a sink, in bounded memory. */
export function readTable(file: string, options: ReadOptions, sink: TableSink): Promise<void> {
  switch (formatOf(file)) {
    case 'ndjson': return readNdjson(file, sink, options);
    case 'json': return readJsonArray(file, sink, options);
    default: return readCsv(file, options, sink).then(() => undefined);
  }
}
