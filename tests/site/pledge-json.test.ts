import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';
import { pledgeJsonSchema, publicPledgeSchema } from '../../src/core/schema/pledge-json.ts';
import { copyExample, FIXED_EPOCH, removeDir, REPO } from './helpers.ts';

/** A validator compiled from the JSON Schema file as shipped in schemas/, not from the zod schema. */
async function shippedValidator(name: string): Promise<ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(await readFile(path.join(REPO, 'schemas', name), 'utf8')) as object);
}

describe('the pledge.json files of a real build of the example', () => {
  let root: string;
  let full: unknown;
  let open: { commitments: Array<Record<string, unknown>> };

  beforeAll(async () => {
    root = await copyExample();
    const result = await buildProject({ root, env: { ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH } });
    expect(result.status).toBe('built');
    full = JSON.parse(await readFile(path.join(root, 'dist', 'pledge.json'), 'utf8'));
    open = JSON.parse(await readFile(path.join(root, 'dist', 'public', 'pledge.json'), 'utf8')) as typeof open;
  }, 240_000);
  afterAll(() => removeDir(root));

  it('dist/pledge.json validates against the zod schema and schemas/pledge.schema.json', async () => {
    expect(pledgeJsonSchema.safeParse(full).error).toBeUndefined();
    const validate = await shippedValidator('pledge.schema.json');
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
  });

  it('dist/public/pledge.json validates against the zod schema and schemas/pledge-public.schema.json', async () => {
    expect(publicPledgeSchema.safeParse(open).error).toBeUndefined();
    const validate = await shippedValidator('pledge-public.schema.json');
    expect(validate(open), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names each report with its period, which the PDF header prints', () => {
    const reports = pledgeJsonSchema.parse(full).reports;
    expect(reports.map((report) => [report.slug, report.period])).toEqual([['2026-02-carrier-strike', '2026-02'], ['2026-10-monthly', '2026-10']]);
  });

  it('the public schema refuses an internal field added to a commitment, in zod and in JSON Schema alike', async () => {
    const leaked = { ...open, commitments: open.commitments.map((c) => ({ ...c, internal_target: { comparison: '>=', value: 97 } })) };
    expect(publicPledgeSchema.safeParse(leaked).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['internal_target'], path: ['commitments', 0] });
    const validate = await shippedValidator('pledge-public.schema.json');
    expect(validate(leaked)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/commitments/0', keyword: 'additionalProperties', params: { additionalProperty: 'internal_target' } });
  });
});
