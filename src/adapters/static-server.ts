import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif',
  '.ico': 'image/x-icon', '.pdf': 'application/pdf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.otf': 'font/otf', '.txt': 'text/plain; charset=utf-8',
};

/** The names a browser on this machine uses for the loopback address the server listens on. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** What `pledge dev` adds to the server: an event stream, and a script in every page it sends. */
export interface LivePages {
  /** The one URL path that answers with the stream. */
  eventsPath: string;
  attach(request: IncomingMessage, response: ServerResponse): void;
  /** The page's HTML as sent (the file on disk is left as it is). */
  inject(html: string): string;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/**
 * A small static server on 127.0.0.1 for the built sites (`pledge dev`, the PDF renderer, tests).
 * `mounts` maps a URL prefix to a folder, e.g. { '/internal/': dist/internal, '/': dist/public };
 * the longest prefix wins. It answers only requests addressed to the loopback names and its own port
 * (a page elsewhere cannot read it through DNS rebinding), and only GET and HEAD; a malformed request
 * gets 400 and the server stays up.
 */
export async function serveFolders(mounts: Record<string, string>, port = 0, live?: LivePages): Promise<StaticServer> {
  const folders = Object.entries(mounts).map(([prefix, folder]) => [prefix, path.resolve(folder)] as const)
    .sort(([a], [b]) => b.length - a.length);
  let hosts: ReadonlySet<string> = new Set();
  const server = createServer((request, response) => {
    respond(request, response, hosts, folders, live).catch(() => {
      if (!response.headersSent) reply(response, 500, 'The file could not be read.');
      else response.destroy();
    });
  });
  await listen(server, port);
  const actualPort = (server.address() as AddressInfo).port;
  hosts = allowedHosts(actualPort);
  return { origin: `http://127.0.0.1:${actualPort}`, close: () => closeServer(server) };
}

/** `host:port` for each loopback name; on port 80 a browser may leave the port out. */
function allowedHosts(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
}

async function respond(request: IncomingMessage, response: ServerResponse, hosts: ReadonlySet<string>,
  folders: ReadonlyArray<readonly [string, string]>, live: LivePages | undefined): Promise<void> {
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return reply(response, 403, 'This server answers only requests to 127.0.0.1 or localhost on its own port.');
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, hosts)) return reply(response, 403, 'Requests from other sites are refused.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'Only GET and HEAD are served.', { allow: 'GET, HEAD' });
  const pathname = pathnameOf(request.url ?? '/');
  if (pathname === undefined) return reply(response, 400, 'The address is not a valid URL path.');
  if (live && pathname === live.eventsPath) return live.attach(request, response);
  const mount = folders.find(([prefix]) => pathname.startsWith(prefix) || `${pathname}/` === prefix);
  const file = mount && (await fileFor(mount[1], pathname.slice(mount[0].length)));
  if (!file) return reply(response, 404, 'Not found');
  const type = TYPES[path.extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (live && type.startsWith('text/html')) {
    const page = Buffer.from(live.inject(await readFile(file.path, 'utf8')));
    response.writeHead(200, { ...headers, 'content-length': page.length });
    return void response.end(page);
  }
  response.writeHead(200, { ...headers, 'content-length': file.size });
  createReadStream(file.path).pipe(response);
}

function isOwnOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  const match = /^http:\/\/([^/]+)$/i.exec(origin);
  return Boolean(match?.[1] && hosts.has(match[1].toLowerCase()));
}

/** The decoded path of a request target, or undefined when it is not one (`%E0%A4%A`, `http://[`). */
function pathnameOf(target: string): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(target, 'http://localhost').pathname);
    return pathname.includes('\0') ? undefined : pathname;
  } catch {
    return undefined;
  }
}

/** The file a URL path names inside `base`, or undefined when it would leave it. */
export function fileForUrl(base: string, url: string): string | undefined {
  const pathname = pathnameOf(url);
  if (pathname === undefined) return undefined;
  const file = resolveInside(base, pathname);
  return file && pathname.endsWith('/') ? path.join(file, 'index.html') : file;
}

function resolveInside(base: string, relative: string): string | undefined {
  const file = path.resolve(base, `.${path.posix.sep}${relative}`);
  return file === base || file.startsWith(`${base}${path.sep}`) ? file : undefined;
}

/**
 * The file to send for a path under a mounted folder: a folder means its index.html, and
 * `/reports/q1` means `/reports/q1.html` when there is no such file, as on static hosts.
 */
async function fileFor(base: string, relative: string): Promise<{ path: string; size: number } | undefined> {
  const file = resolveInside(base, relative);
  if (!file) return undefined;
  const info = await stat(file).catch(() => undefined);
  const candidate = info?.isDirectory() ? path.join(file, 'index.html') : !info && !path.extname(file) ? `${file}.html` : file;
  const found = candidate === file ? info : await stat(candidate).catch(() => undefined);
  return found?.isFile() ? { path: candidate, size: found.size } : undefined;
}

function reply(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(`${text}\n`);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
