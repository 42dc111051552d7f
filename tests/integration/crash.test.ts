import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { ackSchema } from '../../shared/protocol/ack';
import type { OutboxEntry } from '../../shared/bridge/outbox';
import type { SendOutcome } from '../../shared/domain/outbox';
import { defaultOutboxPolicy, OutboxSender } from '../../shared/domain/outbox';
import { validateQueued, realClock } from '../../renderer/session/session-outbox';
import { z } from 'zod';
import { createDatabase } from '../../server/store/database';
import type { ClientSocket } from '../support/hub-client';
import { call, connect, expectOk, freePort, login, tempDir } from '../support/hub-client';
import type { HubProcess } from '../support/hub-process';
import { startHubProcess } from '../support/hub-process';
import { openHostOutbox } from '../support/host-outbox';
import { ownerKey } from '../../shared/bridge/outbox';

const anyAck = ackSchema(z.unknown());

/** Read straight from the dead hub's file: what it had committed when it was killed. */
async function countPosts(dataDir: string): Promise<number> {
  const db = createDatabase({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
  try {
    const rows = await db
      .selectFrom('team_messages')
      .select('body')
      .where('body', 'like', 'order note %')
      .execute();
    return rows.length;
  } finally {
    await db.destroy();
  }
}

describe('a hub killed mid-stream loses nothing and applies nothing twice', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  it('drains 50 team posts across a SIGKILL and restart', async () => {
    const dataDir = tempDir();
    const clientDir = tempDir('wings-client-');
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => rmSync(clientDir, { recursive: true, force: true }));
    const port = await freePort();
    const args = ['--port', String(port), '--data', dataDir, '--demo', '--log-level', 'warn'];

    let hub: HubProcess = await startHubProcess(args);
    cleanup.push(() => hub.child.kill('SIGKILL'));
    const { token, userId } = await login(hub.url, 'agent', 'wings-demo');
    const socket: ClientSocket = await connect(hub.url, token, { reconnection: true });
    cleanup.push(() => socket.close());

    const owner = ownerKey(hub.url, userId);
    const outbox = openHostOutbox(clientDir, owner);
    cleanup.push(() => outbox.close());
    let delivered = 0;
    const emitted = new Map<string, number>();
    const send = async (entry: OutboxEntry): Promise<SendOutcome> => {
      if (!socket.connected) return { kind: 'unreachable' };
      emitted.set(entry.id, (emitted.get(entry.id) ?? 0) + 1);
      try {
        const ack = anyAck.parse(await socket.timeout(3000).emitWithAck(entry.event, entry.payload));
        return ack.ok ? { kind: 'acked', data: ack.data } : { kind: 'rejected', error: ack.error };
      } catch {
        return { kind: 'unreachable' };
      }
    };
    const refused: unknown[] = [];
    const sender = new OutboxSender(
      outbox,
      send,
      { ...defaultOutboxPolicy, validate: validateQueued },
      realClock,
      {
        delivered: () => {
          delivered += 1;
        },
        notSent: (_entry, reason) => refused.push(reason),
      },
    );
    cleanup.push(() => sender.stop());
    socket.on('connect', () => sender.wake());

    const bodies = Array.from({ length: 50 }, (_, i) => `order note ${String(i + 1).padStart(2, '0')}`);
    let killedAt = -1;
    let appliedAtKill = -1;
    for (const body of bodies) {
      const id = uuidv7();
      outbox.put({ id, event: 'team.post', payload: { id, body }, draftKey: 'team.note' });
      await sender.refresh();
      sender.wake();
      // Lets acks arrive between posts, so the kill falls mid-stream rather than before the first send.
      await new Promise((r) => setTimeout(r, 2));
      if (killedAt < 0 && delivered >= 15) {
        // Mid-stream, with a command most likely in flight: no chance to clean up.
        hub.child.kill('SIGKILL');
        await hub.exited;
        killedAt = delivered;
        appliedAtKill = await countPosts(dataDir);
      }
    }
    expect(killedAt).toBeGreaterThanOrEqual(15);
    expect(killedAt).toBeLessThan(50);
    // Everything acknowledged was durable at the moment of the kill.
    expect(appliedAtKill).toBeGreaterThanOrEqual(killedAt);
    expect((await outbox.list()).pending.length).toBeGreaterThan(0);

    hub = await startHubProcess(args);
    await expect
      .poll(async () => (await outbox.list()).pending.length, { timeout: 30_000, interval: 100 })
      .toBe(0);
    expect(refused).toEqual([]);
    expect((await outbox.list()).notSent).toEqual([]);
    const resent = [...emitted.values()].filter((n) => n > 1).length;
    console.log(`killed after ${killedAt} acks, ${appliedAtKill} applied; ${resent} commands sent twice`);

    const history = expectOk(await call(socket, 'team.history', { limit: 200 }));
    const posted = history.items.filter((m) => m.body.startsWith('order note '));
    expect(posted.map((m) => m.body)).toEqual(bodies);
    expect(new Set(posted.map((m) => m.seq)).size).toBe(50);

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
  });
});
