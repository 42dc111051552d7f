import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackSchema } from '../../shared/protocol/ack';
import type { CommandName } from '../../shared/protocol/events';
import { commandNames, commands } from '../../shared/protocol/events';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, emitRaw, expectOk, newId, signIn, startHub, unlimitedBudget } from '../support/hub-client';
import { z } from 'zod';
import { defaultSlaTargets } from '../../shared/domain/tickets/sla';
import { defaultQuotaParameters } from '../../shared/domain/quota/parameters';

const anyAck = ackSchema(z.unknown());

/** Names the socket.io client itself refuses to emit. */
const clientReserved = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

/** What the hub receives: socket.io serialises the argument list as JSON. */
const onTheWire = (payload: unknown): unknown => (JSON.parse(JSON.stringify([payload])) as unknown[])[0];

describe('malformed input never crashes or wedges the hub', () => {
  let t: TestHub;
  let socket: ClientSocket;
  let spareUserId = 0;

  beforeAll(async () => {
    // The fuzzer sends thousands of events from one socket on purpose; the budget is tested on its own.
    t = await startHub({ demo: true, media: false, budgets: { worker: unlimitedBudget } });
    socket = await signIn(t.hub.url, 'employer', 'wings-demo');
    const spare = expectOk(
      await call(socket, 'admin.users.create', {
        id: newId(),
        username: 'spare',
        displayName: 'Spare',
        password: 'spare-password',
        roles: ['agent'],
      }),
    );
    spareUserId = spare.user.id;
  });
  afterAll(async () => {
    socket.close();
    await t.stop();
  });

  async function stillHealthy(): Promise<void> {
    expect(socket.connected).toBe(true);
    expect(expectOk(await call(socket, 'session.whoami', {})).user.username).toBe('employer');
    expect((await fetch(`${t.hub.url}/healthz`)).status).toBe(200);
  }

  /** A valid payload per command, so the fuzzer can also try near-misses of it. */
  const samples = (): Record<CommandName, Record<string, unknown>> => ({
    'session.whoami': {},
    'admin.users.list': {},
    'admin.users.create': {
      id: newId(),
      username: `fz${Math.floor(Math.random() * 1e9)}`,
      displayName: 'Fuzz',
      password: 'fuzz-password',
      roles: ['agent'],
    },
    // Only ever the spare user: a valid reset of the caller would end this socket.
    'admin.users.resetPassword': { id: newId(), userId: spareUserId, password: 'fuzz-password' },
    'admin.users.setRoles': { id: newId(), userId: spareUserId, roles: ['agent'] },
    'team.post': { id: newId(), body: 'fuzz' },
    'team.history': {},
    // Ticket 1 is one of the demo's; a note never meets the "changed" refusal a reply can.
    'tickets.list': { view: 'all' },
    'tickets.counts': {},
    'tickets.get': { ticketId: 1 },
    'tickets.messages': { ticketId: 1 },
    'tickets.context': { ticketId: 1 },
    'tickets.suggest': { ticketId: 1 },
    'tickets.reply': { id: newId(), ticketId: 1, body: 'fuzz', internal: true, seenSeq: 0 },
    'tickets.claim': { id: newId(), ticketId: 1 },
    'tickets.transfer': { id: newId(), ticketId: 1, toUserId: null },
    'tickets.setStatus': { id: newId(), ticketId: 1, status: 'open' },
    'tickets.update': { id: newId(), ticketId: 1, priority: 'high' },
    'tickets.read': { id: newId(), ticketId: 1, readCount: 0 },
    'agents.list': {},
    'agents.setPresence': { id: newId(), presence: 'available' },
    'agents.setProfile': {
      id: newId(),
      userId: spareUserId,
      profile: { maxConcurrent: 3, reassignAfterMs: null, textOnly: false },
    },
    'tickets.settings': {},
    'tickets.saveSettings': { id: newId(), assignmentMode: 'auto', sla: defaultSlaTargets },
    'canned.list': {},
    'canned.save': {
      id: newId(),
      scope: 'mine',
      shortcut: `/fz${Math.floor(Math.random() * 1e9)}`,
      title: 'Fuzz',
      body: 'fuzz',
      locale: null,
    },
    'canned.delete': { id: newId(), cannedId: 999_999 },
    // Live: the employer reads the demo room; the anchor's own commands are refused by role.
    'live.console': {},
    'live.rooms': {},
    'live.room': { slug: 'jinfeng-kumquats' },
    'live.products': {},
    'live.product.save': {
      id: newId(),
      name: 'Fuzz',
      description: '',
      imageUrl: null,
      priceFen: 100,
      stock: 1,
    },
    'live.broadcast.start': { id: newId(), title: 'Fuzz' },
    'live.broadcast.end': { id: newId(), broadcastId: 1 },
    'live.pin': { id: newId(), broadcastId: 1, productId: 1 },
    'live.sale.start': { id: newId(), broadcastId: 1, productId: 1, priceFen: 100, quantity: 1, seconds: 60 },
    'live.sale.end': { id: newId(), saleId: 1 },
    'live.comments': { broadcastId: 1 },
    'live.orders': { broadcastId: 1 },
    'live.comment.delete': { id: newId(), commentId: 1 },
    'live.comment.pin': { id: newId(), broadcastId: 1, commentId: null },
    'live.viewer.mute': { id: newId(), broadcastId: 1, viewerId: 1 },
    'live.keywords': {},
    'live.keywords.save': { id: newId(), words: ['加微信'] },
    'live.scripts': {},
    'live.script.save': { id: newId(), kind: 'phrase', productId: null, title: 'Fuzz', body: 'fuzz' },
    'live.script.delete': { id: newId(), scriptId: 999_999 },
    'live.restream.start': { broadcastId: 1, url: 'rtmp://127.0.0.1/live', streamKey: 'fuzz' },
    'live.restream.stop': { broadcastId: 1 },
    'live.recording.start': { broadcastId: 1 },
    'live.recording.stop': { broadcastId: 1 },
    'media.capabilities': { broadcastId: 1 },
    'media.transport.create': { broadcastId: 1, direction: 'recv' },
    'media.transport.connect': { transportId: 't', dtlsParameters: {} },
    'media.transport.restartIce': { transportId: 't' },
    'media.produce': { transportId: 't', kind: 'video', rtpParameters: {} },
    'media.consume': { transportId: 't', producerId: 'p', rtpCapabilities: {} },
    'media.consumer.resume': { consumerId: 'c' },
    'media.producers': { broadcastId: 1 },
    // Quota records only ever for the spare user; a valid certificate number (check 7, kind 4, grade 1).
    'quota.people': {},
    'quota.savePerson': {
      id: newId(),
      userId: spareUserId,
      grade: 1,
      kind: 'physical',
      certificateNumber: '45010219850312009741',
      contractStart: '2025-01-01',
      contractEnd: null,
    },
    'quota.removePerson': { id: newId(), userId: spareUserId },
    'quota.saveMonth': {
      id: newId(),
      userId: spareUserId,
      month: '2025-01',
      wageFen: 300_000,
      insurancePaid: true,
    },
    'quota.settings': {},
    'quota.saveSettings': { id: newId(), parameters: defaultQuotaParameters },
    'quota.report': { year: 2025 },
    'quota.export': { year: 2025 },
    // Pay: rules far ahead, a correction and a refund that touch only the spare user or no order.
    'pay.rules': {},
    'pay.saveRule': {
      id: newId(),
      userId: spareUserId,
      effectiveFrom: '2099-01-01',
      hourlyFen: 2500,
      perTicketFen: 150,
      csatBonusFen: 200,
      csatMinScore: 4,
      liveHourFen: 3000,
      commissionBp: 500,
    },
    'earnings.mine': { period: 'week', day: '2026-01-05' },
    'earnings.worker': { userId: spareUserId, period: 'month', day: '2026-01-05' },
    'statement.get': { userId: spareUserId, month: '2026-01' },
    'ledger.correct': { id: newId(), userId: spareUserId, amountFen: 1, day: '2026-01-05', reason: 'fuzz' },
    'orders.refund': { id: newId(), orderId: 999_999 },
    'output.report': { from: '2026-01-01', to: '2026-01-08' },
    'output.export': { from: '2026-01-01', to: '2026-01-08', format: 'csv', language: 'en' },
    // Shifts: the employer's own clock (a fresh counter each time), decisions and edits of the spare user only.
    'shifts.clock': {
      id: newId(),
      kind: 'in',
      deviceId: '0192f0a0-0000-4000-8000-00000000f022',
      counter: 1 + Math.floor(Math.random() * 1e9),
      deviceAt: Date.now(),
      deviceSkewMs: null,
    },
    'shifts.mine': {},
    'roster.list': {},
    'timesheets.list': { period: 'week', start: '2026-01-05' },
    'timesheets.get': { userId: spareUserId, period: 'week', start: '2026-01-05' },
    'timesheets.mine': { period: 'month', start: '2026-01-01' },
    'timesheets.approve': { id: newId(), userId: spareUserId, period: 'week', start: '2026-01-05' },
    'timesheets.return': {
      id: newId(),
      userId: spareUserId,
      period: 'week',
      start: '2026-01-05',
      comment: 'fuzz',
    },
    'timesheets.editShift': {
      id: newId(),
      userId: spareUserId,
      shiftKey: 'no-such-shift',
      startedAt: 1_700_000_000_000,
      endedAt: 1_700_000_060_000,
      reason: 'fuzz',
    },
  });

  /**
   * Refusals a payload of the right shape may still meet, besides conflict and not_found, because
   * the command checks more than the shape: braces naming no variable in a canned reply, a snooze
   * too far ahead, a reply to a conversation that moved on.
   */
  const anchorOnly = ['forbidden'];
  const meaningRefusals: Partial<Record<CommandName, string[]>> = {
    'canned.save': ['invalid_input'],
    'tickets.setStatus': ['invalid_input'],
    'tickets.reply': ['changed'],
    // A certificate number that does not match the grade or kind, or is another worker's.
    'quota.savePerson': ['invalid_input'],
    // A rule that would take effect in the past; a report that ends before it starts or spans over a year.
    'pay.saveRule': ['invalid_input'],
    'output.report': ['invalid_input'],
    'output.export': ['invalid_input'],
    // The employer is a supervisor and admin, not an anchor: these are refused by role after the shape.
    'live.console': anchorOnly,
    'live.product.save': anchorOnly,
    'live.broadcast.start': anchorOnly,
    'live.broadcast.end': anchorOnly,
    'live.pin': anchorOnly,
    'live.sale.start': anchorOnly,
    'live.sale.end': anchorOnly,
    'live.comment.delete': anchorOnly,
    'live.comment.pin': anchorOnly,
    'live.viewer.mute': anchorOnly,
    'live.scripts': anchorOnly,
    'live.script.save': anchorOnly,
    'live.script.delete': anchorOnly,
    'live.restream.start': anchorOnly,
    'live.restream.stop': anchorOnly,
    'live.recording.start': anchorOnly,
    'live.recording.stop': anchorOnly,
    'media.produce': anchorOnly,
  };

  function payloads(name: CommandName): fc.Arbitrary<unknown> {
    const sample = samples()[name];
    const keys = Object.keys(sample);
    const junk = fc.oneof(
      fc.anything(),
      fc.string({ maxLength: 3000 }),
      fc.constant('x'.repeat(100_000)),
      fc.constantFrom(null, -1, 0, 1.5, 2 ** 53, '', [], {}, true, '00000000-0000-7000-8000-000000000000'),
    );
    const nearMisses =
      keys.length === 0
        ? []
        : [
            fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => ({ ...sample, [k]: v })),
            fc
              .constantFrom(...keys)
              .map((k) => Object.fromEntries(Object.entries(sample).filter(([key]) => key !== k))),
          ];
    return fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.tuple(fc.string(), junk).map(([k, v]) => ({ ...sample, [k]: v })),
      fc.constant('x'.repeat(200_000)),
      fc.array(fc.constant(sample), { maxLength: 3 }),
      ...nearMisses,
    );
  }

  for (const name of commandNames) {
    it(`answers every malformed ${name} with invalid_input`, async () => {
      const schema = commands[name].input;
      await fc.assert(
        fc.asyncProperty(payloads(name), async (payload) => {
          const answer = anyAck.parse(await emitRaw(socket, name, payload));
          if (schema.safeParse(onTheWire(payload)).success) {
            // A payload that happens to be valid is applied or refused for a reason other than its shape.
            if (!answer.ok)
              expect(['conflict', 'not_found', ...(meaningRefusals[name] ?? [])]).toContain(
                answer.error.code,
              );
          } else {
            expect(answer.ok).toBe(false);
            if (!answer.ok) {
              expect(answer.error.code).toBe('invalid_input');
              expect(Array.isArray(answer.error.issues)).toBe(true);
            }
          }
        }),
        { numRuns: 150 },
      );
      await stillHealthy();
    });
  }

  it('answers unknown event names with invalid_input', async () => {
    const names = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        '',
        'error',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'session.whoami ',
        'SESSION.WHOAMI',
        'team.messages',
        'x'.repeat(10_000),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        names.filter((n) => !clientReserved.has(n) && !(commandNames as string[]).includes(n)),
        fc.anything(),
        async (name, payload) => {
          const answer = anyAck.parse(await emitRaw(socket, name, payload));
          expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        },
      ),
      { numRuns: 200 },
    );
    await stillHealthy();
  });

  it('drops events without an ack and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...commandNames),
          fc.string().filter((n) => !clientReserved.has(n)),
        ),
        fc.anything(),
        (name, payload) => {
          socket.emit(name, payload);
          return Promise.resolve();
        },
      ),
      { numRuns: 300 },
    );
    // A valid mutating command without an ack is not applied: there would be no one to tell.
    const id = newId();
    socket.emit('team.post', { id, body: 'fire and forget' });
    socket.emit('error', { boom: true });
    await stillHealthy();
    const history = expectOk(await call(socket, 'team.history', { limit: 200 }));
    expect(history.items.map((m) => m.commandId)).not.toContain(id);
  });

  it('treats a function as payload as no payload', async () => {
    const acked = await new Promise<unknown>((resolve) => {
      socket.emit('team.post', resolve);
    });
    expect(acked).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const second = await new Promise<unknown>((resolve) => {
      socket.emit('team.post', () => 'not data', resolve);
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Extra arguments after the payload are ignored.
    const extra = await new Promise<unknown>((resolve) => {
      socket.emit('session.whoami', {}, 'extra', 42, resolve);
    });
    expect(extra).toMatchObject({ ok: true });
    await stillHealthy();
  });

  it('answers deeply nested junk sent as a raw packet', async () => {
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const answered = new Promise<unknown>((resolve) => {
      const onPacket = (packet: { type: number; id?: number; data?: unknown }) => {
        if (packet.type === 3 && packet.id === 4242) {
          socket.io.off('packet', onPacket);
          resolve(packet.data);
        }
      };
      socket.io.on('packet', onPacket);
    });
    socket.io.engine.send(`24242["team.post",{"id":${nested},"body":"x"}]`);
    expect(await answered).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_input' }) }),
    ]);
    await stillHealthy();
  });

  it('closes only the connection that sends garbage frames or oversized messages', async () => {
    for (const frame of [
      '2["session.whoami",{',
      '2[1,2',
      '9',
      '2null',
      '2{"a":1}',
      '2["connect"]',
      `2${'['.repeat(300_000)}`,
    ]) {
      const victim = await signIn(t.hub.url, 'agent', 'wings-demo');
      const closed = new Promise((resolve) => victim.once('disconnect', resolve));
      victim.io.engine.send(frame);
      await closed;
      await stillHealthy();
    }
    const big = await signIn(t.hub.url, 'agent', 'wings-demo');
    const closed = new Promise((resolve) => big.once('disconnect', resolve));
    big.emit('team.post', { id: newId(), body: 'x'.repeat(600 * 1024) }, () => undefined);
    await closed;
    await stillHealthy();
  });
});
