import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/hub-client';
import { call, connect, expectOk, login, newId, startHub, tempDir } from '../support/hub-client';
import { createHub } from '../../server/app';
import { rmSync } from 'node:fs';

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
    const pushed = new Promise<unknown>((resolve) => b.once('team.message', resolve));
    const posted = expectOk(await call(a, 'team.post', { id: newId(), body: 'hi' }));
    expect(await pushed).toEqual({ stream: 'team', message: posted.message });
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
