import type { IncomingHttpHeaders } from 'node:http';
import type { OriginVerdict } from './origins';

/**
 * CORS headers for an answer: the allowed page's own origin, never `*`, and
 * nothing at all for a refused one, so its script cannot read the answer.
 * `Vary: Origin` always, because the answer depends on who asked.
 */
export function corsHeaders(verdict: OriginVerdict): Record<string, string> {
  if (verdict.kind !== 'allowed') return { vary: 'Origin' };
  return { 'access-control-allow-origin': verdict.origin, vary: 'Origin' };
}

/**
 * A preflight's answer for an allowed origin. Private Network Access: a page
 * on a public address asking a hub on a private one sends
 * `Access-Control-Request-Private-Network: true` and is let through only when
 * the answer says so, which it does only here, for an allowed origin.
 */
export function preflightHeaders(
  verdict: Extract<OriginVerdict, { kind: 'allowed' }>,
  request: IncomingHttpHeaders,
  methods: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    ...corsHeaders(verdict),
    'access-control-allow-methods': methods,
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-max-age': '600',
  };
  if (String(request['access-control-request-private-network']).toLowerCase() === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  return headers;
}
