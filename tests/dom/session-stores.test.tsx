import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamStore } from '../../renderer/app/team/team-store';
import { TeamNotes } from '../../renderer/app/team/TeamNotes';
import type { Session } from '../../renderer/session/session';
import {
  openWorkstation,
  refusedNote,
  signInOnHost,
  testSession,
  type Workstation,
} from '../support/workstation';
import { AppProviders } from './support/providers';

/**
 * The session's stores outlive the views over them: TeamNotes unmounts (the
 * worker switched workspace, say) and comes back, and nothing it showed,
 * waited for or was refused is lost. Real hub, real host.
 */
let ws: Workstation;
let session: Session;

beforeEach(async () => {
  ws = await openWorkstation();
  session = testSession(ws, await signInOnHost(ws, 'employer'));
});
afterEach(async () => {
  await session.dispose();
  await ws.close();
});

/** TeamNotes that the test can take off the screen and put back, as a workspace switch does. */
function Toggle() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setShown((s) => !s)}>
        {shown ? 'hide' : 'show'}
      </button>
      {shown ? <TeamNotes /> : null}
    </>
  );
}

const notes = () => screen.queryByRole('complementary', { name: 'Team notes' });

describe('the session stores outlive the components', () => {
  it('keeps one team store per session, whoever asks', () => {
    expect(session.store(teamStore)).toBe(session.store(teamStore));
  });

  it('a refusal that arrives while TeamNotes is not mounted is there when it comes back', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders ws={ws} session={session}>
        <Toggle />
      </AppProviders>,
    );
    const note = `Cover my queue at 3 (${Date.now()})`;
    const log = () => within(notes() ?? document.body).getByRole('log');
    await waitFor(() => expect(log()).not.toHaveTextContent('No notes yet'));
    await user.click(screen.getByRole('button', { name: 'hide' }));
    expect(notes()).toBeNull();

    await refusedNote(session, note);
    await user.click(screen.getByRole('button', { name: 'show' }));
    const alert = within(notes() ?? document.body)
      .getAllByRole('alert')
      .find((a) => a.textContent?.includes('not sent'));
    expect(alert).toHaveTextContent('1 note was not sent.');
    expect(
      within(notes() ?? document.body).getByRole('button', { name: 'Show what was not sent' }),
    ).toBeVisible();
  });

  it('a note waiting for the hub is still shown waiting after an unmount', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders ws={ws} session={session}>
        <Toggle />
      </AppProviders>,
    );
    await waitFor(() => expect(session.hub.state).toBe('connected'));
    // The hub goes away; the note waits in the host's outbox.
    await ws.hub.stop({ keep: true });
    await waitFor(() => expect(session.hub.state).not.toBe('connected'));
    const text = `Back in ten minutes (${Date.now()})`;
    const box = screen.getByRole('textbox', { name: 'Note to your team' });
    await user.type(box, text);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const item = () =>
      within(notes() ?? document.body)
        .getByText(text)
        .closest('li');
    await waitFor(() => expect(item()).toHaveTextContent('Waiting to send'));
    expect(box).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'hide' }));
    await user.click(screen.getByRole('button', { name: 'show' }));
    expect(item()).toHaveTextContent('Waiting to send');
    expect(session.outbox.pending.map((e) => e.typed)).toEqual([text]);
  });

  it('a draft typed before an unmount is in the box when it comes back', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders ws={ws} session={session}>
        <Toggle />
      </AppProviders>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Note to your team' }), 'half a thought');
    await user.click(screen.getByRole('button', { name: 'hide' }));
    await user.click(screen.getByRole('button', { name: 'show' }));
    expect(screen.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('half a thought');
    await session.drafts.flush();
    const saved = await ws.bridge.call('drafts.get', { sessionId: session.id, key: 'team.note' });
    expect(saved.ok && saved.data.text).toBe('half a thought');
  });
});
