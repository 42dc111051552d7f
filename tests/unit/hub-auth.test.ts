import { describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { decide, defaultLoginLimits, retryAfterSeconds, waitAfter } from '../../server/auth/backoff';
import { MemoryAttempts } from '../../server/auth/memory-attempts';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { sourceOf } from '../../server/auth/source';
import { clockSkewMs, newTokenId, signToken, tokenLifetimeMs, verifyToken } from '../../server/auth/tokens';
import { newSetupCode } from '../../server/auth/setup';
import { normalizeUsername } from '../../server/auth/users';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('wings-demo');
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(await verifyPassword('wings-demo', hash)).toBe(true);
    expect(await verifyPassword('wings-demo ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses malformed stored hashes without throwing', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$x$8$1$aa$bb',
      'bcrypt$1$2$3$4$5',
      'scrypt$16384$8$1$c2FsdA$c2hvcnQ',
    ]) {
      expect(await verifyPassword('pw', bad), bad).toBe(false);
    }
  });
});

describe('tokens', () => {
  const key = randomBytes(32);
  const jti = 'AAAAAAAAAAAAAAAAAAAAAA';
  const claims = { jti, uid: 7, org: 2, tv: 0, iat: 1_000, exp: 1_000 + tokenLifetimeMs };
  const verified = { id: jti, uid: 7, org: 2, tv: 0, exp: claims.exp };

  /** A body signed with `key` the way the hub signs, whatever the claims say. */
  function sign(body: object): string {
    const text = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${text}.${createHmac('sha256', key).update(text).digest('base64url')}`;
  }

  it('round-trips claims until they expire', () => {
    const token = signToken(key, claims);
    expect(verifyToken(key, token, 2_000)).toEqual(verified);
    expect(verifyToken(key, token, claims.exp - 1)).toEqual(verified);
    expect(verifyToken(key, token, claims.exp)).toBeNull();
  });

  it('gives every token its own id', () => {
    const ids = new Set(Array.from({ length: 100 }, newTokenId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses another key, tampering and junk', () => {
    const token = signToken(key, claims);
    expect(verifyToken(randomBytes(32), token, 2_000)).toBeNull();
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 2, ...claims, uid: 8 })).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${body}.`, `.${mac}`, body, `${token}.x`, '', '...', 'a.b']) {
      expect(verifyToken(key, bad, 2_000), bad).toBeNull();
    }
  });

  it('accepts only the exact spelling of the signature and the body', () => {
    const token = signToken(key, claims);
    const [body, mac] = token.split('.') as [string, string];
    // Each of these decodes to the same bytes with a lenient base64 decoder.
    const variants = [
      `${body}.${mac}=`,
      `${body}.${mac}==`,
      `${body}.${mac}A`,
      `${body}.${mac}!`,
      `${body}.${mac}\n`,
      `${body}.${mac} `,
      `${body}.${mac.replace(/-/g, '+').replace(/_/g, '/')}=`,
      `${body}=.${mac}`,
      ` ${body}.${mac}`,
    ];
    // The last character of an unpadded 32-byte base64url value carries two unused bits.
    const last = mac.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[(alphabet.indexOf(last) & ~3) + ((alphabet.indexOf(last) + 1) & 3)] ?? 'A';
    expect(Buffer.from(`${mac.slice(0, -1)}${sibling}`, 'base64url')).toEqual(Buffer.from(mac, 'base64url'));
    variants.push(`${body}.${mac.slice(0, -1)}${sibling}`);
    for (const bad of variants) expect(verifyToken(key, bad, 2_000), JSON.stringify(bad)).toBeNull();
    expect(verifyToken(key, token, 2_000)).toEqual(verified);
  });

  it('refuses a validly signed body that is not claims', () => {
    expect(verifyToken(key, sign({ hello: 'world' }), 2_000)).toBeNull();
    expect(verifyToken(key, sign({ v: 2, ...claims, jti: 'short' }), 2_000)).toBeNull();
    expect(verifyToken(key, sign({ v: 2, ...claims, admin: true }), 2_000)).toBeNull();
    const notJson = Buffer.from('not json').toString('base64url');
    const mac = createHmac('sha256', key).update(notJson).digest('base64url');
    expect(verifyToken(key, `${notJson}.${mac}`, 2_000)).toBeNull();
  });

  it('caps the lifetime of a genuine token and refuses one issued in the future', () => {
    const long = { v: 2, ...claims, exp: claims.iat + tokenLifetimeMs + 1 };
    expect(verifyToken(key, sign(long), 2_000)).toBeNull();
    const exact = { v: 2, ...claims, exp: claims.iat + tokenLifetimeMs };
    expect(verifyToken(key, sign(exact), 2_000)).not.toBeNull();
    const now = 10_000_000;
    const ahead = { v: 2, ...claims, iat: now + clockSkewMs + 1, exp: now + clockSkewMs + 60_000 };
    expect(verifyToken(key, sign(ahead), now)).toBeNull();
    const withinSkew = { v: 2, ...claims, iat: now + clockSkewMs, exp: now + clockSkewMs + 60_000 };
    expect(verifyToken(key, sign(withinSkew), now)).not.toBeNull();
  });

  it('accepts a foundation (version 1) token only within one lifetime from now', () => {
    const now = 10_000_000;
    const v1 = { v: 1, uid: 7, org: 2, tv: 0, exp: now + 60_000 };
    const token = sign(v1);
    const seen = verifyToken(key, token, now);
    expect(seen).toMatchObject({ uid: 7, org: 2, tv: 0, exp: now + 60_000 });
    expect(seen?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(verifyToken(key, token, now)?.id).toBe(seen?.id);
    expect(verifyToken(key, sign({ ...v1, exp: now + tokenLifetimeMs + clockSkewMs + 1 }), now)).toBeNull();
    expect(verifyToken(key, sign({ ...v1, exp: now }), now)).toBeNull();
  });
});

