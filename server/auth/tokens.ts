import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A working day plus slack; the worker signs in again the next morning. */
export const tokenLifetimeMs = 12 * 60 * 60 * 1000;

/** How far a token's issue time may lie ahead of this hub's clock (several hub nodes, NTP drift). */
export const clockSkewMs = 2 * 60 * 1000;

const common = {
  uid: z.number().int().positive(),
  org: z.number().int().positive(),
  /** The user's token version when it was issued; a password reset bumps it. */
  tv: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
};

const claimsV2Schema = z
  .object({
    v: z.literal(2),
    /** A random id: names the token for sign-out and for the room of the sockets it opened. */
    jti: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    iat: z.number().int().positive(),
    ...common,
  })
  .strict();

/** Issued before tokens had an id and an issue time; accepted until the last of them expires. */
const claimsV1Schema = z.object({ v: z.literal(1), ...common }).strict();

export type TokenClaims = z.infer<typeof claimsV2Schema>;

/** What a genuine token says, whatever its version. */
export interface VerifiedToken {
  /** The token's `jti`; for a version-1 token, a digest of the token. */
  id: string;
  uid: number;
  org: number;
  tv: number;
  exp: number;
}

export function newTokenId(): string {
  return randomBytes(16).toString('base64url');
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** `<claims as base64url JSON>.<HMAC-SHA256 of that, base64url>`, both unpadded. */
export function signToken(key: Buffer, claims: Omit<TokenClaims, 'v'>): string {
  const body = Buffer.from(JSON.stringify({ v: 2, ...claims })).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

const base64url = /^[A-Za-z0-9_-]+$/;

/** Node's decoder skips padding and junk; only the one canonical spelling of some bytes is accepted. */
function canonicalBase64url(text: string): boolean {
  return base64url.test(text) && Buffer.from(text, 'base64url').toString('base64url') === text;
}

/**
 * The claims if the token is genuine, unexpired and no longer-lived than this
 * hub issues, else null. Never throws. The signature is compared as the exact
 * text this hub would write, in constant time, so a padded or junk-bearing
 * spelling of a right signature is refused.
 */
export function verifyToken(key: Buffer, token: string, now: number): VerifiedToken | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body = '', signature = ''] = parts;
  if (!canonicalBase64url(body)) return null;
  const given = Buffer.from(signature, 'utf8');
  const expected = Buffer.from(mac(key, body), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const v2 = claimsV2Schema.safeParse(json);
  if (v2.success) {
    const c = v2.data;
    if (c.exp <= now || c.iat > now + clockSkewMs || c.exp - c.iat > tokenLifetimeMs) return null;
    return { id: c.jti, uid: c.uid, org: c.org, tv: c.tv, exp: c.exp };
  }
  const v1 = claimsV1Schema.safeParse(json);
  if (v1.success) {
    const c = v1.data;
    // No issue time to check: at most one lifetime from now, as the hub that signed it issued them.
    if (c.exp <= now || c.exp - now > tokenLifetimeMs + clockSkewMs) return null;
    return { id: legacyTokenId(token), uid: c.uid, org: c.org, tv: c.tv, exp: c.exp };
  }
  return null;
}

/** The name the foundation gave a token's sockets: a digest, so the token itself is never kept. */
function legacyTokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 22);
}
