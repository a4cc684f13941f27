import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { InputError, InputErrors } from '../input-error.ts';
import { locateKey, type DataPath, type YamlSource } from '../yaml-source.ts';

/**
 * Validates parsed YAML against a zod schema. Every issue becomes an InputError that names the
 * data path (`commitments[1].target.value`) and its line and column in the file.
 */
export function validateSource<S extends z.ZodType>(source: YamlSource, schema: S): z.infer<S> {
  // jitless: zod would otherwise compile a parser for each object schema, which only pays off over many parses.
  const result = schema.safeParse(source.data, { jitless: true });
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue) => toInputErrors(source, schema, issue));
  errors.sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column);
  throw new InputErrors(errors);
}

export function formatPath(path: DataPath): string {
  return path.reduce<string>((text, key) =>
    typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key, '');
}

function toInputErrors(source: YamlSource, schema: z.ZodType, issue: z.core.$ZodIssue): InputError[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const where = formatPath(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const guess = known.length ? closest(key, known) : undefined;
      const hint = guess && similar(key, guess)
        ? `Did you mean "${guess}"?`
        : known.length ? `Known keys here: ${known.join(', ')}.` : 'Remove it.';
      return new InputError(locateKey(source, path, key),
        `Unknown key "${key}"${where ? ` in ${where}` : ''}.`, hint);
    });
  }
  const place = source.locate(path);
  const [message, hint] = describe(issue, source, path);
  return [new InputError(place, where ? `${where}: ${message}` : message, hint)];
}

function describe(issue: z.core.$ZodIssue, source: YamlSource, path: DataPath): [string, string] {
  const [customMessage, customHint] = issue.message.split(' | ');
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(source.data, path);
      if (got === undefined) return [`this is required but missing.`, `Add ${describeExpected(issue.expected)}.`];
      return [`expected ${describeExpected(issue.expected)}, got ${describeValue(got)}.`,
        `Write ${describeExpected(issue.expected)} here.`];
    }
    case 'invalid_value': {
      const got = valueAt(source.data, path);
      const choices = issue.values.map(String).join(', ');
      if (got === undefined) return ['this is required but missing.', `Add one of: ${choices}.`];
      return [`${describeValue(got)} is not allowed.`, `Use one of: ${choices}.`];
    }
    case 'too_small':
      return [customMessage ?? 'this is too small.', customHint ?? `It must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}.`];
    case 'too_big':
      return [customMessage ?? 'this is too big.', customHint ?? `It must be at most ${String(issue.maximum)}.`];
    default:
      return [customMessage ?? 'this value is not valid.', customHint ?? 'See the README for the format.'];
  }
}

function describeExpected(expected: string): string {
  const words: Record<string, string> = {
    string: 'a text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping (key: value)',
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function similar(a: string, b: string): boolean {
  let same = 0;
  for (const ch of new Set(a)) if (b.includes(ch)) same++;
  return same >= Math.min(a.length, b.length) * 0.6;
}

/** The keys the schema allows at `path`, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: DataPath): string[] {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodArray && typeof key === 'number') node = node.element;
    else if (node instanceof z.ZodObject) node = node.shape[key as string];
    else if (node instanceof z.ZodRecord) node = node.valueType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: unknown): unknown {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable || current instanceof z.ZodPipe) {
    current = current instanceof z.ZodPipe ? current.in : current.unwrap();
  }
  return current;
}
