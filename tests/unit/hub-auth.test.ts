import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { signToken, verifyToken } from '../../server/auth/tokens';
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
  const claims = { uid: 7, org: 2, tv: 0, exp: 2_000 };

  it('round-trips claims until they expire', () => {
    const token = signToken(key, claims);
    expect(verifyToken(key, token, 1_000)).toEqual({ v: 1, ...claims });
    expect(verifyToken(key, token, 2_000)).toBeNull();
  });

  it('refuses another key, tampering and junk', () => {
    const token = signToken(key, claims);
    expect(verifyToken(randomBytes(32), token, 1_000)).toBeNull();
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 1, ...claims, uid: 8 })).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${body}.`, `.${mac}`, body, `${token}.x`, '', '...', 'a.b']) {
      expect(verifyToken(key, bad, 1_000), bad).toBeNull();
    }
  });

  it('refuses a validly signed body that is not claims', () => {
    const body = Buffer.from('not json').toString('base64url');
    const token = signToken(key, claims);
    const mac = token.split('.')[1] ?? '';
    expect(verifyToken(key, `${body}.${mac}`, 1_000)).toBeNull();
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
