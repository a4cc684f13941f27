import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, editFile, removeDir, REPO } from './helpers.ts';

const SLOW = 240_000;

/** Resolves with the first stdout text matching `pattern`. */
function waitFor(child: ChildProcess, pattern: RegExp, from: { text: string }): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = from.text.match(pattern);
      if (match) { child.stdout?.off('data', check); resolve(match); }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`pledge dev exited with ${code}: ${from.text}`)));
    check();
  });
}

describe('pledge dev', () => {
  let root: string;
  let child: ChildProcess;
  const output = { text: '' };

  beforeAll(async () => { root = await copyExample(); });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await removeDir(root);
  });

  it('serves both sites and rebuilds when a file in content/ changes', async () => {
    child = spawn(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'dev', '--root', root, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PLEDGE_DEBUG: '1' } });
    child.stderr?.on('data', (chunk: Buffer) => { output.text += chunk.toString(); });
    child.stdout?.on('data', (chunk: Buffer) => { output.text += chunk.toString(); });
    const [, origin] = await waitFor(child, /public site at (http:\/\/127\.0\.0\.1:\d+)\//, output);
    expect(await (await fetch(`${origin}/`)).text()).toContain('Kestrel Kitchen');
    expect((await fetch(`${origin}/internal/`)).status).toBe(200);
    expect((await fetch(`${origin}/internal/kpi/csat.html`)).status).toBe(200);
    expect((await fetch(`${origin}/../package.json`)).status).toBe(404);
    await editFile(path.join(root, 'content', 'promise.yaml'), (text) => text.replace('company: Kestrel Kitchen', 'company: Kestrel Kitchenware'));
    await waitFor(child, /Rebuilt in [\d.]+ s\.\n[\s\S]*Rebuilt in/, output);
    expect(await (await fetch(`${origin}/`)).text()).toContain('Kestrel Kitchenware');
  }, SLOW);
});
