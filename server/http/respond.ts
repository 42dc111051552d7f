import type { ServerResponse } from 'node:http';
import type { Ack, ErrorCode, Issue } from '../../shared/protocol/ack';
import { fail } from '../../shared/protocol/ack';

export const statusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  changed: 409,
  cannot_apply: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** What an HTTP handler decided, before it is written; keeps handlers testable without a socket. */
export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function httpError(code: ErrorCode, message: string, issues?: Issue[], status?: number): HttpResult {
  const body: Ack<never> = fail(code, message, issues);
  return { status: status ?? statusFor[code], body };
}

export function sendJson(res: ServerResponse, result: HttpResult): void {
  if (res.headersSent) return;
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...result.headers,
  });
  res.end(text);
}
