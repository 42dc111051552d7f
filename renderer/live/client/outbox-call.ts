import type { Ack, CommandInput, MutatingCommandName } from '../../../shared/protocol';
import { errorCodeSchema, fail, ok } from '../../../shared/protocol';
import type { SessionOutbox } from '../../session/session-outbox';

/**
 * A live mutation through the outbox (kept on the host's disk, sent once,
 * resent after a reconnect), as a promise of the hub's answer: the console
 * waits for the room a "Go live" made, or shows why a pin was refused.
 */
export async function outboxCall<N extends MutatingCommandName>(
  outbox: SessionOutbox,
  event: N,
  payload: CommandInput<N> & { id: string },
): Promise<Ack<unknown>> {
  let settle: (ack: Ack<unknown>) => void = () => undefined;
  const answer = new Promise<Ack<unknown>>((resolve) => (settle = resolve));
  // Listening before the entry exists: a fast hub can answer before enqueue resolves.
  const offDelivered = outbox.onDelivered((entry, data) => {
    if (entry.id === payload.id) settle(ok(data));
  });
  const offRefused = outbox.onNotSent((entry, reason) => {
    if (entry.id !== payload.id) return;
    // gave_up, outdated and expired are the outbox's own words for "not applied": the hub may still be fine.
    const code = errorCodeSchema.safeParse(reason.code);
    settle(fail(code.success ? code.data : 'unavailable', reason.message));
  });
  try {
    const queued = await outbox.enqueue(event, payload, null);
    if (!queued.ok) return queued;
    return await answer;
  } finally {
    offDelivered();
    offRefused();
  }
}
