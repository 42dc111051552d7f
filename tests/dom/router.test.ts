import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Router } from '../../renderer/app/router/router';

/** Each test starts on an address of its own, with a fresh router following the real (happy-dom) history. */
let router: Router;
let stop: () => void;

function open(hash: string): void {
  window.history.replaceState(null, '', `/app/${hash}`);
  router = new Router(window);
  stop = router.start();
}

beforeEach(() => open(''));
afterEach(() => stop());

describe('Router', () => {
  it('reads the address it starts on, strictly', () => {
    stop();
    open('#/tickets/42');
    expect(router.route).toEqual({ name: 'tickets', ticketId: 42 });
    expect(router.getSnapshot().navigation).toBe(0);
    stop();
    open('#/tickets/042');
    expect(router.route).toBeNull();
  });

  it('navigate() adds a history entry, counts a navigation and tells subscribers', () => {
    const length = window.history.length;
    let told = 0;
    const off = router.subscribe(() => told++);
    router.navigate({ name: 'shifts', week: '2026-W49' });
    off();
    expect(window.location.hash).toBe('#/shifts/2026-W49');
    expect(window.history.length).toBe(length + 1);
    expect(router.getSnapshot()).toMatchObject({
      route: { name: 'shifts', week: '2026-W49' },
      navigation: 1,
    });
    expect(told).toBe(1);
    // Asking again for the place already shown adds no entry but still counts: its heading takes focus again.
    router.navigate({ name: 'shifts', week: '2026-W49' });
    expect(window.history.length).toBe(length + 1);
    expect(router.getSnapshot().navigation).toBe(2);
  });

  it('replace() rewrites the entry without counting a navigation', () => {
    router.navigate({ name: 'settings', tab: 'display' });
    const length = window.history.length;
    router.replace({ name: 'settings', tab: 'timing' });
    expect(window.location.hash).toBe('#/settings/timing');
    expect(window.history.length).toBe(length);
    expect(router.getSnapshot()).toMatchObject({ navigation: 1, settingsTab: 'timing' });
  });

  it('follows back and forward, counting each as a navigation', async () => {
    router.navigate({ name: 'tickets' });
    router.navigate({ name: 'tickets', ticketId: 7 });
    router.navigate({ name: 'live', room: 'spring-sale' });
    const before = router.getSnapshot().navigation;

    window.history.back();
    await waitFor(() => expect(router.route).toEqual({ name: 'tickets', ticketId: 7 }));
    expect(router.getSnapshot().navigation).toBe(before + 1);

    window.history.back();
    await waitFor(() => expect(router.route).toEqual({ name: 'tickets' }));
    window.history.forward();
    await waitFor(() => expect(router.route).toEqual({ name: 'tickets', ticketId: 7 }));
    expect(router.getSnapshot().navigation).toBe(before + 3);
  });

  it('follows an address changed from outside (a link, the address bar)', async () => {
    window.location.hash = '#/employer/quota';
    await waitFor(() => expect(router.route).toEqual({ name: 'employer', view: 'quota' }));
    window.location.hash = '#/nowhere';
    await waitFor(() => expect(router.getSnapshot().hash).toBe('#/nowhere'));
    expect(router.route).toBeNull();
  });

  it('remembers the settings tab last in the address', () => {
    expect(router.getSnapshot().settingsTab).toBe('display');
    router.navigate({ name: 'settings', tab: 'shortcuts' });
    router.navigate({ name: 'tickets' });
    expect(router.getSnapshot().settingsTab).toBe('shortcuts');
  });

  it('stops following once stopped', async () => {
    stop();
    window.location.hash = '#/live';
    // Another listener, added after the router's, proves the change was delivered before we look.
    await new Promise<void>((resolve) =>
      window.addEventListener('hashchange', () => resolve(), { once: true }),
    );
    expect(router.route).toBeNull();
    stop = () => undefined;
  });
});
