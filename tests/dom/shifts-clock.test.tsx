import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClockPanel } from '../../renderer/shifts/ClockPanel';
import type { Session } from '../../renderer/session/session';
import { clockInput } from '../../shared/protocol/shifts';
import { openWorkstation, signInOnHost, testSession, until, type Workstation } from '../support/workstation';
import { AppProviders } from './support/providers';
import { startHub, type TestHub } from '../support/hub-client';

/**
 * Clocking in, breaks and clocking out, as the worker does it with the
 * keyboard: real host (its SQLite file and outbox), real demo hub.
 */
/** One demo hub for the file: seeding it takes seconds on a busy machine. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ demo: true, allowedOrigins: [window.location.origin] });
}, 120_000);
afterAll(async () => {
  await hub.stop();
});

let ws: Workstation | null = null;
let session: Session | null = null;
afterEach(async () => {
  await session?.dispose();
  await ws?.close();
  session = null;
  ws = null;
});

function open(): { ws: Workstation; session: Session } {
  if (!ws || !session) throw new Error('no workstation yet');
  return { ws, session };
}

describe('the clock, signed in and connected', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    ws = await openWorkstation({ hub });
    session = testSession(ws, await signInOnHost(ws, 'agent'));
  }, 60_000);
  const desk = {
    get ws() {
      return open().ws;
    },
    get session() {
      return open().session;
    },
    render(ui: ReactNode) {
      return render(
        <AppProviders ws={open().ws} session={open().session}>
          {ui}
        </AppProviders>,
      );
    },
  };

  it('clocks in, offers a private break reason, and asks before clocking out', async () => {
    const user = userEvent.setup();
    desk.render(<ClockPanel />);
    const panel = screen.getByRole('region', { name: 'Your shift' });
    const actions = within(panel).getByRole('group', { name: 'Clock' });
    await within(panel).findByText('Off shift');

    await user.click(within(actions).getByRole('button', { name: 'Clock in' }));
    await within(panel).findByText('On shift');
    // The press is on the host's disk as the hub's own command, in the clock lane.
    const list = await desk.ws.bridge.call('clock.list', { sessionId: desk.session.id });
    expect(list.ok && list.data.events.map((e) => e.kind)).toEqual(['in']);
    const outbox = await desk.ws.bridge.call('outbox.list', { sessionId: desk.session.id });
    const queued = outbox.ok ? [...outbox.data.pending, ...outbox.data.notSent] : [];
    const sentOrWaiting = queued.find((e) => e.event === 'shifts.clock');
    if (sentOrWaiting) expect(clockInput.safeParse(sentOrWaiting.payload).success).toBe(true);
    // Focus goes to the first of the new buttons, so the next press is one key away.
    expect(within(actions).getByRole('button', { name: 'Start break' })).toHaveFocus();
    // Announced through the app's live region.
    await waitFor(() => expect(document.body).toHaveTextContent(/Clocked in at \d{1,2}:\d{2}( [AP]M)?\./));

    await user.keyboard('{Enter}');
    const reasons = within(panel).getByRole('group', { name: 'Why are you taking a break?' });
    expect(reasons).toHaveAccessibleDescription('Only you see the reason. Your employer sees “unavailable”.');
    expect(
      within(reasons)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Rest', 'Meal', 'Medical', 'Family', 'Other', 'Not now']);
    expect(within(reasons).getByRole('button', { name: 'Rest' })).toHaveFocus();
    await user.click(within(reasons).getByRole('button', { name: 'Meal' }));
    await within(panel).findByText('On a break');
    expect(panel).toHaveTextContent('Your reason: Meal (private)');

    await user.click(within(actions).getByRole('button', { name: 'End break' }));
    await within(panel).findByText('On shift');

    // Clock out asks first; staying on shift is the first and focused choice, and Escape means staying.
    await user.click(within(actions).getByRole('button', { name: 'Clock out' }));
    const dialog = screen.getByRole('dialog', { name: 'Clock out now?' });
    const choices = within(dialog).getAllByRole('button');
    expect(choices.map((b) => b.textContent)).toEqual(['Stay on shift', 'Clock out']);
    expect(choices[0]).toHaveFocus();
    await user.click(choices[0] as HTMLElement);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(panel).getByText('On shift')).toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Clock out' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Clock out' }));
    await within(panel).findByText('Off shift');
    expect(within(actions).getByRole('button', { name: 'Clock in' })).toBeInTheDocument();

    const after = await desk.ws.bridge.call('clock.list', { sessionId: desk.session.id });
    expect(after.ok && after.data.events.map((e) => [e.kind, e.counter, e.breakReason])).toEqual([
      ['out', 4, null],
      ['break_end', 3, null],
      ['break_start', 2, 'meal'],
      ['in', 1, null],
    ]);

    // The outbox sends all four through the clock lane; the hub applies them once each and agrees.
    await until(
      async () => {
        const now = await desk.ws.bridge.call('clock.list', { sessionId: desk.session.id });
        return now.ok && now.data.events.every((e) => e.status === 'sent');
      },
      20_000,
      'every clock event delivered',
    );
    const mine = await desk.session.hub.request('shifts.mine', {});
    expect(mine.ok && mine.data.state.kind).toBe('off');
    // The shift is keyed by the clock-in's command id (the demo's seeded shifts are there too).
    const clockInId = after.ok ? after.data.events.at(-1)?.commandId : undefined;
    const shift = mine.ok ? mine.data.today.shifts.find((s) => s.shiftKey === clockInId) : undefined;
    expect(shift?.endedAt).not.toBeNull();
    expect(shift?.breaks[0]?.reason).toBe('meal');
    await waitFor(() => expect(within(panel).queryByTestId('clock-pending')).toBeNull());
    expect(within(panel).getByText('Off shift')).toBeInTheDocument();
    expect(panel).toHaveTextContent(/Today: .* worked, .* on breaks\./);
  });
});

describe('the clock with the hub unreachable', { timeout: 60_000 }, () => {
  it('keeps every press on this computer and says how many wait to be sent', async () => {
    ws = await openWorkstation({ hub });
    const host = await signInOnHost(ws, 'agent');
    // Signed in, then the hub went away: nothing answers where the session's link points.
    // Yesterday, connected, this page measured the hub 10 minutes ahead of this computer and clocked out.
    const yesterday = await ws.bridge.call('clock.record', {
      sessionId: host.sessionId,
      event: { kind: 'out', deviceSkewMs: 600_000 },
    });
    expect(yesterday.ok).toBe(true);
    session = testSession(ws, { ...host, hubUrl: 'http://127.0.0.1:9' });
    const user = userEvent.setup();
    render(
      <AppProviders ws={ws} session={session}>
        <ClockPanel />
      </AppProviders>,
    );
    const panel = screen.getByRole('region', { name: 'Your shift' });
    await within(panel).findByText('The hub is unreachable. Your clock events are kept on this computer.');
    // No skew was measured in this launch: the last one the host was given is what the worker is told.
    expect(within(panel).getByRole('note')).toHaveTextContent(
      "This computer's clock is about 10 minutes behind the hub's.",
    );

    await user.click(within(panel).getByRole('button', { name: 'Clock in' }));
    await within(panel).findByText('On shift');
    await within(panel).findByText('2 clock events will be sent when the hub is back.');

    await user.click(within(panel).getByRole('button', { name: 'Start break' }));
    await user.click(within(panel).getByRole('button', { name: 'Family' }));
    await within(panel).findByText('On a break');
    await within(panel).findByText('3 clock events will be sent when the hub is back.');

    // Both wait in the outbox's clock lane, in the order they were pressed.
    const current = session;
    await until(() => current.outbox.pending.length === 3);
    expect(current.outbox.pending.map((e) => [e.event, e.lane, e.payload['kind']])).toEqual([
      ['shifts.clock', 'clock', 'out'],
      ['shifts.clock', 'clock', 'in'],
      ['shifts.clock', 'clock', 'break_start'],
    ]);

    // A restart of the workstation loses nothing: the state and the waiting count come back from the disk.
    await session.dispose();
    session = null;
    ws.restartHost();
    const again = await signInOnHost(ws, 'agent');
    const list = await ws.bridge.call('clock.list', { sessionId: again.sessionId });
    expect(list.ok && list.data.pending).toBe(3);
    expect(list.ok && list.data.events.map((e) => e.kind)).toEqual(['break_start', 'in', 'out']);
    // Every press carried the skew the host last knew.
    expect(current.outbox.pending.map((e) => e.payload['deviceSkewMs'])).toEqual([600_000, 600_000, 600_000]);
  });
});
