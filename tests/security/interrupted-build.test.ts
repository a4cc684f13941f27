import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';

/**
 * `pledge build --pdf` stopped half-way, for real: a separate pledge process, killed with a signal
 * while its Chromium is printing. dist/ must be what it was, byte for byte, and nothing of that run
 * (browser, site builder, temporary folder) may be left.
 */
const PLEDGE = path.resolve('bin/pledge.mjs');
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'pledge-interrupted-'));
  await cp(path.resolve('content'), path.join(root, 'content'), { recursive: true });
  await writePreviousDist(root);
});

afterEach(() => rm(root, { recursive: true, force: true }));

/** A dist/ from an earlier build, recognisable byte for byte. */
async function writePreviousDist(project: string): Promise<void> {
  const dist = path.join(project, 'dist');
  await mkdir(path.join(dist, 'public'), { recursive: true });
  await mkdir(path.join(dist, 'internal'), { recursive: true });
  await mkdir(path.join(dist, 'reports'), { recursive: true });
  await writeFile(path.join(dist, 'public', 'index.html'), '<p>the previous public page</p>');
  await writeFile(path.join(dist, 'internal', 'index.html'), '<p>the previous internal site</p>');
  await writeFile(path.join(dist, 'pledge.json'), '{"previous":true}\n');
  for (const name of ['overview', 'public', '2026-10-monthly', '2026-02-carrier-strike']) {
    await writeFile(path.join(dist, 'reports', `${name}.pdf`), `%PDF-1.4 previous ${name}\n`);
  }
}

/** One hash over every path and every byte under dir. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\0`).update(await readFile(file)).update('\0');
  return `${files.length} files ${hash.digest('hex')}`;
}

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
  cmdline: string;
  cwd: string;
}

/** Every process on the machine, from /proc. */
async function processes(): Promise<Proc[]> {
  const found: Proc[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses.
    const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!stat) continue;
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replace(/\0/g, ' ');
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    found.push({ pid: Number(pid), ppid: Number(ppid), pgrp: Number(pgrp), cmdline, cwd });
  }
  return found;
}

/** The processes started, directly or not, by `root`. */
function descendants(all: Proc[], root: number): Proc[] {
  const found: Proc[] = [];
  let parents = new Set([root]);
  while (parents.size) {
    const children = all.filter((proc) => parents.has(proc.ppid));
    found.push(...children);
    parents = new Set(children.map((proc) => proc.pid));
  }
  return found;
}

/** Still alive: a process seen, one in a process group seen, or one whose command line or folder is in the project. */
async function leftovers(seen: Proc[], project: string): Promise<string[]> {
  const pids = new Set(seen.map((proc) => proc.pid));
  const groups = new Set(seen.map((proc) => proc.pgrp));
  return (await processes())
    .filter((proc) => pids.has(proc.pid) || groups.has(proc.pgrp) || proc.cmdline.includes(project) || proc.cwd.startsWith(`${project}/`))
    .map((proc) => `${proc.pid} ${proc.cmdline.slice(0, 160)}`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function pledge(args: string[], env: NodeJS.ProcessEnv, onStart?: (pid: number) => void): Promise<Run> {
  // Its own process group, as a shell gives every command: otherwise pledge's group is the test
  // runner's, and "a process in a group seen" would count the runner itself as left over.
  const child = spawn(process.execPath, [PLEDGE, ...args], { cwd: root, detached: true, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  if (child.pid) onStart?.(child.pid);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe('pledge build --pdf, killed while printing', () => {
  for (const [signal, exitCode] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal}: dist/ stays byte for byte the previous one; no Chromium, site builder or temporary folder is left`, async () => {
      const before = await treeHash(path.join(root, 'dist'));
      let seen: Proc[] = [];
      const run = await pledge(['build', '--pdf'], { SOURCE_DATE_EPOCH: '1793491200', PUPPETEER_EXECUTABLE_PATH: CHROMIUM }, (pid) => {
        // The PDF step is the only one with a browser: wait until it prints (a renderer is up).
        void until('Chromium of this run to print', async () => {
          const started = descendants(await processes(), pid);
          return started.some((proc) => proc.cmdline.includes('--type=renderer')) ? started : undefined;
        }, 200_000).then((started) => {
          seen = started;
          process.kill(pid, signal);
        });
      });
      expect(seen.filter((proc) => proc.cmdline.includes('chromium')).length).toBeGreaterThan(2);
      expect([run.code, run.signal, run.stdout]).toEqual([exitCode, null, '']);
      // SIGKILL is delivered at once, but a process is reaped a moment later.
      await until('the run\'s processes to end', async () => ((await leftovers(seen, root)).length === 0 ? true : undefined), 5_000)
        .catch(async () => expect(await leftovers(seen, root)).toEqual([]));
      expect(await treeHash(path.join(root, 'dist'))).toBe(before);
      // The figure cache may stay (the KPIs were computed before the kill): it is exact, not a temporary folder.
      expect((await readdir(root)).filter((name) => name !== '.pledge-cache').sort()).toEqual(['content', 'dist']);
      // Its profile was in the build's temporary folder, so it went with it.
      expect(seen.map((proc) => proc.cmdline).join('\n')).toContain(`--user-data-dir=${root}/.pledge-tmp-build-`);
    }, 240_000);
  }
});

describe('pledge build --pdf without a browser', () => {
  it('exits 2 with one line naming the variable, before building anything; dist/ is untouched', async () => {
    const before = await treeHash(path.join(root, 'dist'));
    const run = await pledge(['build', '--pdf'], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent' });
    expect(run).toEqual({
      code: 2, signal: null, stdout: '',
      stderr: 'PUPPETEER_EXECUTABLE_PATH:1:1  No browser at /nonexistent. Point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, or unset it to use the system one.\n',
    });
    expect(await treeHash(path.join(root, 'dist'))).toBe(before);
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
  }, 60_000);
});

describe('temporary folders of builds killed outright (SIGKILL)', () => {
  it('are removed by the next build; one whose process still runs is kept', async () => {
    // PID 999999999 is above Linux's highest possible PID (2^22), so that process cannot exist.
    const abandoned = path.join(root, '.pledge-tmp-build-999999999-abc123');
    const running = path.join(root, `.pledge-tmp-build-${process.ppid}-def456`);
    for (const dir of [abandoned, running]) {
      await mkdir(path.join(dir, 'dist', 'public'), { recursive: true });
      await writeFile(path.join(dir, 'dist', 'public', 'index.html'), 'half a build');
    }
    const result = await buildProject({ root, env: { SOURCE_DATE_EPOCH: '1793491200' } });
    expect(result.status).toBe('built');
    expect((await readdir(root)).sort()).toEqual(['.pledge-tmp-build-' + String(process.ppid) + '-def456', 'content', 'dist']);
  }, 240_000);
});
