/**
 * A throwaway PostgreSQL server for the tests and the benchmark: initdb in a temporary folder, a free
 * port on 127.0.0.1, trust authentication, stopped and deleted afterwards. As root it runs as the
 * `postgres` user (PostgreSQL refuses to run as root). PLEDGE_TEST_PG_URL points at your own server
 * instead (then nothing is started and the given database is used as it is).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
  /** postgres://… of a database the caller may fill and drop tables in. */
  url: string;
  stop(): Promise<void>;
}

/** The folder holding initdb and postgres (Debian puts them under /usr/lib/postgresql/<version>/bin), or undefined. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')));
  if (found) return found;
  try {
    return path.dirname(execFileSync('which', ['initdb'], { encoding: 'utf8' }).trim()) || undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function command(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

/** Starts a server (or uses PLEDGE_TEST_PG_URL); undefined when PostgreSQL is not installed. */
export async function startPostgres(): Promise<ThrowawayPostgres | undefined> {
  const given = process.env.PLEDGE_TEST_PG_URL;
  if (given) return { url: given, stop: async () => undefined };
  const bin = postgresBinaries();
  if (!bin) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'pledge-pg-'));
  if (isRoot()) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = path.join(dir, 'data');
  const [initdb, initArgs] = command(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const pgCtl = (...args: string[]) => {
    const [program, programArgs] = command(path.join(bin, 'pg_ctl'), ['-D', data, '-w', ...args]);
    execFileSync(program, programArgs, { stdio: 'pipe', timeout: 60_000 });
  };
  // pg_ctl, not a child process: it waits until the server accepts connections, and a fast stop is reliable through runuser.
  pgCtl('-o', options, '-l', path.join(dir, 'log'), 'start');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    try {
      pgCtl('-m', 'fast', 'stop');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url, stop };
}
