import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'bin/pledge.mjs');
/** The small check-cli project (content/ only) every test here starts from. */
const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'check-cli');

/** Text that stands for a secret outside the project: no output may ever contain it. */
export const SECRET = 'root:x:0:0:pledge-secret-5f1c';

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

/** A fresh copy of the fixture with `files` written over it (text or raw bytes). */
export function project(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir('pledge-input-');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return dir;
}

export function fixtureText(file: string): string {
  return readFileSync(path.join(FIXTURE, file), 'utf8');
}

export interface Sandbox {
  /** A copy of the fixture. */
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

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a node script the way npm would, in CI mode (no progress bars, no colours). */
export function runNode(cwd: string, args: string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, CI: '1', PLEDGE_DEBUG: '' } }, (error, stdout, stderr) => {
      // A child killed by a signal has no exit code: -1, so that no test expecting 0 passes on a crash.
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** bin/pledge.mjs in a process of its own: what a user's shell sees (exit code, bytes on stdout and stderr). */
export function pledgeProcess(cwd: string, ...args: string[]): Promise<ProcessRun> {
  return runNode(cwd, [BIN, ...args]);
}

/** Every file with its size and modification time, to show a command wrote nothing. */
export function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const info = statSync(file);
      return `${path.relative(dir, file)} ${info.size} ${info.mtimeMs}`;
    })
    .sort();
}

/** UTF-16 bytes of a text, little- or big-endian, with or without the byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}
