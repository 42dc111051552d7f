import type { z } from 'zod';
import { fail, ok, type Ack } from '../../shared/protocol/ack';
import type {
  Agent,
  TicketSettings,
  saveSettingsInput,
  setPresenceInput,
  setProfileInput,
} from '../../shared/protocol/tickets';
import type { WorkerPrincipal } from '../protocol/principal';
import { ensureAgentState, loadAgent } from './agents';
import { changePresence, replan } from './assignment';
import type { WriteContext } from './deps';
import { loadSettings, saveSettings } from './settings';

type Ctx = WriteContext<WorkerPrincipal>;

/** An agent's own presence only; going away or offline hands back what they have not answered. */
export async function setPresence(
  ctx: Ctx,
  input: z.output<typeof setPresenceInput>,
): Promise<Ack<{ agent: Agent }>> {
  const { trx, fx, principal, now } = ctx;
  const self = await loadAgent(trx, fx.orgId, principal.user.id);
  // A supervisor without the agent role takes no customers: there is no agent of theirs to set.
  if (!self) return fail('not_found', 'You are not an agent of this queue, so you have no presence in it.');
  await changePresence(trx, fx, self.id, input.presence, now);
  const agent = await loadAgent(trx, fx.orgId, self.id);
  return agent ? ok({ agent }) : fail('not_found', 'There is no such agent.');
}

/** The accommodation profile, set by a supervisor with the worker. */
export async function setProfile(
  ctx: Ctx,
  input: z.output<typeof setProfileInput>,
): Promise<Ack<{ agent: Agent }>> {
  const { trx, fx, now } = ctx;
  const target = await loadAgent(trx, fx.orgId, input.userId);
  if (!target) return fail('not_found', 'There is no such agent.');
  await ensureAgentState(trx, fx.orgId, target.id, now);
  await trx
    .updateTable('agent_states')
    .set({
      max_concurrent: input.profile.maxConcurrent,
      reassign_after_ms: input.profile.reassignAfterMs,
      text_only: input.profile.textOnly ? 1 : 0,
      updated_at: now,
    })
    .where('user_id', '=', target.id)
    .execute();
  fx.agent(target.id);
  // A higher limit may take tickets from the backlog at once.
  await replan(trx, fx, now);
  const agent = await loadAgent(trx, fx.orgId, target.id);
  return agent ? ok({ agent }) : fail('not_found', 'There is no such agent.');
}

export async function storeSettings(
  ctx: Ctx,
  input: z.output<typeof saveSettingsInput>,
): Promise<Ack<TicketSettings>> {
  const { trx, fx, now } = ctx;
  await saveSettings(trx, fx.orgId, { assignmentMode: input.assignmentMode, sla: input.sla }, now);
  // Switching to auto hands out the backlog now rather than at the next ticket.
  await replan(trx, fx, now);
  const saved = await loadSettings(trx, fx.orgId);
  fx.settings(saved);
  return ok(saved);
}
