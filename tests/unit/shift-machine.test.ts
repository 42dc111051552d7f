import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakReason, ClockKind } from '../../shared/domain/shifts/clock-event';
import type { ClockEvent, Derivation, ShiftOverride } from '../../shared/domain/shifts/shift-machine';
import {
  applyClockEvent,
  deriveShifts,
  offState,
  rosterStateOf,
  shiftFigures,
  skewFlags,
} from '../../shared/domain/shifts/shift-machine';

const minute = 60_000;
const t0 = Date.UTC(2026, 11, 1, 1, 0); // 09:00 in Shanghai
const device = '0192f0a0-0000-4000-8000-000000000001';

/** The i-th item, which the test has just made. */
function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

let made = 0;
function ev(
  kind: ClockKind,
  atMinutes: number,
  extra: Partial<ClockEvent> & { counter?: number } = {},
): ClockEvent {
  made += 1;
  return {
    commandId: `cmd-${String(made).padStart(4, '0')}`,
    deviceId: device,
    counter: made,
    kind,
    deviceAt: t0 + atMinutes * minute,
    receivedAt: t0 + atMinutes * minute,
    deviceSkewMs: 0,
    breakReason: kind === 'break_start' ? 'meal' : null,
    ...extra,
  };
}

describe('applyClockEvent', () => {
  it('walks off → on ⇄ break → off', () => {
    const inn = ev('in', 0);
    const on = applyClockEvent(offState, inn);
    expect(on).toEqual({ ok: true, state: { kind: 'on', since: inn.deviceAt, shiftKey: inn.commandId } });
    if (!on.ok) throw new Error('unreachable');
    const brk = applyClockEvent(on.state, ev('break_start', 60, { breakReason: 'medical' }));
    expect(brk.ok && brk.state).toMatchObject({ kind: 'break', reason: 'medical', shiftKey: inn.commandId });
    if (!brk.ok) throw new Error('unreachable');
    const back = applyClockEvent(brk.state, ev('break_end', 75));
    expect(back.ok && back.state).toMatchObject({ kind: 'on', since: t0 + 75 * minute });
    // Clocking out straight from a break ends the break with the shift.
    const out = applyClockEvent(brk.state, ev('out', 80));
    expect(out.ok && out.state).toEqual({ kind: 'off', since: t0 + 80 * minute, closedByEdit: false });
  });

  it('says why an event cannot apply', () => {
    const on = { kind: 'on', since: t0, shiftKey: 'k' } as const;
    const onBreak = { kind: 'break', since: t0, shiftKey: 'k', reason: null } as const;
    expect(applyClockEvent(offState, ev('out', 1))).toEqual({ ok: false, reason: 'not_clocked_in' });
    expect(applyClockEvent(offState, ev('break_start', 1))).toEqual({ ok: false, reason: 'not_clocked_in' });
    expect(applyClockEvent(on, ev('in', 1))).toEqual({ ok: false, reason: 'already_clocked_in' });
    expect(applyClockEvent(on, ev('break_end', 1))).toEqual({ ok: false, reason: 'not_on_break' });
    expect(applyClockEvent(onBreak, ev('break_start', 1))).toEqual({ ok: false, reason: 'already_on_break' });
    expect(applyClockEvent(onBreak, ev('in', 1))).toEqual({ ok: false, reason: 'already_clocked_in' });
    const closed = { kind: 'off', since: t0, closedByEdit: true } as const;
    expect(applyClockEvent(closed, ev('out', 1))).toEqual({ ok: false, reason: 'after_edited_end' });
  });

  it('shows a break to the employer as unavailable and busy from the tickets or the live room', () => {
    const facts = { live: false, atTicketLimit: false };
    expect(rosterStateOf(offState, facts)).toBe('off');
    expect(rosterStateOf({ kind: 'break', since: t0, shiftKey: 'k', reason: 'medical' }, facts)).toBe(
      'unavailable',
    );
    expect(rosterStateOf({ kind: 'on', since: t0, shiftKey: 'k' }, facts)).toBe('available');
    expect(rosterStateOf({ kind: 'on', since: t0, shiftKey: 'k' }, { ...facts, live: true })).toBe('busy');
    // Live without clocking in is still working.
    expect(rosterStateOf(offState, { ...facts, live: true })).toBe('busy');
    expect(rosterStateOf({ kind: 'on', since: t0, shiftKey: 'k' }, { ...facts, atTicketLimit: true })).toBe(
      'busy',
    );
  });
});

