import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countsTowardLoad,
  isActive,
  ticketStatuses,
  transition,
  type TicketEvent,
  type TicketState,
  type TicketStatus,
} from '../../shared/domain/tickets';

const now = 1_800_000_000_000;
const later = now + 3_600_000;

function state(status: TicketStatus, answered = false): TicketState {
  return { status, snoozedUntil: status === 'snoozed' ? later : null, answered };
}

type Expect = TicketStatus | 'not_allowed' | 'snooze_in_past';

/** Every event from every status: the whole table, so a changed rule shows here. */
const table: ReadonlyArray<readonly [TicketEvent, Record<TicketStatus, Expect>]> = [
  [
    { type: 'assigned' },
    { new: 'open', open: 'open', pending: 'pending', snoozed: 'snoozed', resolved: 'resolved' },
  ],
  [
    { type: 'agent_reply' },
    { new: 'open', open: 'open', pending: 'pending', snoozed: 'snoozed', resolved: 'resolved' },
  ],
  [
    { type: 'customer_message' },
    { new: 'new', open: 'open', pending: 'open', snoozed: 'open', resolved: 'open' },
  ],
  [
    { type: 'pending' },
    { new: 'pending', open: 'pending', pending: 'pending', snoozed: 'not_allowed', resolved: 'not_allowed' },
  ],
  [
    { type: 'snooze', until: later + 60_000 },
    { new: 'snoozed', open: 'snoozed', pending: 'snoozed', snoozed: 'snoozed', resolved: 'not_allowed' },
  ],
  [
    { type: 'wake' },
    {
      new: 'not_allowed',
      open: 'not_allowed',
      pending: 'not_allowed',
      snoozed: 'open',
      resolved: 'not_allowed',
    },
  ],
  [
    { type: 'resolve' },
    { new: 'resolved', open: 'resolved', pending: 'resolved', snoozed: 'resolved', resolved: 'resolved' },
  ],
  [
    { type: 'reopen' },
    {
      new: 'not_allowed',
      open: 'not_allowed',
      pending: 'not_allowed',
      snoozed: 'not_allowed',
      resolved: 'open',
    },
  ],
];

describe('ticket status transitions', () => {
  for (const [event, row] of table) {
    for (const from of ticketStatuses) {
      const expected = row[from];
      it(`${event.type} from ${from} -> ${expected}`, () => {
        const result = transition(state(from, true), event, now);
        if (expected === 'not_allowed' || expected === 'snooze_in_past') {
          expect(result).toEqual({ ok: false, reason: expected });
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.state.status).toBe(expected);
        }
      });
    }
  }

  it('unassigned: an open ticket nobody answered goes back to new, an answered one stays open', () => {
    expect(transition(state('open', false), { type: 'unassigned' }, now)).toEqual({
      ok: true,
      state: { status: 'new', snoozedUntil: null, answered: false },
      changed: true,
    });
    expect(transition(state('open', true), { type: 'unassigned' }, now)).toEqual({
      ok: true,
      state: { status: 'open', snoozedUntil: null, answered: false },
      changed: true,
    });
    for (const status of ['new', 'pending', 'snoozed', 'resolved'] as const) {
      const result = transition(state(status, false), { type: 'unassigned' }, now);
      expect(result.ok && result.state.status).toBe(status);
    }
  });

  it('an agent reply marks the ticket answered; a customer message does not', () => {
    const replied = transition(state('new'), { type: 'agent_reply' }, now);
    expect(replied).toEqual({
      ok: true,
      state: { status: 'open', snoozedUntil: null, answered: true },
      changed: true,
    });
    const pendingReply = transition(state('pending'), { type: 'agent_reply' }, now);
    expect(pendingReply.ok && pendingReply.state).toEqual({
      status: 'pending',
      snoozedUntil: null,
      answered: true,
    });
    const fromCustomer = transition(state('open'), { type: 'customer_message' }, now);
    expect(fromCustomer).toEqual({ ok: true, state: state('open'), changed: false });
  });

  it('snooze needs a time after now, and leaving snoozed clears it', () => {
    expect(transition(state('open'), { type: 'snooze', until: now }, now)).toEqual({
      ok: false,
      reason: 'snooze_in_past',
    });
    expect(transition(state('open'), { type: 'snooze', until: now - 1 }, now)).toEqual({
      ok: false,
      reason: 'snooze_in_past',
    });
    expect(transition(state('open'), { type: 'snooze', until: Number.NaN }, now)).toEqual({
      ok: false,
      reason: 'snooze_in_past',
    });
    const snoozed = transition(state('open'), { type: 'snooze', until: now + 1 }, now);
    expect(snoozed.ok && snoozed.state).toEqual({
      status: 'snoozed',
      snoozedUntil: now + 1,
      answered: false,
    });
    // From resolved the status rule refuses first, whatever the time.
    expect(transition(state('resolved'), { type: 'snooze', until: now - 1 }, now)).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    for (const type of ['wake', 'customer_message', 'resolve'] as const) {
      const left = transition(state('snoozed'), { type }, now);
      expect(left.ok && left.state.snoozedUntil).toBeNull();
    }
  });

  it('re-snoozing moves the wake time', () => {
    const moved = transition(state('snoozed'), { type: 'snooze', until: later + 5 }, now);
    expect(moved).toEqual({
      ok: true,
      state: { status: 'snoozed', snoozedUntil: later + 5, answered: false },
      changed: true,
    });
  });

  it('repeating a move is ok with changed false and returns the same state', () => {
    const resolved = state('resolved', true);
    const again = transition(resolved, { type: 'resolve' }, now);
    expect(again).toEqual({ ok: true, state: resolved, changed: false });
    expect(again.ok && again.state).toBe(resolved);
    expect(transition(state('pending'), { type: 'pending' }, now)).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(transition(state('open', true), { type: 'agent_reply' }, now)).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(transition(state('open'), { type: 'assigned' }, now)).toMatchObject({ ok: true, changed: false });
  });

  it('changed is true exactly when the state differs (property)', () => {
    const events = fc.oneof(
      fc.constantFrom<TicketEvent>(
        { type: 'assigned' },
        { type: 'unassigned' },
        { type: 'agent_reply' },
        { type: 'customer_message' },
        { type: 'pending' },
        { type: 'wake' },
        { type: 'resolve' },
        { type: 'reopen' },
      ),
      fc.integer({ min: -10, max: 10 }).map((d): TicketEvent => ({ type: 'snooze', until: now + d * 1000 })),
    );
    fc.assert(
      fc.property(fc.array(events, { maxLength: 40 }), (sequence) => {
        let current: TicketState = { status: 'new', snoozedUntil: null, answered: false };
        for (const event of sequence) {
          const result = transition(current, event, now);
          if (!result.ok) continue;
          expect(result.changed).toBe(JSON.stringify(result.state) !== JSON.stringify(current));
          // Invariant: a wake time exists exactly while snoozed.
          expect(result.state.snoozedUntil !== null).toBe(result.state.status === 'snoozed');
          current = result.state;
        }
      }),
    );
  });

  it('isActive and countsTowardLoad: new, open and pending only', () => {
    expect(ticketStatuses.filter(isActive)).toEqual(['new', 'open', 'pending']);
    expect(ticketStatuses.filter(countsTowardLoad)).toEqual(['new', 'open', 'pending']);
  });
});
