import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accommodationProfileSchema,
  agentPresences,
  defaultAccommodation,
  minReassignAfterMs,
  pickAgent,
  planAssignments,
  slowReplyDueAt,
  slowReplyReassignments,
  ticketsToReturn,
  type AgentLoad,
  type AssignedTicket,
  type QueuedTicket,
  type ReassignPolicy,
} from '../../shared/domain/tickets';

const t0 = 1_800_000_000_000;
const minute = 60_000;

function agent(userId: number, over: Partial<AgentLoad> = {}): AgentLoad {
  return {
    userId,
    presence: 'available',
    openCount: 0,
    maxConcurrent: 3,
    lastAssignedAt: null,
    presenceSince: t0 - 3_600_000,
    ...over,
  };
}

function queued(n: number, over: Partial<QueuedTicket> = {}): QueuedTicket[] {
  return Array.from({ length: n }, (_, i) => ({
    ticketId: 100 + i,
    priority: 'normal',
    createdAt: t0 + i,
    ...over,
  }));
}

function countBy(plan: ReadonlyArray<{ userId: number }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { userId } of plan) counts.set(userId, (counts.get(userId) ?? 0) + 1);
  return counts;
}

describe('pickAgent', () => {
  it('takes the longest idle: never assigned first, then the oldest assignment', () => {
    expect(
      pickAgent([agent(1, { lastAssignedAt: t0 }), agent(2, { lastAssignedAt: t0 - 5 }), agent(3)]),
    ).toBe(3);
    expect(pickAgent([agent(1, { lastAssignedAt: t0 }), agent(2, { lastAssignedAt: t0 - 5 })])).toBe(2);
  });

  it('breaks ties on lastAssignedAt by who has been available longest, then by userId', () => {
    expect(pickAgent([agent(1, { presenceSince: t0 }), agent(2, { presenceSince: t0 - 1 })])).toBe(2);
    expect(pickAgent([agent(7, { lastAssignedAt: t0 }), agent(4, { lastAssignedAt: t0 })])).toBe(4);
  });

  it('gives nothing to busy, away or offline agents, nor to one at their limit', () => {
    for (const presence of agentPresences.filter((p) => p !== 'available')) {
      expect(pickAgent([agent(1, { presence })])).toBeNull();
    }
    expect(
      pickAgent([agent(1, { openCount: 3, maxConcurrent: 3 }), agent(2, { openCount: 1, maxConcurrent: 1 })]),
    ).toBeNull();
    expect(
      pickAgent([
        agent(1, { openCount: 3 }),
        agent(2, { presence: 'away' }),
        agent(3, { lastAssignedAt: t0, openCount: 2 }),
      ]),
    ).toBe(3);
    expect(pickAgent([])).toBeNull();
  });
});

describe('planAssignments', () => {
  it('is round-robin: over many tickets the counts differ by at most one', () => {
    const agents = [1, 2, 3, 4, 5].map((id) => agent(id, { maxConcurrent: 100, presenceSince: t0 - id }));
    const plan = planAssignments(queued(37), agents, t0);
    expect(plan).toHaveLength(37);
    const counts = [...countBy(plan).values()];
    expect(counts).toHaveLength(5);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // The strict rotation: the first five go to five different agents, then it repeats.
    expect(plan.slice(0, 10).map((a) => a.userId)).toEqual([5, 4, 3, 2, 1, 5, 4, 3, 2, 1]);
  });

  it('stays fair across many separate plans, one ticket at a time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 120 }), (n, tickets) => {
        let agents = Array.from({ length: n }, (_, i) => agent(i + 1, { maxConcurrent: 1000 }));
        const counts = new Map<number, number>();
        for (let i = 0; i < tickets; i++) {
          const now = t0 + i * 1000;
          const [assignment] = planAssignments(queued(1, { ticketId: i }), agents, now);
          expect(assignment).toBeDefined();
          if (assignment === undefined) return;
          counts.set(assignment.userId, (counts.get(assignment.userId) ?? 0) + 1);
          agents = agents.map((a) =>
            a.userId === assignment.userId ? { ...a, openCount: a.openCount + 1, lastAssignedAt: now } : a,
          );
        }
        const values = Array.from({ length: n }, (_, i) => counts.get(i + 1) ?? 0);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never exceeds an agent’s concurrency limit, and leaves the rest queued (property)', () => {
    const arbAgent = fc.record({
      userId: fc.integer({ min: 1, max: 50 }),
      presence: fc.constantFrom(...agentPresences),
      openCount: fc.integer({ min: 0, max: 5 }),
      maxConcurrent: fc.integer({ min: 1, max: 5 }),
      lastAssignedAt: fc.option(fc.integer({ min: t0 - 10_000, max: t0 }), { nil: null }),
      presenceSince: fc.integer({ min: t0 - 10_000, max: t0 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbAgent, { selector: (a) => a.userId, maxLength: 8 }),
        fc.integer({ min: 0, max: 40 }),
        (agents, n) => {
          const plan = planAssignments(queued(n), agents, t0);
          const counts = countBy(plan);
          let room = 0;
          for (const a of agents) {
            const given = counts.get(a.userId) ?? 0;
            if (a.presence !== 'available') expect(given).toBe(0);
            else {
              expect(a.openCount + given).toBeLessThanOrEqual(Math.max(a.maxConcurrent, a.openCount));
              room += Math.max(0, a.maxConcurrent - a.openCount);
            }
          }
          expect(plan).toHaveLength(Math.min(n, room));
          expect(new Set(plan.map((p) => p.ticketId)).size).toBe(plan.length);
        },
      ),
    );
  });

  it('fills the limit exactly: two agents with limits 1 and 2 take three tickets of five', () => {
    const plan = planAssignments(
      queued(5),
      [agent(1, { maxConcurrent: 1 }), agent(2, { maxConcurrent: 2 })],
      t0,
    );
    expect(countBy(plan)).toEqual(
      new Map([
        [1, 1],
        [2, 2],
      ]),
    );
  });

  it('assigns urgent before high before normal before low, then oldest first, then by id', () => {
    const queue: QueuedTicket[] = [
      { ticketId: 1, priority: 'low', createdAt: t0 - 9_000 },
      { ticketId: 2, priority: 'normal', createdAt: t0 },
      { ticketId: 3, priority: 'urgent', createdAt: t0 },
      { ticketId: 4, priority: 'normal', createdAt: t0 - 1 },
      { ticketId: 5, priority: 'high', createdAt: t0 },
      { ticketId: 6, priority: 'urgent', createdAt: t0 },
    ];
    const plan = planAssignments(queue, [agent(1, { maxConcurrent: 10 })], t0);
    expect(plan.map((a) => a.ticketId)).toEqual([3, 6, 5, 4, 2, 1]);
    // Only one slot: the most urgent ticket takes it.
    expect(planAssignments(queue, [agent(1, { maxConcurrent: 1 })], t0)).toEqual([
      { ticketId: 3, userId: 1 },
    ]);
  });

  it('does not change the inputs', () => {
    const agents = [agent(1)];
    const queue = queued(2);
    const before = JSON.stringify([agents, queue]);
    planAssignments(queue, agents, t0);
    expect(JSON.stringify([agents, queue])).toBe(before);
  });
});

