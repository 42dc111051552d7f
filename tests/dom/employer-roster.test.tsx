import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { breakReasons } from '../../shared/domain/shifts/clock-event';
import { resources } from '../../shared/i18n';
import { demoPassword } from '../../server/demo/data';
import { EmployerWorkspace } from '../../renderer/employer/EmployerWorkspace';
import { rosterStore, watchRequest } from '../../renderer/employer/roster/roster-store';
import { RosterView } from '../../renderer/employer/roster/RosterView';
import { call, expectOk, newId, signIn, type ClientSocket } from '../support/hub-client';
import { signedInDesk } from './support/signed-in';

// A fresh hub and workstation per test: generous on a machine shared by many.
vi.setConfig({ hookTimeout: 60_000, testTimeout: 60_000 });

const desk = signedInDesk('employer', { demoHistory: true });

/** One workstation's clock: its own device id and a counter that only goes up. */
function clockOf(socket: ClientSocket) {
  const deviceId = randomUUID();
  let counter = 0;
  return async (kind: 'in' | 'break_start' | 'break_end' | 'out', breakReason?: 'medical' | 'family') => {
    counter += 1;
    return expectOk(
      await call(socket, 'shifts.clock', {
        id: newId(),
        kind,
        deviceId,
        counter,
        deviceAt: Date.now(),
        deviceSkewMs: 0,
        ...(breakReason ? { breakReason } : {}),
      }),
    );
  };
}

function rowOf(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/** Every word a break reason has, in every language, so none can slip into the employer's screen. */
const reasonWords = Object.values(resources)
  .flatMap((lng) => breakReasons.map((r) => lng.shifts.clock.reason[r]))
  .filter((word) => word.length > 0);

describe('The roster in the Employer workspace', () => {
  it('follows a worker clocking in and taking a break live, and never shows the break’s reason', async () => {
    const agent = await signIn(desk.ws.hub.hub.url, 'agent', demoPassword);
    try {
      desk.render(<RosterView />);
      await screen.findByRole('table', { name: 'Workers and their state now' });
      const clock = clockOf(agent);

      await clock('in');
      await waitFor(() => expect(within(rowOf('韦秀兰')).getByText('Available')).toBeInTheDocument());

      await clock('break_start', 'medical');
      await waitFor(() => expect(within(rowOf('韦秀兰')).getByText('Unavailable')).toBeInTheDocument());
      // Neither the screen nor what the hub sent holds the reason.
      const shown = document.body.textContent ?? '';
      expect(reasonWords).toHaveLength(breakReasons.length * Object.keys(resources).length);
      for (const word of reasonWords) expect(shown).not.toContain(word);
      expect(JSON.stringify(desk.session.store(rosterStore).rows)).not.toMatch(/medical|breakReason/);

      await clock('break_end');
      await waitFor(() => expect(within(rowOf('韦秀兰')).getByText('Available')).toBeInTheDocument());
      await clock('out');
      await waitFor(() => expect(within(rowOf('韦秀兰')).getByText('Off shift')).toBeInTheDocument());
    } finally {
      agent.close();
    }
  });

  it('opens an anchor’s live room read-only from the roster', async () => {
    const anchor = await signIn(desk.ws.hub.hub.url, 'anchor', demoPassword);
    try {
      await clockOf(anchor)('in');
      const started = expectOk(
        await call(anchor, 'live.broadcast.start', { id: newId(), title: '百香果直播' }),
      );
      desk.render(<RosterView />);
      const watch = await screen.findByRole('button', { name: 'Watch 覃金凤’s room' });
      expect(within(rowOf('覃金凤')).getByText(`Room ${started.room.slug}: live now`)).toBeInTheDocument();
      await userEvent.click(watch);
      expect(window.location.hash).toBe('#/employer/live');
      expect(desk.session.store(watchRequest).slug).toBe(started.room.slug);

      desk.render(<EmployerWorkspace view="live" focusRequest={0} />);
      expect(await screen.findByRole('region', { name: 'Watching: 百香果直播' })).toBeInTheDocument();
      // Taken once: the next visit starts from the list.
      expect(desk.session.store(watchRequest).slug).toBeNull();
    } finally {
      anchor.close();
    }
  });
});
