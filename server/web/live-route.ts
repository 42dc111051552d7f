import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { roomSlugSchema } from '../../shared/protocol/live';
import type { ExtraRoute } from '../http/router';

export const livePrefix = '/live';

/**
 * Where `vite build --config vite.live.config.ts` puts the page: `out/live`
 * under the app's root, found as defaultChatDir finds `out/chat` (the
 * nearest folder above this module that holds a package.json).
 */
export function defaultLiveDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out', 'live');
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(from), 'out', 'live');
    dir = parent;
  }
}

/**
 * The page's policy: its own scripts and styles only (no inline script, no
 * eval), sockets to this hub only, product photos from the hub or an https
 * address (a product's image may be either), and the broadcast as a
 * MediaStream (`mediastream:`/`blob:`). WebRTC's own UDP/TCP to the hub's
 * WebRtcServer is not governed by connect-src.
 */
export function livePageCsp(host: string | undefined): string {
  // Older engines do not count ws: as 'self'; naming the socket origin costs nothing where they do.
  const sockets = host && /^[A-Za-z0-9.[\]:-]{1,255}$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${sockets}`,
    "img-src 'self' blob: data: https:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** `/live/<slug>` or `/live/<slug>/`: the room a link names, or null when the rest is not one. */
function roomPath(rest: string): string | null {
  const match = /^\/([^/]+)\/?$/.exec(rest);
  if (!match?.[1]) return null;
  const parsed = roomSlugSchema.safeParse(match[1]);
  return parsed.success && parsed.data === match[1] ? parsed.data : null;
}

/**
 * The live viewer page at /live/<slug>: one built page for every room (it
 * reads the slug from its own address), its hashed assets under
 * /live/assets/. A missing build answers 503 with what to run, and a rebuild
 * is picked up without a restart. Whether the room exists is the page's
 * question to `/api/live/join`, so an unknown slug still gets the page, which
 * says so in the viewer's language.
 */
export function livePageRoute(dir: string): ExtraRoute {
  const index = join(dir, 'index.html');
  let served: { mtimeMs: number; handler: ReturnType<typeof sirv> } | null = null;

  function current(): ReturnType<typeof sirv> | null {
    if (!existsSync(index)) return null;
    const { mtimeMs } = statSync(index);
    if (served?.mtimeMs !== mtimeMs) {
      served = { mtimeMs, handler: sirv(dir, { dev: false, etag: true }) };
    }
    return served.handler;
  }

  const notFound = (res: ServerResponse): void => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  };

  const handler: Handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    const rest = url.pathname.slice(livePrefix.length);
    const asset = rest.startsWith('/assets/') && !/\.map$/i.test(rest);
    const room = asset ? null : roomPath(rest);
    if (!asset && room === null) {
      notFound(res);
      return;
    }
    const serve = current();
    if (!serve) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(notBuiltPage);
      return;
    }
    // Nothing here is big enough to need ranges, and sirv's own Range parser throws on some headers.
    delete req.headers.range;
    if (asset) {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      req.url = rest + url.search;
    } else {
      // index.html names the current hashed bundles, so it is revalidated every time.
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('content-security-policy', livePageCsp(req.headers.host));
      req.url = '/index.html';
    }
    serve(req, res, () => {
      notFound(res);
    });
  };
  return { prefix: livePrefix, handler };
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wings: live page not built</title></head>
<body><main><h1>The live viewer page is not built yet</h1>
<p>Run <code>npm run build:web</code> on the hub's machine, then reload this page.</p>
</main></body></html>
`;
