/**
 * When a watcher's receive transport needs help, and what help: the rule
 * shared by the viewer page and the supervisor's watch, mirroring the
 * anchor's LiveClient. A transport that goes `disconnected` gets a short
 * wait (it often comes back by itself), then an ICE restart; one that is
 * `failed`, or still not connected a grace time after the restart, is
 * replaced by a new transport and consumers. Replacements that do not
 * connect are retried with a growing wait, and after a few the watcher is
 * told it failed; a later producers announcement gives it one more go.
 *
 * Pure: the receiver feeds it events with the time and sets one timer for
 * `dueAt`, whose firing is the `due` event.
 */

/** mediasoup-client's ConnectionState, written out so shared/ needs no mediasoup. */
export type ReceiveTransportState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

export interface ReceiveRecoveryTiming {
  /** How long a `disconnected` transport may come back by itself before an ICE restart. */
  restartDelayMs: number;
  /** How long after an ICE restart, or a new transport, it has to be connected. */
  graceMs: number;
  /** The wait before another new transport, doubling to eight times this. */
  retryMs: number;
  /** New transports that may fail in a row before the watcher is told. */
  maxRebuilds: number;
}

export const receiveRecoveryTiming: ReceiveRecoveryTiming = {
  restartDelayMs: 2_000,
  graceMs: 8_000,
  retryMs: 1_000,
  maxRebuilds: 3,
};

export type RecoveryPhase =
  /** Connected, or not yet asked to recover. */
  | 'steady'
  /** Disconnected: an ICE restart at `dueAt` unless it comes back. */
  | 'disconnected'
  /** Restarted: a new transport at `dueAt` unless connected. */
  | 'restarted'
  /** A new transport is being made (the receiver reports `rebuilt` or `rebuildFailed`). */
  | 'rebuilding'
  /** A new transport exists: it counts as a failed try unless connected by `dueAt`. */
  | 'awaiting'
  /** The last try failed: another at `dueAt`. */
  | 'backoff'
  /** Tries ran out: nothing until the producers are announced again. */
  | 'failed';

export interface ReceiveRecovery {
  phase: RecoveryPhase;
  /** When the `due` event is wanted; null for no timer. */
  dueAt: number | null;
  /** New transports that failed in a row. */
  tries: number;
}

export type RecoveryEvent =
  | { type: 'transport'; state: ReceiveTransportState }
  | { type: 'due' }
  | { type: 'rebuilt' }
  | { type: 'rebuildFailed' }
  /** The producers were announced (a `view.producers` / `live.producers` push). */
  | { type: 'producers' };

/** What the receiver must do now: restart ICE, make a new transport, or show the failure. */
export type RecoveryAction = 'restartIce' | 'rebuild' | 'giveUp' | null;

export interface RecoveryStep {
  recovery: ReceiveRecovery;
  action: RecoveryAction;
}

export const steadyRecovery: ReceiveRecovery = { phase: 'steady', dueAt: null, tries: 0 };

/** Whether the watcher should see 'connecting' rather than the transport's own state. */
export function isRecovering(recovery: ReceiveRecovery): boolean {
  return recovery.phase !== 'steady' && recovery.phase !== 'failed';
}

export function stepReceiveRecovery(
  recovery: ReceiveRecovery,
  event: RecoveryEvent,
  now: number,
  timing: ReceiveRecoveryTiming = receiveRecoveryTiming,
): RecoveryStep {
  const stay: RecoveryStep = { recovery, action: null };
  const to = (phase: RecoveryPhase, dueAt: number | null, action: RecoveryAction = null): RecoveryStep => ({
    recovery: { phase, dueAt, tries: recovery.tries },
    action,
  });
  const rebuild = (): RecoveryStep => to('rebuilding', null, 'rebuild');
  const tryFailed = (): RecoveryStep => {
    const tries = recovery.tries + 1;
    if (tries >= timing.maxRebuilds)
      return { recovery: { phase: 'failed', dueAt: null, tries }, action: 'giveUp' };
    const wait = timing.retryMs * Math.min(8, 2 ** (tries - 1));
    return { recovery: { phase: 'backoff', dueAt: now + wait, tries }, action: null };
  };
  // A timer set for an earlier phase, or firing early, changes nothing.
  if (event.type === 'due' && (recovery.dueAt === null || now < recovery.dueAt)) return stay;

  switch (recovery.phase) {
    case 'steady':
      if (event.type !== 'transport') return stay;
      if (event.state === 'disconnected') return to('disconnected', now + timing.restartDelayMs);
      if (event.state === 'failed') return rebuild();
      return stay;
    case 'disconnected':
    case 'restarted':
      if (event.type === 'due')
        return recovery.phase === 'disconnected'
          ? to('restarted', now + timing.graceMs, 'restartIce')
          : rebuild();
      if (event.type !== 'transport') return stay;
      if (event.state === 'connected') return { recovery: steadyRecovery, action: null };
      if (event.state === 'failed') return rebuild();
      return stay;
    case 'rebuilding':
      // The new transport's own states are read once it is whole (the receiver reports them after `rebuilt`).
      if (event.type === 'rebuilt') return to('awaiting', now + timing.graceMs);
      if (event.type === 'rebuildFailed') return tryFailed();
      return stay;
    case 'awaiting':
      if (event.type === 'due') return tryFailed();
      if (event.type !== 'transport') return stay;
      if (event.state === 'connected') return { recovery: steadyRecovery, action: null };
      if (event.state === 'failed') return tryFailed();
      return stay;
    case 'backoff':
      return event.type === 'due' ? rebuild() : stay;
    case 'failed':
      if (event.type !== 'producers') return stay;
      // One more go: if it fails too, the watcher is told again at once.
      return {
        recovery: { phase: 'rebuilding', dueAt: null, tries: timing.maxRebuilds - 1 },
        action: 'rebuild',
      };
  }
}
