import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubCheck } from '../../renderer/net/hub-check';
import { App } from '../../renderer/app/App';
import { AuthStore } from '../../renderer/session/auth-store';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { openWorkstation, testSession, type Workstation } from '../support/workstation';
import { AppProviders } from './support/providers';

/**
 * The host speaks first: events it sends on its own (raised here on the
 * real host's event bus, as the OS side of Electron raises them) reach the
 * signed-in app and do what they say.
 */
let ws: Workstation;
let auth: AuthStore;

beforeEach(async () => {
  window.history.replaceState(null, '', '/app/');
  ws = await openWorkstation();
  auth = new AuthStore(ws.bridge, (_bridge, host) => testSession(ws, host));
  await auth.start();
  await auth.signIn('agent', 'wings-demo');
  render(
    <AppProviders ws={ws}>
      <App auth={auth} hubCheck={new HubCheck(ws.hub.hub.url)} />
    </AppProviders>,
  );
  await screen.findByRole('navigation', { name: 'Workspaces' });
});
afterEach(async () => {
  auth.stop();
  await ws.close();
});

describe('host events', () => {
  it('a clicked notification opens the place it points to, heading focused', async () => {
    ws.services.events.emit('notification.clicked', { route: '#/shifts/2026-W14' });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Shifts' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(window.location.hash).toBe('#/shifts/2026-W14');
  });

  it('the global "focus Wings" key puts focus on the view heading', async () => {
    screen.getByRole('textbox', { name: 'Note to your team' }).focus();
    ws.services.events.emit('shortcut.global', { id: 'focus-wings' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('the host ending the session (signed out elsewhere) returns the app to sign-in, with why', async () => {
    const sessionId = auth.session?.id ?? '';
    await ws.bridge.call('session.signOut', { sessionId });
    expect(await screen.findByText('You were signed out in another Wings window.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveFocus();
  });
});

describe('after the session ends', () => {
  it('nothing the session announced stays on the screen the next person at this PC sees', async () => {
    const user = userEvent.setup();
    const note = `Customer 88 is on hold for you (${Date.now()})`;
    const colleague = await signIn(ws.hub.hub.url, 'employer', 'wings-demo');
    try {
      expectOk(await call(colleague, 'team.post', { id: newId(), body: note }));
    } finally {
      colleague.close();
    }
    // The demo's SLA warnings may be in the banner first; the note joins them.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Alerts' })).toHaveTextContent(note), {
      timeout: 5_000,
    });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
    expect(document.body).not.toHaveTextContent(note);
  });
});
