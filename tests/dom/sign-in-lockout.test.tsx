import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignIn } from '../../renderer/app/sign-in/SignIn';
import { HubCheck } from '../../renderer/net/hub-check';
import { AuthStore } from '../../renderer/session/auth-store';
import { openWorkstation, testSession, type Workstation } from '../support/workstation';
import { AppProviders } from './support/providers';

/** The hub's sign-in limiter, through the real host: the form says the wait the hub gave, in the worker's language. */
let ws: Workstation;
let store: AuthStore;

beforeEach(async () => {
  ws = await openWorkstation();
  store = new AuthStore(ws.bridge, (_bridge, host) => testSession(ws, host));
  await store.start();
});
afterEach(async () => {
  store.stop();
  await ws.close();
});

describe('the sign-in lockout', () => {
  it('hands the hub’s wait to the form, which says it in zh-CN', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await store.signIn('anchor', `wrong-${i}`)).toEqual({ ok: false, reason: 'wrong_credentials' });
    }
    const refused = await store.signIn('anchor', 'still-wrong');
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    const wait = refused.ok ? 0 : (refused.retryAfterMs ?? 0);
    // The limiter's first wait is 30 s from the fifth failure: a few ms have passed since.
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);

    const user = userEvent.setup();
    render(
      <AppProviders ws={ws} language="zh-CN">
        <SignIn auth={store} hubCheck={new HubCheck(ws.hub.hub.url)} />
      </AppProviders>,
    );
    await user.type(screen.getByRole('textbox', { name: '用户名' }), 'anchor');
    await user.type(screen.getByLabelText('密码'), 'wings-demo{Enter}');
    // Even the right password waits; the form says for how long, rounded up to ten seconds.
    expect(await screen.findByText('尝试次数过多，请 30 秒后再试。')).toBeVisible();
  });
});
