import { serveFolders, type StaticServer } from '../static-server.ts';

export { fileForUrl, type StaticServer } from '../static-server.ts';

/**
 * Serves one built site folder on a free local port, so root-relative links (`/_astro/x.css`)
 * resolve the way they do when the site is deployed; file:// URLs would break them.
 */
export function serveStatic(root: string): Promise<StaticServer> {
  return serveFolders({ '/': root });
}
