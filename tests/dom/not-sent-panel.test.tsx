import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotSentButton } from '../../renderer/app/outbox/NotSentButton';
import { NotSentPanel } from '../../renderer/app/outbox/NotSentPanel';
import { TeamNotes } from '../../renderer/app/team/TeamNotes';
import { refusedNote } from '../support/workstation';
import { signedInDesk } from './support/signed-in';

/**
 * The "not sent" list as a worker meets it, over a real hub that really
 * refused a note and the host's real outbox: the banner's count, the list,
 * and what each action does to the host's list and the composer.
 */
const desk = signedInDesk('employer');
const goneTo: string[] = [];

beforeEach(() => {
  goneTo.length = 0;
});

function mount() {
  return desk.render(
    <>
      <header>
        <NotSentButton />
      </header>
      <NotSentPanel onGoTo={(route) => goneTo.push(route)} />
      <TeamNotes />
    </>,
  );
}

async function hostNotSent(): Promise<{ id: string; typed: string | null }[]> {
  const list = await desk.ws.bridge.call('outbox.list', { sessionId: desk.session.id });
  if (!list.ok) throw new Error(list.error.code);
  return list.data.notSent.map(({ id, typed }) => ({ id, typed }));
}

async function openList(user: ReturnType<typeof userEvent.setup>, count = 1) {
  await user.click(await screen.findByRole('button', { name: `Not sent (${count})` }));
  const list = screen.getByRole('complementary', { name: 'Not sent' });
  expect(within(list).getByRole('heading', { name: 'Not sent' })).toHaveFocus();
  return list;
}

describe('the not-sent list', () => {
  it('shows nothing while everything is sent', async () => {
    mount();
    await waitFor(() => expect(desk.session.hub.state).toBe('connected'));
    expect(screen.queryByRole('button', { name: /^Not sent/ })).toBeNull();
    expect(screen.queryByRole('complementary', { name: 'Not sent' })).toBeNull();
  });

  it('lists what was typed, why and when, and Escape closes it with focus back on the count', async () => {
    const user = userEvent.setup();
    mount();
    await refusedNote(desk.session, 'Please check order 5521');
    const list = await openList(user);
    const item = within(list).getByRole('listitem');
    expect(item).toHaveTextContent('Please check order 5521');
    // What the worker wrote carries the language of its script, for the screen reader's voice.
    expect(within(item).getByText('Please check order 5521')).toHaveAttribute('lang', 'en');
    expect(item).toHaveTextContent(
      'Why: This was changed by someone else at the same time. Please try again.',
    );
    expect(within(item).getByText(/^Not sent at /).tagName).toBe('TIME');
    const actions = within(item).getByRole('group', { name: 'What to do with “Please check order 5521”' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Retry', 'Copy back', 'Discard']);
    // The composer points at the list instead of putting the note back by itself.
    expect(screen.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('');
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('1 note was not sent.'))).toBe(
      true,
    );

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Not sent' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Not sent (1)' })).toHaveFocus();
  });

  it('Retry hands the entry back to its lane: the hub is asked again', async () => {
    const user = userEvent.setup();
    mount();
    const entry = await refusedNote(desk.session, 'Retry me');
    const list = await openList(user);
    // A later refusal has a later time: wait until the clock has moved past the first one.
    await waitFor(() => expect(Date.now()).toBeGreaterThan(entry.failedAt));
    await user.click(within(list).getByRole('button', { name: 'Retry' }));
    expect(await within(list).findByRole('status')).toHaveTextContent('Sending it again.');
    // The same hub answer again (the id is still taken), at a new time: it was really sent again.
    await waitFor(() =>
      expect(desk.session.outbox.notSent.find((e) => e.id === entry.id)?.failedAt).toBeGreaterThan(
        entry.failedAt,
      ),
    );
  });

  it('Copy back puts the text below what was typed since, focuses the composer and takes the entry off', async () => {
    const user = userEvent.setup();
    mount();
    const box = screen.getByRole('textbox', { name: 'Note to your team' });
    await refusedNote(desk.session, 'The refund is approved');
    await user.type(box, 'typed since');
    const list = await openList(user);
    await user.click(within(list).getByRole('button', { name: 'Copy back' }));

    await waitFor(() => expect(box).toHaveValue('typed since\n\nThe refund is approved'));
    expect(box).toHaveFocus();
    expect(screen.queryByRole('complementary', { name: 'Not sent' })).toBeNull();
    expect(await hostNotSent()).toEqual([]);
    // Kept on the host's disk at once: it is the only copy now.
    const draft = await desk.ws.bridge.call('drafts.get', { sessionId: desk.session.id, key: 'team.note' });
    expect(draft.ok && draft.data.text).toBe('typed since\n\nThe refund is approved');
    // The team composer is always on screen: no navigation was needed.
    expect(goneTo).toEqual([]);
  });

  it('Copy back does not put the text in twice when its composer has it already', async () => {
    const user = userEvent.setup();
    mount();
    const box = screen.getByRole('textbox', { name: 'Note to your team' });
    await refusedNote(desk.session, 'Order 5521 ships today');
    // As a conversation does with a reply refused because it changed: the text is back in its box.
    await user.type(box, 'Order 5521 ships today');
    const list = await openList(user);
    await user.click(within(list).getByRole('button', { name: 'Copy back' }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Not sent' })).toBeNull());
    expect(box).toHaveValue('Order 5521 ships today');
    expect(await hostNotSent()).toEqual([]);
    const draft = await desk.ws.bridge.call('drafts.get', { sessionId: desk.session.id, key: 'team.note' });
    expect(draft.ok && draft.data.text).toBe('Order 5521 ships today');
  });

  it('Discard asks first, in place; Keep it keeps the entry, Yes discards it', async () => {
    const user = userEvent.setup();
    mount();
    const entry = await refusedNote(desk.session, 'Throw me away');
    const list = await openList(user);
    await user.click(within(list).getByRole('button', { name: 'Discard' }));
    const question = within(list).getByRole('group', {
      name: 'Discard “Throw me away” for good? It cannot be brought back.',
    });
    expect(within(question).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    expect(await hostNotSent()).toEqual([{ id: entry.id, typed: 'Throw me away' }]);

    // Keyboard: Enter on the focused "Keep it" takes the question back, focus returns to Discard.
    await user.keyboard('{Enter}');
    expect(within(list).getByRole('button', { name: 'Discard' })).toHaveFocus();
    expect(await hostNotSent()).toHaveLength(1);

    await user.keyboard('{Enter}');
    await user.click(within(list).getByRole('button', { name: 'Yes, discard' }));
    await waitFor(async () => expect(await hostNotSent()).toEqual([]));
    expect(await within(list).findByText('Everything has been sent.')).toBeVisible();
    expect(within(list).getByRole('heading', { name: 'Not sent' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: /^Not sent \(/ })).toBeNull();
  });
});
