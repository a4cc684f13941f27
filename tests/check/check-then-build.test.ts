import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';
import { runCli } from '../wizard/cli.ts';
import { FIXED_EPOCH, removeDir, REPO } from '../site/helpers.ts';

/**
 * `pledge check` validates everything `pledge build` does: a check that passes means a build that
 * succeeds. Every project in the repository that checks clean (exit 0) is built here.
 */
const SLOW = 600_000;
const made: string[] = [];
afterAll(async () => { await Promise.all(made.map(removeDir)); });

/** A copy of a project's content/ in a temporary folder, so the build never writes into the repository. */
async function copyOf(project: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pledge-check-build-'));
  made.push(root);
  await cp(path.join(project, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

async function projects(): Promise<string[]> {
  const under = async (folder: string) => (await readdir(path.join(REPO, folder), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory()).map((entry) => path.join(REPO, folder, entry.name));
  const all = [REPO, ...await under('tests/fixtures'), ...await under('examples')];
  const withContent = await Promise.all(all.map(async (dir) => (await readdir(path.join(dir, 'content')).then(() => dir, () => undefined))));
  return withContent.filter((dir): dir is string => dir !== undefined);
}

describe('check validates what build validates', () => {
  it('a report that embeds a KPI kpis.yaml no longer has fails check (exit 2, located), as it fails build', async () => {
    const root = await copyOf(REPO);
    const kpis = path.join(root, 'content', 'kpis.yaml');
    const text = await readFile(kpis, 'utf8');
    // nps is embedded by the monthly report but measured by no commitment: removing it leaves the promise valid.
    const start = text.indexOf('  - id: nps\n');
    const end = text.indexOf('\n  - id: ', start + 1);
    expect(start).toBeGreaterThan(0);
    await writeFile(kpis, text.slice(0, start) + text.slice(end + 1));
    const reports = await readdir(path.join(root, 'content', 'reports'));
    const embedding = [];
    for (const name of reports) if ((await readFile(path.join(root, 'content', 'reports', name), 'utf8')).includes(':kpi[nps]')) embedding.push(name);
    expect(embedding.length).toBeGreaterThan(0);

    const check = await runCli(['check'], root);
    expect(check.code).toBe(2);
    expect(check.err).toMatch(/^content\/reports\/[\w-]+\.md:\d+:\d+ {2}The report embeds KPI "nps", which kpis\.yaml does not define\. Use one of: [a-z_, ]+\.\n$/);
    const build = await runCli(['build'], root);
    expect(build.code).toBe(2);
    expect(build.err).toBe(check.err);
  }, SLOW);

  it('every project in the repository builds as its check says: exit 0 builds, exit 1 builds unless an error other than a broken promise, exit 2 fails alike', async () => {
    const checked: Array<[string, number]> = [];
    for (const project of await projects()) {
      const name = path.relative(REPO, project) || '.';
      const root = await copyOf(project);
      const check = await runCli(['check', '--format', 'json'], root);
      checked.push([name, check.code]);
      if (check.code === 2) {
        // Bad input: the build stops on the same located errors, before writing anything.
        await expect(buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } }), name).rejects.toThrow();
        await expect(readdir(path.join(root, 'dist')), name).rejects.toThrow();
        continue;
      }
      const { findings } = JSON.parse(check.out) as { findings: Array<{ rule: string; severity: string }> };
      // A broken promise is published honestly; any other error blocks the build, as check's exit 1 warned.
      const blocking = findings.filter((finding) => finding.severity === 'error' && finding.rule !== 'promise-broken');
      expect([name, check.code], `${name}: exit 0 means no error at all`).toEqual([name, findings.some((f) => f.severity === 'error') ? 1 : 0]);
      const result = await buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } });
      expect([name, result.status]).toEqual([name, blocking.length ? 'blocked' : 'built']);
      if (result.status === 'built') await expect(readFile(path.join(root, 'dist', 'public', 'index.html'), 'utf8')).resolves.toContain('<html');
    }
    // The example and both translated examples build; fixtures with unreadable data and with bad input are among the rest.
    expect(checked.filter(([, code]) => code === 0).map(([name]) => name)).toEqual(expect.arrayContaining(['.', 'examples/pt', 'examples/zh']));
    expect(new Set(checked.map(([, code]) => code))).toEqual(new Set([0, 1, 2]));
  }, SLOW);
});