describe('sign-in backoff', () => {
  const rule = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 };

  it('is free for the first failures, then doubles up to the ceiling', () => {
    expect([0, 4, 5, 6, 7, 9, 10, 11, 1000].map((n) => waitAfter(rule, n))).toEqual([
      0, 0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000, 900_000,
    ]);
  });

  it('waits from the last failure, on the longer of the pair and the source', () => {
    const limits = { ...defaultLoginLimits, pair: rule, source: { ...rule, free: 50 } };
    expect(decide(limits, undefined, undefined, 0)).toEqual({ allowed: true });
    const pair = { failures: 6, lastFailureAt: 1_000 };
    expect(decide(limits, pair, pair, 1_000)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(decide(limits, pair, pair, 31_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(decide(limits, pair, pair, 61_000)).toEqual({ allowed: true });
    const sprayed = { failures: 52, lastFailureAt: 1_000 };
    expect(decide(limits, { failures: 1, lastFailureAt: 1_000 }, sprayed, 2_000)).toEqual({
      allowed: false,
      retryAfterMs: 119_000,
    });
  });

  it('says Retry-After in whole seconds, at least one', () => {
    expect(retryAfterSeconds(1)).toBe('1');
    expect(retryAfterSeconds(30_000)).toBe('30');
    expect(retryAfterSeconds(30_001)).toBe('31');
  });
});

describe('memory attempts', () => {
  const limits = {
    pair: { free: 2, baseMs: 1_000, maxMs: 8_000 },
    source: { free: 4, baseMs: 1_000, maxMs: 8_000 },
    keepMs: 60_000,
  };

  it('delays a pair, never another source, and forgives on success', () => {
    const m = new MemoryAttempts(limits);
    expect(m.begin('agent', 'a', 0).allowed).toBe(true);
    expect(m.begin('agent', 'a', 0).allowed).toBe(true);
    expect(m.begin('agent', 'a', 0)).toEqual({ allowed: false, retryAfterMs: 1_000 });
    expect(m.begin('agent', 'b', 0).allowed).toBe(true);
    expect(m.begin('agent', 'a', 1_000).allowed).toBe(true);
    expect(m.begin('agent', 'a', 1_000)).toEqual({ allowed: false, retryAfterMs: 2_000 });
    m.forgive('agent', 'a');
    expect(m.begin('agent', 'a', 1_000).allowed).toBe(true);
  });

  it('caps one source across names and forgets after keepMs', () => {
    const m = new MemoryAttempts(limits);
    for (const name of ['u1', 'u2', 'u3', 'u4']) expect(m.begin(name, 'a', 0).allowed).toBe(true);
    expect(m.begin('u5', 'a', 0)).toEqual({ allowed: false, retryAfterMs: 1_000 });
    expect(m.begin('u5', 'b', 0).allowed).toBe(true);
    expect(m.begin('u5', 'a', 60_001).allowed).toBe(true);
  });

  it('stays within its size, dropping the oldest', () => {
    const m = new MemoryAttempts(limits, 100);
    for (let i = 0; i < 1_000; i++) m.begin(`user${i}`, `source${i}`, i);
    expect(m.size).toBe(100);
  });
});

describe('sign-in sources', () => {
  it('keeps IPv4 as it is and unwraps IPv4-mapped IPv6', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('cuts IPv6 to its /64, however it is written', () => {
    const one = sourceOf('2001:db8:85a3:12::8a2e:370:7334');
    expect(one).toBe('2001:db8:85a3:12::/64');
    expect(sourceOf('2001:0db8:85a3:0012:ffff:ffff:ffff:ffff')).toBe(one);
    expect(sourceOf('2001:DB8:85A3:12:0:0:0:1')).toBe(one);
    expect(sourceOf('2001:db8:85a3:13::1')).not.toBe(one);
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceOf('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps anything else as given', () => {
    expect(sourceOf('unknown')).toBe('unknown');
    expect(sourceOf('')).toBe('');
  });
});

describe('small auth helpers', () => {
  it('makes readable one-time setup codes', () => {
    const codes = new Set(Array.from({ length: 50 }, newSetupCode));
    expect(codes.size).toBe(50);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it('normalises usernames for case and width', () => {
    expect(normalizeUsername(' Agent ')).toBe('agent');
    expect(normalizeUsername('ＡＧＥＮＴ')).toBe('agent');
  });
});
