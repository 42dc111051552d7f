import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/hub-client';
import { call, connect, expectOk, login, newId, startHub, tempDir } from '../support/hub-client';
import { createHub } from '../../server/app';
import { createHmac } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase } from '../../server/store/database';
import { postFrom } from './from-address';

async function refusal(url: string, token: unknown): Promise<string> {
  try {
    const socket = await connect(url, token);
    socket.close();
    return 'connected';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

describe('socket authentication', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ demo: true });
  });
  afterAll(() => t.stop());

  it('refuses a connection without a token', async () => {
    expect(await refusal(t.hub.url, undefined)).toBe('unauthorized');
  });

  it('refuses malformed and forged tokens', async () => {
    const { token } = await login(t.hub.url, 'agent', 'wings-demo');
    const [body, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, uid: 3 })).toString('base64url');
    for (const bad of [
      '',
      'x',
      42,
      { nested: true },
      'a'.repeat(5000),
      `${forged}.${mac}`,
      `${body}.${mac.slice(0, -2)}`,
      `${body}.${mac}.extra`,
      // Spellings a lenient base64 decoder reads as the same signature.
      `${body}.${mac}=`,
      `${body}.${mac}A`,
      `${body}.${mac}%`,
      `${body}=.${mac}`,
    ]) {
      expect(await refusal(t.hub.url, bad), JSON.stringify(bad).slice(0, 40)).toBe('unauthorized');
    }
    expect(await refusal(t.hub.url, token)).toBe('connected');
  });

  it('refuses a token signed by another hub', async () => {
    const other = await startHub({ demo: true });
    try {
      const { token } = await login(other.hub.url, 'agent', 'wings-demo');
      expect(await refusal(t.hub.url, token)).toBe('unauthorized');
    } finally {
      await other.stop();
    }
  });

  it('joins the organisation room and receives its pushes', async () => {
    const a = await connect(t.hub.url, (await login(t.hub.url, 'agent', 'wings-demo')).token);
    const b = await connect(t.hub.url, (await login(t.hub.url, 'anchor', 'wings-demo')).token);
    const pushed = new Promise<unknown>((resolve) => b.once('team.messages', resolve));
    const posted = expectOk(await call(a, 'team.post', { id: newId(), body: 'hi' }));
    expect(await pushed).toEqual({ stream: 'team', messages: [posted.message] });
    a.close();
    b.close();
  });
});

