import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../input-error.ts';
import { parseYaml } from '../yaml-source.ts';

/**
 * Edits of kpis.yaml that keep the file as its author wrote it: a new entry is written as YAML of its
 * own and spliced in after the last item of its list, so every other byte (comments, blank lines,
 * `{ a: b }` or `{a: b}` spacing, folded text) stays where it was. Pure: text in, text out.
 */

/** How a data file is read (an entry of `sources:`), for what the file itself cannot say. */
export interface SourceEntry {
  file: string;
  date_format?: string | undefined;
  decimal?: string | undefined;
}

/** kpis.yaml with `kpi` added at the end of `kpis:` (and its data file's reading options under `sources:`). */
export function addKpiToYaml(text: string, file: string, kpi: Record<string, unknown>, source?: SourceEntry): string {
  const id = String(kpi.id);
  const located = parseYaml(text, file);
  const existing = (located.data as { kpis?: Array<{ id?: unknown }> }).kpis ?? [];
  const at = existing.findIndex((other) => other?.id === id);
  if (at >= 0) {
    throw new InputError(located.locate(['kpis', at, 'id']), `A KPI with the id "${id}" is already defined here.`,
      'Choose another id with --id, or change that KPI in kpis.yaml.');
  }
  let next = appendItem(text, 'kpis', withFlowColumns(kpi));
  if (source && (source.date_format || source.decimal)) next = withSource(next, file, source);
  return next;
}

/** kpis.yaml without the KPI `id`; refused (at the commitment) when promise.yaml still uses it. */
export function removeKpiFromYaml(text: string, file: string, id: string): string {
  const located = parseYaml(text, file);
  const list = (located.data as { kpis?: Array<{ id?: unknown }> }).kpis ?? [];
  const at = list.findIndex((kpi) => kpi?.id === id);
  if (at < 0) {
    throw new InputError(located.locate(['kpis']), `No KPI has the id "${id}".`,
      `The KPIs defined here are: ${list.map((kpi) => String(kpi?.id)).join(', ')}.`);
  }
  if (list.length === 1) {
    throw new InputError(located.locate(['kpis', at, 'id']), `"${id}" is the only KPI, and kpis.yaml needs at least one.`,
      'Add your own KPI first (pledge kpi add), then remove this one.');
  }
  const doc = parseDocument(text.replace(/\r\n?/g, '\n'));
  const seq = doc.get('kpis', true) as YAMLSeq;
  const item = seq.items[at] as YAMLMap;
  if (!isSeq(seq) || seq.flow || !item.range) return removeWithDocument(doc, at);
  // From the start of the item's "- " line to the start of the next item (or the end of the list).
  const lineStart = text.lastIndexOf('\n', item.range[0] - 1) + 1;
  const nextItem = seq.items[at + 1] as YAMLMap | undefined;
  const end = nextItem?.range ? text.lastIndexOf('\n', nextItem.range[0] - 1) + 1 : lineEndAfter(text, item.range[1]);
  return text.slice(0, lineStart) + text.slice(end);
}

function removeWithDocument(doc: Document, at: number): string {
  (doc.get('kpis', true) as YAMLSeq).items.splice(at, 1);
  return doc.toString({ lineWidth: 0 });
}

/** `columns: { done: x, promised: y }` on one line, as the example writes it. */
function withFlowColumns(kpi: Record<string, unknown>): Document {
  const doc = new Document([kpi]);
  const map = (doc.contents as YAMLSeq).items[0] as YAMLMap;
  const columns = map.get('columns', true);
  if (isMap(columns)) columns.flow = true;
  return doc;
}

/** The text with `item` (a one-item list document) added after the last item of the top-level list `key`. */
function appendItem(text: string, key: string, item: Document): string {
  const doc = parseDocument(text);
  const seq = doc.get(key, true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) {
    // Not a block list (a flow one, or none yet): let the library write it, comments kept.
    const items = (item.contents as YAMLSeq).items;
    if (isSeq(seq)) seq.items.push(...items);
    else doc.set(key, item.contents);
    return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  }
  const last = seq.items[seq.items.length - 1] as YAMLMap;
  const first = seq.items[0] as YAMLMap;
  const firstLine = text.lastIndexOf('\n', (first.range?.[0] ?? 0) - 1) + 1;
  // The column of "- " of the list's items, so the new one lines up with them.
  const dash = text.slice(firstLine, first.range?.[0] ?? 0).search(/-/);
  const indent = ' '.repeat(Math.max(dash, 0));
  const written = item.toString({ lineWidth: 0, flowCollectionPadding: true }).trimEnd().split('\n').map((line) => indent + line).join('\n');
  const at = lineEndAfter(text, last.range?.[1] ?? text.length);
  const before = text.slice(0, at);
  return `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}${written}\n${text.slice(at)}`;
}

/** The offset just after the line end at or after `offset` (or the end of the text). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The data file's reading options under `sources:`, as a new entry, or refused when one already says otherwise. */
function withSource(text: string, file: string, source: SourceEntry): string {
  const located = parseYaml(text, file);
  const sources = (located.data as { sources?: Array<Record<string, unknown>> }).sources ?? [];
  const at = sources.findIndex((entry) => entry?.file === source.file);
  const entry = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined));
  if (at < 0) return appendItem(text, 'sources', new Document([entry]));
  for (const key of ['date_format', 'decimal'] as const) {
    const written = sources[at]?.[key];
    if (source[key] !== undefined && written !== undefined && written !== source[key]) {
      throw new InputError(located.locate(['sources', at, key]), `${source.file} is already read with ${key}: ${String(written)}, not ${source[key]}.`,
        `Give --${key.replace('_', '-')} ${String(written)}, or change it here if the file changed.`);
    }
  }
  // The entry exists: set the missing options in place (the library rewrites the file, comments kept).
  const doc = parseDocument(text);
  const node = (doc.get('sources', true) as YAMLSeq).items[at];
  if (!isMap(node)) return text;
  for (const key of ['date_format', 'decimal'] as const) {
    const value = source[key];
    if (value !== undefined && !(isScalar(node.get(key, true)))) node.set(key, value);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
