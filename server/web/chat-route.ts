import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { ExtraRoute } from '../http/router';

export const chatPrefix = '/chat';

/**
 * Where `vite build --config vite.chat.config.ts` puts the page: `out/chat`
 * under the app's root, the nearest folder above this module that holds a
 * package.json. That is the repository when the hub runs from source (tests,
 * web mode through tsx), from its bundle (`out/hub/main.mjs`, `npm run hub`)
 * or inside Electron (`app.asar/out/main/index.js`, whose package.json the
 * package keeps beside `out/`).
 */
export function defaultChatDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out', 'chat');
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(from), 'out', 'chat');
    dir = parent;
  }
}

/**
 * The page's policy: its own scripts and styles only (no inline script, no
 * eval), sockets and uploads to this hub only, photos from the hub or the
 * customer's own preview (`blob:`).
 */
export function chatPageCsp(host: string | undefined): string {
  // Older engines do not count ws: as 'self'; naming the socket origin costs nothing where they do.
  const sockets = host && /^[A-Za-z0-9.[\]:-]{1,255}$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${sockets}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The customer chat page at /chat/. A missing build answers 503 with what to
 * run, and a rebuild is picked up without a restart (its hashed asset names
 * change each time).
 */
export function chatPageRoute(dir: string): ExtraRoute {
  const index = join(dir, 'index.html');
  let served: { mtimeMs: number; handler: ReturnType<typeof sirv> } | null = null;

  function current(): ReturnType<typeof sirv> | null {
    if (!existsSync(index)) return null;
    const { mtimeMs } = statSync(index);
    if (served?.mtimeMs !== mtimeMs) {
      served = { mtimeMs, handler: sirv(dir, { single: true, dev: false, etag: true }) };
    }
    return served.handler;
  }

  const handler: Handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname === chatPrefix) {
      // The page's relative asset URLs need the trailing slash; keep ?org= and ?lng=.
      res.writeHead(301, { location: `${chatPrefix}/${url.search}` }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    const serve = current();
    if (!serve) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(notBuiltPage);
      return;
    }
    const rest = url.pathname.slice(chatPrefix.length);
    if (/\.map$/i.test(rest)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    // Nothing here is big enough to need ranges, and sirv's own Range parser throws on some headers.
    delete req.headers.range;
    if (rest.startsWith('/assets/')) {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    } else {
      // index.html names the current hashed bundles, so it is revalidated every time.
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('content-security-policy', chatPageCsp(req.headers.host));
    }
    req.url = (rest === '' ? '/' : rest) + url.search;
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    });
  };
  return { prefix: chatPrefix, handler };
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wings: chat page not built</title></head>
<body><main><h1>The customer chat page is not built yet</h1>
<p>Run <code>npm run build:web</code> on the hub's machine, then reload this page.</p>
</main></body></html>
`;
