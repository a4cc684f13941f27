import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'check-cli');

/** Text that stands for a secret outside the project: no output may ever contain it. */
export const SECRET = 'root:x:0:0:pledge-secret-5f1c';

export interface Sandbox {
  /** A copy of the small check-cli project (content/ only). */
  root: string;
  /** A folder beside it, outside the project, holding files an attacker would like to read. */
  outside: string;
  remove(): Promise<void>;
}

/** A throwaway project and an outside folder whose every file starts with SECRET. */
export async function sandbox(): Promise<Sandbox> {
  const base = await mkdtemp(path.join(tmpdir(), 'pledge-security-'));
  const root = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  await cp(FIXTURE, root, { recursive: true });
  await mkdir(path.join(outside, 'data'), { recursive: true });
  await mkdir(path.join(outside, 'en', 'intro'), { recursive: true });
  const secretFiles = ['secret.csv', 'secret.yaml', 'secret.md', 'data/orders.csv', 'data/tickets.csv', 'en/statement.hbs', 'en/intro/delivery.hbs'];
  await Promise.all(secretFiles.map((file) => writeFile(path.join(outside, file), `${SECRET}\nsecond line\n`)));
  return { root, outside, remove: () => rm(base, { recursive: true, force: true }) };
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the real CLI entry point in this process (as bin/pledge.mjs does), from `cwd`. */
export async function pledge(cwd: string, ...argv: string[]): Promise<Run> {
  const run = { out: '', err: '' };
  const code = await main(argv, {
    out: (text) => { run.out += text; },
    err: (text) => { run.err += text; },
    interactive: false,
    cwd,
    env: { ...process.env, CI: '1', PLEDGE_DEBUG: '' },
  });
  return { code, ...run };
}
