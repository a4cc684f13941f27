// Writes the JSON Schemas of promise.yaml, kpis.yaml, connections.yaml and site.yaml to schemas/, so editors with the YAML
// language server autocomplete and validate them, and those of the two pledge.json files a build writes, for the
// tools that read them. Run: npm run export-schemas (a test checks they are current).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { checkReportSchema } from '../src/core/schema/check-report.ts';
import { connectionsFileSchema } from '../src/core/schema/connections.ts';
import { kpisFileSchema } from '../src/core/schema/kpis.ts';
import { pledgeJsonSchema, publicPledgeSchema } from '../src/core/schema/pledge-json.ts';
import { promiseSchema } from '../src/core/schema/promise.ts';
import { isoDate } from '../src/core/schema/text.ts';
import { siteConfigSchema } from '../src/core/site/config.ts';

export const SCHEMA_FILES = {
  // Inputs: the side before defaults and transforms, as people write them.
  'promise.schema.json': { schema: promiseSchema, title: 'pledge promise.yaml', io: 'input' },
  'kpis.schema.json': { schema: kpisFileSchema, title: 'pledge kpis.yaml', io: 'input' },
  'connections.schema.json': { schema: connectionsFileSchema, title: 'pledge connections.yaml', io: 'input' },
  'site.schema.json': { schema: siteConfigSchema, title: 'pledge site.yaml', io: 'input' },
  // Outputs: what the build writes, defaults filled in.
  'pledge.schema.json': { schema: pledgeJsonSchema, title: 'pledge dist/pledge.json', io: 'output' },
  'pledge-public.schema.json': { schema: publicPledgeSchema, title: 'pledge dist/public/pledge.json', io: 'output' },
  'check.schema.json': { schema: checkReportSchema, title: 'pledge check --format json', io: 'output' },
} as const;

/** The JSON Schema text of one file. */
export function schemaText(name: keyof typeof SCHEMA_FILES): string {
  const { schema, title, io } = SCHEMA_FILES[name];
  const json = z.toJSONSchema(schema, {
    io, unrepresentable: 'any', target: 'draft-07',
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
