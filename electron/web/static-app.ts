import { existsSync, statSync, type Stats } from 'node:fs';
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
      served = {
        mtimeMs,
        handler: sirv(dir, { single: true, dev: false, etag: true, setHeaders: settleRange }),
      };
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
    if (isSourceMap(rest)) {
      notFound(res);
      return;
    }
    // Range is defined for GET only (RFC 9110 14.2); settleRange rewrites it for sirv once the size is known.
    if (req.method !== 'GET') delete req.headers.range;
    res.setHeader('Accept-Ranges', 'bytes');
    if (isDocument(rest)) {
      // index.html names the current hashed bundles, so it must be revalidated every time.
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', csp);
    } else if (rest.startsWith('/assets/')) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    }
    req.url = rest + url.search;
    handler(req, res, () => notFound(res));
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

/**
 * The production build ships no source maps (vite.renderer.config.ts); one left
 * behind by a local `vite build --sourcemap` is still not served, so a
 * renderer's readable source never leaves through this route.
 */
function isSourceMap(path: string): boolean {
  return /\.map$/i.test(path) || /\.map$/i.test(safeDecode(path));
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** What a Range header asks of a file of `size` bytes. */
export type RangeAnswer =
  { kind: 'whole' } | { kind: 'unsatisfiable' } | { kind: 'part'; start: number; end: number };

/**
 * Reads a Range header as RFC 9110 14.1.2 writes it. A server may always
 * ignore Range and send the whole file, so anything it does not understand or
 * chooses not to serve (a malformed header, another unit, several ranges)
 * is `whole`; a well-formed range that starts past the end is `unsatisfiable`.
 */
export function parseRange(header: string, size: number): RangeAnswer {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '') {
    // A suffix: the last N bytes.
    if (last === '') return { kind: 'whole' };
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'part', start, end };
}

/**
 * sirv calls this with the file's size just before it reads `req.headers.range`
 * itself. Its own parser is wrong for suffixes (`-5` sends bytes 0-5), takes
 * malformed headers and other units as ranges, sends only the first of several
 * ranges, and throws out of the request (ending the process) when the end lies
 * before the start. So the header is rewritten here into the one form it reads
 * correctly, `bytes=<start>-<end>` with a non-zero end, or removed for a 200.
 * An If-Range that does not match this exact file also means the whole file:
 * sirv's ETag is weak, which If-Range never matches (RFC 9110 13.1.5).
 */
function settleRange(res: ServerResponse, _pathname: string, stats: Stats): void {
  const req = res.req;
  const header = req.headers.range;
  if (header === undefined) return;
  delete req.headers.range;
  const ifRange = req.headers['if-range'];
  if (ifRange !== undefined && ifRange !== stats.mtime.toUTCString()) return;
  const answer = parseRange(header, stats.size);
  if (answer.kind === 'unsatisfiable') {
    // sirv answers a start at or past the size with 416 and `Content-Range: bytes */<size>`.
    req.headers.range = `bytes=${stats.size}-`;
  } else if (answer.kind === 'part' && answer.end > 0) {
    req.headers.range = `bytes=${answer.start}-${answer.end}`;
  }
  // `bytes=0-0` (end 0) cannot be said to sirv, which reads an end of 0 as "to the end": the whole file, as allowed.
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
