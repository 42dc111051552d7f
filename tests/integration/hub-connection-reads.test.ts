import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubConnection } from '../../renderer/net/hub-connection';
import { login, startHub, type TestHub } from '../support/hub-client';

/**
 * A view that opens with many reads at once (a conversation asks for the
 * ticket, its messages, the customer, the suggestions; the queue its pages
 * and counts) must stay inside the hub's per-socket budget (8 in flight):
 * the connection queues its reads instead of being refused.
 */
describe('reads through the hub connection', () => {
  let t: TestHub;
  let hub: HubConnection;
  beforeAll(async () => {
    t = await startHub({ demo: true });
    const session = await login(t.hub.url, 'agent', 'wings-demo');
    hub = new HubConnection({
      hubUrl: t.hub.url,
      token: session.token,
      expiresAt: session.expiresAt,
      user: session.user,
      socketOptions: { transports: ['websocket'] },
    });
    await new Promise<void>((resolve) => {
      const off = hub.onConnected(() => {
        off();
        resolve();
      });
    });
  });
  afterAll(async () => {
    hub.close();
    await t.stop();
  });

  it('answers forty reads asked at once, none refused for the budget', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? hub.request('tickets.get', { ticketId: (i % 40) + 1 })
          : hub.request('tickets.messages', { ticketId: (i % 40) + 1 }),
      ),
    );
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? null : a.error.code))).toEqual([]);
  });
});
