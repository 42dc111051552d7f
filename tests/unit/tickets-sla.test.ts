import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultSlaTargets,
  nextSlaChangeAt,
  slaClock,
  slaTargetsSchema,
  ticketPriorities,
  ticketStatuses,
  timeToBreach,
  warningLeadMs,
  type SlaTicket,
} from '../../shared/domain/tickets';

const t0 = 1_800_000_000_000;
const minute = 60_000;
const hour = 60 * minute;

function ticket(over: Partial<SlaTicket> = {}): SlaTicket {
  return {
    priority: 'urgent',
    status: 'open',
    createdAt: t0,
    firstResponseAt: null,
    resolvedAt: null,
    pausedMs: 0,
    pausedSince: null,
    ...over,
  };
}

const clock = (t: SlaTicket, now: number) => slaClock(t, defaultSlaTargets, now);

describe('default targets', () => {
  it('are the realistic e-commerce ones and pass the schema', () => {
    expect(defaultSlaTargets.urgent).toEqual({ firstResponseMs: 15 * minute, resolutionMs: 4 * hour });
    expect(defaultSlaTargets.high).toEqual({ firstResponseMs: hour, resolutionMs: 8 * hour });
    expect(defaultSlaTargets.normal).toEqual({ firstResponseMs: 4 * hour, resolutionMs: 24 * hour });
    expect(defaultSlaTargets.low).toEqual({ firstResponseMs: 8 * hour, resolutionMs: 72 * hour });
    expect(slaTargetsSchema.parse(defaultSlaTargets)).toEqual(defaultSlaTargets);
  });
});

describe('warningLeadMs', () => {
  it('is a fifth of the target, at least two minutes, at most the whole target', () => {
    expect(warningLeadMs(15 * minute)).toBe(3 * minute);
    expect(warningLeadMs(4 * hour)).toBe(48 * minute);
    expect(warningLeadMs(5 * minute)).toBe(2 * minute);
    expect(warningLeadMs(10 * minute)).toBe(2 * minute);
    expect(warningLeadMs(minute)).toBe(minute);
  });
});

describe('first-response clock', () => {
  const due = t0 + 15 * minute;
  const warnAt = due - 3 * minute;

  it('is ok until the warning, warns from the lead before due, breaches at due', () => {
    expect(clock(ticket(), t0)).toEqual({
      target: 'first_response',
      dueAt: due,
      remainingMs: 15 * minute,
      phase: 'ok',
    });
    expect(clock(ticket(), warnAt - 1).phase).toBe('ok');
    expect(clock(ticket(), warnAt).phase).toBe('warning');
    expect(clock(ticket(), due - 1)).toMatchObject({ phase: 'warning', remainingMs: 1 });
    expect(clock(ticket(), due)).toMatchObject({ phase: 'breached', remainingMs: 0 });
    expect(clock(ticket(), due + 5 * minute)).toMatchObject({ phase: 'breached', remainingMs: -5 * minute });
  });

  it('does not pause while the ticket waits', () => {
    const waiting = ticket({ status: 'pending', pausedSince: t0 + minute });
    expect(clock(waiting, due)).toMatchObject({ target: 'first_response', phase: 'breached' });
  });
});

describe('resolution clock', () => {
  const answered = ticket({ firstResponseAt: t0 + 5 * minute });
  const due = t0 + 4 * hour;

  it('runs from createdAt once the first response is in', () => {
    expect(clock(answered, t0 + 10 * minute)).toEqual({
      target: 'resolution',
      dueAt: due,
      remainingMs: due - t0 - 10 * minute,
      phase: 'ok',
    });
    expect(clock(answered, due - 48 * minute - 1).phase).toBe('ok');
    expect(clock(answered, due - 48 * minute).phase).toBe('warning');
    expect(clock(answered, due).phase).toBe('breached');
  });

  it('a late first response still switches to the resolution clock', () => {
    const late = ticket({ firstResponseAt: t0 + 20 * minute });
    expect(clock(late, t0 + 21 * minute)).toMatchObject({ target: 'resolution', phase: 'ok' });
  });

  it('moves the due time by the time paused, and holds still while paused', () => {
    const earlier = ticket({ firstResponseAt: t0 + minute, pausedMs: 30 * minute });
    expect(clock(earlier, t0 + hour)).toMatchObject({ dueAt: due + 30 * minute, phase: 'ok' });
    expect(clock(earlier, due + 30 * minute).phase).toBe('breached');

    const paused = { ...earlier, status: 'pending' as const, pausedSince: t0 + 2 * hour };
    const left = due + 30 * minute - (t0 + 2 * hour);
    for (const now of [t0 + 2 * hour, t0 + 3 * hour, t0 + 30 * hour]) {
      expect(clock(paused, now)).toEqual({
        target: 'resolution',
        dueAt: null,
        remainingMs: left,
        phase: 'paused',
      });
      expect(timeToBreach(paused, defaultSlaTargets, now)).toBe(Number.POSITIVE_INFINITY);
      expect(nextSlaChangeAt(paused, defaultSlaTargets, now)).toBeNull();
    }
  });

  it('a breach before the pause stays a breach while paused', () => {
    const breached = ticket({ firstResponseAt: t0 + minute, status: 'snoozed', pausedSince: due + minute });
    expect(clock(breached, due + hour)).toEqual({
      target: 'resolution',
      dueAt: null,
      remainingMs: -minute,
      phase: 'breached',
    });
    expect(timeToBreach(breached, defaultSlaTargets, due + hour)).toBe(-minute);
  });
});

