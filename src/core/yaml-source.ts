import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { InputError, InputErrors, type Place } from './input-error.ts';

export type DataPath = ReadonlyArray<string | number>;

/** A parsed YAML file that still knows where every value came from. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** The place of the value at `path`, or of its nearest existing parent. */
  locate(path: DataPath): Place;
}

/** How many aliases a file may expand: more is an "alias bomb" (a few lines that expand to gigabytes). */
const MAX_ALIAS_COUNT = 100;

/**
 * A number in a YAML file must be written in plain decimal (`10`, `-2.5`). YAML 1.2 also reads `0x0A`,
 * `0o12`, `1e1` and `.inf` as numbers; a target written like that is almost always a slip (or a
 * spreadsheet's doing), and a reader of the file would not see the value pledge uses.
 */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Parses YAML text (no I/O). Syntax errors, empty files, alias bombs and numbers not written in plain
 * decimal become located InputErrors. Old Mac line ends (CR alone) are read as line ends, as YAML says.
 */
export function parseYaml(rawText: string, file: string): YamlSource {
  const text = rawText.replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const first = doc.errors[0];
  if (first) {
    const reason = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    throw new InputError(placeAt(first.pos[0]), `This is not valid YAML: ${reason}.`,
      'Check the indentation and quoting on this line (a value containing ": " or "#" needs quotes).');
  }
  rejectNonDecimalNumbers(doc, placeAt);
  const data = toData(doc, placeAt);
  if (data === null || data === undefined) {
    throw new InputError(placeAt(0), 'The file is empty.', 'Fill it in; `pledge init` writes a complete example.');
  }
  const locate = (path: DataPath): Place => {
    const node = deepestNode(doc.contents as Node | null, path);
    return placeAt(node?.range?.[0] ?? 0);
  };
  return { file, text, data, locate };
}

/**
 * A JSON file (a record file, written by `pledge record`) as a YamlSource. JSON.parse reads it many times
 * quicker than the YAML parser; the YAML parser's positions are only worked out when something asks
 * where a value is (a schema error). Text that is not plain JSON goes through parseYaml, so its errors
 * are located as before. Unlike parseYaml, a repeated key keeps its last value, as JSON.parse does.
 */
export function parseJsonSource(rawText: string, file: string): YamlSource {
  let data: unknown;
  try {
    data = JSON.parse(rawText) as unknown;
  } catch {
    return parseYaml(rawText, file);
  }
  if (data === null || typeof data !== 'object') return parseYaml(rawText, file);
  let located: YamlSource | undefined;
  const text = rawText.replace(/\r\n?/g, '\n');
  return { file, text, data, locate: (path) => (located ??= parseYaml(rawText, file)).locate(path) };
}

function toData(doc: Document, placeAt: (offset: number) => Place): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library's only refusal at this stage is the alias count (a ReferenceError).
    if (!(error instanceof ReferenceError)) throw error;
    let at = 0;
    visit(doc, { Alias(_, node) {
      at = node.range?.[0] ?? 0;
      return visit.BREAK;
    } });
    throw new InputError(placeAt(at), `The aliases (*name) in this file expand to more than ${MAX_ALIAS_COUNT} copies, which looks like an "alias bomb".`,
      'Write the values out instead of repeating aliases of aliases.');
  }
}

function rejectNonDecimalNumbers(doc: Document, placeAt: (offset: number) => Place): void {
  const errors: InputError[] = [];
  visit(doc, { Scalar(_, node, ancestors) {
    if (typeof node.value !== 'number' || node.type !== 'PLAIN' || PLAIN_DECIMAL.test(node.source ?? '')) return;
    const written = node.source ?? String(node.value);
    const decimal = Number.isFinite(node.value) ? `${node.value}` : undefined;
    const where = dataPathOf(ancestors, node);
    errors.push(new InputError(placeAt(node.range?.[0] ?? 0), `${where ? `${where}: ` : ''}"${written}" is not a plain decimal number, which pledge needs here.`,
      decimal ? `Write it as ${decimal} (or put it in quotes if it is text).` : 'Write a plain decimal number such as 95 (or put it in quotes if it is text).'));
  } });
  if (errors.length) throw new InputErrors(errors);
}

/** `commitments[0].target.value` for a node, from its ancestors (as visit gives them). */
function dataPathOf(ancestors: readonly unknown[], node: unknown): string {
  let text = '';
  ancestors.forEach((ancestor, i) => {
    const child = ancestors[i + 1] ?? node;
    if (isSeq(ancestor)) text += `[${ancestor.items.indexOf(child as Node)}]`;
    else if (isPair(ancestor) && ancestor.value === child && isScalar(ancestor.key)) text += `${text ? '.' : ''}${String(ancestor.key.value)}`;
  });
  return text;
}

function deepestNode(root: Node | null, path: DataPath): Node | null {
  let node = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(key));
      if (!pair) return node;
      // Point at the value, or at the key when the value is empty.
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** The place of a key itself (for "unknown key" errors). */
export function locateKey(source: YamlSource, path: DataPath, key: string): Place {
  const parent = source.locate(path);
  const lines = source.text.split('\n');
  for (let i = parent.line - 1; i < lines.length; i++) {
    const column = (lines[i] ?? '').search(new RegExp(`(^|[\\s{,-])${escapeRegExp(key)}\\s*:`));
    if (column >= 0) {
      const offset = (lines[i] ?? '').slice(column).search(/[^\s{,-]/);
      return { file: source.file, line: i + 1, column: column + offset + 1 };
    }
  }
  return parent;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
