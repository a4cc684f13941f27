import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSites, type SiteServer } from '../../src/adapters/site/serve.ts';
import { removeDir } from './helpers.ts';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(origin: string, requestPath: string): Promise<{ status: number; body: string; type: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path: requestPath }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type']) }));
    }).on('error', reject);
  });
}

describe('the static server for built sites', () => {
  let dir: string;
  let server: SiteServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pledge-serve-'));
    await mkdir(path.join(dir, 'public'), { recursive: true });
    await mkdir(path.join(dir, 'internal', 'kpi'), { recursive: true });
    await writeFile(path.join(dir, 'public', 'index.html'), 'public page');
    await writeFile(path.join(dir, 'internal', 'index.html'), 'internal overview');
    await writeFile(path.join(dir, 'internal', 'kpi', 'csat.html'), 'csat page');
    await writeFile(path.join(dir, 'secret.txt'), 'outside both sites');
    server = await serveSites({ '/internal/': path.join(dir, 'internal'), '/': path.join(dir, 'public') });
  });
  afterAll(async () => {
    await server.close();
    await removeDir(dir);
  });

  it.each([
    ['/', 200, 'public page'], ['/index.html', 200, 'public page'], ['/internal/', 200, 'internal overview'],
    ['/internal', 200, 'internal overview'], ['/internal/kpi/csat.html', 200, 'csat page'], ['/internal/kpi/csat', 200, 'csat page'],
    ['/nope.html', 404, 'Not found\n'],
  ])('GET %s answers %i', async (requestPath, status, body) => {
    const response = await rawGet(server.origin, requestPath);
    expect([response.status, response.body]).toEqual([status, body]);
  });

  it('serves HTML as UTF-8 HTML', async () => {
    expect((await rawGet(server.origin, '/')).type).toBe('text/html; charset=utf-8');
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/internal/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt'])('never serves a file outside the site: %s', async (requestPath) => {
    const response = await rawGet(server.origin, requestPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside both sites');
  });
});
