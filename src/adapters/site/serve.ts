import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.pdf': 'application/pdf',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export interface SiteServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * A tiny static server on localhost for the built sites (tests and `pledge dev`). `mounts` maps a
 * URL prefix to a folder, e.g. { '/internal/': dist/internal, '/': dist/public }; longest prefix wins.
 */
export async function serveSites(mounts: Record<string, string>, port = 0): Promise<SiteServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const prefix = prefixes.find((p) => url.pathname.startsWith(p) || `${url.pathname}/` === p);
    if (!prefix) return notFound(response);
    const root = mounts[prefix] as string;
    const relative = decodeURIComponent(url.pathname.slice(prefix.length));
    void sendFile(root, relative, response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { origin: `http://127.0.0.1:${actualPort}`, close: () => closeServer(server) };
}

async function sendFile(root: string, relative: string, response: import('node:http').ServerResponse): Promise<void> {
  let file = path.resolve(root, `.${path.posix.sep}${relative}`);
  // Never serve outside the mounted folder.
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return notFound(response);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) file = path.join(file, 'index.html');
  else if (!info && !path.extname(file)) file = `${file}.html`;
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) return notFound(response);
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(response);
}

function notFound(response: import('node:http').ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Not found\n');
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
