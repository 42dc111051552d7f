/** A request target the hub will route: the normalised path and the raw query (with its `?`, or ''). */
export interface RequestTarget {
  pathname: string;
  search: string;
}

// RFC 3986 `pchar` (unreserved, sub-delims, ':' and '@') with '/', and `query` adds '?'. Percent signs
// are checked separately: each must start a two-digit hex escape.
const pathChars = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const queryChars = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const badEscape = /%(?![0-9A-Fa-f]{2})/;

/**
 * The origin-form target (`/path[?query]`, RFC 9112 §3.2.1) of a request, or
 * null for anything else: absolute-form, `*`, a path that is not a path. The
 * hub used to hand the raw target to `new URL(target, base)`, which reads a
 * leading `//` as an authority, so `//[` threw (a 500) and `//host/x` routed
 * as `/x`. Here the path is checked first and then parsed behind a fixed
 * authority, where it can only ever be a path, so parsing cannot throw and
 * dot segments are still resolved the way the routes expect.
 */
export function parseTarget(raw: string | undefined): RequestTarget | null {
  if (raw === undefined || !raw.startsWith('/')) return null;
  const hash = raw.indexOf('#');
  // A fragment is never sent by a browser; a client that sends one gets it ignored, as URL would.
  const target = hash === -1 ? raw : raw.slice(0, hash);
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  if (!pathChars.test(path) || !queryChars.test(query)) return null;
  if (badEscape.test(path) || badEscape.test(query)) return null;
  try {
    const url = new URL(`http://hub.invalid${path}`);
    if (url.host !== 'hub.invalid') return null;
    return { pathname: url.pathname, search: q === -1 ? '' : `?${query}` };
  } catch {
    return null;
  }
}
