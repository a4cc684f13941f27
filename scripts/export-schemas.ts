// Writes the JSON Schemas of promise.yaml and kpis.yaml to schemas/, so editors with the YAML language
// server autocomplete and validate them. Run: npx tsx scripts/export-schemas.ts (a test checks they are current).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { kpisFileSchema } from '../src/core/schema/kpis.ts';
import { promiseSchema } from '../src/core/schema/promise.ts';
import { isoDate } from '../src/core/schema/text.ts';

export const SCHEMA_FILES = {
  'promise.schema.json': { schema: promiseSchema, title: 'pledge promise.yaml' },
  'kpis.schema.json': { schema: kpisFileSchema, title: 'pledge kpis.yaml' },
} as const;

/** The JSON Schema text of one file: the input side (before defaults and transforms), as people write it. */
export function schemaText(name: keyof typeof SCHEMA_FILES): string {
  const { schema, title } = SCHEMA_FILES[name];
  const json = z.toJSONSchema(schema, {
    io: 'input', unrepresentable: 'any', target: 'draft-07',
    // YAML turns an unquoted 2026-12-31 into a date; to an editor it is a date string.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema !== isoDate) return;
      for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
      Object.assign(jsonSchema, { type: 'string', format: 'date' });
    },
  });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}

export async function exportSchemas(dir: string): Promise<string[]> {
  const names = Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>;
  await Promise.all(names.map((name) => writeFile(path.join(dir, name), schemaText(name))));
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(import.meta.dirname, '../schemas');
  const written = await exportSchemas(dir);
  console.log(`Wrote ${written.map((name) => `schemas/${name}`).join(', ')}`);
}
