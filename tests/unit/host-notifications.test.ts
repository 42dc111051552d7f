import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../shared/bridge';
import {
  NotificationGate,
  notificationGapMs,
  type GateTimers,
  type OsNotification,
} from '../../electron/host/notifications';
import { webPlatform } from '../../electron/host/services';
import { call, hostFixture, type HostFixture } from './host-fixture';

/** A clock and timers the test moves by hand: the gate's rule is about time, so time is the test's. */
function manualTime() {
  let now = 1_000_000;
  const due: { at: number; run: () => void; handle: number }[] = [];
  let next = 0;
  const timers: GateTimers = {
    setTimeout(run, ms) {
      next += 1;
      due.push({ at: now + ms, run, handle: next });
      return next;
    },
    clearTimeout(handle) {
      const i = due.findIndex((d) => d.handle === handle);
      if (i >= 0) due.splice(i, 1);
    },
  };
  return {
    now: () => now,
    timers,
    pendingTimers: () => due.length,
    /** Moves the clock on, running each timer that falls due on the way, in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        due.sort((a, b) => a.at - b.at);
        const first = due[0];
        if (!first || first.at > until) break;
        due.shift();
        now = first.at;
        first.run();
      }
      now = until;
    },
  };
}

/** An OS that shows whatever it is given and lets the test click what it showed. */
function desktop(supported = true) {
  // The OS is given the words only; where a click leads stays with the host.
  const shown: (OsNotification & { click: () => void })[] = [];
  return {
    shown,
    show: (notification: OsNotification, clicked: () => void) => {
      if (!supported) return false;
      shown.push({ ...notification, click: clicked });
      return true;
    },
  };
}

const request = (n: number) => ({
  title: `New conversation #${n}`,
  body: `From customer ${n}`,
  route: `#/tickets/${n}`,
});

describe('the notification gate', () => {
  it('shows the first at once and at most one per gap after it', async () => {
    const time = manualTime();
    const os = desktop();
    const gate = new NotificationGate({
      show: os.show,
      clicked: () => {},
      now: time.now,
      timers: time.timers,
    });
    expect(await gate.request(request(1))).toBe(true);
    expect(os.shown.map((n) => n.title)).toEqual(['New conversation #1']);

    const second = gate.request(request(2));
    time.advance(notificationGapMs - 1);
    expect(os.shown).toHaveLength(1);
    time.advance(1);
    expect(await second).toBe(true);
    expect(os.shown.map((n) => n.title)).toEqual(['New conversation #1', 'New conversation #2']);

    // Long after the last, the next goes at once again.
    time.advance(notificationGapMs * 5);
    expect(await gate.request(request(3))).toBe(true);
    expect(os.shown).toHaveLength(3);
  });

  it('keeps only the newest of a burst: those it replaces answer false and are never shown', async () => {
    const time = manualTime();
    const os = desktop();
    const gate = new NotificationGate({
      show: os.show,
      clicked: () => {},
      now: time.now,
      timers: time.timers,
    });
    await gate.request(request(1));
    const burst = Array.from({ length: 50 }, (_, i) => gate.request(request(i + 2)));
    // One timer for the whole burst, not one per request.
    expect(time.pendingTimers()).toBe(1);
    time.advance(notificationGapMs);
    const answers = await Promise.all(burst);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(answers.at(-1)).toBe(true);
    expect(os.shown.map((n) => n.title)).toEqual(['New conversation #1', 'New conversation #51']);
  });

  it('never shows more than one per gap however the requests are spread', async () => {
    const time = manualTime();
    const os = desktop();
    const shownAt: number[] = [];
    const gate = new NotificationGate({
      show: (n, clicked) => {
        shownAt.push(time.now());
        return os.show(n, clicked);
      },
      clicked: () => {},
      now: time.now,
      timers: time.timers,
    });
    const answers: Promise<boolean>[] = [];
    // A request every 700 ms for a minute: a page polling as fast as it likes.
    for (let i = 0; i < 86; i++) {
      answers.push(gate.request(request(i + 1)));
      time.advance(700);
    }
    time.advance(notificationGapMs);
    await Promise.all(answers);
    for (let i = 1; i < shownAt.length; i++) {
      expect((shownAt[i] ?? 0) - (shownAt[i - 1] ?? 0)).toBeGreaterThanOrEqual(notificationGapMs);
    }
    // Steady pressure still gets a notification through every gap: none starves.
    expect(shownAt.length).toBeGreaterThanOrEqual(Math.floor((86 * 700) / notificationGapMs));
  });

  it('tells the host which route a clicked notification points to', async () => {
    const time = manualTime();
    const os = desktop();
    const clicked: string[] = [];
    const gate = new NotificationGate({
      show: os.show,
      clicked: (route) => clicked.push(route),
      now: time.now,
      timers: time.timers,
    });
    await gate.request(request(42));
    os.shown[0]?.click();
    expect(clicked).toEqual(['#/tickets/42']);
  });

  it('answers false without an OS to show it, and does not count it against the gap', async () => {
    const time = manualTime();
    expect(
      await new NotificationGate({ show: undefined, clicked: () => {}, now: time.now }).request(request(1)),
    ).toBe(false);
    const unsupported = new NotificationGate({
      show: desktop(false).show,
      clicked: () => {},
      now: time.now,
      timers: time.timers,
    });
    expect(await unsupported.request(request(1))).toBe(false);
    // Nothing was shown, so nothing holds the next one back.
    expect(time.pendingTimers()).toBe(0);
    const throwing = new NotificationGate({
      show: () => {
        throw new Error('no notification daemon');
      },
      clicked: () => {},
      now: time.now,
      timers: time.timers,
    });
    expect(await throwing.request(request(1))).toBe(false);
  });

  it('drops what waits when it closes', async () => {
    const time = manualTime();
    const os = desktop();
    const gate = new NotificationGate({
      show: os.show,
      clicked: () => {},
      now: time.now,
      timers: time.timers,
    });
    await gate.request(request(1));
    const waiting = gate.request(request(2));
    gate.close();
    expect(await waiting).toBe(false);
    expect(time.pendingTimers()).toBe(0);
    time.advance(notificationGapMs * 2);
    expect(await gate.request(request(3))).toBe(false);
    expect(os.shown).toHaveLength(1);
  });
});

describe('the notification.show channel', () => {
  let fx: HostFixture;
  beforeEach(() => {
    fx = hostFixture();
  });
  afterEach(() => fx.cleanup());

  it('takes a ticket route only, and short text', () => {
    const input = channels['notification.show'].input;
    const base = { sessionId: 'x'.repeat(32), title: 'New conversation #42', body: 'From 王丽娟' };
    expect(input.safeParse({ ...base, route: '#/tickets/42' }).success).toBe(true);
    for (const route of [
      '#/tickets',
      '#/tickets/0',
      '#/tickets/042',
      '#/settings/display',
      'https://example.org/',
      'javascript:alert(1)',
      '#/tickets/42/x',
      '#/tickets/42\n',
    ]) {
      expect(input.safeParse({ ...base, route }).success, route).toBe(false);
    }
    expect(input.safeParse({ ...base, route: '#/tickets/1', title: 'x'.repeat(121) }).success).toBe(false);
    expect(input.safeParse({ ...base, route: '#/tickets/1', body: 'x'.repeat(301) }).success).toBe(false);
    expect(input.safeParse({ ...base, route: '#/tickets/1', title: '  ' }).success).toBe(false);
    expect(input.safeParse({ ...base, route: '#/tickets/1', icon: 'file:///x' }).success).toBe(false);
  });

  it('shows nothing for a session that is not signed in here, even where the OS could', async () => {
    const os = desktop();
    const s = fx.open({ platform: { ...webPlatform, transport: 'electron', notify: os.show } });
    const answer = await call(s, 'notification.show', {
      sessionId: 'not-the-signed-in-one-at-all',
      ...request(42),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(os.shown).toEqual([]);
  });
});
