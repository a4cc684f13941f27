import type { ServerResponse } from 'node:http';
import type { LivePages } from '../static-server.ts';

/**
 * `pledge dev`'s live reload: the pages it serves get a small script (added as they are sent, never
 * written to dist/) that listens to Server-Sent Events from the dev server. After a good rebuild the
 * page reloads itself; after a failed one it shows the located errors over the last good page, until
 * the next good rebuild. No dependency: EventSource is in every browser, SSE is plain HTTP.
 */

/** Where the pages listen; the dev server answers it, and only it (dist/ never holds such a file). */
export const EVENTS_PATH = '/__pledge/events';
/** The attribute that marks the injected script, so tests can look for it in dist/ and in served pages. */
export const SCRIPT_MARKER = 'data-pledge-live-reload';
/** The overlay's element id. */
export const OVERLAY_ID = 'pledge-dev-errors';

export interface LiveReload extends LivePages {
  /** A good build is being served: open pages reload, and any error overlay goes. */
  built(): void;
  /** A build failed: open pages (and pages opened from now on) show these lines until the next good build. */
  failed(lines: readonly string[]): void;
  close(): void;
}

/** Comments every HEARTBEAT_MS keep proxies and idle timers from closing the stream. */
const HEARTBEAT_MS = 15_000;

export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  let build = 0;
  let problem: readonly string[] | undefined;
  const send = (response: ServerResponse, event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const heartbeat = setInterval(() => { for (const client of clients) client.write(': ping\n\n'); }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    eventsPath: EVENTS_PATH,
    built() {
      build++;
      problem = undefined;
      for (const client of clients) send(client, 'built', { build });
    },
    failed(lines) {
      problem = [...lines];
      for (const client of clients) send(client, 'failed', { lines: problem });
    },
    attach(request, response) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'keep-alive' });
      // The build a page came from: a page that missed a reload (the stream dropped) reloads on reconnecting.
      send(response, 'hello', { build });
      if (problem) send(response, 'failed', { lines: problem });
      clients.add(response);
      request.once('close', () => clients.delete(response));
    },
    inject(html) {
      const script = `<script ${SCRIPT_MARKER}>${CLIENT}</script>`;
      const at = html.lastIndexOf('</body>');
      return at < 0 ? `${html}${script}` : `${html.slice(0, at)}${script}${html.slice(at)}`;
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}

/**
 * The page's side. The overlay is built with textContent only, so an error that quotes `<script>` from
 * an input shows as text and never runs. Its styles are inline: the sites ship no script and this one
 * must not depend on their CSS.
 */
const CLIENT = `(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  let seen;
  const overlay = () => document.getElementById(${JSON.stringify(OVERLAY_ID)});
  events.addEventListener('hello', (event) => {
    const { build } = JSON.parse(event.data);
    if (seen !== undefined && build !== seen) location.reload();
    seen = build;
    overlay()?.remove();
    // Says the page is listening (tests wait for it before they save a file).
    document.documentElement.dataset.pledgeLive = String(build);
  });
  events.addEventListener('built', () => location.reload());
  events.addEventListener('failed', (event) => {
    const { lines } = JSON.parse(event.data);
    overlay()?.remove();
    const box = document.createElement('div');
    box.id = ${JSON.stringify(OVERLAY_ID)};
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:14px/1.5 ui-monospace,monospace;';
    const title = document.createElement('p');
    title.textContent = 'pledge dev: not rebuilt. Fix this and save; this page is the last good build.';
    title.style.cssText = 'margin:0 0 1rem;font-weight:bold;color:#ffb4a8;';
    const list = document.createElement('pre');
    list.textContent = lines.join('\\n');
    list.style.cssText = 'margin:0;white-space:pre-wrap;';
    box.append(title, list);
    document.body.append(box);
  });
})();`;
