import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExtraRoute } from '../http/router';
import {
  acceptPageRequest,
  answerNotBuilt,
  answerNotFound,
  builtPageDir,
  builtPageFiles,
  pageCsp,
} from './built-page';

export const chatPrefix = '/chat';

/** The chat page's build, `out/chat` (see builtPageDir). */
export function defaultChatDir(from?: string): string {
  return builtPageDir('chat', from);
}

/**
 * The page's policy (pageCsp): uploads go to this hub like its sockets, and
 * photos come from the hub or the customer's own preview (`blob:`).
 */
export function chatPageCsp(host: string | undefined): string {
  return pageCsp(host, { img: "'self' blob: data:" });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The customer chat page at /chat/. A missing build answers 503 with what to
 * run, and a rebuild is picked up without a restart (its hashed asset names
 * change each time).
 */
export function chatPageRoute(dir: string): ExtraRoute {
  const current = builtPageFiles(dir, { single: true });

  const handler: Handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname === chatPrefix) {
      // The page's relative asset URLs need the trailing slash; keep ?org= and ?lng=.
      res.writeHead(301, { location: `${chatPrefix}/${url.search}` }).end();
      return;
    }
    if (!acceptPageRequest(req, res)) return;
    const serve = current();
    if (!serve) {
      answerNotBuilt(res, notBuilt);
      return;
    }
    const rest = url.pathname.slice(chatPrefix.length);
    if (/\.map$/i.test(rest)) {
      answerNotFound(res);
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
      answerNotFound(res);
    });
  };
  return { prefix: chatPrefix, handler };
}

const notBuilt = {
  title: 'chat page not built',
  heading: 'The customer chat page is not built yet',
};
