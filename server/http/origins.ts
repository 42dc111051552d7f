import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/**
 * The Electron workstation's renderer origin: the privileged `wings:` scheme
 * it is served from (`electron/main/origin.ts` builds the same string; the hub
 * may not import electron/).
 */
export const workstationOrigin = 'wings://app';

/**
 * `scheme://host[:port]` exactly as a browser serialises it in `Origin`, or
 * null when `text` is not an origin (a path, credentials, `null`, `file://`).
 * WHATWG `URL.origin` is "null" for non-special schemes, so it is built from
 * the parts; `URL` still lower-cases the host and drops a default port.
 */
export function normalizeOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!url.host || url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '' && url.pathname !== '/') return null;
  return `${url.protocol}//${url.host}`;
}

export type OriginVerdict =
  /** No `Origin` header: curl, Node, the workstation host. Not a browser page, so CORS does not apply. */
  { kind: 'none' } | { kind: 'allowed'; origin: string } | { kind: 'refused'; origin: string };

export type OriginPolicy = (headers: IncomingHttpHeaders) => OriginVerdict;

/**
 * Which browser pages may call the hub and open sockets to it: the hub's own
 * pages, the workstation (`wings://app`), and the origins the operator named
 * (`--allow-origin`: a web-mode workstation on another port, or the public
 * address of a hub behind a TLS proxy, which is how a public host is
 * configured). Everything else is refused, so a page the worker happens to
 * have open can neither lock their account by guessing nor sign in and open
 * a socket as them.
 */
export function createOriginPolicy(extra: readonly string[] = []): OriginPolicy {
  const allowed = new Set<string>([workstationOrigin]);
  for (const origin of extra) {
    const normal = normalizeOrigin(origin);
    if (!normal) throw new Error(`not an origin (scheme://host[:port]): ${origin}`);
    allowed.add(normal);
  }
  return (headers) => {
    const header = headers.origin;
    if (header === undefined) return { kind: 'none' };
    const origin = normalizeOrigin(header);
    if (origin && (allowed.has(origin) || isOwnOrigin(origin, headers.host)))
      return { kind: 'allowed', origin };
    return { kind: 'refused', origin: header };
  };
}

/**
 * A page the hub served itself: the browser sends the page's origin and, as
 * Host, the address it is calling; when those are the same, the page and the
 * hub share one scheme-host-port. That alone is not proof: a DNS-rebinding
 * page at `http://evil.example:4455`, re-pointed at 127.0.0.1, sends a
 * matching Host too. An IP literal or `localhost` cannot be re-pointed by
 * someone else's DNS, so only those count; a hub reached by a name is
 * allowed through `--allow-origin`.
 */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  const page = new URL(origin);
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  let called: URL;
  try {
    // Through URL so the Host header gets the same lower-casing and default-port rules.
    called = new URL(`${page.protocol}//${host}`);
  } catch {
    return false;
  }
  if (called.host !== page.host || called.pathname !== '/' || called.username || called.password)
    return false;
  const name = page.hostname.startsWith('[') ? page.hostname.slice(1, -1) : page.hostname;
  return name === 'localhost' || isIP(name) !== 0;
}
