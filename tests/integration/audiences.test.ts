import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { publicProtocol, protocolVersion } from '../../shared/protocol';
import { commandNames, guestCommands, namespaces } from '../../shared/protocol/events';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { emitRaw, expectOk, newId, signIn, startHub } from '../support/hub-client';

/**
 * Each kind of principal has its own namespace and its own table: whatever a
 * socket sends, it reaches only its own audience's commands.
 */
describe('audiences', () => {
  /** A socket on /public, as any page or program may open without signing in. */
  async function openGuest(): Promise<Socket> {
    const socket = io(`${t.hub.url}${namespaces.guest}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  let t: TestHub;
  let worker: ClientSocket;
  let guest: Socket;

  beforeAll(async () => {
    t = await startHub({ demo: true });
    worker = await signIn(t.hub.url, 'employer', 'wings-demo');
    guest = await openGuest();
  });
  afterAll(async () => {
    worker.close();
    guest.close();
    await t.stop();
  });

  it('answers anyone on /public with who the hub is, and nothing about anyone', async () => {
    const before = Date.now();
    const hello = publicProtocol.helloOutput.parse(
      expectOk((await emitRaw(guest, 'hub.hello', {})) as never),
    );
    expect(hello).toMatchObject({ product: 'wings-hub', protocol: protocolVersion, setupRequired: false });
    expect(hello.serverTime).toBeGreaterThanOrEqual(before - 1000);
  });

  it("never lets a guest reach a worker's command, with or without a token in the payload", async () => {
    for (const name of commandNames) {
      // One socket per try: a guest's budget is small, and this test is about the table, not the budget.
      const outsider = await openGuest();
      const answer = await emitRaw(outsider, name, { id: newId(), body: 'from outside', token: 'x' });
      outsider.close();
      expect(answer, name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'Unknown command.' },
      });
    }
  });

  it("never lets a worker's socket call another audience's commands", async () => {
    for (const name of Object.keys(guestCommands)) {
      expect(await emitRaw(worker, name, {}), name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'Unknown command.' },
      });
    }
  });

  it('gives guests a budget of their own, far smaller than a worker', async () => {
    const flooder = await openGuest();
    const answers = await Promise.all(Array.from({ length: 20 }, () => emitRaw(flooder, 'hub.hello', {})));
    flooder.close();
    const limited = answers.filter(
      (a) => (a as { error?: { code?: string } }).error?.code === 'rate_limited',
    );
    expect(limited.length).toBeGreaterThan(10);
    // The worker, on its own socket and budget, is served meanwhile.
    expect((await emitRaw(worker, 'session.whoami', {})) as { ok: boolean }).toMatchObject({ ok: true });
  });
});
