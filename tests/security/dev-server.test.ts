import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/adapters/pdf/serve.ts';
import { serveSites, type SiteServer } from '../../src/adapters/site/serve.ts';
import { REPO, sandbox, type Sandbox } from './helpers.ts';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw request: the target goes out exactly as written, and Host only when given (or by default). */
function send(origin: string, target: string, options: { headers?: OutgoingHttpHeaders; method?: string; setHost?: boolean } = {}): Promise<Answer> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: target, method: options.method ?? 'GET',
      headers: options.headers, setHost: options.setHost ?? true }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

const MALFORMED = ['/%E0%A4%A', '/%', '/%zz', '/%C0%AF', '/%ff', '/internal/%E0%A4%A', '/internal/%', '/%00', '/internal/%00.html'];
const INTERNAL = 'internal page: at-risk figures';

describe('the site server (pledge dev, tests) against hostile requests', () => {
  let dist: string;
  let server: SiteServer;
  let port: number;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'pledge-serve-'));
    await mkdir(path.join(dist, 'public'));
    await mkdir(path.join(dist, 'internal'));
    await writeFile(path.join(dist, 'public', 'index.html'), 'public page');
    await writeFile(path.join(dist, 'internal', 'index.html'), INTERNAL);
    server = await serveSites({ '/internal/': path.join(dist, 'internal'), '/': path.join(dist, 'public') });
    port = Number(new URL(server.origin).port);
  });
  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  it.each(MALFORMED)('GET %s is a 400, and the server keeps serving', async (target) => {
    const answer = await send(server.origin, target);
    expect([answer.status, answer.body]).toEqual([400, 'The address is not a valid URL path.\n']);
    expect((await send(server.origin, '/internal/')).body).toBe(INTERNAL);
  });

  const refusedHosts = (p: number) => ['evil.example', `evil.example:${p}`, `127.0.0.1.evil.example:${p}`, `localhost.evil.example:${p}`,
    `localhost:${p}.evil.example`, 'localhost', '127.0.0.1', `localhost:${p + 1}`, `[::1]:${p + 1}`, `localhost.:${p}`, `0.0.0.0:${p}`,
    `127.0.0.2:${p}`, `127.1:${p}`, `2130706433:${p}`, `[::ffff:127.0.0.1]:${p}`];
  it('answers no Host but the loopback names on its own port: a DNS-rebound page cannot read /internal/', async () => {
    for (const host of refusedHosts(port)) {
      const answer = await send(server.origin, '/internal/', { headers: { host } });
      expect([host, answer.status, answer.body]).toEqual([host, 403, 'This server answers only requests to 127.0.0.1 or localhost on its own port.\n']);
    }
    // Without a Host header Node itself answers 400 (HTTP/1.1 requires one); either way nothing is served.
    const noHost = await send(server.origin, '/internal/', { setHost: false });
    expect([400, 403]).toContain(noHost.status);
    expect(noHost.body).not.toContain(INTERNAL);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const answer = await send(server.origin, '/internal/', { headers: { host } });
      expect([host, answer.status, answer.body]).toEqual([host, 200, INTERNAL]);
    }
  });

  it('refuses requests that another site\'s page makes (an Origin other than its own)', async () => {
    for (const origin of ['http://evil.example', 'null', `http://evil.example:${port}`, `https://localhost:${port}`,
      `http://localhost:${port}.evil.example`, `http://localhost:${port + 1}`, `http://localhost:${port}/`]) {
      const answer = await send(server.origin, '/internal/', { headers: { origin } });
      expect([origin, answer.status, answer.body]).toEqual([origin, 403, 'Requests from other sites are refused.\n']);
    }
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      expect((await send(server.origin, '/internal/', { headers: { origin } })).status).toBe(200);
    }
  });

  it('serves GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await send(server.origin, '/internal/', { method });
      expect([method, answer.status, answer.headers.allow]).toEqual([method, 405, 'GET, HEAD']);
    }
    const head = await send(server.origin, '/internal/', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String(INTERNAL.length)]);
  });

  it('the PDF renderer\'s server shares the same rules', async () => {
    const pdfServer = await serveStatic(path.join(dist, 'internal'));
    try {
      expect((await send(pdfServer.origin, '/%E0%A4%A')).status).toBe(400);
      expect((await send(pdfServer.origin, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
      expect((await send(pdfServer.origin, '/')).body).toBe(INTERNAL);
    } finally {
      await pdfServer.close();
    }
  });
});

describe('pledge dev itself', () => {
  let box: Sandbox;
  let child: ChildProcess | undefined;
  beforeAll(async () => { box = await sandbox(); });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await box.remove();
  });

  it('stays up after a malformed request and refuses a foreign Host', async () => {
    const dev = spawn(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'dev', '--root', box.root, '--port', '0'],
      { cwd: box.root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    child = dev;
    let output = '';
    const origin = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /public site at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      dev.stdout.on('data', onData);
      dev.stderr.on('data', onData);
      dev.once('exit', (code) => reject(new Error(`pledge dev exited with ${code}: ${output}`)));
    });
    expect((await send(origin, '/%E0%A4%A')).status).toBe(400);
    expect((await send(origin, '/internal/%')).status).toBe(400);
    expect(dev.exitCode).toBeNull();
    expect((await send(origin, '/internal/')).status).toBe(200);
    const rebound = await send(origin, '/internal/', { headers: { host: `evil.example:${new URL(origin).port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('<html');
    // The live-reload stream (its errors name the project's files) obeys the same rules.
    const port = new URL(origin).port;
    expect((await send(origin, '/__pledge/events', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await send(origin, '/__pledge/events', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(origin, '/__pledge/events', { method: 'POST' })).status).toBe(405);
    expect(output).not.toContain('URIError');
  }, 180_000);
});
