import { act, render, screen } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../shared/i18n';
import { slotTiming, speechMs } from '../../shared/a11y/alert-slots';
import { AlertBanner } from '../../renderer/a11y/alerts/AlertBanner';
import { AlertCenter, coalesceWindowMs } from '../../renderer/a11y/alerts/alert-center';
import { LiveRegions } from '../../renderer/a11y/alerts/LiveRegions';
import { i18nFor } from './support/providers';

/** The banner and live regions over one real alert center, wired as AlertsProvider wires them. */
function Alerts({ center }: { center: AlertCenter }) {
  const snapshot = useSyncExternalStore(center.subscribe, () => center.snapshot);
  return (
    <>
      <button type="button">Elsewhere</button>
      <AlertBanner items={snapshot.banner} onDismiss={center.dismiss} onHold={center.hold} />
      <LiveRegions status={snapshot.status} alert={snapshot.alert} />
    </>
  );
}

let center: AlertCenter;
const flashes: string[] = [];

function mount(language: Language = 'en') {
  const i18n = i18nFor(language);
  render(
    <I18nextProvider i18n={i18n}>
      <Alerts center={center} />
    </I18nextProvider>,
  );
  return i18n;
}

/** A colleague's note, as the team notes announce it. */
function note(i18n: ReturnType<typeof i18nFor>, author: string, body: string, read = false) {
  act(() =>
    center.announce({
      topic: 'team.message',
      message: i18n.t('team:newNote', { author, body }),
      summary: (count) => i18n.t('team:newNotes', { count }),
      read: () => read,
    }),
  );
}

function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}
const banner = () => screen.queryByRole('region', { name: /^(Alerts|提醒)$/ });
const slots = () => banner()?.querySelectorAll('li') ?? [];

beforeEach(() => {
  vi.useFakeTimers();
  flashes.length = 0;
  center = new AlertCenter((reason) => flashes.push(reason));
});
afterEach(() => {
  center.dispose();
  vi.useRealTimers();
});

describe('the alert banner', () => {
  it('gathers a burst of notes into one slot, "3 new team notes", said once', () => {
    const i18n = mount();
    note(i18n, 'Li', 'one');
    note(i18n, 'Li', 'two');
    note(i18n, 'Li', 'three');
    expect(banner()).toBeNull();
    advance(coalesceWindowMs);
    expect(slots()).toHaveLength(1);
    expect(banner()).toHaveTextContent('3 new team notes');
    expect(screen.getByTestId('alerts-status')).toHaveTextContent('3 new team notes');

    // One more a little later: the same slot counts on, the live region says just the new one.
    advance(2_000);
    note(i18n, 'Wang', 'four');
    advance(coalesceWindowMs);
    expect(slots()).toHaveLength(1);
    expect(banner()).toHaveTextContent('4 new team notes');
    expect(screen.getByTestId('alerts-status')).toHaveTextContent('New team note from Wang: four');
  });

  it('counts in Chinese with i18next plural rules', () => {
    const i18n = mount('zh-CN');
    for (const body of ['一', '二', '三']) note(i18n, '陈立新', body);
    advance(coalesceWindowMs);
    expect(slots()).toHaveLength(1);
    expect(banner()).toHaveTextContent('3 条新的团队留言');
  });

  it('goes by itself once read, but never before the minimum a deaf worker needs to see it', () => {
    const i18n = mount();
    note(i18n, 'Li', 'read at once', true);
    advance(coalesceWindowMs);
    expect(slots()).toHaveLength(1);
    advance(slotTiming.minVisibleMs - 1);
    expect(slots()).toHaveLength(1);
    advance(1);
    expect(banner()).toBeNull();
  });

  it('waits, unread, until its words have been said, then goes; acknowledging lets it go sooner', () => {
    const i18n = mount();
    note(i18n, 'Li', 'nobody looked');
    advance(coalesceWindowMs);
    const words = 'New team note from Li: nobody looked';
    const unreadMs = Math.max(slotTiming.minVisibleMs, speechMs(words) + slotTiming.afterSpeechMs);
    advance(unreadMs - 1);
    expect(slots()).toHaveLength(1);
    advance(1);
    expect(banner()).toBeNull();

    note(i18n, 'Li', 'seen later');
    advance(coalesceWindowMs);
    advance(2_000);
    act(() => center.acknowledge('team.message'));
    advance(slotTiming.minVisibleMs - 2_000 - 1);
    expect(slots()).toHaveLength(1);
    advance(1);
    expect(banner()).toBeNull();
  });

  it('is not taken away while focus is on it, and goes a little after focus leaves', () => {
    const i18n = mount();
    note(i18n, 'Li', 'hold on', true);
    advance(coalesceWindowMs);
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    act(() => dismiss.focus());
    advance(60_000);
    expect(slots()).toHaveLength(1);
    expect(dismiss).toHaveFocus();

    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    advance(slotTiming.afterHoldMs - 1);
    expect(slots()).toHaveLength(1);
    advance(1);
    expect(banner()).toBeNull();
  });

  it('is not taken away while the pointer is on it', () => {
    const i18n = mount();
    note(i18n, 'Li', 'under the mouse', true);
    advance(coalesceWindowMs);
    act(() => center.hold(true));
    advance(30_000);
    expect(slots()).toHaveLength(1);
    act(() => center.hold(false));
    advance(slotTiming.afterHoldMs);
    expect(banner()).toBeNull();
  });

  it('keeps an urgent alert until dismissed, and one-off alerts in slots of their own', () => {
    mount();
    act(() => center.notify({ kind: 'urgent', message: 'Customer waiting 10 minutes' }));
    act(() => center.notify({ kind: 'info', message: 'Copied back' }));
    expect(slots()).toHaveLength(2);
    advance(120_000);
    expect(slots()).toHaveLength(1);
    expect(banner()).toHaveTextContent('Customer waiting 10 minutes');
    expect(flashes).toEqual(['Customer waiting 10 minutes', 'Copied back']);
  });
});
