import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ackSchema, type Ack } from '../../shared/protocol/ack';
import type { ClientSocket } from '../support/hub-client';
import { call, connect, expectOk, freePort, login, newId, tempDir } from '../support/hub-client';
import type { HubProcess } from '../support/hub-process';
import { startHubProcess } from '../support/hub-process';
import { callChat, connectCustomer, startChat } from '../support/tickets';

const anyAck = ackSchema(z.unknown());

interface Command {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  /** The first answer, when one came before the hub died. */
  answer: Ack<unknown> | null;
}

/** Sends one lane's commands in order, as an outbox lane does, until the socket stops answering. */
async function sendLane(socket: ClientSocket, lane: Command[], onAck: () => void): Promise<void> {
  for (const command of lane) {
    try {
      command.answer = anyAck.parse(await socket.timeout(2000).emitWithAck(command.event, command.payload));
      onAck();
    } catch {
      return;
    }
  }
}

describe('a hub killed mid-conversation', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  it('loses nothing and doubles nothing on either side after a SIGKILL and a restart', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const args = ['--port', String(port), '--data', dataDir, '--demo', '--log-level', 'warn'];
    let hub: HubProcess = await startHubProcess(args);
    cleanup.push(() => hub.child.kill('SIGKILL'));

    const { token } = await login(hub.url, 'agent', 'wings-demo');
    let agent = await connect(hub.url, token);
    const chat = await startChat(hub.url, { name: '覃丽', message: '螺蛳粉少了一包 R-restart' });
    let customer = await connectCustomer(hub.url, chat.token);
    const ticketId =
      expectOk(await call(agent, 'tickets.list', { view: 'all', search: 'R-restart' })).items[0]?.id ?? 0;
    expect(ticketId).toBeGreaterThan(0);

    const customerLane: Command[] = Array.from({ length: 8 }, () => ({
      id: newId(),
      event: 'chat.send',
      payload: {},
      answer: null,
    })).map((c, i) => ({ ...c, payload: { id: c.id, body: `客户第${i}条` } }));
    const agentLane: Command[] = Array.from({ length: 8 }, () => ({
      id: newId(),
      event: 'tickets.reply',
      payload: {},
      answer: null,
    })).map((c, i) => ({
      ...c,
      payload: { id: c.id, ticketId, body: `客服第${i}条`, internal: i % 3 === 2, seenSeq: 0, force: true },
    }));

    // Both sides write at once; the hub is killed once a few of each are through, others in flight.
    let acked = 0;
    let killed = false;
    const kill = () => {
      acked += 1;
      if (acked >= 5 && !killed) {
        killed = true;
        hub.child.kill('SIGKILL');
      }
    };
    await Promise.all([sendLane(customer, customerLane, kill), sendLane(agent, agentLane, kill)]);
    await hub.exited;
    const answeredBefore = [...customerLane, ...agentLane].filter((c) => c.answer !== null).length;
    expect(answeredBefore).toBeGreaterThanOrEqual(5);
    expect(answeredBefore).toBeLessThan(16);
    agent.close();
    customer.close();

    hub = await startHubProcess(args);
    agent = await connect(hub.url, token);
    customer = await connectCustomer(hub.url, chat.token);
    // Every command again with its id, answered or not: the answered ones get their first answer back.
    for (const [socket, lane] of [
      [customer, customerLane],
      [agent, agentLane],
    ] as const) {
      for (const command of lane) {
        const answer = anyAck.parse(await socket.timeout(5000).emitWithAck(command.event, command.payload));
        expect(answer.ok).toBe(true);
        if (command.answer) expect(answer).toEqual(command.answer);
      }
    }

    const all = expectOk(await call(agent, 'tickets.messages', { ticketId, limit: 200 })).items;
    for (const command of [...customerLane, ...agentLane]) {
      expect(all.filter((m) => m.commandId === command.id)).toHaveLength(1);
    }
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));

    const seen = expectOk(await callChat(customer, 'chat.history', { limit: 200 })).items;
    const bodies = seen.map((m) => m.body);
    for (const command of customerLane)
      expect(seen.filter((m) => m.commandId === command.id)).toHaveLength(1);
    for (const [i, command] of agentLane.entries()) {
      const body = String(command.payload.body);
      // Replies reach the customer once each; notes never.
      expect(bodies.filter((b) => b === body)).toHaveLength(i % 3 === 2 ? 0 : 1);
    }
    expect(seen.map((m) => m.seq)).toEqual(seen.map((_, i) => i + 1));
    agent.close();
    customer.close();
  });
});
