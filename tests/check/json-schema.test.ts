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

  it('lists the keys of site.yaml, checks them as pledge does, and rejects unknown ones', () => {
    const schema = JSON.parse(schemaText('site.schema.json')) as { title: string; properties: Record<string, { properties?: Record<string, unknown> }>; additionalProperties: boolean };
    expect(schema.title).toBe('pledge site.yaml');
    expect(Object.keys(schema.properties).sort()).toEqual(['brand', 'description', 'public', 'url']);
    expect(Object.keys(schema.properties.brand?.properties ?? {}).sort()).toEqual(['color', 'favicon', 'logo']);
    // The colour is read by a transform that takes anything: the editor still gets its form.
    const color = new RegExp((schema.properties.brand?.properties?.color as { pattern: string }).pattern);
    expect(['#1f5f8b', '#abc', '#ABCDEF'].every((c) => color.test(c))).toBe(true);
    expect(['1f5f8b', '#abcd', 'blue'].some((c) => color.test(c))).toBe(false);
    // The address and the description carry the limits pledge check applies, so an editor flags them first.
    const url = new RegExp((schema.properties.url as { pattern: string }).pattern);
    expect(['https://example.com/promise/', 'https://shop.example.co.uk', ' https://example.com/a/b '].every((u) => url.test(u))).toBe(true);
    expect(['http://example.com/', 'https://localhost/', 'https://example.com/?q=1', 'https://example.com/#top', 'https://user@example.com/', 'https://example.com./', 'ftp://example.com/']
      .some((u) => url.test(u))).toBe(false);
    expect((schema.properties.description as { maxLength: number }).maxLength).toBe(160);
    expect(schema.additionalProperties).toBe(false);
  });

  it.each([['content/promise.yaml', 'promise'], ['content/kpis.yaml', 'kpis'], ['project-template/site.yaml', 'site']])('%s points the YAML language server at its schema', (file, kind) => {
    const firstLine = readFileSync(path.join(root, file), 'utf8').split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=../schemas/${kind}.schema.json`);
    expect(parse(readFileSync(path.join(root, file), 'utf8'))).toBeTypeOf('object');
  });
});