describe('token lifetime across restarts', () => {
  it('keeps tokens valid when the hub restarts on the same data directory', async () => {
    const dataDir = tempDir();
    try {
      const first = await createHub({ dataDir, demo: true, logLevel: 'silent' });
      const { token } = await login(first.url, 'employer', 'wings-demo');
      await first.close();
      await first.close(); // idempotent
      const second = await createHub({ dataDir, demo: true, logLevel: 'silent' });
      try {
        const socket = await connect(second.url, token);
        expect(expectOk(await call(socket, 'session.whoami', {})).user.username).toBe('employer');
        socket.close();
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('disconnects sockets when the hub closes', async () => {
    const t = await startHub({ demo: true });
    const socket = await connect(t.hub.url, (await login(t.hub.url, 'agent', 'wings-demo')).token);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await t.stop();
    expect(await gone).toMatch(/disconnect|close/);
  });
});

function logout(url: string, authorization?: string) {
  return postFrom(`${url}/api/logout`, {}, authorization === undefined ? {} : { headers: { authorization } });
}

/** A token this hub would accept, made with its own key file: for claims a login never issues. */
function mint(dataDir: string, claims: Record<string, unknown>): string {
  const key = Buffer.from(readFileSync(join(dataDir, 'token.key'), 'utf8').trim(), 'base64');
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

async function revokedRows(dataDir: string): Promise<{ token_id: string; expires_at: number }[]> {
  const db = createDatabase({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
  try {
    return await db
      .selectFrom('revoked_tokens')
      .select(['token_id', 'expires_at'])
      .orderBy('token_id')
      .execute();
  } finally {
    await db.destroy();
  }
}

describe('sign-out', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ demo: true });
  });
  afterAll(() => t.stop());

  it('ends the sockets of that token only, and the token never connects again', async () => {
    const first = await login(t.hub.url, 'agent', 'wings-demo');
    const second = await login(t.hub.url, 'agent', 'wings-demo');
    const a1 = await connect(t.hub.url, first.token);
    const a2 = await connect(t.hub.url, first.token);
    const b = await connect(t.hub.url, second.token);
    const ended = Promise.all([a1, a2].map((s) => new Promise<string>((r) => s.once('disconnect', r))));

    const answer = await logout(t.hub.url, `Bearer ${first.token}`);
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
    expect(await ended).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await refusal(t.hub.url, first.token)).toBe('unauthorized');
    // The same person's other session goes on.
    expect(b.connected).toBe(true);
    expect(expectOk(await call(b, 'session.whoami', {})).user.username).toBe('agent');
    b.close();
    const [claims] = first.token.split('.');
    const { jti } = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString('utf8')) as { jti: string };
    expect(await revokedRows(t.dataDir)).toEqual([{ token_id: jti, expires_at: first.expiresAt }]);
  });

  it('answers 204 for anything, telling nothing, and records only genuine live tokens', async () => {
    const before = await revokedRows(t.dataDir);
    const now = Date.now();
    const expired = mint(t.dataDir, {
      v: 2,
      jti: 'EEEEEEEEEEEEEEEEEEEEEE',
      uid: 1,
      org: 1,
      tv: 0,
      iat: now - 60_000,
      exp: now - 1,
    });
    const { token } = await login(t.hub.url, 'anchor', 'wings-demo');
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      'Basic YWdlbnQ6d2luZ3MtZGVtbw==',
      'Bearer not-a-token',
      `Bearer ${token}=`,
      `Bearer ${expired}`,
    ]) {
      const answer = await logout(t.hub.url, authorization);
      expect(answer.status, String(authorization)).toBe(204);
      expect(answer.body).toBeNull();
    }
    expect(await revokedRows(t.dataDir)).toEqual(before);
    expect((await logout(t.hub.url, `Bearer ${token}`)).status).toBe(204);
    expect((await logout(t.hub.url, `bearer ${token}`)).status).toBe(204);
    expect(await revokedRows(t.dataDir)).toHaveLength(before.length + 1);
  });
});

describe('the signing key', () => {
  it('lives in token.key (0600), not in the store, and a copy of the store cannot mint or accept tokens', async () => {
    const t = await startHub({ demo: true });
    const copyDir = tempDir();
    try {
      const keyFile = join(t.dataDir, 'token.key');
      expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
      if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const { token } = await login(t.hub.url, 'agent', 'wings-demo');
      await t.stop({ keep: true });
      const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
      try {
        expect(await db.selectFrom('hub_secrets').selectAll().execute()).toEqual([]);
      } finally {
        await db.destroy();
      }
      // The store alone, as in a backup: its hub makes a key of its own and refuses the original's tokens.
      copyFileSync(join(t.dataDir, 'hub.sqlite'), join(copyDir, 'hub.sqlite'));
      const copy = await startHub({ dataDir: copyDir });
      try {
        expect(await refusal(copy.hub.url, token)).toBe('unauthorized');
      } finally {
        await copy.stop();
      }
    } finally {
      rmSync(t.dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a damaged key file rather than ending every session', async () => {
    const dataDir = tempDir();
    try {
      const first = await createHub({ dataDir, demo: true, logLevel: 'silent' });
      await first.close();
      writeFileSync(join(dataDir, 'token.key'), 'not a key\n', { mode: 0o600 });
      await expect(createHub({ dataDir, demo: true, logLevel: 'silent' })).rejects.toThrow(
        /token\.key is damaged/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps a sign-out across a restart', async () => {
    const dataDir = tempDir();
    try {
      const first = await createHub({ dataDir, demo: true, logLevel: 'silent' });
      const { token } = await login(first.url, 'employer', 'wings-demo');
      expect((await logout(first.url, `Bearer ${token}`)).status).toBe(204);
      await first.close();
      const second = await createHub({ dataDir, demo: true, logLevel: 'silent' });
      try {
        expect(await refusal(second.url, token)).toBe('unauthorized');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
