import { describe, expect, it } from 'vitest';
import {
  isRecovering,
  receiveRecoveryTiming,
  steadyRecovery,
  stepReceiveRecovery,
  type ReceiveRecovery,
  type RecoveryAction,
  type RecoveryEvent,
} from '../../shared/domain/live/receive-recovery';

/** Drives the rule as a receiver does: an injected clock, and `due` whenever the clock passes `dueAt`. */
function watcher(start = 1_000_000) {
  let now = start;
  let recovery: ReceiveRecovery = steadyRecovery;
  const actions: { at: number; action: RecoveryAction }[] = [];
  const send = (event: RecoveryEvent): RecoveryAction => {
    const step = stepReceiveRecovery(recovery, event, now);
    recovery = step.recovery;
    if (step.action) actions.push({ at: now - start, action: step.action });
    return step.action;
  };
  return {
    send,
    /** Moves the clock, firing the one timer when it is due (as setTimeout would). */
    advance(ms: number): void {
      const until = now + ms;
      while (recovery.dueAt !== null && recovery.dueAt <= until) {
        now = recovery.dueAt;
        send({ type: 'due' });
      }
      now = until;
    },
    get recovery() {
      return recovery;
    },
    actions,
  };
}

describe('receive recovery', () => {
  it('leaves a transport that comes back within the wait alone', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'disconnected' });
    expect(isRecovering(w.recovery)).toBe(true);
    w.advance(1_500);
    w.send({ type: 'transport', state: 'connected' });
    w.advance(60_000);
    expect(w.actions).toEqual([]);
    expect(w.recovery).toEqual(steadyRecovery);
  });

  it('restarts ICE two seconds after a disconnect, and is steady again once connected', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'disconnected' });
    w.advance(1_999);
    expect(w.actions).toEqual([]);
    w.advance(1);
    expect(w.actions).toEqual([{ at: 2_000, action: 'restartIce' }]);
    w.advance(3_000);
    w.send({ type: 'transport', state: 'connected' });
    w.advance(60_000);
    expect(w.actions).toHaveLength(1);
    expect(isRecovering(w.recovery)).toBe(false);
  });

  it('replaces a transport still not connected eight seconds after the restart', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'disconnected' });
    w.advance(2_000 + 7_999);
    expect(w.actions.map((a) => a.action)).toEqual(['restartIce']);
    w.advance(1);
    expect(w.actions).toEqual([
      { at: 2_000, action: 'restartIce' },
      { at: 10_000, action: 'rebuild' },
    ]);
    expect(w.recovery.phase).toBe('rebuilding');
  });

  it('replaces a failed transport at once, whether steady or mid-restart', () => {
    const a = watcher();
    expect(a.send({ type: 'transport', state: 'failed' })).toBe('rebuild');
    const b = watcher();
    b.send({ type: 'transport', state: 'disconnected' });
    b.advance(2_500);
    expect(b.send({ type: 'transport', state: 'failed' })).toBe('rebuild');
  });

  it('is steady once a new transport connects, and counts tries from nothing again', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'failed' });
    w.send({ type: 'rebuildFailed' });
    expect(w.recovery.tries).toBe(1);
    w.advance(1_000);
    w.send({ type: 'rebuilt' });
    expect(w.recovery.phase).toBe('awaiting');
    w.advance(500);
    w.send({ type: 'transport', state: 'connected' });
    expect(w.recovery).toEqual(steadyRecovery);
  });

  it('retries failed new transports with a growing wait, then tells the watcher', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'failed' });
    w.send({ type: 'rebuildFailed' });
    w.advance(999);
    expect(w.actions.map((a) => a.action)).toEqual(['rebuild']);
    w.advance(1); // 1 s after the first failure
    w.send({ type: 'rebuildFailed' });
    w.advance(2_000); // 2 s after the second
    expect(w.actions).toEqual([
      { at: 0, action: 'rebuild' },
      { at: 1_000, action: 'rebuild' },
      { at: 3_000, action: 'rebuild' },
    ]);
    expect(isRecovering(w.recovery)).toBe(true);
    expect(w.send({ type: 'rebuildFailed' })).toBe('giveUp');
    expect(w.recovery.phase).toBe('failed');
    expect(isRecovering(w.recovery)).toBe(false);
    w.advance(600_000);
    w.send({ type: 'transport', state: 'disconnected' });
    expect(w.actions).toHaveLength(4);
  });

  it('counts a new transport that never connects as a failed try', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'failed' });
    w.send({ type: 'rebuilt' });
    w.send({ type: 'transport', state: 'connecting' });
    w.advance(receiveRecoveryTiming.graceMs);
    expect(w.recovery).toMatchObject({ phase: 'backoff', tries: 1 });
    w.advance(receiveRecoveryTiming.retryMs);
    w.send({ type: 'rebuilt' });
    expect(w.send({ type: 'transport', state: 'failed' })).toBe(null);
    expect(w.recovery).toMatchObject({ phase: 'backoff', tries: 2 });
  });

  it('gives one more go when the producers are announced after giving up', () => {
    const w = watcher();
    w.send({ type: 'transport', state: 'failed' });
    for (let i = 0; i < receiveRecoveryTiming.maxRebuilds; i += 1) {
      w.send({ type: 'rebuildFailed' });
      w.advance(10_000);
    }
    expect(w.recovery.phase).toBe('failed');
    expect(w.send({ type: 'producers' })).toBe('rebuild');
    expect(isRecovering(w.recovery)).toBe(true);
    expect(w.send({ type: 'rebuildFailed' })).toBe('giveUp');
    expect(w.send({ type: 'producers' })).toBe('rebuild');
    w.send({ type: 'rebuilt' });
    w.send({ type: 'transport', state: 'connected' });
    expect(w.recovery).toEqual(steadyRecovery);
  });

  it('ignores a stale or early timer', () => {
    const w = watcher();
    expect(w.send({ type: 'due' })).toBe(null);
    w.send({ type: 'transport', state: 'disconnected' });
    expect(w.send({ type: 'due' })).toBe(null);
    expect(w.recovery.phase).toBe('disconnected');
  });
});
