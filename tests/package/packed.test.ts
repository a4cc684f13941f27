import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { serveSites, type SiteServer } from '../../src/adapters/site/serve.ts';
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
  // A repair shop, end to end: a new user's own business on a blank project.
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.concurrent('init --blank, its own data, the promise from draft, check, build: the public page shows the shop\'s figures only', async () => {
    const init = await pledge(tool, ['init', 'spoke-and-chain', '--blank']);
    expect([init.code, init.err]).toEqual([0, '']);
    const shop = path.join(tool, 'spoke-and-chain');
    // The project's own node_modules (as `npm install` in it would make; linked, since the example project
    // shares the installed package at the same time): the schemas its files name resolve there.
    await symlink(path.join(tool, 'node_modules'), path.join(shop, 'node_modules'), 'dir');
    await rm(path.join(shop, 'content', 'data', 'orders.csv'));
    await writeFile(path.join(shop, 'content', 'data', 'repairs.csv'), `${REPAIRS}\n`);
    await writeFile(path.join(shop, 'content', 'kpis.yaml'), SHOP_KPIS);
    // The promise from the wizard's answers file, as a user would write it, with no schema comment.
    await writeFile(path.join(shop, 'answers.yaml'), SHOP_PROMISE.split('\n').slice(1).join('\n'));
    const drafted = await pledge(shop, ['draft', '--answers', 'answers.yaml']);
    expect(drafted.err).toMatch(/^Wrote content\/promise\.yaml \(the previous version is in content\/promise\.yaml\.bak\)\.\n/);
    expect(parse(await readFile(path.join(shop, 'content', 'promise.yaml'), 'utf8'))).toEqual(parse(SHOP_PROMISE));
    for (const name of ['promise', 'kpis', 'connections']) {
      const first = (await readFile(path.join(shop, 'content', `${name}.yaml`), 'utf8')).split('\n')[0] ?? '';
      const schema = /\$schema=(\S+)$/.exec(first)?.[1] ?? '';
      expect(schema).toBe(`../node_modules/pledge-kit/schemas/${name}.schema.json`);
      await expect(access(path.resolve(shop, 'content', schema))).resolves.toBeUndefined();
    }

    const check = await pledge(shop, ['check']);
    // October's 75 % is under the 90 % target: check says the promise is broken (exit 1), but the build publishes it honestly.
    expect(check.out).toContain('Spoke & Chain Cycles');
    expect(check.code).toBe(1);
    expect(check.out).toContain('Commitment "back-in-48-hours" was broken in 2026-10: back_in_time was 75%, against a promise of >= 90%.');
    const build = await pledge(shop, ['build'], { SOURCE_DATE_EPOCH: FIXED_EPOCH });
    expect(build.code).toBe(0);
    expect(build.err).toContain('promise-broken');

    server = await serveSites({ '/': path.join(shop, 'dist', 'public') });
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Spoke & Chain Cycles');
    expect(text).toContain('20 % off the repair');
    expect(text).toMatch(/\b75(\.0)?\s?%/);
    expect(text).toMatch(/\b90(\.0)?\s?%/);
    expect(text).not.toMatch(/Kestrel|Leeds|cookware/i);
    const everything = await readdir(path.join(shop, 'dist', 'public'), { recursive: true });
    for (const file of everything.filter((name) => /\.(html|json)$/.test(name))) {
      expect(await readFile(path.join(shop, 'dist', 'public', file), 'utf8')).not.toContain('Kestrel');
    }
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

/**
 * A bike repair shop's own promise and data, written over a blank project as a new user would:
 * "your bike back within 48 hours, or 20 % off the repair".
 * September: 10 repairs, 9 back by the promised time → 90 %. October: 8 repairs, 6 back in time → 75 %.
 * One November repair makes October a complete month.
 */
const REPAIRS = [
  'repair_id,dropped_at,promised_at,returned_at',
  ...['01', '03', '05', '08', '11', '14', '17', '20', '23'].map((day, k) =>
    `S${k},2026-09-${day}T09:00:00Z,2026-09-${String(Number(day) + 2).padStart(2, '0')}T09:00:00Z,2026-09-${String(Number(day) + 1).padStart(2, '0')}T17:00:00Z`),
  'S9,2026-09-25T09:00:00Z,2026-09-27T09:00:00Z,2026-09-28T12:00:00Z',
  ...['02', '06', '09', '13', '16', '21'].map((day, k) =>
    `O${k},2026-10-${day}T10:00:00Z,2026-10-${String(Number(day) + 2).padStart(2, '0')}T10:00:00Z,2026-10-${String(Number(day) + 2).padStart(2, '0')}T09:30:00Z`),
  'O6,2026-10-22T10:00:00Z,2026-10-24T10:00:00Z,2026-10-25T15:00:00Z',
  'O7,2026-10-26T10:00:00Z,2026-10-28T10:00:00Z,2026-10-30T11:00:00Z',
  'N0,2026-11-02T10:00:00Z,2026-11-04T10:00:00Z,2026-11-03T16:00:00Z',
].join('\n');

const SHOP_PROMISE = `# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/promise.schema.json
company: Spoke & Chain Cycles
language: en
audience:
  who: people who ride to work
  needs: their bike back quickly, fixed properly
values: [honesty, care]
unique_assets: [two mechanics who have raced for twenty years]
promise_types: [service]
benefit: you are never without your bike for long
commitments:
  - id: back-in-48-hours
    kpi: back_in_time
    text: your bike back within 48 hours
    target: { comparison: ">=", value: 90, unit: "%" }
    period: month
    remedy: 20 % off the repair
call_to_action:
  text: Book a repair
  url: https://spoke-and-chain.example/book
feedback:
  channel: Tell us at workshop@spoke-and-chain.example
  url: mailto:workshop@spoke-and-chain.example
`;

const SHOP_KPIS = `# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/kpis.schema.json
kpis:
  - id: back_in_time
    name: Bikes back within 48 hours
    formula: on_time_rate
    source: data/repairs.csv
    columns: { done: returned_at, promised: promised_at }
    timestamp: promised_at
    period: month
    min_sample: 5
    visibility: public
    unit: "%"
    better: higher
    method: Of the repairs promised in the month, the share returned by the promised time (48 hours after drop-off).
`;
