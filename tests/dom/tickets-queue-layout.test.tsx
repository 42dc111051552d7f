import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TicketsWorkspace } from '../../renderer/tickets/TicketsWorkspace';
import { signedInDesk } from './support/signed-in';
import { layOutQueuePane } from './tickets-queue-pane';

/** The workspace as a supervisor sees it, over a real demo hub: the demo's "employer" is one. */
const desk = signedInDesk('employer');
layOutQueuePane();

describe('the Tickets workspace for a supervisor', () => {
  it('starts on the whole open queue, filters by agent, and switches to the supervisor view and back', async () => {
    const user = userEvent.setup();
    const opened: number[] = [];
    desk.render(<TicketsWorkspace focusRequest={0} onOpenTicket={(id) => opened.push(id)} />);
    // A supervisor takes no conversations of their own: "All open" first, not an empty "Mine".
    const allOpen = await screen.findByRole('tab', { name: /^All open/ });
    expect(allOpen).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: 'No conversation open' })).toBeVisible();
    const agent = screen.getByRole('combobox', { name: 'Agent' });
    await waitFor(() => expect(within(agent).getByRole('option', { name: '韦秀兰' })).toBeInTheDocument());

    const list = await screen.findByRole('list', { name: 'Tickets' });
    const first = await waitFor(() => {
      const row = within(list).getAllByRole('button')[0];
      expect(row).not.toHaveAttribute('aria-disabled');
      return row;
    });
    if (!first) throw new Error('no row');
    await user.click(first);
    expect(opened).toHaveLength(1);

    const toggle = screen.getByRole('button', { name: 'Supervisor view' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('heading', { level: 2, name: 'Supervisor view' })).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Tickets' })).toBeNull();
    await user.click(toggle);
    expect(await screen.findByRole('list', { name: 'Tickets' })).toBeVisible();
  }, 30_000);
});
