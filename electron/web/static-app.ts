import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export interface AppRouteOptions {
  /** Vite's output for the renderer (`out/web`). */
  dir: string;
  /** Where the renderer is mounted; Vite builds it with the same base. */
  prefix: string;
  csp: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the built renderer under `prefix` as a single-page app. A missing
 * build answers 503 with what to run instead of an empty 404, and a rebuild is
 * picked up without restarting (hashed asset names change on every build).
 */
export function createAppRoute({ dir, prefix, csp }: AppRouteOptions): Handler {
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

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === prefix) {
      // The app's relative asset URLs need the trailing slash; keep ?token=.
      res.writeHead(301, { Location: `${prefix}/${url.search}` });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    // The address carries the bridge token: never send it on as a Referer.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');

    const handler = current();
    if (!handler) {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(notBuiltPage);
      return;
    }

    const rest = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
    if (isDocument(rest)) {
      // index.html names the current hashed bundles, so it must be revalidated every time.
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', csp);
    } else if (rest.startsWith('/assets/')) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    }
    req.url = rest + url.search;
    handler(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  };
}

/** Paths that end up at index.html: the root, any .html, and extension-less SPA routes. */
function isDocument(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' || last.endsWith('.html') || !last.includes('.');
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wings: renderer not built</title></head>
<body><main><h1>The Wings workstation is not built yet</h1>
<p>Run <code>npm run build:web</code> (or start with <code>npm run start:web -- --build</code>), then reload this page.</p>
</main></body></html>
`;
