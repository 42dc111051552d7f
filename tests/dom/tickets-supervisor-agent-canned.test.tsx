import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SupervisorPanel } from '../../renderer/tickets/supervisor/SupervisorPanel';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { until } from '../support/until';
import { signedInDesk } from './support/signed-in';

/** The supervisor managing the demo agent's own canned replies, over a real demo hub. */
const desk = signedInDesk('employer');

/** What the hub holds for the demo agent, read as her: the UI's word is not the test's evidence. */
async function asAgent<T>(read: (socket: Awaited<ReturnType<typeof signIn>>) => Promise<T>): Promise<T> {
  const socket = await signIn(desk.ws.hub.hub.url, 'agent', 'wings-demo');
  try {
    return await read(socket);
  } finally {
    socket.close();
  }
}

const delivered = () => until(() => desk.session.outbox.pending.length === 0, 8_000);

describe("the supervisor's canned replies for one agent", { timeout: 30_000 }, () => {
  it('picks the demo agent, adds a reply for her by keyboard, and lists it as hers', async () => {
    const user = userEvent.setup();
    desk.render(<SupervisorPanel />);
    await screen.findByRole('heading', { level: 2, name: 'Supervisor view' });
    screen.getByRole('tab', { name: 'Agents' }).focus();
    // Tabs by arrow keys, as a switch's scan would step them.
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    const panel = await waitFor(() => {
      const found = screen.getByRole('tabpanel', { name: 'Canned replies' });
      expect(found).toBeVisible();
      return found;
    });
    const whose = within(panel).getByRole('combobox', { name: 'Whose replies' });
    expect(whose).toHaveAccessibleDescription(/Choose an agent/);
    await waitFor(() => expect(within(whose).getByRole('option', { name: '韦秀兰' })).toBeInTheDocument());

    await user.selectOptions(whose, '韦秀兰');
    const theirs = await within(panel).findByRole('region', { name: "韦秀兰's replies (0)" });
    expect(within(theirs).getByText('韦秀兰 has no replies of their own yet.')).toBeVisible();
    // The organisation's list gives way to hers.
    expect(within(panel).queryByRole('region', { name: /^Organisation-wide/ })).toBeNull();

    const add = within(panel).getByRole('button', { name: 'New canned reply' });
    add.focus();
    await user.keyboard('{Enter}');
    const shortcut = within(panel).getByRole('textbox', { name: 'Shortcut' });
    await waitFor(() => expect(shortcut).toHaveFocus());
    // One place it can go: no scope choice to step past.
    expect(within(panel).queryByRole('group', { name: 'Who can use it' })).toBeNull();
    await user.keyboard('{Control>}a{/Control}/jinju');
    await user.tab();
    expect(within(panel).getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await user.keyboard('金桔发货');
    const body = within(panel).getByRole('textbox', { name: 'Reply text' });
    body.focus();
    await user.keyboard('您好，金桔明天发货。');
    within(panel).getByRole('button', { name: 'Save reply' }).focus();
    await user.keyboard('{Enter}');
    await delivered();

    const listed = await within(panel).findByRole('region', { name: "韦秀兰's replies (1)" });
    const reply = within(listed).getByRole('article', { name: '金桔发货' });
    expect(reply).toHaveTextContent('/jinju');
    expect(reply).toHaveTextContent('您好，金桔明天发货。');
    const saved = await asAgent(async (s) => expectOk(await call(s, 'canned.list', {})));
    const agentId = saved.find((c) => c.shortcut === '/jinju')?.ownerId;
    expect(agentId).toBeTypeOf('number');
    expect(saved.find((c) => c.shortcut === '/jinju')).toMatchObject({ title: '金桔发货', locale: null });

    // Her own change reaches the supervisor's list by the canned.changed push.
    await asAgent(async (s) =>
      expectOk(
        await call(s, 'canned.save', {
          id: newId(),
          scope: 'mine',
          shortcut: '/mine',
          title: '我自己的',
          body: '我自己写的回复。',
          locale: null,
        }),
      ),
    );
    const grown = await within(panel).findByRole('region', { name: "韦秀兰's replies (2)" });
    expect(within(grown).getByRole('article', { name: '我自己的' })).toBeVisible();

    // Back to the organisation's and the supervisor's own.
    await user.selectOptions(whose, 'Organisation-wide and mine');
    expect(await within(panel).findByRole('region', { name: /^Organisation-wide \(\d+\)$/ })).toBeVisible();
    expect(within(panel).queryByRole('article', { name: '金桔发货' })).toBeNull();
  });

  it("edits and deletes the agent's reply through the outbox", async () => {
    const user = userEvent.setup();
    const { id: agentId } = await asAgent(async (s) => {
      const mine = expectOk(
        await call(s, 'canned.save', {
          id: newId(),
          scope: 'mine',
          shortcut: '/tuihuo',
          title: '退货',
          body: '退货请在七天内申请。',
          locale: 'zh-CN',
        }),
      ).canned;
      return { id: mine.ownerId ?? 0 };
    });
    desk.render(<SupervisorPanel />);
    await screen.findByRole('heading', { level: 2, name: 'Supervisor view' });
    await user.click(screen.getByRole('tab', { name: 'Canned replies' }));
    const panel = screen.getByRole('tabpanel', { name: 'Canned replies' });
    const whose = within(panel).getByRole('combobox', { name: 'Whose replies' });
    await waitFor(() => expect(within(whose).getByRole('option', { name: '韦秀兰' })).toBeInTheDocument());
    await user.selectOptions(whose, '韦秀兰');
    const list = await within(panel).findByRole('region', { name: "韦秀兰's replies (1)" });

    await user.click(within(list).getByRole('button', { name: 'Edit: 退货' }));
    const title = within(list).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, '退货说明');
    await user.click(within(list).getByRole('button', { name: 'Save reply' }));
    await delivered();
    const edited = await within(list).findByRole('article', { name: '退货说明' });
    const afterEdit = await asAgent(async (s) => expectOk(await call(s, 'canned.list', {})));
    expect(afterEdit.find((c) => c.shortcut === '/tuihuo')).toMatchObject({
      title: '退货说明',
      ownerId: agentId,
    });

    await user.click(within(edited).getByRole('button', { name: 'Delete: 退货说明' }));
    await user.click(within(edited).getByRole('button', { name: 'Delete' }));
    await delivered();
    await within(panel).findByRole('region', { name: "韦秀兰's replies (0)" });
    const afterDelete = await asAgent(async (s) => expectOk(await call(s, 'canned.list', {})));
    expect(afterDelete.some((c) => c.shortcut === '/tuihuo')).toBe(false);
  });
});
