import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/pledge.mjs');
const fixture = path.join(repo, 'tests/fixtures/check-cli');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

/** A fresh copy of tests/fixtures/check-cli with `files` written over it (text or raw bytes). */
export function project(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir('pledge-input-');
  cpSync(fixture, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return dir;
}

export function fixtureText(file: string): string {
  return readFileSync(path.join(fixture, file), 'utf8');
}

/** Runs a node script the way npm would, in CI mode (no progress bars, no colours). */
export function runNode(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, CI: '1', PLEDGE_DEBUG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

export function pledge(cwd: string, ...args: string[]): Promise<Run> {
  return runNode(cwd, [bin, ...args]);
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
