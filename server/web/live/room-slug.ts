import { roomSlugSchema } from '../../../shared/protocol/live';

/** The room's slug from the page's address, `/live/<slug>` (a trailing slash allowed); null if it is not one. */
export function roomSlugFromPath(pathname: string): string | null {
  const match = /^\/live\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const parsed = roomSlugSchema.safeParse(raw);
  return parsed.success && parsed.data === raw ? parsed.data : null;
}
