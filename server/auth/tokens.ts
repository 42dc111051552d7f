import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A working day plus slack; the worker signs in again the next morning. */
export const tokenLifetimeMs = 12 * 60 * 60 * 1000;

const claimsSchema = z.object({
  v: z.literal(1),
  uid: z.number().int().positive(),
  org: z.number().int().positive(),
  /** The user's token version when it was issued; a password reset bumps it. */
  tv: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

/** `<claims as base64url JSON>.<HMAC-SHA256 of that, base64url>`. */
export function signToken(key: Buffer, claims: Omit<TokenClaims, 'v'>): string {
  const body = Buffer.from(JSON.stringify({ v: 1, ...claims })).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The claims if the token is genuine and unexpired, else null. Never throws. */
export function verifyToken(key: Buffer, token: string, now: number): TokenClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(json);
  if (!claims.success || claims.data.exp <= now) return null;
  return claims.data;
}
