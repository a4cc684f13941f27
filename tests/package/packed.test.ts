import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bikeShopFlow, checkBuildAndView, type Run } from '../cli/bike-shop.ts';
import { FIXED_EPOCH, REPO } from '../site/helpers.ts';

/**
 * pledge as a new user gets it: `npm pack`, the tarball installed into an empty folder far from any
 * checkout (its dependencies from the registry), then `npx pledge` there. One pack and one install,
 * shared by every test in this file: they take a minute or two on their own. The two projects are
 * separate folders, so their tests run at the same time.
 */
const run = promisify(execFile);
const SLOW = 900_000;
const COMMAND_TIMEOUT = 300_000;

let work: string;
let tool: string;
let tarball: string;

/** `npx pledge ...` in `cwd`, with the environment of a user's shell (not the test runner's tsx). */
async function pledge(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', 'pledge', ...args], { cwd, env: userEnv(env), timeout: COMMAND_TIMEOUT });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

function userEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _options, VITEST: _vitest, ...rest } = process.env;
  return { ...rest, CI: '1', ...extra };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'pledge-packed-'));
  const packed = await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: REPO, env: userEnv({}), timeout: COMMAND_TIMEOUT });
  tarball = path.join(work, packed.stdout.trim().split('\n').pop() ?? '');
  // The "tool" folder: nothing but the installed package, nowhere near the checkout.
  tool = path.join(work, 'tool');
  await mkdir(tool);
  await writeFile(path.join(tool, 'package.json'), '{ "name": "tool", "private": true }\n');
  // --prefer-offline: npm's cache answers for the dependencies it already has, instead of asking the registry again.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: tool, env: userEnv({}), timeout: COMMAND_TIMEOUT });
}, SLOW);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships compiled JavaScript and no TypeScript loader: no .ts outside the Astro pages', async () => {
    const installed = path.join(tool, 'node_modules', 'pledge-kit');
    const files = (await readdir(installed, { recursive: true })).map((file) => file.split(path.sep).join('/'));
    // The bundle (scripts/build-lib.mjs): its entry, the worker thread's module, and the files read by path.
    expect(files).toContain('lib/main.js');
    expect(files).toContain('lib/core/check/messages/en.json');
    expect(files).toContain('lib/adapters/data/scan-worker.js');
    expect(files).toContain('src/site/public/pages/index.astro');
    expect(files.filter((file) => /\.ts$/.test(file) && !file.startsWith('src/site/') && !file.startsWith('node_modules/'))).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(Object.keys(manifest.dependencies)).not.toContain('esbuild');
  });

  it.concurrent('init makes the example project; check, build --pdf and dev run from the package', async () => {
    const init = await pledge(tool, ['init', 'kestrel']);
    expect([init.code, init.err]).toEqual([0, '']);
    const project = path.join(tool, 'kestrel');
    const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toEqual({ 'pledge-kit': '^0.1.0' });

    const check = await pledge(project, ['check']);
    expect(check.code).toBe(0);
    expect(check.out).toContain('Kestrel Kitchen');

    // Several threads on a small file too, so the compiled worker module runs.
    const build = await pledge(project, ['build', '--pdf'], { SOURCE_DATE_EPOCH: FIXED_EPOCH, PLEDGE_WORKERS: '2' });
    expect(build.code).toBe(0);
    // Warnings only (init leaves out the example's notes, so its broken February has none).
    expect(build.err).toMatch(/\n0 errors, \d+ warnings?, \d+ info\n$/);
    expect(build.out).toMatch(/^Built dist\/public, dist\/internal and dist\/pledge\.json in [\d.]+ s\.\nRendered \d+ PDFs into dist\/reports/);
    expect((await readdir(path.join(project, 'dist', 'reports'))).sort()).toEqual(['2026-02-carrier-strike.pdf', '2026-10-monthly.pdf', 'overview.pdf', 'public.pdf']);
    expect(await readFile(path.join(project, 'dist', 'public', 'index.html'), 'utf8')).toContain('Kestrel Kitchen');

    const served = await devServerFirstPage(project);
    expect(served).toContain('Kestrel Kitchen');
  }, SLOW);
  it.concurrent('a new user: a repair shop: init --blank, kpi add, draft --answers, kpi remove, check, build: the public page shows the shop\'s figures only', async () => {
    const packed: Run = (args, cwd, env) => pledge(cwd, args, env);
    const shop = await bikeShopFlow(packed, tool, async (project) => {
      // The project's own node_modules (as `npm install` in it would make; linked, since the example project
      // shares the installed package at the same time): the schemas its files name resolve there.
      await symlink(path.join(tool, 'node_modules'), path.join(project, 'node_modules'), 'dir');
      for (const name of ['promise', 'kpis', 'connections']) {
        const first = (await readFile(path.join(project, 'content', `${name}.yaml`), 'utf8')).split('\n')[0] ?? '';
        const schema = /\$schema=(\S+)$/.exec(first)?.[1] ?? '';
        expect(schema).toBe(`../node_modules/pledge-kit/schemas/${name}.schema.json`);
        await expect(access(path.resolve(project, 'content', schema))).resolves.toBeUndefined();
      }
    });
    await checkBuildAndView(packed, shop);
  }, SLOW);
});

/** Starts `pledge dev` on a free port, fetches its public page, and stops it (by its own pid). */
async function devServerFirstPage(project: string): Promise<string> {
  const child = spawn('npx', ['--no-install', 'pledge', 'dev', '--port', '0'], { cwd: project, env: userEnv({}), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Serving the public site at (http:\/\/\S+?)\//.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`pledge dev exited with ${code}: ${out}`)));
    });
    return await (await fetch(`${origin}/`)).text();
  } finally {
    // Its own process group (npx, node and the Astro worker): only what this test started.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