describe('skewFlags', () => {
  const base = { deviceAt: t0, receivedAt: t0, deviceSkewMs: 0 };
  it('flags a device clock more than 2 minutes ahead of the hub as future, not at 2 minutes', () => {
    expect(skewFlags({ ...base, deviceAt: t0 + 2 * minute }, null)).toEqual([]);
    expect(skewFlags({ ...base, deviceAt: t0 + 2 * minute + 1 }, null)).toEqual(['future']);
    // Events sent days late are old, not skewed.
    expect(skewFlags({ ...base, receivedAt: t0 + 3 * 86_400_000 }, null)).toEqual([]);
  });
  it('flags a measured skew over 2 minutes either way, and a device time that went backwards', () => {
    expect(skewFlags({ ...base, deviceSkewMs: -(2 * minute + 1) }, null)).toEqual(['skewed']);
    expect(skewFlags({ ...base, deviceSkewMs: 2 * minute }, null)).toEqual([]);
    expect(skewFlags({ ...base, deviceSkewMs: null }, null)).toEqual([]);
    expect(skewFlags(base, t0 + 1)).toEqual(['backwards']);
    expect(skewFlags(base, t0)).toEqual([]);
  });
});

describe('deriveShifts', () => {
  it('builds a shift with its break and keys it by the clock-in', () => {
    const events = [ev('in', 0), ev('break_start', 120), ev('break_end', 150), ev('out', 480)];
    const { shifts, ignored, state } = deriveShifts(events, [], t0 + 600 * minute);
    expect(ignored).toEqual([]);
    expect(state).toEqual({ kind: 'off', since: t0 + 480 * minute, closedByEdit: false });
    expect(shifts).toEqual([
      {
        shiftKey: nth(events, 0).commandId,
        startedAt: t0,
        endedAt: t0 + 480 * minute,
        breaks: [{ start: t0 + 120 * minute, end: t0 + 150 * minute, reason: 'meal' }],
        workedMs: 450 * minute,
        breakMs: 30 * minute,
        flags: [],
        edited: false,
        events: events.map((e) => e.commandId),
      },
    ]);
  });

  it('runs an open shift and an open break to now', () => {
    const events = [ev('in', 0), ev('break_start', 60)];
    const { shifts, state } = deriveShifts(events, [], t0 + 90 * minute);
    expect(state.kind).toBe('break');
    expect(shifts[0]).toMatchObject({ endedAt: null, workedMs: 60 * minute, breakMs: 30 * minute });
    expect(nth(shifts, 0).breaks).toEqual([{ start: t0 + 60 * minute, end: null, reason: 'meal' }]);
  });

  it('rebuilds days-late offline events into the shifts they belong to', () => {
    // Monday's shift reached the hub on Wednesday, after Wednesday's clock-in.
    const day = 24 * 60;
    const monday = [ev('in', 0), ev('break_start', 60), ev('break_end', 70), ev('out', 240)].map((e) => ({
      ...e,
      receivedAt: t0 + 2 * day * minute + minute,
    }));
    const wednesday = ev('in', 2 * day);
    const { shifts, ignored } = deriveShifts([wednesday, ...monday], [], t0 + 2 * day * minute + 5 * minute);
    expect(ignored).toEqual([]);
    expect(shifts.map((s) => [s.shiftKey, s.workedMs, s.breakMs])).toEqual([
      [nth(monday, 0).commandId, 230 * minute, 10 * minute],
      [wednesday.commandId, 5 * minute, 0],
    ]);
    expect(shifts.every((s) => s.flags.length === 0)).toBe(true);
  });

  it('keeps an event it cannot apply, says why, and does not count it', () => {
    const stray = ev('break_end', 30);
    const twice = ev('in', 40);
    const events = [ev('in', 0), stray, twice, ev('out', 60), ev('out', 70)];
    const { shifts, ignored } = deriveShifts(events, [], t0 + 100 * minute);
    expect(ignored).toEqual([
      { commandId: stray.commandId, reason: 'not_on_break' },
      { commandId: twice.commandId, reason: 'already_clocked_in' },
      { commandId: nth(events, 4).commandId, reason: 'not_clocked_in' },
    ]);
    expect(shifts).toHaveLength(1);
    expect(shifts[0]).toMatchObject({ workedMs: 60 * minute, breakMs: 0 });
  });

  it('orders by device time, then counter, and flags a device clock that ran backwards', () => {
    // Counter 2 says 10:00, counter 3 says 09:55: the clock was set back between them.
    const a = ev('in', 60, { counter: 2 });
    const b = ev('out', 55, { counter: 3 });
    const { shifts, ignored, flags } = deriveShifts([a, b], [], t0 + 120 * minute);
    expect(flags.get(b.commandId)).toEqual(['backwards']);
    expect(flags.get(a.commandId)).toEqual([]);
    // In device time the out comes first: it cannot apply, and the shift is still open.
    expect(ignored).toEqual([{ commandId: b.commandId, reason: 'not_clocked_in' }]);
    expect(shifts[0]).toMatchObject({ shiftKey: a.commandId, endedAt: null });
  });

  it('keeps a shift clocked from a device 10 minutes ahead, flagged', () => {
    const ahead = 10 * minute;
    const events = [ev('in', 0), ev('out', 60)].map((e) => ({ ...e, deviceAt: e.deviceAt + ahead }));
    const { shifts } = deriveShifts(events, [], t0 + 120 * minute);
    expect(shifts[0]).toMatchObject({ workedMs: 60 * minute, flags: ['future'] });
  });

  describe('with a supervisor’s edit', () => {
    it('uses the newest edit’s times and clips the breaks to them', () => {
      const events = [ev('in', 0), ev('break_start', 10), ev('break_end', 40), ev('out', 480)];
      const key = nth(events, 0).commandId;
      const overrides: ShiftOverride[] = [
        { id: 2, shiftKey: key, startedAt: t0 + 20 * minute, endedAt: t0 + 300 * minute },
        { id: 1, shiftKey: key, startedAt: t0, endedAt: t0 + 600 * minute },
      ];
      const { shifts, ignored } = deriveShifts(events, overrides, t0 + 900 * minute);
      expect(shifts[0]).toMatchObject({
        startedAt: t0 + 20 * minute,
        endedAt: t0 + 300 * minute,
        breaks: [{ start: t0 + 20 * minute, end: t0 + 40 * minute, reason: 'meal' }],
        breakMs: 20 * minute,
        workedMs: 260 * minute,
        edited: true,
      });
      // The worker's clock-out came after the edited end.
      expect(ignored).toEqual([{ commandId: nth(events, 3).commandId, reason: 'after_edited_end' }]);
    });

    it('ends a shift the worker forgot to clock out of, so the next clock-in counts', () => {
      const day = 24 * 60;
      const forgot = ev('in', 0);
      const next = ev('in', day);
      const overrides = [{ id: 1, shiftKey: forgot.commandId, startedAt: t0, endedAt: t0 + 480 * minute }];
      const before = deriveShifts([forgot, next], [], t0 + (day + 60) * minute);
      expect(before.ignored).toEqual([{ commandId: next.commandId, reason: 'already_clocked_in' }]);
      const after = deriveShifts([forgot, next], overrides, t0 + (day + 60) * minute);
      expect(after.ignored).toEqual([]);
      expect(after.shifts.map((s) => [s.shiftKey, s.workedMs, s.endedAt])).toEqual([
        [forgot.commandId, 480 * minute, t0 + 480 * minute],
        [next.commandId, 60 * minute, null],
      ]);
    });

    it('runs an edited shift to its edited end after an early clock-out', () => {
      const events = [ev('in', 0), ev('out', 60), ev('in', 90), ev('out', 200)];
      const overrides = [
        { id: 1, shiftKey: nth(events, 0).commandId, startedAt: t0, endedAt: t0 + 120 * minute },
      ];
      const { shifts, ignored } = deriveShifts(events, overrides, t0 + 300 * minute);
      expect(shifts).toHaveLength(1);
      expect(shifts[0]).toMatchObject({ workedMs: 120 * minute, endedAt: t0 + 120 * minute });
      expect(ignored).toEqual([
        { commandId: nth(events, 2).commandId, reason: 'already_clocked_in' },
        { commandId: nth(events, 3).commandId, reason: 'after_edited_end' },
      ]);
    });
  });
});

