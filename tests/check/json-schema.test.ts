import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaText, SCHEMA_FILES } from '../../scripts/export-schemas.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('JSON Schema export', () => {
  it.each(Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>)('schemas/%s is up to date (run npx tsx scripts/export-schemas.ts)', (name) => {
    expect(readFileSync(path.join(root, 'schemas', name), 'utf8')).toBe(schemaText(name));
  });

  it('lists the keys of promise.yaml and rejects unknown ones, so editors can autocomplete', () => {
    const schema = JSON.parse(schemaText('promise.schema.json')) as { properties: Record<string, unknown>; additionalProperties: boolean; required: string[] };
    expect(Object.keys(schema.properties)).toContain('commitments');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['company', 'language', 'audience', 'values', 'promise_types', 'benefit', 'commitments']);
  });

  it.each([['content/promise.yaml', 'promise'], ['content/kpis.yaml', 'kpis']])('%s points the YAML language server at its schema', (file, kind) => {
    const firstLine = readFileSync(path.join(root, file), 'utf8').split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=../schemas/${kind}.schema.json`);
    expect(parse(readFileSync(path.join(root, file), 'utf8'))).toBeTypeOf('object');
  });
});
