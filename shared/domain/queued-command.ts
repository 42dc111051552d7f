import type { NotSentReason } from '../bridge/outbox';
import type { MutationSpec } from '../protocol/command';
import { commands, isMutatingCommandName } from '../protocol/events';

export type QueuedCheck =
  { ok: true; lane: string; typed: string | null } | { ok: false; reason: NotSentReason };

/**
 * Whether a queued payload is still a valid command of this version of Wings,
 * and if so its lane and the text the worker typed (from the command's outbox
 * policy). The host asks when an entry is queued and when it starts; the
 * renderer asks again before every send, so an entry from an older version that
 * no longer parses goes to "not sent" with a reason instead of being sent or lost.
 */
export function checkQueuedCommand(event: string, payload: unknown): QueuedCheck {
  if (!isMutatingCommandName(event)) {
    return {
      ok: false,
      reason: { code: 'outdated', message: `"${event.slice(0, 64)}" is not a command this Wings can send.` },
    };
  }
  // Widened: each spec's policy takes its own input type, which the parse below has just produced.
  const spec = commands[event] as unknown as MutationSpec;
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.filter((p) => typeof p !== 'symbol').join('.') ?? '';
    return {
      ok: false,
      reason: {
        code: 'outdated',
        message: `It no longer fits this version of Wings${where ? ` (${where}: ${first?.message ?? ''})` : ''}.`,
      },
    };
  }
  return { ok: true, lane: spec.outbox.lane(parsed.data), typed: spec.outbox.typed(parsed.data) };
}
