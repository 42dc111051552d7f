import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubCheck } from '../../renderer/net/hub-check';
import { SignIn } from '../../renderer/app/sign-in/SignIn';
import { AuthStore, signInFailureOf } from '../../renderer/session/auth-store';
import { openWorkstation, testSession, type Workstation } from '../support/workstation';
import { AppProviders } from './support/providers';

/**
 * Sign-in and sign-out through the host, which keeps who is signed in: a
 * second window (a reload) follows it, and so does every window when it
 * changes. Real hub, real host services.
 */
let ws: Workstation;
const stores: AuthStore[] = [];

beforeEach(async () => {
  ws = await openWorkstation();
});
afterEach(async () => {
  for (const store of stores.splice(0)) store.stop();
  await ws.close();
});

function authStore(): AuthStore {
  const store = new AuthStore(ws.bridge, (_bridge, host) => testSession(ws, host));
  stores.push(store);
  return store;
}

describe('the sign-in store', () => {
  it('signs in through the host, and a second window (a reload) opens on the same session', async () => {
    const first = authStore();
    await first.start();
    expect(first.state).toEqual({ phase: 'signedOut', notice: null, asked: false });

    expect(await first.signIn('agent', 'not-the-password')).toEqual({
      ok: false,
      reason: 'wrong_credentials',
    });
    expect(await first.signIn('agent', 'wings-demo')).toEqual({ ok: true });
    const state = first.state;
    expect(state.phase === 'signedIn' && state.fresh).toBe(true);
    expect(first.session?.user).toMatchObject({ username: 'agent', roles: ['agent'] });

    const second = authStore();
    await second.start();
    expect(second.session?.id).toBe(first.session?.id);
    expect(second.state.phase === 'signedIn' && second.state.fresh).toBe(false);
  });

  it('signing out in one window returns every window to sign-in, the others with a reason', async () => {
    const first = authStore();
    const second = authStore();
    await first.start();
    await second.start();
    await first.signIn('agent', 'wings-demo');
    await waitFor(() => expect(second.session?.id).toBe(first.session?.id));

    await first.signOut();
    expect(first.state).toEqual({ phase: 'signedOut', notice: null, asked: true });
    await waitFor(() =>
      expect(second.state).toEqual({ phase: 'signedOut', notice: 'signedOutElsewhere', asked: false }),
    );
    const current = await ws.bridge.call('session.current', {});
    expect(current.ok && current.data.session).toBeNull();
  });

  it('follows the host when another worker signs in on this PC', async () => {
    const window1 = authStore();
    await window1.start();
    await window1.signIn('agent', 'wings-demo');
    const agentSession = window1.session;

    const window2 = authStore();
    await window2.start();
    await window2.signIn('anchor', 'wings-demo');
    await waitFor(() => expect(window1.session?.user.username).toBe('anchor'));
    expect(window1.session).not.toBe(agentSession);
    // The agent's link is closed: nothing more is sent as them.
    await waitFor(() => expect(agentSession?.hub.connected).toBe(false));
  });

  it("maps the host's answers to what the form says", () => {
    expect(signInFailureOf('unauthorized')).toBe('wrong_credentials');
    expect(signInFailureOf('unavailable')).toBe('network');
    // The hub's 409: the same username and password in several organisations.
    expect(signInFailureOf('conflict')).toBe('several_organisations');
    expect(signInFailureOf('rate_limited')).toBe('rate_limited');
  });
});

describe('the sign-in form', () => {
  it('says where the password goes, and a wrong one in words tied to the fields', async () => {
    const user = userEvent.setup();
    const store = authStore();
    await store.start();
    render(
      <AppProviders ws={ws}>
        <SignIn
          auth={store}
          hubCheck={new HubCheck(ws.hub.hub.url, { socketOptions: { transports: ['websocket'] } })}
        />
      </AppProviders>,
    );
    expect(screen.getByText('Your password goes to the built-in hub on this computer.')).toBeVisible();
    // The hub was asked who it is over /public before anyone typed a password.
    expect(await screen.findByText('The hub answers.')).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'agent');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The username or password is not correct.')).toBeVisible();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveValue('');

    await user.type(screen.getByLabelText('Password'), 'wings-demo{Enter}');
    await waitFor(() => expect(store.session?.user.username).toBe('agent'));
  });

  it('says when the hub cannot be reached', async () => {
    const user = userEvent.setup();
    // The host is pointed at a hub that has gone away.
    await ws.hub.stop({ keep: true });
    const store = authStore();
    await store.start();
    render(
      <AppProviders ws={ws}>
        <SignIn auth={store} hubCheck={new HubCheck(ws.hub.hub.url, { timeoutMs: 1_000 })} />
      </AppProviders>,
    );
    expect(await screen.findByText(/^The hub does not answer right now/)).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'agent');
    await user.type(screen.getByLabelText('Password'), 'wings-demo{Enter}');
    expect(
      await screen.findByText('The hub cannot be reached. Check the network connection and try again.'),
    ).toBeVisible();
  });

  it("warns when this computer's clock is far from the hub's", async () => {
    // The workstation's clock, injected: eleven minutes behind the hub's.
    const behind = () => Date.now() - 11 * 60_000;
    render(
      <AppProviders ws={ws}>
        <SignIn auth={authStore()} hubCheck={new HubCheck(ws.hub.hub.url, { now: behind })} />
      </AppProviders>,
    );
    expect(await screen.findByText(/This computer's clock is 11 minutes off the hub's/)).toBeVisible();
  });
});
