import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';
import { loadSiteConfig } from '../../src/adapters/site/steps.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { copyExample, FIXED_EPOCH, removeDir } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeDir)));

async function projectWithSiteYaml(text: string | null): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pledge-site-config-'));
  dirs.push(root);
  await mkdir(path.join(root, 'content'));
  if (text !== null) await writeFile(path.join(root, 'content', 'site.yaml'), text);
  return root;
}

async function errorsOf(text: string): Promise<string[] | undefined> {
  const root = await projectWithSiteYaml(text);
  const error = await loadSiteConfig(root, root).catch((caught: unknown) => caught);
  return inputErrorsOf(error)?.map(formatInputError);
}

describe('content/site.yaml', () => {
  it('is optional: without it at-risk is published as kept', async () => {
    expect(await loadSiteConfig(await projectWithSiteYaml(null))).toEqual({ public: { show_at_risk: false } });
    expect(await loadSiteConfig(await projectWithSiteYaml('public:\n  show_at_risk: true\n'))).toEqual({ public: { show_at_risk: true } });
  });

  it('names the file, line and column of an unknown key or a wrong type', async () => {
    expect(await errorsOf('# how the sites publish\npublic:\n  show_at_risks: true\n')).toEqual([
      'content/site.yaml:3:3  Unknown key "show_at_risks" in public. Did you mean "show_at_risk"?']);
    expect((await errorsOf('public:\n  show_at_risk: sometimes\n'))?.[0]).toMatch(/^content\/site\.yaml:2:17 {2}public\.show_at_risk: /);
  });
});

describe('pledge build with show_at_risk: true', () => {
  it('shows "At risk" on the public page and in its open data', async () => {
    const root = await copyExample();
    dirs.push(root);
    await writeFile(path.join(root, 'content', 'site.yaml'), 'public:\n  show_at_risk: true\n');
    expect((await buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } })).status).toBe('built');
    const subset = JSON.parse(await readFile(path.join(root, 'dist', 'public', 'pledge.json'), 'utf8')) as
      { commitments: Array<{ id: string; latest: { status: string } }> };
    // The example's latest on-time delivery (95.8%) meets the public 95% but not the internal 97%.
    expect(subset.commitments.map((c) => [c.id, c.latest.status])).toEqual([
      ['on-time-delivery', 'at-risk'], ['quick-replies', 'at-risk'], ['happy-cooks', 'kept']]);
    const page = await readFile(path.join(root, 'dist', 'public', 'index.html'), 'utf8');
    expect(page).toContain('At risk');
  }, 240_000);
});
