import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../shared/bridge';
import type { PushPayload } from '../../shared/protocol';
import { ConversationPane } from '../../renderer/tickets/conversation/ConversationPane';
import { call, expectOk, newId, signIn, type ClientSocket } from '../support/hub-client';
import { callChat, connectCustomer, demoOrderNumber, startChat } from '../support/tickets';
import { until } from '../support/until';
import { signedInDesk } from './support/signed-in';

/** The actions, the customer panel and who else is here, over a real demo hub. */
const desk = signedInDesk('agent');

/** A customer of the demo shop (王丽娟 has orders and earlier tickets) opens a conversation. */
async function customerWrites(
  message: string,
): Promise<{ ticketId: number; number: number; order: string; customer: ClientSocket }> {
  const url = desk.ws.hub.hub.url;
  const order = await demoOrderNumber(desk.ws.hub.dataDir, '王丽娟');
  const chat = await startChat(url, { name: '王丽娟', message, orderNumber: order });
  const customer = await connectCustomer(url, chat.token);
  const agent = await signIn(url, 'agent', 'wings-demo');
  try {
    const list = expectOk(await call(agent, 'tickets.list', { view: 'all', sort: 'created', limit: 5 }));
    const ticket = list.items.find((t) => t.number === chat.ticketNumber);
    if (!ticket) throw new Error('the new ticket is not listed');
    return { ticketId: ticket.id, number: ticket.number, order, customer };
  } finally {
    agent.close();
  }
}

async function openPane(ticketId: number) {
  const view = desk.render(<ConversationPane ticketId={ticketId} focusRequest={0} />);
  await screen.findByRole('textbox', { name: 'Reply' }, { timeout: 5_000 });
  return view;
}

const toolbar = () => screen.getByRole('toolbar', { name: 'Ticket actions' });
const facts = () => screen.getByRole('list', { name: 'About this ticket' });

