import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/**
 * Where `vite build --config vite.<name>.config.ts` puts a hub page:
 * `out/<name>` under the app's root, the nearest folder above `from` that
 * holds a package.json. That is the repository when the hub runs from source
 * (tests, web mode through tsx), from its bundle (`out/hub/main.mjs`, `npm run
 * hub`) or inside Electron (`app.asar/out/main/index.js`, whose package.json
 * the package keeps beside `out/`).
 */
export function builtPageDir(name: string, from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out', name);
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(from), 'out', name);
    dir = parent;
  }
}

export type PageFiles = ReturnType<typeof sirv>;

/**
 * The built page's files, or null while it is not built. A rebuild is picked
 * up without a restart: sirv is made again whenever index.html changes, since
 * the hashed asset names change with it.
 */
export function builtPageFiles(dir: string, options: { single?: boolean } = {}): () => PageFiles | null {
  const index = join(dir, 'index.html');
  let served: { mtimeMs: number; handler: PageFiles } | null = null;
  return () => {
    if (!existsSync(index)) return null;
    const { mtimeMs } = statSync(index);
    if (served?.mtimeMs !== mtimeMs) {
      served = { mtimeMs, handler: sirv(dir, { ...options, dev: false, etag: true }) };
    }
    return served.handler;
  };
}

/**
 * GET and HEAD only (anything else is answered 405 here and false returned);
 * then the headers every hub page carries.
 */
export function acceptPageRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return false;
  }
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  return true;
}

export function answerNotFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** 503 with what to run on the hub's machine, while a page is not built. */
export function answerNotBuilt(res: ServerResponse, page: { title: string; heading: string }): void {
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wings: ${page.title}</title></head>
<body><main><h1>${page.heading}</h1>
<p>Run <code>npm run build:web</code> on the hub's machine, then reload this page.</p>
</main></body></html>
`);
}

/**
 * A hub page's policy: its own scripts and styles only (no inline script, no
 * eval), sockets to this hub only, and the page's own image (and media)
 * sources.
 */
export function pageCsp(host: string | undefined, sources: { img: string; media?: string }): string {
  // Older engines do not count ws: as 'self'; naming the socket origin costs nothing where they do.
  const sockets = host && /^[A-Za-z0-9.[\]:-]{1,255}$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${sockets}`,
    `img-src ${sources.img}`,
    ...(sources.media === undefined ? [] : [`media-src ${sources.media}`]),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
