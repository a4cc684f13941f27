import { serveFolders, type LivePages, type StaticServer } from '../static-server.ts';

export type SiteServer = StaticServer;

/**
 * The built sites on localhost (tests and `pledge dev`). `mounts` maps a URL prefix to a folder,
 * e.g. { '/internal/': dist/internal, '/': dist/public }; longest prefix wins. See static-server.ts
 * for what it refuses (other Host names, other origins, malformed paths).
 */
export function serveSites(mounts: Record<string, string>, port = 0, live?: LivePages): Promise<SiteServer> {
  return serveFolders(mounts, port, live);
}
