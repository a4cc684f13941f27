import { z } from 'zod';
import { projectPath } from './kpis.ts';

/** `env:NAME`: the value is read from that environment variable when pledge runs, never from a file. */
export const ENV_REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

const ENV_HINT = 'Put the URL in an environment variable and write url: env:PLEDGE_WAREHOUSE_URL (set PLEDGE_WAREHOUSE_URL=postgres://user:password@host/db where pledge runs).';

/** True for a URL that carries a password (`postgres://user:secret@host/db`) or a `password=` parameter. */
export function hasCredentials(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(url) || /[?&]password=/i.test(url);
}

/** A connection URL: `env:NAME`, or a URL with no password in it. */
const connectionUrl = z.string().trim().min(1).refine((url) => ENV_REFERENCE.test(url) || !hasCredentials(url),
  `a password is written in this file, where anyone who can read the repository sees it. | ${ENV_HINT}`)
  .refine((url) => ENV_REFERENCE.test(url) || /^postgres(ql)?:\/\//i.test(url),
    `this is neither env:NAME nor a postgres:// URL. | ${ENV_HINT}`);

/** Any key that holds a secret is refused with a message saying how to give it instead. */
const noSecret = z.unknown().refine((value) => value === undefined,
  `a password must never be written in a file. | ${ENV_HINT}`).optional();

const postgresConnection = z.strictObject({
  engine: z.literal('postgres'),
  url: connectionUrl,
  password: noSecret,
  /** Longest a query may run, in seconds, before it is cancelled (a connection error, exit 2). */
  timeout: z.number().positive().max(86_400).default(300),
});

const duckdbConnection = z.strictObject({
  engine: z.literal('duckdb'),
  /** A DuckDB database file inside the project, relative to content/. */
  path: projectPath,
});

const connectionName = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a connection name is lowercase letters, digits, dashes or underscores. | For example: warehouse.');

export const connectionSchema = z.discriminatedUnion('engine', [postgresConnection, duckdbConnection]);
export type Connection = z.infer<typeof connectionSchema>;

export const connectionsFileSchema = z.strictObject({
  connections: z.record(connectionName, connectionSchema),
});
export type ConnectionsFile = z.infer<typeof connectionsFileSchema>;