function assigned(ticketId: number, over: Partial<AssignedTicket> = {}): AssignedTicket {
  return { ticketId, assigneeId: 1, status: 'open', answered: false, assignedAt: t0, ...over };
}

describe('ticketsToReturn', () => {
  it('returns only that agent’s never-answered, unresolved tickets', () => {
    const tickets = [
      assigned(1),
      assigned(2, { answered: true }),
      assigned(3, { status: 'resolved' }),
      assigned(4, { assigneeId: 2 }),
      assigned(5, { status: 'pending' }),
      assigned(6, { status: 'snoozed' }),
      assigned(7, { status: 'pending', answered: true }),
    ];
    expect(ticketsToReturn(tickets, 1)).toEqual([1, 5, 6]);
    expect(ticketsToReturn(tickets, 2)).toEqual([4]);
    expect(ticketsToReturn(tickets, 3)).toEqual([]);
  });
});

describe('slowReplyReassignments', () => {
  const policies = new Map<number, ReassignPolicy>([
    [1, { reassignAfterMs: 30 * minute }],
    [2, { reassignAfterMs: null }],
    [3, { reassignAfterMs: minute }],
  ]);

  it('a null policy never reassigns, however long the ticket waits', () => {
    const tickets = [assigned(1, { assigneeId: 2 })];
    expect(slowReplyReassignments(tickets, policies, t0 + 365 * 24 * 60 * minute)).toEqual([]);
    expect(slowReplyDueAt(tickets[0] ?? assigned(0), policies)).toBeNull();
  });

  it('an agent without a policy gets the default, which is never', () => {
    expect(defaultAccommodation.reassignAfterMs).toBeNull();
    expect(slowReplyReassignments([assigned(1, { assigneeId: 9 })], policies, t0 + 1000 * minute)).toEqual(
      [],
    );
  });

  it('reassigns unanswered active tickets from the threshold on', () => {
    const tickets = [
      assigned(1),
      assigned(2, { answered: true }),
      assigned(3, { status: 'snoozed' }),
      assigned(4, { status: 'pending' }),
    ];
    expect(slowReplyReassignments(tickets, policies, t0 + 30 * minute - 1)).toEqual([]);
    expect(slowReplyReassignments(tickets, policies, t0 + 30 * minute)).toEqual([1, 4]);
    expect(slowReplyDueAt(assigned(1), policies)).toBe(t0 + 30 * minute);
  });

  it('raises a threshold below the minimum to the minimum', () => {
    const tickets = [assigned(1, { assigneeId: 3 })];
    expect(slowReplyReassignments(tickets, policies, t0 + 2 * minute)).toEqual([]);
    expect(slowReplyReassignments(tickets, policies, t0 + minReassignAfterMs)).toEqual([1]);
  });
});

describe('accommodationProfileSchema', () => {
  it('accepts the default and refuses a threshold under the minimum or a zero limit', () => {
    expect(accommodationProfileSchema.safeParse(defaultAccommodation).success).toBe(true);
    expect(defaultAccommodation).toEqual({ maxConcurrent: 3, reassignAfterMs: null, textOnly: false });
    expect(minReassignAfterMs).toBe(10 * minute);
    const ok = { maxConcurrent: 1, reassignAfterMs: minReassignAfterMs, textOnly: true };
    expect(accommodationProfileSchema.safeParse(ok).success).toBe(true);
    expect(
      accommodationProfileSchema.safeParse({ ...ok, reassignAfterMs: minReassignAfterMs - 1 }).success,
    ).toBe(false);
    expect(accommodationProfileSchema.safeParse({ ...ok, maxConcurrent: 0 }).success).toBe(false);
    expect(accommodationProfileSchema.safeParse({ ...ok, maxConcurrent: 1.5 }).success).toBe(false);
    expect(accommodationProfileSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
});
