import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AuthDeps } from '../auth/login';
import { login } from '../auth/login';
import { logout } from '../auth/logout';
import type { SetupGate } from '../auth/setup';
import { readJsonBody } from './body';
import { isJsonContentType } from './content-type';
import { corsHeaders, preflightHeaders } from './cors';
import type { OriginPolicy, OriginVerdict } from './origins';
import { classifyStoreError, faultAck } from '../store/errors';
import type { HttpResult } from './respond';
import { httpError, sendJson } from './respond';
import { parseTarget } from './target';

export interface ExtraRoute {
  prefix: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface RouterDeps {
  auth: AuthDeps;
  setup: SetupGate;
  routes: readonly ExtraRoute[];
  /**
   * API routes that read a body of their own (photo uploads: raw bytes, not
   * JSON), matched by prefix before the JSON API, after the Origin check.
   */
  rawApi?: readonly ExtraRoute[];
  /** JSON API routes of the hub's jobs (`/api/chat/start`), by exact path, read like `/api/login`. */
  jsonApi?: Readonly<Record<string, JsonHandler>>;
  /** Which browser pages may call (`origins.ts`). */
  origins: OriginPolicy;
  log: Logger;
}

const apiMethods = 'POST, OPTIONS';

/** Methods that only read: a refused page may still load a page of the hub, it just cannot read the answer. */
const safeMethods = new Set(['GET', 'HEAD']);

export type JsonHandler = (body: unknown, ip: string, req: IncomingMessage) => Promise<HttpResult>;

/** "/app" serves "/app" and "/app/…", not "/apple". */
function matches(path: string, prefix: string): boolean {
  if (prefix.endsWith('/')) return path.startsWith(prefix) || path === prefix.slice(0, -1);
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const api: Record<string, JsonHandler> = {
    '/api/login': (body, ip) => login(deps.auth, body, ip),
    '/api/setup': (body, ip) => deps.setup.setup(deps.auth, body, ip),
    '/api/logout': (_body, _ip, req) => logout(deps.auth, req.headers.authorization),
    ...deps.jsonApi,
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    if (!target) {
      sendJson(res, {
        ...httpError('invalid_input', 'The request target is not a path.'),
        headers: { connection: 'close' },
      });
      return;
    }
    const verdict = deps.origins(req.headers);
    if (verdict.kind === 'refused' && !safeMethods.has(req.method ?? '')) {
      // Before any work: no body is read, no password is checked, no attempt is counted.
      deps.log.debug({ origin: verdict.origin, method: req.method }, 'request from a refused origin');
      sendJson(res, {
        ...httpError('forbidden', 'This page may not call the hub.'),
        headers: { vary: 'Origin', connection: 'close' },
      });
      return;
    }
    const path = target.pathname;
    if (path === '/healthz') {
      sendJson(res, { status: 200, body: { ok: true } });
      return;
    }
    if (path.startsWith('/api/')) {
      const raw = deps.rawApi?.find((r) => matches(path, r.prefix));
      if (raw) {
        raw.handler(req, res);
        return;
      }
      await routeApi(req, res, path, verdict);
      return;
    }
    const extra = deps.routes.find((r) => matches(path, r.prefix));
    if (extra) {
      extra.handler(req, res);
      return;
    }
    sendJson(res, httpError('not_found', 'Not found.'));
  }

  async function routeApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    verdict: OriginVerdict,
  ): Promise<void> {
    const handler = Object.prototype.hasOwnProperty.call(api, path) ? api[path] : undefined;
    if (req.method === 'OPTIONS') {
      // A refused origin was answered above; without an Origin this is no browser's preflight.
      const headers =
        verdict.kind === 'allowed'
          ? preflightHeaders(verdict, req.headers, apiMethods)
          : { allow: apiMethods, vary: 'Origin' };
      res.writeHead(204, headers).end();
      return;
    }
    const cors = corsHeaders(verdict);
    if (!handler) {
      sendJson(res, { ...httpError('not_found', 'Not found.'), headers: cors });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, {
        ...httpError('invalid_input', 'Use POST.', undefined, 405),
        headers: { ...cors, allow: apiMethods },
      });
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      // Refused before the body is read; the rest of it is not worth reading.
      sendJson(res, {
        ...httpError('invalid_input', 'Send the request as application/json.', undefined, 415),
        headers: { ...cors, 'accept-post': 'application/json', connection: 'close' },
      });
      return;
    }
    const body = await readJsonBody(req);
    let result: HttpResult;
    if (body.kind === 'too_large') {
      result = httpError('invalid_input', 'The request is too large.', undefined, 413);
      // The rest of an oversized body is not worth reading; the connection ends after the answer.
      res.setHeader('connection', 'close');
    } else if (body.kind === 'malformed')
      result = httpError('invalid_input', 'The request body is not JSON.');
    else result = await handler(body.value, req.socket.remoteAddress ?? 'unknown', req);
    sendJson(res, { ...result, headers: { ...cors, ...result.headers } });
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      // A full disk during /api/setup is a 503 that says so, not a 500 (see server/store/errors.ts).
      const fault = classifyStoreError(err);
      deps.log.error({ err, method: req.method, store: fault?.code }, 'http request failed');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (!fault) {
        sendJson(res, httpError('internal', 'Something went wrong on the hub.'));
        return;
      }
      const ack = faultAck(fault);
      if (!ack.ok) sendJson(res, httpError(ack.error.code, ack.error.message));
    });
  };
}
