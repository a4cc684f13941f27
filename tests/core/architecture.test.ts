import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.resolve(import.meta.dirname, '../../src/core');
const NODE_BUILTINS = /from\s+['"](node:[^'"]+|fs|path|os|child_process|http|https|net|process|stream|url|puppeteer-core|astro)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the pure core', () => {
  it('imports no node built-ins, browser or site builder, so it stays testable on plain data', () => {
    const offenders = sourceFiles(CORE)
      .filter((file) => NODE_BUILTINS.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(CORE, file));
    expect(offenders).toEqual([]);
  });

  it('never touches the process or the console', () => {
    const offenders = sourceFiles(CORE)
      .filter((file) => /\bprocess\.|\bconsole\.|\brequire\(/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(CORE, file));
    expect(offenders).toEqual([]);
  });
});