const kinds: ClockKind[] = ['in', 'break_start', 'break_end', 'out'];
const reasons: BreakReason[] = ['rest', 'meal', 'medical', 'family', 'other'];

/** A worker's events from one or two devices, kinds in any order (a broken sequence is part of the test). */
const eventsArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...kinds),
      minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      device: fc.constantFrom('a', 'b'),
      reason: fc.constantFrom(...reasons),
      lateBy: fc.integer({ min: 0, max: 5 * 24 * 60 }),
      skew: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
    }),
    { maxLength: 40 },
  )
  .map((raw) =>
    raw.map((r, i): ClockEvent => ({
      commandId: `c${String(i).padStart(3, '0')}`,
      deviceId: r.device,
      counter: i + 1,
      kind: r.kind,
      deviceAt: t0 + r.minute * minute,
      receivedAt: t0 + (r.minute + r.lateBy) * minute,
      deviceSkewMs: r.skew === null ? null : r.skew * minute,
      breakReason: r.kind === 'break_start' ? r.reason : null,
    })),
  );

function overridesFor(events: ClockEvent[], picks: { index: number; from: number; length: number }[]) {
  const ins = events.filter((e) => e.kind === 'in');
  return picks.flatMap((p, id): ShiftOverride[] => {
    const e = ins[p.index % Math.max(1, ins.length)];
    if (!e) return [];
    const startedAt = e.deviceAt + p.from * minute;
    return [{ id: id + 1, shiftKey: e.commandId, startedAt, endedAt: startedAt + p.length * minute }];
  });
}
const overridePicksArb = fc.array(
  fc.record({
    index: fc.nat(40),
    from: fc.integer({ min: -60, max: 60 }),
    length: fc.integer({ min: 1, max: 16 * 60 }),
  }),
  { maxLength: 3 },
);

