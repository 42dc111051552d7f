import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../shared/bridge';
import { useAssignmentNotices } from '../../renderer/tickets/assignment-notices';
import { PresenceToggle, presenceSettleMs } from '../../renderer/tickets/PresenceToggle';
import { MyCannedReplies } from '../../renderer/tickets/supervisor/MyCannedReplies';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { until } from '../support/until';
import { signInOnHost, testSession } from '../support/workstation';
import { AppProviders } from './support/providers';
import { signedInDesk } from './support/signed-in';

/** The agent's side: their status, notices of new conversations, their own canned replies. Real demo hub. */
const desk = signedInDesk('agent');

async function asSupervisor<T>(run: (s: Awaited<ReturnType<typeof signIn>>) => Promise<T>): Promise<T> {
  const socket = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
  try {
    return await run(socket);
  } finally {
    socket.close();
  }
}

/** Every entry the hub applied from now on. */
function deliveries(): OutboxEntry[] {
  const seen: OutboxEntry[] = [];
  desk.session.outbox.onDelivered((entry) => seen.push(entry));
  return seen;
}

const myAgent = async () =>
  asSupervisor(async (s) =>
    expectOk(await call(s, 'agents.list', {})).find((a) => a.displayName === '韦秀兰'),
  );

describe('the status toggle', { timeout: 30_000 }, () => {
  it('is a "Status" radio group, each state explained, the current one said in words', async () => {
    desk.render(<PresenceToggle />);
    const group = await screen.findByRole('group', { name: 'Status' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['available', 'busy', 'away', 'offline']);
    const available = within(group).getByRole('radio', { name: 'Available' });
    expect(available).toHaveAccessibleDescription('New conversations are assigned to you.');
    expect(within(group).getByRole('radio', { name: 'Away' })).toHaveAccessibleDescription(
      'No new ones; those you have not answered go back to the queue.',
    );
    expect(within(group).getByRole('radio', { name: 'Offline' })).toBeChecked();
    const now = within(group).getByRole('status');
    expect(now).toHaveTextContent('Now: Offline');
    expect(now.querySelector('svg')).not.toBeNull();
  });

  it('sends the choice once it has settled, one change for a run of arrow keys', async () => {
    const sent = deliveries();
    desk.render(<PresenceToggle />);
    const group = await screen.findByRole('group', { name: 'Status' });
    // Arrow keys move the checked radio; passing Busy and Away on the way sends neither.
    fireEvent.click(within(group).getByRole('radio', { name: 'Available' }));
    fireEvent.click(within(group).getByRole('radio', { name: 'Busy' }));
    expect(within(group).getByRole('status')).toHaveTextContent('Changing from Offline to Busy…');
    fireEvent.click(within(group).getByRole('radio', { name: 'Available' }));
    await new Promise((resolve) => setTimeout(resolve, presenceSettleMs / 2));
    expect(desk.session.outbox.pending).toEqual([]);
    await until(() => sent.some((e) => e.event === 'agents.setPresence'), 5_000);
    expect(sent.filter((e) => e.event === 'agents.setPresence').map((e) => e.payload.presence)).toEqual([
      'available',
    ]);
    await waitFor(() => expect(within(group).getByRole('status')).toHaveTextContent('Now: Available'));
    expect((await myAgent())?.presence).toBe('available');
  });

  it('sends at once when focus leaves the group', async () => {
    const user = userEvent.setup();
    const sent = deliveries();
    desk.render(
      <>
        <PresenceToggle />
        <button type="button">elsewhere</button>
      </>,
    );
    const group = await screen.findByRole('group', { name: 'Status' });
    await user.click(within(group).getByRole('radio', { name: 'Busy' }));
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    // Well inside the settling time: the blur sent it.
    await until(() => sent.some((e) => e.event === 'agents.setPresence'), presenceSettleMs - 100);
    expect(sent.at(-1)?.payload.presence).toBe('busy');
    await waitFor(() => expect(within(group).getByRole('status')).toHaveTextContent('Now: Busy'));
  });

  it('shows nothing to a supervisor who takes no customers', async () => {
    const employer = testSession(desk.ws, await signInOnHost(desk.ws, 'employer'));
    try {
      render(
        <AppProviders ws={desk.ws} session={employer}>
          <PresenceToggle />
        </AppProviders>,
      );
      await until(() => employer.hub.connected);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(screen.queryByRole('group', { name: 'Status' })).toBeNull();
    } finally {
      await employer.dispose();
    }
  });
});

/** The shell's part, alone: what the route shows, and opening a ticket. */
function Notices({ opened }: { opened: number[] }) {
  const [viewing, setViewing] = useState<number | null>(null);
  useAssignmentNotices({
    viewing,
    open: (ticketId) => {
      opened.push(ticketId);
      setViewing(ticketId);
    },
  });
  return null;
}

describe('notices of new conversations', { timeout: 30_000 }, () => {
  const realHasFocus = document.hasFocus.bind(document);
  afterEach(() => {
    document.hasFocus = realHasFocus;
  });

  it('alert visually with a button that opens it, and ask the host for an OS notification when in the background', async () => {
    const user = userEvent.setup();
    // Wings in the background, as when the worker reads a delivery site in another window.
    document.hasFocus = () => false;
    const asked: unknown[] = [];
    const notifications = desk.ws.services.notifications;
    const request = notifications.request.bind(notifications);
    notifications.request = (input) => {
      asked.push(input);
      return request(input);
    };
    const opened: number[] = [];
    desk.render(<Notices opened={opened} />);
    await until(() => desk.session.hub.connected);

    // A colleague hands one of theirs over: the supervisor transfers an unassigned ticket to the agent.
    const target = await asSupervisor(async (s) => {
      const list = expectOk(await call(s, 'tickets.list', { view: 'unassigned', limit: 1 }));
      const ticket = list.items[0];
      if (!ticket) throw new Error('the demo has unassigned tickets');
      expectOk(
        await call(s, 'tickets.transfer', {
          id: newId(),
          ticketId: ticket.id,
          toUserId: desk.session.user.id,
        }),
      );
      return ticket;
    });
    const banner = await screen.findByRole('region', { name: 'Alerts' }, { timeout: 5_000 });
    expect(banner).toHaveTextContent(`New conversation #${target.number} from ${target.customer.name}`);
    await until(() => asked.length === 1);
    expect(asked[0]).toEqual({
      title: `New conversation #${target.number}`,
      body: expect.stringMatching(new RegExp(`^${target.customer.name}: `)) as unknown,
      route: `#/tickets/${target.id}`,
    });
    // The button opens the conversation; the alert has done its job and goes.
    await user.click(within(banner).getByRole('button', { name: `Open #${target.number}` }));
    expect(opened).toEqual([target.id]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull());
  });

  it('stay quiet for a conversation the agent claimed themself', async () => {
    const opened: number[] = [];
    desk.render(<Notices opened={opened} />);
    await until(() => desk.session.hub.connected);
    const [claimed, handed] = await asSupervisor(async (s) => {
      const list = expectOk(await call(s, 'tickets.list', { view: 'unassigned', limit: 2 }));
      const [a, b] = list.items;
      if (!a || !b) throw new Error('the demo has two unassigned tickets');
      return [a, b];
    });
    const sent = deliveries();
    await act(async () => {
      await desk.session.outbox.enqueue('tickets.claim', { id: newId(), ticketId: claimed.id }, null);
    });
    await until(() => sent.some((e) => e.event === 'tickets.claim'));
    await asSupervisor(async (s) =>
      expectOk(
        await call(s, 'tickets.transfer', {
          id: newId(),
          ticketId: handed.id,
          toUserId: desk.session.user.id,
        }),
      ),
    );
    const banner = await screen.findByRole('region', { name: 'Alerts' }, { timeout: 5_000 });
    // One conversation, the one handed over: not "2 new conversations".
    await waitFor(() => expect(banner).toHaveTextContent(`New conversation #${handed.number}`));
    expect(banner).not.toHaveTextContent(`#${claimed.number}`);
    expect(banner).not.toHaveTextContent('new conversations');
  });
});

describe('my canned replies', { timeout: 30_000 }, () => {
  it('lets an agent keep replies of their own, and says the shared ones are the supervisor’s', async () => {
    const user = userEvent.setup();
    desk.render(<MyCannedReplies />);
    const editor = await screen.findByRole('region', { name: 'Canned replies' });
    expect(await within(editor).findByText(/^Your organisation also has \d+ shared replies/)).toBeVisible();
    expect(within(editor).getByRole('region', { name: 'Mine (0)' })).toHaveTextContent(
      'You have no replies of your own yet.',
    );
    expect(within(editor).queryByRole('region', { name: /Organisation-wide/ })).toBeNull();

    await user.click(within(editor).getByRole('button', { name: 'New canned reply' }));
    // No choice of scope: an agent's replies are their own.
    expect(within(editor).queryByRole('group', { name: 'Who can use it' })).toBeNull();
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Shortcut' }), {
      target: { value: '/qsd' },
    });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Title' }), { target: { value: '请稍等' } });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Reply text' }), {
      target: { value: '{customer.name}您好，我正在为您查询，请稍等一两分钟。' },
    });
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Language' }), 'zh-CN');
    await user.click(within(editor).getByRole('button', { name: 'Save reply' }));
    const mine = await within(editor).findByRole('region', { name: 'Mine (1)' }, { timeout: 5_000 });
    expect(within(mine).getByRole('article', { name: '请稍等' })).toHaveTextContent('Chinese');
    const socket = await signIn(desk.ws.hub.hub.url, 'agent', 'wings-demo');
    const canned = expectOk(await call(socket, 'canned.list', {}));
    socket.close();
    expect(canned.find((c) => c.shortcut === '/qsd')).toMatchObject({
      ownerId: desk.session.user.id,
      locale: 'zh-CN',
    });
  });

  it('keeps a reply being written on the host, and brings it back when the editor opens again', async () => {
    const user = userEvent.setup();
    const view = desk.render(<MyCannedReplies />);
    const editor = await screen.findByRole('region', { name: 'Canned replies' });
    await user.click(within(editor).getByRole('button', { name: 'New canned reply' }));
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Reply text' }), {
      target: { value: '您的包裹已经从柳州发出，' },
    });
    await desk.session.drafts.flush();
    view.unmount();
    // As after a restart of the view (or the app): the draft is read back from the host's disk.
    const stored = await desk.ws.bridge.call('drafts.get', { sessionId: desk.session.id, key: 'canned:new' });
    expect(stored).toMatchObject({ ok: true, data: { text: '您的包裹已经从柳州发出，' } });
    desk.render(<MyCannedReplies />);
    const again = await screen.findByRole('region', { name: 'Canned replies' });
    await user.click(within(again).getByRole('button', { name: 'New canned reply' }));
    expect(await within(again).findByText('What you were writing here before is back.')).toBeVisible();
    expect(within(again).getByRole('textbox', { name: 'Reply text' })).toHaveValue(
      '您的包裹已经从柳州发出，',
    );
    // Cancel means it is not wanted: the draft goes.
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));
    await desk.session.drafts.flush();
    const gone = await desk.ws.bridge.call('drafts.get', { sessionId: desk.session.id, key: 'canned:new' });
    expect(gone).toMatchObject({ ok: true, data: { text: null } });
  });
});
