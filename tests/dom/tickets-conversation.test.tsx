import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../shared/bridge';
import { ConversationPane } from '../../renderer/tickets/conversation/ConversationPane';
import { replyDraftKey } from '../../renderer/tickets/conversation/conversation-store';
import { conversationsStore } from '../../renderer/tickets/conversation/conversations-store';
import { call, expectOk, newId, signIn, type ClientSocket } from '../support/hub-client';
import { callChat, connectCustomer, startChat } from '../support/tickets';
import { until } from '../support/until';
import { signedInDesk } from './support/signed-in';

/** The conversation pane over a real demo hub and the host's real services. */
const desk = signedInDesk('agent');

interface OpenedChat {
  ticketId: number;
  number: number;
  customer: ClientSocket;
}

/** A customer opens a conversation from `/chat`, as the shop's page does; the agent finds its ticket. */
async function customerWrites(message: string, orderNumber?: string): Promise<OpenedChat> {
  const url = desk.ws.hub.hub.url;
  const chat = await startChat(url, { name: '王丽娟', message, ...(orderNumber ? { orderNumber } : {}) });
  const customer = await connectCustomer(url, chat.token);
  const agent = await signIn(url, 'agent', 'wings-demo');
  try {
    const list = expectOk(await call(agent, 'tickets.list', { view: 'all', sort: 'created', limit: 5 }));
    const ticket = list.items.find((t) => t.number === chat.ticketNumber);
    if (!ticket) throw new Error('the new ticket is not listed');
    return { ticketId: ticket.id, number: ticket.number, customer };
  } finally {
    agent.close();
  }
}

const log = () => screen.getByRole('log', { name: 'Messages' });
const replyBox = () => screen.getByRole('textbox', { name: 'Reply' });

async function openPane(ticketId: number) {
  desk.render(<ConversationPane ticketId={ticketId} focusRequest={0} />);
  // The reply box appears once the ticket is read; the history once its newest page is.
  await screen.findByRole('textbox', { name: 'Reply' }, { timeout: 5_000 });
  await waitFor(() => expect(log()).not.toHaveTextContent('Loading'));
}

/** Every entry that went through the outbox from now on, as the hub acknowledged it. */
function deliveries(): OutboxEntry[] {
  const seen: OutboxEntry[] = [];
  desk.session.outbox.onDelivered((entry) => seen.push(entry));
  return seen;
}

