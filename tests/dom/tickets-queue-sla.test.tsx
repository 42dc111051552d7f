import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../shared/protocol';
import { slaWatchStore, type SlaAlert } from '../../renderer/tickets/sla-watch';
import { useSlaAlerts } from '../../renderer/tickets/useSlaAlerts';
import { until } from '../support/until';
import { signedInDesk } from './support/signed-in';
import { seedQueue } from './tickets-queue-seed';

/**
 * SLA alerts for the agent's own tickets, over a real demo hub: an urgent
 * ticket has 15 minutes to a first reply and warns in its last 3. Tickets
 * are written into the hub's store with creation times in the past.
 */
const desk = signedInDesk('agent');
const minute = 60_000;

async function mine(): Promise<TicketSummary[]> {
  await until(() => desk.session.hub.connected);
  const ack = await desk.session.hub.request('tickets.list', { view: 'mine', limit: 200 });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data.items;
}

/** One urgent ticket of the agent's, created `ago` ms before now; its row as the hub lists it. */
async function urgentTicket(ago: number): Promise<TicketSummary> {
  const now = Date.now();
  seedQueue(desk.ws.hub.dataDir, {
    count: 1,
    assignee: 'agent',
    priority: 'urgent',
    now: now - ago + minute,
  });
  const ticket = (await mine()).find((t) => t.createdAt === now - ago);
  if (!ticket) throw new Error('the seeded ticket is not listed');
  return ticket;
}

const opened: number[] = [];
function Alerts() {
  useSlaAlerts((ticketId) => opened.push(ticketId));
  return null;
}

describe('SLA alerts', () => {
  it('raise one alert per ticket and phase, however often the clocks are looked at', async () => {
    const warning = await urgentTicket(13 * minute);
    const breached = await urgentTicket(16 * minute);
    const watch = desk.session.store(slaWatchStore);
    const heard: SlaAlert[] = [];
    const detach = watch.attach((alert) => heard.push(alert));
    const about = (id: number) => heard.filter((a) => a.ticketId === id);
    await until(() => about(warning.id).length > 0 && about(breached.id).length > 0);
    expect(about(warning.id)).toEqual([
      expect.objectContaining({ phase: 'warning', target: 'first_response', number: warning.number }),
    ]);
    expect(about(breached.id)).toEqual([
      expect.objectContaining({ phase: 'breached', target: 'first_response', number: breached.number }),
    ]);
    // Looked at again, pushed again: nothing new to say.
    watch.check();
    watch.receive([warning, breached]);
    watch.check(Date.now() + 30_000);
    expect(about(warning.id)).toHaveLength(1);
    expect(about(breached.id)).toHaveLength(1);
    // When the warned one's time runs out, that is a new phase: said once more.
    watch.check(warning.createdAt + 15 * minute + 1);
    expect(about(warning.id).map((a) => a.phase)).toEqual(['warning', 'breached']);
    detach();
  }, 30_000);

  it('keep what was raised while nobody listened, and a ticket answered meanwhile is not announced', async () => {
    const quiet = await urgentTicket(14 * minute);
    const answered = await urgentTicket(13 * minute);
    const watch = desk.session.store(slaWatchStore);
    // Raised with nobody attached (the agent was in another workspace); then the second is answered.
    await until(() => watch.watches(quiet.id) && watch.watches(answered.id));
    watch.receive([
      { ...answered, firstResponseAt: Date.now(), answered: true, updatedAt: answered.updatedAt + 1 },
    ]);
    const heard: SlaAlert[] = [];
    const detach = watch.attach((alert) => heard.push(alert));
    expect(heard.filter((a) => a.ticketId === quiet.id).map((a) => a.phase)).toEqual(['warning']);
    expect(heard.filter((a) => a.ticketId === answered.id)).toEqual([]);
    detach();
  }, 30_000);

  it('are said through the alert service, seen as well as heard', async () => {
    const ticket = await urgentTicket(13 * minute);
    desk.render(<Alerts />);
    // Alone it is its own sentence; with the demo's own late tickets it joins their summary.
    const words = new RegExp(
      `Ticket #${ticket.number} will breach its first-response target in 2 min|tickets need attention for their SLA`,
    );
    await waitFor(() => expect(screen.getByTestId('alerts-status')).toHaveTextContent(words), {
      timeout: 5_000,
    });
    // Visual alerts are on by default: the banner shows it too, for a deaf agent.
    expect(screen.getByRole('region', { name: /alert|Alert/ })).toHaveTextContent(words);
    // And it opens the ticket in one press: the newest alert's, when several share the slot.
    const open = within(screen.getByRole('region', { name: /alert|Alert/ })).getByRole('button', {
      name: /^Open #\d+$/,
    });
    fireEvent.click(open);
    expect(opened).toHaveLength(1);
    expect((await mine()).map((t) => t.id)).toContain(opened[0]);
  }, 30_000);
});