describe('after resolve', () => {
  const due = t0 + 4 * hour;

  it('is met strictly before the due time and breached at it', () => {
    const base = ticket({ status: 'resolved', firstResponseAt: t0 + minute });
    expect(clock({ ...base, resolvedAt: due - 1 }, due + 99 * hour)).toEqual({
      target: 'resolution',
      dueAt: due,
      remainingMs: 1,
      phase: 'met',
    });
    expect(clock({ ...base, resolvedAt: due }, due + 99 * hour)).toMatchObject({
      phase: 'breached',
      remainingMs: 0,
    });
  });

  it('counts a pause still open at resolve only up to the resolve', () => {
    const base = ticket({
      status: 'resolved',
      firstResponseAt: t0 + minute,
      pausedMs: 10 * minute,
      pausedSince: due,
    });
    // Resolved 15 minutes after due with 10 + 10 minutes paused: met with 5 minutes to spare.
    expect(clock({ ...base, resolvedAt: due + 10 * minute }, due + 99 * hour)).toMatchObject({
      phase: 'met',
      remainingMs: 10 * minute,
    });
  });

  it('a late first response makes the outcome breached even when resolved in time', () => {
    const late = ticket({ status: 'resolved', firstResponseAt: t0 + 15 * minute, resolvedAt: t0 + hour });
    expect(clock(late, t0 + 2 * hour)).toEqual({
      target: 'first_response',
      dueAt: t0 + 15 * minute,
      remainingMs: 0,
      phase: 'breached',
    });
    const never = ticket({ status: 'resolved', resolvedAt: t0 + hour });
    expect(clock(never, t0 + 2 * hour)).toMatchObject({ target: 'first_response', phase: 'breached' });
    const quick = ticket({ status: 'resolved', resolvedAt: t0 + minute });
    expect(clock(quick, t0 + 2 * hour)).toMatchObject({ target: 'resolution', phase: 'met' });
  });

  it('without a resolve time has no clock', () => {
    expect(clock(ticket({ status: 'resolved' }), t0 + hour)).toEqual({
      target: null,
      dueAt: null,
      remainingMs: null,
      phase: 'met',
    });
  });

  it('has no time to breach and no next change', () => {
    const done = ticket({ status: 'resolved', firstResponseAt: t0 + 20 * minute, resolvedAt: t0 + hour });
    expect(timeToBreach(done, defaultSlaTargets, t0 + 2 * hour)).toBe(Number.POSITIVE_INFINITY);
    expect(nextSlaChangeAt(done, defaultSlaTargets, t0 + 2 * hour)).toBeNull();
  });
});

describe('timeToBreach and nextSlaChangeAt', () => {
  it('sorts the most urgent first', () => {
    const now = t0 + 10 * minute;
    const list = [
      ticket({ priority: 'low' }),
      ticket({ priority: 'urgent' }),
      ticket({ priority: 'high', createdAt: t0 - hour }),
      ticket({ priority: 'urgent', status: 'resolved', resolvedAt: now }),
    ];
    const order = [...list]
      .sort((a, b) => timeToBreach(a, defaultSlaTargets, now) - timeToBreach(b, defaultSlaTargets, now))
      .map((t) => list.indexOf(t));
    expect(order).toEqual([2, 1, 0, 3]);
  });

  it('names the warning start, then the due time, then nothing', () => {
    const t = ticket();
    expect(nextSlaChangeAt(t, defaultSlaTargets, t0)).toBe(t0 + 12 * minute);
    expect(nextSlaChangeAt(t, defaultSlaTargets, t0 + 12 * minute)).toBe(t0 + 15 * minute);
    expect(nextSlaChangeAt(t, defaultSlaTargets, t0 + 15 * minute)).toBeNull();
  });

  it('a timer set to it sees the phase change, and nothing changes before it (property)', () => {
    const arbTicket = fc.record({
      priority: fc.constantFrom(...ticketPriorities),
      status: fc.constantFrom(...ticketStatuses),
      createdAt: fc.constant(t0),
      firstResponseAt: fc.option(fc.integer({ min: t0, max: t0 + 10 * hour }), { nil: null }),
      resolvedAt: fc.option(fc.integer({ min: t0, max: t0 + 100 * hour }), { nil: null }),
      pausedMs: fc.integer({ min: 0, max: 10 * hour }),
      pausedSince: fc.option(fc.integer({ min: t0, max: t0 + 10 * hour }), { nil: null }),
    });
    fc.assert(
      fc.property(arbTicket, fc.integer({ min: 0, max: 100 * hour }), (t, offset) => {
        const now = t0 + offset;
        const phase = clock(t, now).phase;
        const next = nextSlaChangeAt(t, defaultSlaTargets, now);
        if (next === null) {
          expect(clock(t, now + 1000 * hour).phase).toBe(phase);
          return;
        }
        expect(next).toBeGreaterThan(now);
        expect(clock(t, next - 1).phase).toBe(phase);
        expect(clock(t, next).phase).not.toBe(phase);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('slaTargetsSchema', () => {
  it('refuses non-integers, zero, over thirty days, first response longer than resolution, and missing priorities', () => {
    const with_ = (over: object) => ({
      ...defaultSlaTargets,
      normal: { ...defaultSlaTargets.normal, ...over },
    });
    expect(slaTargetsSchema.safeParse(with_({ firstResponseMs: 0 })).success).toBe(false);
    expect(slaTargetsSchema.safeParse(with_({ firstResponseMs: 1.5 })).success).toBe(false);
    expect(slaTargetsSchema.safeParse(with_({ resolutionMs: 31 * 24 * hour })).success).toBe(false);
    expect(slaTargetsSchema.safeParse(with_({ firstResponseMs: 25 * hour })).success).toBe(false);
    expect(slaTargetsSchema.safeParse(with_({ firstResponseMs: 24 * hour })).success).toBe(true);
    const { low: _low, ...missing } = defaultSlaTargets;
    expect(slaTargetsSchema.safeParse(missing).success).toBe(false);
  });
});
