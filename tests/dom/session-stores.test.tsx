import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { teamStore } from '../../renderer/app/team/team-store';
import { TeamNotes } from '../../renderer/app/team/TeamNotes';
import { refusedNote } from '../support/workstation';
import { signedInDesk } from './support/signed-in';

/**
 * The session's stores outlive the views over them: TeamNotes unmounts (the
 * worker switched workspace, say) and comes back, and nothing it showed,
 * waited for or was refused is lost. Real hub, real host.
 */
const desk = signedInDesk('employer');

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
    expect(desk.session.store(teamStore)).toBe(desk.session.store(teamStore));
  });

  it('a refusal that arrives while TeamNotes is not mounted is there when it comes back', async () => {
    const user = userEvent.setup();
    desk.render(<Toggle />);
    const note = `Cover my queue at 3 (${Date.now()})`;
    const log = () => within(notes() ?? document.body).getByRole('log');
    await waitFor(() => expect(log()).not.toHaveTextContent('No notes yet'));
    await user.click(screen.getByRole('button', { name: 'hide' }));
    expect(notes()).toBeNull();

    await refusedNote(desk.session, note);
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
    desk.render(<Toggle />);
    await waitFor(() => expect(desk.session.hub.state).toBe('connected'));
    // The hub goes away; the note waits in the host's outbox.
    await desk.ws.hub.stop({ keep: true });
    await waitFor(() => expect(desk.session.hub.state).not.toBe('connected'));
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
    expect(desk.session.outbox.pending.map((e) => e.typed)).toEqual([text]);
  });

  it('a draft typed before an unmount is in the box when it comes back', async () => {
    const user = userEvent.setup();
    desk.render(<Toggle />);
    await user.type(screen.getByRole('textbox', { name: 'Note to your team' }), 'half a thought');
    await user.click(screen.getByRole('button', { name: 'hide' }));
    await user.click(screen.getByRole('button', { name: 'show' }));
    expect(screen.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('half a thought');
    await desk.session.drafts.flush();
    const saved = await desk.ws.bridge.call('drafts.get', { sessionId: desk.session.id, key: 'team.note' });
    expect(saved.ok && saved.data.text).toBe('half a thought');
  });
});