describe('the conversation’s actions and surroundings', { timeout: 30_000 }, () => {
  it('shows the customer, their orders in yuan with items, and earlier tickets as links', async () => {
    const chat = await customerWrites('梨什么时候发货？');
    try {
      await openPane(chat.ticketId);
      const panel = screen.getByRole('complementary', { name: 'Customer' });
      await waitFor(() =>
        expect(within(panel).getByRole('heading', { name: 'Recent orders' })).toBeVisible(),
      );
      await waitFor(() => expect(within(panel).getByText(chat.order)).toBeVisible());
      expect(within(panel).getByText('王丽娟')).toHaveAttribute('lang', 'zh-CN');
      expect(within(panel).getByText('上海')).toBeVisible();
      expect(within(panel).getByText('Chinese')).toBeVisible();
      const order = within(panel).getByText(chat.order).closest('li') as HTMLElement;
      expect(order).toHaveTextContent('This ticket’s order');
      expect(order).toHaveTextContent(/Delivered · ¥\d+\.\d\d/);
      expect(within(order).getAllByRole('listitem').length).toBeGreaterThan(0);
      expect(within(order).getAllByRole('listitem')[0]).toHaveTextContent(/ × \d+$/);
      const links = within(panel).getAllByRole('link');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.getAttribute('href')).toMatch(/^#\/tickets\/\d+$/);
      expect(links.some((l) => l.getAttribute('href') === `#/tickets/${chat.ticketId}`)).toBe(false);
    } finally {
      chat.customer.close();
    }
  });

  it('claims, resolves, shows the rating when the customer gives one, and reopens', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('发票怎么开？');
    try {
      await openPane(chat.ticketId);
      // Auto-assignment may have given it to this agent already; otherwise Claim takes it.
      const claim = within(toolbar()).queryByRole('button', { name: 'Claim' });
      if (claim) {
        await user.click(claim);
        await waitFor(() =>
          expect(facts()).toHaveTextContent(`Assigned to ${desk.session.user.displayName}`),
        );
      }
      await user.click(within(toolbar()).getByRole('button', { name: 'Resolve' }));
      await waitFor(() => expect(facts()).toHaveTextContent('Resolved'));
      expect(screen.getByText('The customer has not rated this conversation yet.')).toBeVisible();
      expect(within(toolbar()).queryByRole('button', { name: 'Resolve' })).toBeNull();

      expectOk(await callChat(chat.customer, 'chat.rate', { id: newId(), score: 5, comment: '很满意' }));
      await waitFor(() => expect(screen.getByText('Customer rating: 5 of 5')).toBeVisible());
      expect(screen.getByText('很满意')).toBeVisible();

      await user.click(within(toolbar()).getByRole('button', { name: 'Reopen' }));
      await waitFor(() => expect(within(toolbar()).getByRole('button', { name: 'Resolve' })).toBeVisible());
    } finally {
      chat.customer.close();
    }
  });

  it('snoozes until a preset time and goes back to open', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('我下周再联系你们');
    try {
      await openPane(chat.ticketId);
      const snooze = within(toolbar()).getByRole('button', { name: 'Snooze…' });
      await user.click(snooze);
      expect(snooze).toHaveAttribute('aria-expanded', 'true');
      const panel = screen.getByRole('group', { name: 'Snooze until' });
      // The custom field refuses a time in the past, in words, before anything is sent.
      fireEvent.change(within(panel).getByLabelText('Date and time'), {
        target: { value: '2001-01-01T09:00' },
      });
      await user.click(within(panel).getByRole('button', { name: 'Snooze' }));
      expect(within(panel).getByText('Choose a time in the future.')).toBeVisible();

      await user.click(within(panel).getByRole('button', { name: /^1 hour/ }));
      await waitFor(() => expect(facts()).toHaveTextContent(/Snoozed until/));
      expect(screen.queryByRole('group', { name: 'Snooze until' })).toBeNull();
      expect(within(toolbar()).getByRole('button', { name: 'Snooze…' })).toHaveFocus();
      await user.click(within(toolbar()).getByRole('button', { name: 'Back to open' }));
      await waitFor(() => expect(facts()).not.toHaveTextContent(/Snoozed/));
    } finally {
      chat.customer.close();
    }
  });

  it('transfers to a colleague with a note, and the history says so', async () => {
    const user = userEvent.setup();
    // A second agent of the shop, made by its admin, to hand the conversation to.
    const admin = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
    try {
      expectOk(
        await call(admin, 'admin.users.create', {
          id: newId(),
          username: 'agent2',
          displayName: '黄海燕',
          password: 'agent2-password',
          roles: ['agent'],
        }),
      );
    } finally {
      admin.close();
    }
    const chat = await customerWrites('石画的框裂了');
    try {
      await openPane(chat.ticketId);
      // An agent hands on their own tickets only: one in the queue is claimed first.
      const claim = within(toolbar()).queryByRole('button', { name: 'Claim' });
      if (claim) {
        expect(within(toolbar()).queryByRole('button', { name: 'Transfer…' })).toBeNull();
        await user.click(claim);
      }
      await user.click(await within(toolbar()).findByRole('button', { name: 'Transfer…' }));
      const panel = screen.getByRole('group', { name: `Transfer ticket #${chat.number}` });
      await user.click(within(panel).getByRole('button', { name: 'Transfer' }));
      expect(within(panel).getByRole('alert')).toHaveTextContent('Choose who takes it over.');
      const colleague = await within(panel).findByRole('radio', { name: /^黄海燕, / });
      await user.click(colleague);
      fireEvent.change(within(panel).getByRole('textbox', { name: 'Note for your colleague' }), {
        target: { value: '顾客要换框，请你跟进。' },
      });
      await user.click(within(panel).getByRole('button', { name: 'Transfer' }));
      await waitFor(() => expect(facts()).toHaveTextContent('Assigned to 黄海燕'));
      const history = screen.getByRole('log', { name: 'Messages' });
      await waitFor(() =>
        expect(history).toHaveTextContent('transferred it to 黄海燕: “顾客要换框，请你跟进。”'),
      );
    } finally {
      chat.customer.close();
    }
  });

  it('tells colleagues it is viewing, shows who else views or types and the customer typing, and says it left', async () => {
    const chat = await customerWrites('在吗？');
    const colleague = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
    const heard: PushPayload<'tickets.activity'>[] = [];
    colleague.on('tickets.activity', (payload: PushPayload<'tickets.activity'>) => heard.push(payload));
    try {
      const view = await openPane(chat.ticketId);
      await until(() => heard.some((h) => h.ticketId === chat.ticketId && h.activity === 'viewing'));
      expect(heard.find((h) => h.activity === 'viewing')?.user.displayName).toBe(
        desk.session.user.displayName,
      );

      const presence = () => document.querySelector('.conversation__presence') as HTMLElement;
      colleague.emit('tickets.activity', { ticketId: chat.ticketId, activity: 'viewing' });
      await waitFor(() => expect(presence()).toHaveTextContent('陈立新 is viewing'));
      colleague.emit('tickets.activity', { ticketId: chat.ticketId, activity: 'typing', internal: true });
      await waitFor(() => expect(presence()).toHaveTextContent('陈立新 is typing'));
      chat.customer.emit('chat.typing', {});
      await waitFor(() => expect(presence()).toHaveTextContent('Customer is typing…'));
      expect(presence()).toHaveAttribute('role', 'status');
      colleague.emit('tickets.activity', { ticketId: chat.ticketId, activity: 'left' });
      await waitFor(() => expect(presence()).not.toHaveTextContent('陈立新'));

      view.unmount();
      await until(() => heard.some((h) => h.ticketId === chat.ticketId && h.activity === 'left'));
    } finally {
      colleague.close();
      chat.customer.close();
    }
  });

  it('marks the customer’s messages read while the conversation is in front of the agent', async () => {
    const chat = await customerWrites('请问保质期多久？');
    const delivered: OutboxEntry[] = [];
    desk.session.outbox.onDelivered((entry) => delivered.push(entry));
    try {
      await openPane(chat.ticketId);
      await until(() => delivered.some((e) => e.event === 'tickets.read'));
      expect(delivered.find((e) => e.event === 'tickets.read')?.payload).toMatchObject({
        ticketId: chat.ticketId,
        readCount: 1,
      });
      const agent = await signIn(desk.ws.hub.hub.url, 'agent', 'wings-demo');
      try {
        expect(expectOk(await call(agent, 'tickets.get', { ticketId: chat.ticketId })).readCount).toBe(1);
      } finally {
        agent.close();
      }
    } finally {
      chat.customer.close();
    }
  });
});
