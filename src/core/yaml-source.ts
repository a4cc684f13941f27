import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError, type Place } from './input-error.ts';

export type DataPath = ReadonlyArray<string | number>;

/** A parsed YAML file that still knows where every value came from. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** The place of the value at `path`, or of its nearest existing parent. */
  locate(path: DataPath): Place;
}

/** Parses YAML text (no I/O). Syntax errors and empty files become located InputErrors. */
export function parseYaml(text: string, file: string): YamlSource {
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
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    throw new InputError(placeAt(0), 'The file is empty.', 'Fill it in; `pledge init` writes a complete example.');
  }
  const locate = (path: DataPath): Place => {
    const node = deepestNode(doc.contents as Node | null, path);
    return placeAt(node?.range?.[0] ?? 0);
  };
  return { file, text, data, locate };
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