function comparable(d: Derivation) {
  return { ...d, flags: [...d.flags.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

describe('deriveShifts properties', () => {
  const now = t0 + 4 * 24 * 60 * minute;

  it('worked plus break time is the shift’s elapsed time, and breaks lie inside it without overlap', () => {
    fc.assert(
      fc.property(eventsArb, overridePicksArb, (events, picks) => {
        const { shifts } = deriveShifts(events, overridesFor(events, picks), now);
        for (const s of shifts) {
          const end = s.endedAt ?? Math.max(now, s.startedAt);
          expect(s.workedMs + s.breakMs).toBe(end - s.startedAt);
          expect(s.workedMs).toBeGreaterThanOrEqual(0);
          expect(s.breakMs).toBeGreaterThanOrEqual(0);
          let last = s.startedAt;
          for (const b of s.breaks) {
            expect(b.start).toBeGreaterThanOrEqual(last);
            const bEnd = b.end ?? end;
            expect(bEnd).toBeLessThanOrEqual(end);
            last = bEnd;
          }
          expect(shiftFigures(s, now)).toEqual({ workedMs: s.workedMs, breakMs: s.breakMs });
        }
      }),
    );
  });

  it('gives the same shifts whatever order the events arrived in', () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        overridePicksArb,
        ([events, shuffled], picks) => {
          const overrides = overridesFor(events, picks);
          const a = deriveShifts(events, overrides, now);
          const b = deriveShifts(shuffled, [...overrides].reverse(), now);
          expect(comparable(b)).toEqual(comparable(a));
        },
      ),
    );
  });

  it('puts every event of an edited history in one shift at most, and every applied one in exactly one', () => {
    fc.assert(
      fc.property(eventsArb, overridePicksArb, (events, picks) => {
        const { shifts, ignored } = deriveShifts(events, overridesFor(events, picks), now);
        const inShifts = shifts.flatMap((s) => s.events);
        expect(new Set(inShifts).size).toBe(inShifts.length);
        const ignoredIds = new Set(ignored.map((i) => i.commandId));
        for (const e of events) {
          if (!ignoredIds.has(e.commandId)) expect(inShifts).toContain(e.commandId);
        }
        for (const i of ignored) {
          if (i.reason === 'after_edited_end') expect(inShifts).toContain(i.commandId);
        }
      }),
    );
  });

  it('accounts for every event: in exactly one shift or ignored outside any', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const { shifts, ignored } = deriveShifts(events, [], now);
        const inShifts = shifts.flatMap((s) => s.events);
        expect(new Set(inShifts).size).toBe(inShifts.length);
        const ignoredIds = new Set(ignored.map((i) => i.commandId));
        for (const e of events) {
          expect(inShifts.includes(e.commandId) || ignoredIds.has(e.commandId)).toBe(true);
        }
        // Shifts never overlap without an edit.
        for (let i = 1; i < shifts.length; i += 1) {
          expect(nth(shifts, i).startedAt).toBeGreaterThanOrEqual(nth(shifts, i - 1).endedAt ?? Infinity);
        }
      }),
    );
  });
});
