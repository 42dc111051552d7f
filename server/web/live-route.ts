import type { IncomingMessage, ServerResponse } from 'node:http';
import { roomSlugSchema } from '../../shared/protocol/live';
import type { ExtraRoute } from '../http/router';
import {
  acceptPageRequest,
  answerNotBuilt,
  answerNotFound,
  builtPageDir,
  builtPageFiles,
  pageCsp,
} from './built-page';

export const livePrefix = '/live';

/** The viewer page's build, `out/live` (see builtPageDir). */
export function defaultLiveDir(from?: string): string {
  return builtPageDir('live', from);
}

/**
 * The page's policy (pageCsp): product photos from the hub or an https
 * address (a product's image may be either), and the broadcast as a
 * MediaStream (`mediastream:`/`blob:`). WebRTC's own UDP/TCP to the hub's
 * WebRtcServer is not governed by connect-src.
 */
export function livePageCsp(host: string | undefined): string {
  return pageCsp(host, { img: "'self' blob: data: https:", media: "'self' blob: mediastream:" });
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
  const current = builtPageFiles(dir);

  const handler: Handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (!acceptPageRequest(req, res)) return;
    const rest = url.pathname.slice(livePrefix.length);
    const asset = rest.startsWith('/assets/') && !/\.map$/i.test(rest);
    const room = asset ? null : roomPath(rest);
    if (!asset && room === null) {
      answerNotFound(res);
      return;
    }
    const serve = current();
    if (!serve) {
      answerNotBuilt(res, notBuilt);
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
      answerNotFound(res);
    });
  };
  return { prefix: livePrefix, handler };
}

const notBuilt = {
  title: 'live page not built',
  heading: 'The live viewer page is not built yet',
};
