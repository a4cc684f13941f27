import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileForUrl, serveStatic, type StaticServer } from '../../src/adapters/pdf/serve.ts';

describe('static server for printing', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pledge-serve-'));
    await mkdir(path.join(root, 'reports', 'march'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<h1>home</h1>');
    await writeFile(path.join(root, 'reports', 'march', 'index.html'), '<h1>march</h1>');
    await writeFile(path.join(root, 'style.css'), 'h1{}');
    await writeFile(path.join(os.tmpdir(), 'pledge-serve-secret.txt'), 'secret');
    server = await serveStatic(root);
  });

  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves pages, folders and assets with their types', async () => {
    const home = await fetch(`${server.origin}/`);
    expect([home.status, home.headers.get('content-type'), await home.text()]).toEqual([200, 'text/html; charset=utf-8', '<h1>home</h1>']);
    expect(await (await fetch(`${server.origin}/reports/march`)).text()).toBe('<h1>march</h1>');
    expect((await fetch(`${server.origin}/style.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${server.origin}/missing.html`)).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    expect(fileForUrl('/site', '/../etc/passwd')).toBe('/site/etc/passwd');
    expect(fileForUrl('/site', '/%2e%2e/secret.txt')).toBe('/site/secret.txt');
    // An encoded slash survives URL normalisation and only becomes `../` once decoded.
    expect(fileForUrl('/site', '/..%2fsecret.txt')).toBeUndefined();
    expect((await fetch(`${server.origin}/..%2fpledge-serve-secret.txt`)).status).toBe(404);
  });
});
