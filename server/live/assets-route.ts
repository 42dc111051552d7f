import { mkdirSync } from 'node:fs';
import sirv from 'sirv';
import type { ExtraRoute } from '../http/router';

export const liveAssetsPrefix = '/live-assets';

/**
 * Product images at `/live-assets/<file>`, from `<dataDir>/live-assets`
 * (the demo writes its pictures there). Served as inert files: an SVG is
 * shown as an image, its scripts never run, and nothing sniffs its type.
 */
export function liveAssetsRoute(dir: string): ExtraRoute {
  mkdirSync(dir, { recursive: true });
  const serve = sirv(dir, { dev: false, etag: true, dotfiles: false });
  return {
    prefix: `${liveAssetsPrefix}/`,
    handler(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://hub');
      const name = url.pathname.slice(liveAssetsPrefix.length + 1);
      if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      res.setHeader('cross-origin-resource-policy', 'cross-origin');
      res.setHeader('cache-control', 'public, max-age=3600');
      delete req.headers.range;
      req.url = `/${name}`;
      serve(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      });
    },
  };
}
