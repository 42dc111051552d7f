import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TeamNotes } from '../../renderer/app/team/TeamNotes';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { signedInDesk } from './support/signed-in';

/** The note box with a limit, and colleagues' notes in the banner: real hub, real host. */
const desk = signedInDesk('agent');

const box = () => screen.getByRole('textbox', { name: 'Note to your team' });
/** The count's own polite status, beside the "n / 2000". */
const countStatus = () => {
  const count = document.querySelector('.character-count');
  if (!count) throw new Error('no character count');
  return within(count as HTMLElement).getByRole('status');
};
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });

describe('the team note box', () => {
  it('shows a live count, and speaks only at 80 %, the limit and over it, once each', async () => {
    desk.render(<TeamNotes />);
    expect(box()).toHaveAccessibleDescription(/0 of at most 2000 characters/);
    expect(screen.getByText('0 / 2000')).toBeVisible();

    type('a'.repeat(1599));
    expect(screen.getByText('1599 / 2000')).toBeVisible();
    expect(countStatus()).toHaveTextContent('');
    type('a'.repeat(1600));
    expect(countStatus()).toHaveTextContent('400 characters left of 2000');
    const said = countStatus().firstElementChild;
    type('a'.repeat(1601));
    type('a'.repeat(1700));
    // The same words in the same node: nothing new for a screen reader to say.
    expect(countStatus().firstElementChild).toBe(said);

    type('a'.repeat(2000));
    expect(countStatus()).toHaveTextContent('Limit reached: 2000 characters');
    type('a'.repeat(2003));
    expect(countStatus()).toHaveTextContent('3 characters too many: shorten it to send');
    expect(screen.getByText('3 characters too many')).toBeVisible();
    // Code points, as the hub counts: an emoji is one, spaces round the text are not counted.
    type(`  ${'🍊'.repeat(2000)}  `);
    expect(countStatus()).toHaveTextContent('Back within the limit of 2000 characters');
    expect(screen.getByText('2000 / 2000')).toBeVisible();
  });

  it('refuses an over-long note before sending, says why on the button, and keeps every character', async () => {
    const user = userEvent.setup();
    desk.render(<TeamNotes />);
    const long = `${'长'.repeat(2000)}!`;
    type(long);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    expect(send).toHaveAccessibleDescription('A note can be at most 2000 characters; this one has 2001.');
    await user.click(send);
    expect(box()).toHaveFocus();
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(box()).toHaveAccessibleDescription(/this one has 2001/);
    expect(box()).toHaveValue(long);
    // Nothing went to the outbox.
    const list = await desk.ws.bridge.call('outbox.list', { sessionId: desk.session.id });
    expect(list.ok && list.data.pending).toEqual([]);
  });

  it('sends a note typed while the last one is still being kept, and never clears text typed since', async () => {
    desk.render(<TeamNotes />);
    const send = screen.getByRole('button', { name: 'Send' });
    // No waiting between steps: each press comes before the host has answered the one before.
    type('first note');
    fireEvent.click(send);
    type('second note');
    fireEvent.click(send);
    type('third, not sent yet');
    const log = screen.getByRole('log', { name: /^Notes/ });
    await waitFor(() => expect(log).toHaveTextContent('first note'));
    await waitFor(() => expect(log).toHaveTextContent('second note'));
    expect(box()).toHaveValue('third, not sent yet');
    expect(within(log).queryByText('third, not sent yet')).toBeNull();
  });

  it('puts colleagues’ notes in one banner slot, and marks their words with the language of their script', async () => {
    desk.render(<TeamNotes />);
    const colleague = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
    try {
      for (const body of ['退款已经批准了', 'Ticket 12 is done', '我下午三点回来'])
        expectOk(await call(colleague, 'team.post', { id: newId(), body }));
    } finally {
      colleague.close();
    }
    const banner = await screen.findByRole('region', { name: 'Alerts' }, { timeout: 5_000 });
    await waitFor(() => expect(banner).toHaveTextContent('3 new team notes'), { timeout: 5_000 });
    expect(within(banner).getAllByRole('listitem')).toHaveLength(1);

    const log = screen.getByRole('log', { name: /^Notes/ });
    const body = within(log).getByText('退款已经批准了');
    expect(body).toHaveAttribute('lang', 'zh-CN');
    expect(within(log).getByText('Ticket 12 is done')).toHaveAttribute('lang', 'en');
    const author = within(body.closest('li') as HTMLElement).getByText('陈立新');
    expect(author).toHaveAttribute('lang', 'zh-CN');
  });
});
