import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AuthDeps } from '../auth/login';
import { login } from '../auth/login';
import type { SetupGate } from '../auth/setup';
import { readJsonBody } from './body';
import type { HttpResult } from './respond';
import { httpError, sendJson } from './respond';

export interface ExtraRoute {
  prefix: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface RouterDeps {
  auth: AuthDeps;
  setup: SetupGate;
  routes: readonly ExtraRoute[];
  log: Logger;
}

/** Tokens travel as bearer values, never cookies, so any origin (the Electron renderer's included) may call. */
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
};

type JsonHandler = (body: unknown, ip: string) => Promise<HttpResult>;

/** "/app" serves "/app" and "/app/…", not "/apple". */
function matches(path: string, prefix: string): boolean {
  if (prefix.endsWith('/')) return path.startsWith(prefix) || path === prefix.slice(0, -1);
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const api: Record<string, JsonHandler> = {
    '/api/login': (body, ip) => login(deps.auth, body, ip),
    '/api/setup': (body, ip) => deps.setup.setup(deps.auth, body, ip),
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://hub.invalid').pathname;
    if (path === '/healthz') {
      sendJson(res, { status: 200, body: { ok: true } });
      return;
    }
    if (path.startsWith('/api/')) {
      await routeApi(req, res, path);
      return;
    }
    const extra = deps.routes.find((r) => matches(path, r.prefix));
    if (extra) {
      extra.handler(req, res);
      return;
    }
    sendJson(res, httpError('not_found', 'Not found.'));
  }

  async function routeApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const handler = Object.prototype.hasOwnProperty.call(api, path) ? api[path] : undefined;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders).end();
      return;
    }
    if (!handler) {
      sendJson(res, { ...httpError('not_found', 'Not found.'), headers: corsHeaders });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, {
        ...httpError('invalid_input', 'Use POST.', undefined, 405),
        headers: { ...corsHeaders, allow: 'POST, OPTIONS' },
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
    else result = await handler(body.value, req.socket.remoteAddress ?? 'unknown');
    sendJson(res, { ...result, headers: { ...corsHeaders, ...result.headers } });
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      deps.log.error({ err, method: req.method }, 'http request failed');
      if (!res.headersSent) sendJson(res, httpError('internal', 'Something went wrong on the hub.'));
      else res.destroy();
    });
  };
}
