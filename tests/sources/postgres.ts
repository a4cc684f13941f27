import pg from 'pg';
import { startPostgres } from '../../scripts/throwaway-postgres.ts';

export interface TestDatabase {
  /** postgres://… of a database of its own, dropped by `stop`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL database for one test file: on a throwaway server (initdb in a temporary folder), or on
 * yours when PLEDGE_TEST_PG_URL is set. Undefined when PostgreSQL is not installed, which fails under
 * CI=true: CI must run these tests, never skip them.
 */
export async function testDatabase(): Promise<TestDatabase | undefined> {
  const server = await startPostgres();
  if (!server) {
    if (process.env.CI && process.env.CI !== 'false') {
      throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin) and CI is set: install postgresql or set PLEDGE_TEST_PG_URL.');
    }
    return undefined;
  }
  const name = `pledge_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      await server.stop();
    },
  };
}

/** Runs statements on the test database (setting up tables; pledge itself only reads). */
export async function sql(url: string, statements: ReadonlyArray<string | [string, unknown[]]>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) {
      if (typeof statement === 'string') await client.query(statement);
      else await client.query(statement[0], statement[1]);
    }
  } finally {
    await client.end();
  }
}
