import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSlaTargets } from '../../shared/domain/tickets/sla';
import { summariseCsat } from '../../renderer/tickets/supervisor/csat';
import { SupervisorPanel } from '../../renderer/tickets/supervisor/SupervisorPanel';
import { call, expectOk, signIn } from '../support/hub-client';
import { until } from '../support/until';
import { signInOnHost, testSession } from '../support/workstation';
import { AppProviders } from './support/providers';
import { signedInDesk } from './support/signed-in';

/** The supervisor view over a real demo hub, signed in as the demo employer (supervisor, not an agent). */
const desk = signedInDesk('employer');

async function openPanel() {
  const view = desk.render(<SupervisorPanel />);
  await screen.findByRole('heading', { level: 2, name: 'Supervisor view' });
  return view;
}

async function tab(name: string) {
  await userEvent.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel', { name });
}

/** What the hub holds, read by another signed-in client: the UI's word is not the test's evidence. */
async function fromHub<T>(read: (socket: Awaited<ReturnType<typeof signIn>>) => Promise<T>): Promise<T> {
  const socket = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
  try {
    return await read(socket);
  } finally {
    socket.close();
  }
}

const delivered = () => until(() => desk.session.outbox.pending.length === 0, 8_000);

describe('the supervisor view', { timeout: 30_000 }, () => {
  it('shows nothing to a worker without the supervisor role', async () => {
    // The same component in another session on this workstation: the demo agent's.
    const { ws } = desk;
    await desk.session.dispose();
    const agent = testSession(ws, await signInOnHost(ws, 'agent'));
    try {
      render(
        <AppProviders ws={ws} session={agent}>
          <SupervisorPanel />
        </AppProviders>,
      );
      expect(screen.queryByRole('heading', { name: 'Supervisor view' })).toBeNull();
      expect(screen.queryByRole('tab')).toBeNull();
    } finally {
      await agent.dispose();
    }
  });

  it('lists every agent with status, load and profile, and saves a profile set with the worker', async () => {
    const user = userEvent.setup();
    const listed = await fromHub(async (s) => expectOk(await call(s, 'agents.list', {})));
    const before = listed.find((a) => a.displayName === '韦秀兰');
    if (!before) throw new Error('the demo has 韦秀兰 as an agent');
    const limit = before.profile.maxConcurrent;
    await openPanel();
    const table = await screen.findByRole('table', { name: 'Agents' });
    const row = (await within(table).findByRole('rowheader', { name: /韦秀兰/ })).closest(
      'tr',
    ) as HTMLElement;
    // Status in words, load against the limit, the profile in words: nothing by colour alone.
    expect(within(row).getByText('Offline')).toBeVisible();
    expect(row).toHaveTextContent(`${before.load} of ${limit}`);
    expect(row).toHaveTextContent(`Up to ${limit} at once · never handed on when slow`);

    await user.click(within(row).getByRole('button', { name: 'Edit profile: 韦秀兰' }));
    const editor = screen.getByRole('region', { name: 'Accommodation profile: 韦秀兰' });
    await waitFor(() => expect(within(editor).getByRole('heading', { level: 3 })).toHaveFocus());
    await user.click(within(editor).getByRole('button', { name: 'Increase Most conversations at once' }));
    expect(within(editor).getByRole('textbox', { name: 'Most conversations at once' })).toHaveValue(
      String(limit + 1),
    );
    const slow = within(editor).getByRole('group', { name: 'When a new conversation has no answer yet' });
    expect(
      within(slow).getByRole('radio', { name: 'Never hand it to someone else (recommended)' }),
    ).toBeChecked();
    expect(
      within(slow)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual([
      'Never hand it to someone else (recommended)',
      'Back to the queue after 10 min',
      'Back to the queue after 20 min',
      'Back to the queue after 30 min',
      'Back to the queue after 1 h',
    ]);
    await user.click(within(slow).getByRole('radio', { name: 'Back to the queue after 20 min' }));
    await user.click(within(editor).getByRole('checkbox', { name: 'Text only: no voice or video' }));
    await user.click(within(editor).getByRole('button', { name: 'Save profile' }));

    // The editor closes, focus goes back to the row's button, and the row follows the hub's answer.
    await waitFor(() => expect(screen.queryByRole('region', { name: /Accommodation profile/ })).toBeNull());
    await waitFor(() =>
      expect(within(row).getByRole('button', { name: 'Edit profile: 韦秀兰' })).toHaveFocus(),
    );
    await waitFor(() =>
      expect(row).toHaveTextContent(
        `Up to ${limit + 1} at once · back to the queue after 20 min unanswered · text only`,
      ),
    );
    expect(row).toHaveTextContent(`of ${limit + 1}`);
    const agents = await fromHub(async (s) => expectOk(await call(s, 'agents.list', {})));
    expect(agents.find((a) => a.displayName === '韦秀兰')?.profile).toEqual({
      maxConcurrent: limit + 1,
      reassignAfterMs: 20 * 60_000,
      textOnly: true,
    });
  });

  it('changes the assignment mode only when saved, and keeps the SLA targets as they were', async () => {
    const user = userEvent.setup();
    await openPanel();
    const panel = await tab('Assignment and SLA');
    const mode = await within(panel).findByRole('group', { name: 'How new conversations reach agents' });
    const claim = within(mode).getByRole('radio', { name: 'Agents take them from the queue' });
    expect(within(mode).getByRole('radio', { name: 'Automatically, in turn' })).toBeChecked();
    expect(claim).toHaveAccessibleDescription(
      'New conversations wait in Unassigned until an agent takes one.',
    );
    await user.click(claim);
    // Choosing is not saving: the organisation's routing changes with the button only.
    expect(desk.session.outbox.pending).toEqual([]);
    await user.click(within(panel).getByRole('button', { name: 'Save assignment' }));
    await delivered();
    expect(await within(panel).findByText('Assignment saved.')).toBeVisible();
    const settings = await fromHub(async (s) => expectOk(await call(s, 'tickets.settings', {})));
    expect(settings.assignmentMode).toBe('claim');
    expect(settings.sla).toEqual(defaultSlaTargets);
  });

  it('checks SLA targets as the hub does before saving, and saves minutes and hours', async () => {
    const user = userEvent.setup();
    await openPanel();
    const panel = await tab('Assignment and SLA');
    const urgent = await within(panel).findByRole('group', { name: 'Urgent' });
    const first = within(urgent).getByRole('textbox', { name: 'First response' });
    // The demo's targets as the form shows them: 15 min first response, 4 h resolution.
    expect(first).toHaveValue('15');
    expect(within(urgent).getByRole('combobox', { name: 'First response: unit' })).toHaveValue('minutes');
    expect(within(urgent).getByRole('textbox', { name: 'Resolution' })).toHaveValue('4');
    expect(within(urgent).getByRole('combobox', { name: 'Resolution: unit' })).toHaveValue('hours');

    // Longer than the resolution: refused beside the field, nothing queued.
    fireEvent.change(first, { target: { value: '5' } });
    await user.selectOptions(within(urgent).getByRole('combobox', { name: 'First response: unit' }), 'hours');
    const low = within(panel).getByRole('group', { name: 'Low' });
    fireEvent.change(within(low).getByRole('textbox', { name: 'Resolution' }), { target: { value: 'soon' } });
    await user.click(within(panel).getByRole('button', { name: 'Save SLA targets' }));
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(first).toHaveAccessibleDescription(
      'The first response target must not be longer than the resolution target.',
    );
    expect(within(low).getByRole('textbox', { name: 'Resolution' })).toHaveAccessibleDescription(
      'Type a whole number, 1 or more.',
    );
    expect(within(panel).getByText(/^Some targets need a change/)).toHaveAttribute('role', 'alert');
    expect(desk.session.outbox.pending).toEqual([]);
    // What was typed stays.
    expect(first).toHaveValue('5');

    fireEvent.change(first, { target: { value: '20' } });
    await user.selectOptions(
      within(urgent).getByRole('combobox', { name: 'First response: unit' }),
      'minutes',
    );
    fireEvent.change(within(low).getByRole('textbox', { name: 'Resolution' }), { target: { value: '48' } });
    await user.click(within(panel).getByRole('button', { name: 'Save SLA targets' }));
    await delivered();
    expect(await within(panel).findByText('SLA targets saved.')).toBeVisible();
    const settings = await fromHub(async (s) => expectOk(await call(s, 'tickets.settings', {})));
    expect(settings.sla).toEqual({
      ...defaultSlaTargets,
      urgent: { firstResponseMs: 20 * 60_000, resolutionMs: 4 * 3_600_000 },
      low: { firstResponseMs: defaultSlaTargets.low.firstResponseMs, resolutionMs: 48 * 3_600_000 },
    });
    expect(settings.assignmentMode).toBe('auto');
  });

  it('adds an organisation-wide reply with variables put in by button, refusing unknown ones first', async () => {
    const user = userEvent.setup();
    await openPanel();
    const panel = await tab('Canned replies');
    const orgList = await within(panel).findByRole('region', { name: /^Organisation-wide \([1-9]\d*\)$/ });
    const before = within(orgList).getAllByRole('article').length;
    expect(before).toBeGreaterThan(0);

    await user.click(within(panel).getByRole('button', { name: 'New canned reply' }));
    await waitFor(() => expect(within(panel).getByRole('textbox', { name: 'Shortcut' })).toHaveFocus());
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Shortcut' }), {
      target: { value: '/fapiao' },
    });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Title' }), {
      target: { value: '发票说明' },
    });
    const body = within(panel).getByRole('textbox', { name: 'Reply text' });
    fireEvent.change(body, { target: { value: '您好 {customer.nam}，发票会在发货后开出。' } });
    // Said while typing, before any Save.
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAccessibleDescription(/Unknown variable \{customer\.nam\}/);
    await user.click(within(panel).getByRole('button', { name: 'Save reply' }));
    expect(desk.session.outbox.pending).toEqual([]);

    // Fixed with the variable buttons, at the caret.
    fireEvent.change(body, { target: { value: '您好 ，发票会在发货后开出。' } });
    (body as HTMLTextAreaElement).setSelectionRange(3, 3);
    fireEvent.select(body);
    const variables = within(panel).getByRole('group', { name: 'Insert a variable' });
    await user.click(within(variables).getByRole('button', { name: '{customer.name}' }));
    await waitFor(() => expect(body).toHaveValue('您好 {customer.name}，发票会在发货后开出。'));
    expect(body).not.toHaveAttribute('aria-invalid');
    await user.click(within(panel).getByRole('button', { name: 'Save reply' }));
    await delivered();

    const fresh = await within(orgList).findByRole('article', { name: '发票说明' });
    expect(fresh).toHaveTextContent('/fapiao');
    expect(fresh).toHaveTextContent('您好 {customer.name}，发票会在发货后开出。');
    expect(within(orgList).getAllByRole('article')).toHaveLength(before + 1);
    expect(within(panel).getByRole('button', { name: 'New canned reply' })).toBeVisible();
    const canned = await fromHub(async (s) => expectOk(await call(s, 'canned.list', {})));
    expect(canned.find((c) => c.shortcut === '/fapiao')).toMatchObject({
      ownerId: null,
      title: '发票说明',
      body: '您好 {customer.name}，发票会在发货后开出。',
      locale: null,
    });
  });

  it('refuses a shortcut another reply has, edits a reply, and deletes one only after asking', async () => {
    const user = userEvent.setup();
    await openPanel();
    const panel = await tab('Canned replies');
    const orgList = await within(panel).findByRole('region', { name: /^Organisation-wide \([1-9]\d*\)$/ });
    const [first, second] = within(orgList).getAllByRole('article');
    if (!first || !second) throw new Error('the demo has at least two organisation-wide replies');
    const takenShortcut = second.querySelector('code')?.textContent ?? '';
    const firstTitle = first.querySelector('strong')?.textContent ?? '';
    expect(takenShortcut).toMatch(/^\//);

    await user.click(within(first).getByRole('button', { name: `Edit: ${firstTitle}` }));
    const shortcut = within(orgList).getByRole('textbox', { name: 'Shortcut' });
    fireEvent.change(shortcut, { target: { value: takenShortcut } });
    await user.click(within(orgList).getByRole('button', { name: 'Save reply' }));
    expect(shortcut).toHaveAccessibleDescription(/Another reply you can see already has this shortcut/);
    expect(desk.session.outbox.pending).toEqual([]);

    fireEvent.change(shortcut, { target: { value: '/edited' } });
    await user.click(within(orgList).getByRole('button', { name: 'Save reply' }));
    await delivered();
    const edited = await within(orgList).findByRole('article', { name: firstTitle });
    expect(edited).toHaveTextContent('/edited');
    await waitFor(() =>
      expect(within(edited).getByRole('button', { name: `Edit: ${firstTitle}` })).toHaveFocus(),
    );

    // Delete asks in buttons; Keep is the safe default focus.
    await user.click(within(edited).getByRole('button', { name: `Delete: ${firstTitle}` }));
    const confirm = within(edited).getByRole('group', {
      name: new RegExp(`Delete “${firstTitle}” for good`),
    });
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(desk.session.outbox.pending).toEqual([]);
    await user.click(within(edited).getByRole('button', { name: `Delete: ${firstTitle}` }));
    await user.click(within(edited).getByRole('button', { name: 'Delete' }));
    await delivered();
    await waitFor(() => expect(within(orgList).queryByRole('article', { name: firstTitle })).toBeNull());
    const canned = await fromHub(async (s) => expectOk(await call(s, 'canned.list', {})));
    expect(canned.some((c) => c.title === firstTitle)).toBe(false);
  });

  it('summarises customer ratings over the latest 200 resolved conversations, in words', async () => {
    await openPanel();
    const panel = await tab('Satisfaction');
    const resolved = await fromHub(async (s) =>
      expectOk(await call(s, 'tickets.list', { view: 'resolved', sort: 'updated', limit: 200 })),
    );
    const expected = summariseCsat(resolved.items);
    expect(expected.rated).toBeGreaterThan(0);
    expect(
      await within(panel).findByText(
        `From the latest 200 resolved conversations (${resolved.total} resolved in all).`,
      ),
    ).toBeVisible();
    const average = (expected.average ?? 0).toFixed(1);
    expect(
      await within(panel).findByText(
        new RegExp(
          `^Average ${average} out of 5, from ${expected.rated} ratings? \\(${resolved.items.length} conversations`,
        ),
      ),
    ).toBeVisible();
    const bars = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('csat__bar-row'));
    expect(bars.map((li) => li.textContent?.replace(/\s*\(.*\)$/, ''))).toEqual(
      [5, 4, 3, 2, 1].map(
        (score) =>
          `${score} of 5: ${expected.distribution[score as 1 | 2 | 3 | 4 | 5]} rating${expected.distribution[score as 1 | 2 | 3 | 4 | 5] === 1 ? '' : 's'}`,
      ),
    );
    // The bars repeat the words and are hidden from assistive technology.
    for (const li of bars) expect(li.querySelector('.csat__bar')).toHaveAttribute('aria-hidden', 'true');
    // Six months of history repeat the short comments: each is shown as often as it was written.
    const written = new Map<string, number>();
    for (const c of expected.comments) written.set(c.comment, (written.get(c.comment) ?? 0) + 1);
    for (const [comment, times] of written) {
      const shown = within(panel).getAllByText(comment);
      expect(shown).toHaveLength(times);
      for (const el of shown) expect(el).toBeVisible();
    }
  });
});
