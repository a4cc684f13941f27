import type { Place } from '../input-error.ts';
import type { Statement, StatementPart } from '../compose/statement.ts';
import type { DataPath, YamlSource } from '../yaml-source.ts';
import { escapeRegExp, type Span } from './text.ts';

interface Located {
  part: StatementPart;
  /** Where the part starts in the statement text. */
  offset: number;
}

function partsWithOffsets(statement: Statement): Located[] {
  let offset = 0;
  return statement.parts.map((part) => {
    const located = { part, offset };
    offset += part.text.length;
    return located;
  });
}

/** The place in promise.yaml (or in a template) of a span of the statement, such as a jargon word. */
export function placeOfSpan(statement: Statement, source: YamlSource, span: Span): Place {
  const located = partsWithOffsets(statement);
  const hit = located.find(({ part, offset }) => span.start >= offset && span.start < offset + part.text.length);
  if (!hit) return source.locate([]);
  if (!hit.part.path) return templatePlace(hit.part, source);
  return placeInField(source, hit.part.path, hit.part.text, span.start - hit.offset, span.text);
}

/** The place of a sentence: the longest value from promise.yaml inside it (what to shorten), else its template. */
export function placeOfSentence(statement: Statement, source: YamlSource, span: Span): Place {
  const located = partsWithOffsets(statement);
  const inside = located.filter(({ part, offset }) => offset < span.end && offset + part.text.length > span.start);
  const data = inside.filter(({ part }) => part.path)
    .reduce<Located | undefined>((longest, next) => (longest && longest.part.text.length >= next.part.text.length ? longest : next), undefined);
  if (data?.part.path) {
    const from = Math.max(0, span.start - data.offset);
    const rest = data.part.text.slice(from);
    return placeInField(source, data.part.path, data.part.text, from, rest.split(/\s+/).slice(0, 3).join(' '));
  }
  return inside[0] ? templatePlace(inside[0].part, source) : source.locate([]);
}

function templatePlace(part: StatementPart, source: YamlSource): Place {
  return part.template ? { file: part.template, line: 1, column: 1 } : source.locate([]);
}

/**
 * The place of `needle`, found at `offsetInValue` of the value at `path`: we search the raw YAML from
 * the value's start (skipping as many earlier occurrences), so quoted and folded scalars work too.
 */
export function placeInField(source: YamlSource, path: DataPath, value: string, offsetInValue: number, needle: string): Place {
  const start = source.locate(path);
  const trimmed = needle.trim();
  if (!trimmed) return start;
  const pattern = new RegExp(escapeRegExp(trimmed).replace(/\s+/g, '\\s+'), 'giu');
  const earlier = [...value.slice(0, offsetInValue).matchAll(pattern)].length;
  const from = offsetOf(source.text, start);
  const window = source.text.slice(from, from + value.length * 2 + 200);
  const match = [...window.matchAll(pattern)][earlier];
  return match ? placeAtOffset(source, from + match.index) : start;
}

function offsetOf(text: string, place: Place): number {
  const lines = text.split('\n').slice(0, place.line - 1);
  return lines.reduce((sum, line) => sum + line.length + 1, 0) + place.column - 1;
}

function placeAtOffset(source: YamlSource, offset: number): Place {
  const before = source.text.slice(0, offset).split('\n');
  return { file: source.file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
