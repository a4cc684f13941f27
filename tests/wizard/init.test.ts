import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffoldProject } from '../../src/adapters/scaffold.ts';
import { loadSiteConfig } from '../../src/adapters/site-config.ts';
import { runCli } from './cli.ts';
import { removeDir, REPO } from './tty.ts';

const made: string[] = [];
async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pledge-init-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map(removeDir));
});

/** The example's files in a folder of content/, as init lists them. */
async function exampleFiles(folder: string): Promise<string[]> {
  const names = await readdir(path.join(REPO, 'content', folder)).catch(() => []);
  return names.filter((name) => !name.startsWith('.')).sort().map((name) => `content/${folder}/${name}`);
}

interface GithubStep { run?: string; uses?: string; with?: Record<string, string> }
interface GithubWorkflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; needs?: string; steps: GithubStep[] }>;
}
interface GitlabJob { script?: string[]; pages?: unknown; artifacts?: { reports?: unknown } }

/** What init writes besides content/, in order. */
const PROJECT_FILES = ['package.json', 'README.md', '.gitignore', '.github/workflows/pledge.yml', '.gitlab-ci.yml'];

describe('pledge init', () => {
  it('scaffolds a project with the example content into a new folder', async () => {
    const parent = await tmp();
    const { code, out, err } = await runCli(['init', 'My Shop'], parent);
    expect([code, err]).toEqual([0, '']);
    const dir = path.join(parent, 'My Shop');
    const expected = [...PROJECT_FILES, 'content/promise.yaml', 'content/connections.yaml', 'content/kpis.yaml', 'content/site.yaml',
      ...await exampleFiles('reports'), ...await exampleFiles('data')];
    expect(out).toBe(`${expected.map((file) => `  created  ${file}\n`).join('')}\nYour pledge project is ready in My Shop. Next:\n  cd "My Shop"\n  npx pledge draft --new    # write your own promise (the example is then kept as content/promise.yaml.bak)\n  npx pledge check          # check it\n`);
    // The same files, but for the editor's schema comment, which points into the installed package.
    for (const [name, schema] of [['promise.yaml', 'promise'], ['kpis.yaml', 'kpis']] as const) {
      const original = await readFile(path.join(REPO, 'content', name), 'utf8');
      const copied = await readFile(path.join(dir, 'content', name), 'utf8');
      expect(copied.split('\n')[0]).toBe(`# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/${schema}.schema.json`);
      expect(copied.split('\n').slice(1)).toEqual(original.split('\n').slice(1));
      await expect(readFile(path.join(REPO, 'schemas', `${schema}.schema.json`), 'utf8')).resolves.toContain('"$schema"');
    }
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.name).toBe('my-shop');
    // A registry dependency, wherever pledge ran from: the project builds wherever it is copied.
    expect(pkg.devDependencies).toEqual({ 'pledge-kit': '^0.1.0' });
    expect(pkg.scripts).toMatchObject({ check: 'pledge check', build: 'pledge build', pdf: 'pledge build --pdf', dev: 'pledge dev' });
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/\ndist\/\n\.astro\/\n\.cache\/\n/m);
    // The figure cache (docs/kpis.md) is remade by any build and never committed.
    expect((await readFile(path.join(dir, '.gitignore'), 'utf8')).split('\n')).toContain('.pledge-cache/');
    // The CI files run only commands the project has.
    for (const ci of ['.github/workflows/pledge.yml', '.gitlab-ci.yml']) {
      const text = await readFile(path.join(dir, ci), 'utf8');
      expect(text).not.toContain('build:all');
      expect(text).toContain('npx pledge build --pdf');
    }
    expect(await readFile(path.join(dir, '.github/workflows/pledge.yml'), 'utf8')).toContain('npx pledge check --format github');
  });

  it('never overwrites: existing files are skipped, named, and left byte for byte', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content/promise.yaml'), 'company: mine\n');
    await writeFile(path.join(dir, 'README.md'), '# mine\n');
    const { code, out } = await runCli(['init'], dir);
    expect(code).toBe(0);
    expect(out).toContain('  skipped  README.md (it already exists; left as it was)\n');
    expect(out).toContain('  skipped  content/promise.yaml (it already exists; left as it was)\n');
    expect(out).toContain('  created  content/kpis.yaml\n');
    // The user's promise was kept, not replaced by the example: the next step edits it, and no example is promised as a backup.
    expect(out).toContain('\nYour pledge project is ready. Next:\n  npx pledge draft          # go through your promise, one question at a time\n');
    expect(out).not.toContain('example');
    expect(await readFile(path.join(dir, 'content/promise.yaml'), 'utf8')).toBe('company: mine\n');
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toBe('# mine\n');

    const again = await runCli(['init'], dir);
    expect(again.out).not.toContain('created');
    expect(again.out).toContain('\nNothing to do: every file already exists here.\n');
  });

  it('thins big sample data evenly, keeping the header', async () => {
    const source = await tmp();
    await mkdir(path.join(source, 'content/data'), { recursive: true });
    await writeFile(path.join(source, 'content/promise.yaml'), 'company: x\n');
    const rows = Array.from({ length: 10_000 }, (_, i) => `${String(i).padStart(6, '0')},2026-01-01T00:00:00Z,${'x'.repeat(40)}`);
    await writeFile(path.join(source, 'content/data/big.csv'), `id,at,note\n${rows.join('\n')}\n`);
    await writeFile(path.join(source, 'content/data/small.json'), '[1,2]');
    const target = await tmp();
    const result = await scaffoldProject(target, { source });
    expect(result.written).toEqual([...PROJECT_FILES, 'content/promise.yaml', 'content/connections.yaml', 'content/site.yaml', 'content/data/big.csv', 'content/data/small.json']);
    const lines = (await readFile(path.join(target, 'content/data/big.csv'), 'utf8')).trimEnd().split('\n');
    // 10 001 lines, every 4th kept (ceil(10001 / 3000) = 4): the header, then rows 4, 8, ... 10 000 → 1 + 2500.
    expect(lines).toHaveLength(2501);
    expect(lines[0]).toBe('id,at,note');
    expect(lines[1]?.slice(0, 6)).toBe('000003');
    expect(lines[2500]?.slice(0, 6)).toBe('009999');
    expect(await readFile(path.join(target, 'content/data/small.json'), 'utf8')).toBe('[1,2]');
  });

  it('takes one folder at most', async () => {
    const { code, err } = await runCli(['init', 'a', 'b'], await tmp());
    expect(code).toBe(2);
    expect(err).toBe('pledge: give one folder, not 2.\nUsage: pledge init [DIR] [--blank]\n');
  });

  it('--blank starts from a promise to fill in, with no example company, that checks and builds', async () => {
    const dir = await tmp();
    const { code, out } = await runCli(['init', '--blank'], dir);
    expect(code).toBe(0);
    // No example was written, so none is said to be kept.
    expect(out).toContain('\nYour pledge project is ready. Next:\n  npx pledge draft --new    # fill in your promise, one question at a time (or edit content/promise.yaml)\n');
    expect(out).not.toContain('example');
    expect(out.split('\n').filter((line) => line.includes('created')).map((line) => line.trim().slice('created  '.length)))
      .toEqual([...PROJECT_FILES, 'content/promise.yaml', 'content/connections.yaml', 'content/kpis.yaml', 'content/site.yaml', 'content/data/orders.csv']);
    const promise = await readFile(path.join(dir, 'content/promise.yaml'), 'utf8');
    expect(promise.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/promise.schema.json');
    expect(promise).toContain('company: Your Company');
    const everything = await Promise.all(['content/promise.yaml', 'content/kpis.yaml', 'content/data/orders.csv', 'README.md']
      .map((file) => readFile(path.join(dir, file), 'utf8')));
    expect(everything.join('\n')).not.toMatch(/Kestrel/);
    // Valid, with warnings that say what is left to fill in (no data yet among them), so nothing is broken.
    const check = await runCli(['check'], dir);
    expect([check.code, check.err]).toEqual([0, '']);
    expect(check.out).toContain('Your Company');
    expect(check.out).toContain('0 errors, 4 warnings, 0 info');
    expect(check.out).toContain('unique-asset-missing');
    expect(check.out).toContain('no-data');
    const build = await runCli(['build'], dir);
    expect(build.code).toBe(0);
    expect(build.err).toContain('0 errors, 4 warnings, 0 info');
    expect(await readFile(path.join(dir, 'dist/public/index.html'), 'utf8')).toContain('Your Company');
  }, 120_000);

  it('writes CI files that parse and run only what the project has: its npm scripts, pledge commands and their options', async () => {
    const parent = await tmp();
    expect((await runCli(['init', 'shop'], parent)).code).toBe(0);
    const dir = path.join(parent, 'shop');
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const github = parse(await readFile(path.join(dir, '.github/workflows/pledge.yml'), 'utf8')) as GithubWorkflow;
    const gitlab = parse(await readFile(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob & { before_script?: string[] }>;

    // GitHub: check with annotations on pull requests; on main, the schedule and by hand: build, PDFs kept, Pages deployed.
    expect(Object.keys(github.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(github.on.push).toEqual({ branches: ['main'] });
    const { check, build, deploy } = github.jobs;
    expect(check?.if).toBe("github.event_name == 'pull_request'");
    expect(check?.steps.map((step) => step.run)).toContain('npx pledge check --format github');
    expect(build?.if).toBe("github.event_name != 'pull_request'");
    expect(build?.steps.find((step) => step.uses === 'actions/upload-artifact@v4')?.with).toMatchObject({ path: 'dist/reports/*.pdf' });
    expect(build?.steps.find((step) => step.uses === 'actions/upload-pages-artifact@v3')?.with).toEqual({ path: 'dist/public' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.steps.map((step) => step.uses)).toEqual(['actions/deploy-pages@v4']);
    // GitLab: Pages from dist/public, and the check as a Code Quality report on merge requests.
    expect(gitlab.pages?.pages).toEqual({ publish: 'dist/public' });
    expect(gitlab.check?.script).toContain('npx pledge check --format gitlab > gl-code-quality-report.json || true');
    expect(gitlab.check?.artifacts?.reports).toEqual({ codequality: 'gl-code-quality-report.json' });

    const commands = [
      ...Object.values(github.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ?? '').split('\n'))),
      ...Object.values(gitlab).flatMap((job) => [...(job.before_script ?? []), ...(job.script ?? [])]),
    ].map((line) => line.trim()).filter(Boolean);
    const pledgeCalls = commands.flatMap((line) => [...line.matchAll(/npx pledge (\w+)((?: --?[\w-]+(?: (?!-)[\w]+)?)*)/g)]);
    expect(pledgeCalls.map((call) => call[1]).sort()).toEqual(['build', 'build', 'check', 'check', 'check']);
    for (const [, name, options] of pledgeCalls) {
      // Each option, and each value of --format, is one the command's own usage line lists.
      const help = await runCli([name ?? '', '--help'], dir);
      expect([name, help.code]).toEqual([name, 0]);
      for (const [, flag, value] of (options ?? '').matchAll(/(--[\w-]+)(?: (\w+))?/g)) {
        expect(help.out).toContain(flag);
        if (flag === '--format') expect(help.out).toMatch(new RegExp(`--format [\\w|]*\\b${value}\\b`));
      }
    }
    // npm: only install commands and the project's own scripts.
    for (const line of commands.filter((command) => /^npm /.test(command))) {
      const [, verb, script] = /^npm (\w+)(?: (\w+))?/.exec(line) ?? [];
      if (verb === 'run') expect(Object.keys(pkg.scripts)).toContain(script);
      else expect(['ci', 'install']).toContain(verb);
    }
  });

  it('writes a site.yaml that is valid as it is and with every field uncommented, and no astro.config.mjs it would ignore', async () => {
    const dir = await tmp();
    expect((await runCli(['init'], dir)).code).toBe(0);
    const text = await readFile(path.join(dir, 'content/site.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/site.schema.json');
    expect((await loadSiteConfig(dir, dir)).config).toEqual({ public: { show_at_risk: false } });
    // `# key: value` lines are the fields; `#   # ...` lines inside brand stay comments.
    const uncommented = text.replace(/^# (?=(?:url|description|brand):)/gm, '').replace(/^# {3}(?=(?:color|logo|favicon):)/gm, '  ');
    for (const key of ['url:', 'description:', 'brand:', '  color:', '  logo:', '  favicon:', '  show_at_risk:']) expect(uncommented).toMatch(new RegExp(`^${key}`, 'm'));
    await writeFile(path.join(dir, 'content/site.yaml'), uncommented);
    await mkdir(path.join(dir, 'content/brand'));
    await writeFile(path.join(dir, 'content/brand/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
    await writeFile(path.join(dir, 'content/brand/favicon.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const { config, images } = await loadSiteConfig(dir, dir);
    expect(config).toEqual({
      url: 'https://example.com/promise/',
      description: 'We deliver your groceries on the day you choose, or the delivery is free.',
      brand: { color: '#1f5f8b', logo: 'brand/logo.svg', favicon: 'brand/favicon.png' },
      public: { show_at_risk: false },
    });
    expect(Object.keys(images)).toEqual(['logo', 'favicon']);
    await expect(readFile(path.join(dir, 'astro.config.mjs'))).rejects.toThrow(/ENOENT/);
  });
});