describe('the conversation pane', { timeout: 30_000 }, () => {
  it('shows internal notes apart from replies, and never lets the customer see them', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('你好，我的金桔还没到，能帮我看看吗？');
    try {
      await openPane(chat.ticketId);
      expect(screen.getByRole('heading', { level: 2, name: `#${chat.number} · 王丽娟` })).toBeVisible();

      await user.click(screen.getByRole('radio', { name: 'Internal note' }));
      const noteBox = screen.getByRole('textbox', { name: 'Internal note' });
      fireEvent.change(noteBox, { target: { value: '仓库说今天下午补发。' } });
      await user.click(screen.getByRole('button', { name: 'Add note' }));
      await waitFor(() => expect(within(log()).getByText('仓库说今天下午补发。')).toBeVisible());

      await user.click(screen.getByRole('radio', { name: 'Reply' }));
      fireEvent.change(replyBox(), { target: { value: '您好，我马上帮您查询物流。' } });
      await user.click(screen.getByRole('button', { name: 'Send reply' }));
      await waitFor(() => expect(within(log()).getByText('您好，我马上帮您查询物流。')).toBeVisible());

      const note = within(log()).getByText('仓库说今天下午补发。').closest('li') as HTMLElement;
      const reply = within(log()).getByText('您好，我马上帮您查询物流。').closest('li') as HTMLElement;
      // Told apart by words and an icon, not colour alone: the note says what it is, the reply does not.
      expect(note).toHaveClass('message--note');
      expect(within(note).getByText('Internal note')).toBeVisible();
      expect(within(note).getByText('Only agents see this; never sent to the customer.')).toBeVisible();
      expect(note.querySelector('svg')).not.toBeNull();
      expect(reply).not.toHaveClass('message--note');
      expect(within(reply).queryByText('Internal note')).toBeNull();

      // The customer's own stream has the reply and not the note.
      const history = expectOk(await callChat(chat.customer, 'chat.history', {}));
      const bodies = history.items.map((m) => m.body);
      expect(bodies).toContain('您好，我马上帮您查询物流。');
      expect(bodies.join('\n')).not.toContain('仓库说今天下午补发');
    } finally {
      chat.customer.close();
    }
  });

  it('holds a reply back when the customer wrote while the agent typed, and sends it anyway on request', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('我的订单怎么还没发货？');
    const sent = deliveries();
    try {
      await openPane(chat.ticketId);
      fireEvent.change(replyBox(), { target: { value: '请稍等，我查一下。' } });
      expectOk(await callChat(chat.customer, 'chat.send', { id: newId(), body: '算了，我想退款。' }));
      await waitFor(() => expect(within(log()).getByText('算了，我想退款。')).toBeVisible());

      await user.click(screen.getByRole('button', { name: 'Send reply' }));
      const notice = await screen.findByRole('group', { name: 'New messages arrived since you wrote this' });
      expect(notice).toHaveTextContent('1 new message is marked');
      expect(replyBox()).toHaveValue('请稍等，我查一下。');
      const fresh = within(log()).getByText('算了，我想退款。').closest('li') as HTMLElement;
      expect(fresh).toHaveAttribute('data-new', 'true');
      expect(within(fresh).getByText('New')).toBeVisible();
      // Nothing went to the outbox.
      expect(desk.session.outbox.pending.filter((e) => e.event === 'tickets.reply')).toEqual([]);

      await user.click(within(notice).getByRole('button', { name: 'Review new messages' }));
      expect(fresh).toHaveFocus();

      await user.click(
        within(screen.getByRole('group', { name: 'New messages arrived since you wrote this' })).getByRole(
          'button',
          { name: 'Send anyway' },
        ),
      );
      await until(() => sent.some((e) => e.event === 'tickets.reply'));
      expect(sent.find((e) => e.event === 'tickets.reply')?.payload).toMatchObject({ force: true });
      await waitFor(() => expect(replyBox()).toHaveValue(''));
      expect(screen.queryByRole('group', { name: 'New messages arrived since you wrote this' })).toBeNull();
    } finally {
      chat.customer.close();
    }
  });

  it('puts a reply the hub refused as "changed" back in the box, marks what is new, and sends anyway once', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('梨子坏了好几个。');
    const sent = deliveries();
    try {
      await openPane(chat.ticketId);
      const seenSeq = desk.session.store(conversationsStore).get(chat.ticketId).newestShown;
      expect(seenSeq).toBeGreaterThan(0);
      expectOk(await callChat(chat.customer, 'chat.send', { id: newId(), body: '你们在吗？' }));
      await waitFor(() => expect(within(log()).getByText('你们在吗？')).toBeVisible());

      // The reply as it was queued before the news arrived (offline, say): based on the older seq.
      const refusedId = uuidv7();
      const queued = await desk.session.outbox.enqueue(
        'tickets.reply',
        {
          id: refusedId,
          ticketId: chat.ticketId,
          body: '非常抱歉，请拍照给我。',
          internal: false,
          seenSeq,
          force: false,
        },
        replyDraftKey(chat.ticketId),
      );
      expect(queued.ok).toBe(true);
      await until(() => desk.session.outbox.notSent.some((e) => e.id === refusedId));
      expect(desk.session.outbox.notSent.find((e) => e.id === refusedId)?.reason.code).toBe('changed');

      const notice = await screen.findByRole('group', { name: 'New messages arrived since you wrote this' });
      expect(notice).toHaveTextContent('The hub did not send your reply; it is back in the box.');
      await waitFor(() => expect(replyBox()).toHaveValue('非常抱歉，请拍照给我。'));
      const fresh = within(log()).getByText('你们在吗？').closest('li') as HTMLElement;
      expect(fresh).toHaveAttribute('data-new', 'true');
      // The agent's own earlier text is not marked new, nor the first customer message they had seen.
      expect(within(log()).getByText('梨子坏了好几个。').closest('li')).not.toHaveAttribute('data-new');

      await user.click(within(notice).getByRole('button', { name: 'Send anyway' }));
      await until(() => sent.some((e) => e.event === 'tickets.reply'));
      const delivered = sent.filter((e) => e.event === 'tickets.reply');
      expect(delivered).toHaveLength(1);
      expect(delivered[0]?.id).not.toBe(refusedId);
      expect(delivered[0]?.payload).toMatchObject({ force: true, body: '非常抱歉，请拍照给我。' });
      // The refused entry left the not-sent list: the reply went out once, under its new id.
      await until(() => !desk.session.outbox.notSent.some((e) => e.id === refusedId));
      await waitFor(() => expect(within(log()).getAllByText('非常抱歉，请拍照给我。')).toHaveLength(1));
      const history = expectOk(await callChat(chat.customer, 'chat.history', {}));
      expect(history.items.filter((m) => m.body === '非常抱歉，请拍照给我。')).toHaveLength(1);
    } finally {
      chat.customer.close();
    }
  });

  it('inserts a canned reply by its shortcut and Tab or Enter, with the variables filled', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('快递到哪了？', 'DS20261129-0054');
    try {
      await openPane(chat.ticketId);
      await user.click(replyBox());
      await user.keyboard('/wl');
      expect(screen.getByText(/Press Tab or Enter to insert/)).toBeVisible();
      await user.keyboard('{Tab}');
      expect(replyBox()).toHaveValue(
        '亲，您的订单DS20261129-0054已经发货了，包裹正在运输途中，一般三到五天送达，您可以在订单详情里查看快递单号和最新进度。',
      );
      // Tab put the reply in rather than moving on.
      expect(replyBox()).toHaveFocus();

      // "/nh" names the customer and the agent: both are known here.
      fireEvent.change(replyBox(), { target: { value: '' } });
      await user.click(replyBox());
      await user.keyboard('/nh{Enter}');
      expect(replyBox()).toHaveValue(
        `您好王丽娟，我是客服${desk.session.user.displayName}，很高兴为您服务，请问有什么可以帮您？`,
      );
    } finally {
      chat.customer.close();
    }
  });

  it('leaves {order.id} in place when the ticket has no order, says so, and will not send it', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('物流好几天没更新了');
    try {
      await openPane(chat.ticketId);
      await user.click(screen.getByRole('button', { name: 'Canned replies' }));
      const picker = screen.getByRole('dialog', { name: 'Canned replies' });
      await user.type(within(picker).getByRole('searchbox', { name: 'Search canned replies' }), '/yc');
      const option = within(picker)
        .getAllByRole('button')
        .find((b) => b.textContent?.includes('/yc'));
      if (!option) throw new Error('no /yc reply listed');
      await user.click(option);
      expect(screen.queryByRole('dialog', { name: 'Canned replies' })).toBeNull();
      expect((replyBox() as HTMLTextAreaElement).value).toContain('订单{order.id}的物流信息');
      expect(screen.getByText(/\{order\.id\} has no value here: fill it in before sending/)).toBeVisible();

      await user.click(screen.getByRole('button', { name: 'Send reply' }));
      expect(replyBox()).toHaveAccessibleDescription(/Fill in \{order\.id\} before sending/);
      expect(desk.session.outbox.pending.filter((e) => e.event === 'tickets.reply')).toEqual([]);
    } finally {
      chat.customer.close();
    }
  });

  it('offers three suggested replies in a named group, Send first, and sends one with one press and its canned id', async () => {
    const user = userEvent.setup();
    const chat = await customerWrites('快递到哪了？我的订单还没到', 'DS20261129-0054');
    const sent = deliveries();
    try {
      await openPane(chat.ticketId);
      const group = await screen.findByRole('group', { name: 'Suggested replies' }, { timeout: 5_000 });
      const items = within(group).getAllByRole('listitem');
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(3);
      const first = items[0] as HTMLElement;
      const buttons = within(first).getAllByRole('button');
      // Send comes first in each suggestion (see SuggestedReplies.tsx for why).
      expect(buttons.map((b) => b.textContent)).toEqual(['Send', 'Insert']);
      const text = first.querySelector('.suggested__text')?.textContent ?? '';
      expect(text).not.toMatch(/\{customer\.name\}|\{agent\.name\}/);

      const suggestion = desk.session.store(conversationsStore).get(chat.ticketId).suggestions[0];
      await user.click(within(first).getByRole('button', { name: 'Send' }));
      await until(() => sent.some((e) => e.event === 'tickets.reply'));
      const entry = sent.find((e) => e.event === 'tickets.reply');
      expect(entry?.payload).toMatchObject({ cannedId: suggestion?.cannedId, body: text, internal: false });
      await waitFor(() => expect(within(log()).getByText(text)).toBeVisible());
      // A second press does not send the same answer again.
      expect(within(first).getByRole('button', { name: 'Send' })).toHaveAttribute('aria-disabled', 'true');
      const history = expectOk(await callChat(chat.customer, 'chat.history', {}));
      expect(history.items.filter((m) => m.body === text)).toHaveLength(1);
    } finally {
      chat.customer.close();
    }
  });
});
