import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { a11yProfileSchema } from '../../shared/bridge';
import type { Language } from '../../shared/i18n';
import type { TicketSummary } from '../../shared/protocol';
import { AlertsProvider } from '../../renderer/a11y/alerts/AlertsProvider';
import { ActionsProvider } from '../../renderer/a11y/keyboard/actions';
import { ProfileProvider, useA11yProfile } from '../../renderer/a11y/profile/ProfileProvider';
import { HostServices } from '../../renderer/host/host-services';
import { HostProvider } from '../../renderer/host/HostProvider';
import { SessionProvider } from '../../renderer/session/SessionProvider';
import { queueStore } from '../../renderer/tickets/queue-store';
import { QueueView } from '../../renderer/tickets/QueueView';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { until } from '../support/until';
import { i18nFor } from './support/providers';
import { signedInDesk } from './support/signed-in';
import { layOutQueuePane } from './tickets-queue-pane';
import { seedQueue } from './tickets-queue-seed';

/**
 * The queue pane over a real demo hub and host, with the agent's tickets
 * written straight into the hub's store; the pane laid out as a browser
 * would, ten rows to a screen (./tickets-queue-pane.ts).
 */
const desk = signedInDesk('agent');
layOutQueuePane();

/** Turns switch scanning on through the host, as Settings does. */
function ScanningOn({ children }: { children: ReactNode }) {
  const { profile, update } = useA11yProfile();
  useEffect(() => {
    void update({ scanning: true });
  }, [update]);
  return profile.scanning ? children : null;
}

function Providers({
  children,
  language = 'en',
  scanning = false,
}: {
  children: ReactNode;
  language?: Language;
  scanning?: boolean;
}) {
  const [host] = useState(
    () =>
      new HostServices(desk.ws.bridge, {
        hubUrl: desk.ws.hub.hub.url,
        embeddedHub: true,
        transport: 'electron',
        version: 'test',
        demoPassword: 'wings-demo',
      }),
  );
  return (
    <I18nextProvider i18n={i18nFor(language)}>
      <HostProvider host={host}>
        <ProfileProvider initial={a11yProfileSchema.parse({})}>
          <AlertsProvider>
            <ActionsProvider>
              <SessionProvider session={desk.session}>
                {scanning ? <ScanningOn>{children}</ScanningOn> : children}
              </SessionProvider>
            </ActionsProvider>
          </AlertsProvider>
        </ProfileProvider>
      </HostProvider>
    </I18nextProvider>
  );
}

function renderQueue(
  options: { language?: Language; scanning?: boolean; onOpen?: (id: number) => void } = {},
) {
  const opened: number[] = [];
  render(
    <Providers language={options.language} scanning={options.scanning}>
      <QueueView
        selectedId={undefined}
        supervisor={false}
        onOpen={options.onOpen ?? ((id) => opened.push(id))}
      />
    </Providers>,
  );
  return { opened };
}

/**
 * A row's name as a browser computes it. happy-dom gives spans no display
 * value, so Testing Library spaces out every span of the name ("#42 王丽娟 ,
 * 快递…"); Chromium joins inline text as written ("#42 王丽娟, 快递…").
 */
function named(pattern: RegExp): (name: string) => boolean {
  return (name) =>
    pattern.test(
      name
        .replace(/\s+([,，])/g, '$1')
        .replace(/([，])\s+/g, '$1')
        .replace(/\s+/g, ' '),
    );
}

function rowsShown(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Tickets' })).getAllByRole('button');
}

function rowIndex(el: Element | null): number {
  return Number(el?.getAttribute('data-row-index'));
}

async function mineView(): Promise<TicketSummary[]> {
  await until(() => desk.session.hub.connected);
  const ack = await desk.session.hub.request('tickets.list', { view: 'mine', limit: 200 });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data.items;
}

describe('queue rows', () => {
  it('are named by number, customer, subject, status, priority, SLA timer, unread count and time', async () => {
    const now = Date.now();
    seedQueue(desk.ws.hub.dataDir, { count: 4, assignee: 'agent', now });
    // The fourth is urgent, written a minute ago: its first-reply target (15 min) has 14 min left.
    const seeded = (await mineView()).find((t) => t.createdAt === now - 60_000);
    if (!seeded) throw new Error('the seeded ticket is not in the view');
    expect(seeded.priority).toBe('urgent');
    renderQueue();
    const name = new RegExp(
      `^#${seeded.number} ${seeded.customer.name}, ${seeded.subject}, open, urgent, SLA 14 min left, 1 unread, updated .+$`,
    );
    const row = await screen.findByRole('button', { name: named(name) });
    expect(row).toHaveAccessibleDescription('请问可以开增值税普通发票吗？');
  }, 30_000);

  it('say the ticket number as Chinese agents quote it', async () => {
    seedQueue(desk.ws.hub.dataDir, { count: 1, assignee: 'agent' });
    const [newest] = await mineView();
    if (!newest) throw new Error('no ticket');
    renderQueue({ language: 'zh-CN' });
    await screen.findByRole('button', {
      name: named(new RegExp(`^工单 ${newest.number} ${newest.customer.name}，${newest.subject}，处理中，`)),
    });
  }, 30_000);
});

describe('moving through the queue', () => {
  it('goes row by row with the arrows, to the ends with Home and End, a screen at a time with the page keys', async () => {
    const user = userEvent.setup();
    seedQueue(desk.ws.hub.dataDir, { count: 300, assignee: 'agent' });
    const { opened } = renderQueue();
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(10));
    const total = desk.session.store(queueStore).snapshot.total ?? 0;
    expect(total).toBeGreaterThanOrEqual(300);

    // One Tab stop: the first row.
    const first = rowsShown()[0];
    expect(rowsShown().filter((row) => row.tabIndex === 0)).toEqual([first]);
    act(() => first?.focus());
    await user.keyboard('{ArrowDown}');
    expect(rowIndex(document.activeElement)).toBe(1);
    expect(rowsShown().filter((row) => row.tabIndex === 0)).toEqual([document.activeElement]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(rowIndex(document.activeElement)).toBe(0);

    await user.keyboard('{PageDown}');
    expect(rowIndex(document.activeElement)).toBe(9);

    // The last of 300-odd rows: rendered once the pane scrolls there, and its page fetched.
    await user.keyboard('{End}');
    await waitFor(() => expect(rowIndex(document.activeElement)).toBe(total - 1));
    expect(document.activeElement?.closest('[role="listitem"]')).toHaveAttribute(
      'aria-posinset',
      String(total),
    );
    await waitFor(() => expect(document.activeElement).not.toHaveAttribute('aria-disabled'));
    // Far from the top, the top rows have left the page: only a screen and a few more are in it.
    expect(rowsShown().length).toBeLessThan(30);

    await user.keyboard('{Home}');
    await waitFor(() => expect(rowIndex(document.activeElement)).toBe(0));

    // Enter opens the row's ticket.
    const [top] = await mineView();
    await user.keyboard('{Enter}');
    expect(opened).toEqual([top?.id]);
  }, 30_000);
});

describe('paging by screens for switch users', () => {
  it('scans only the rows in view, and Earlier and Later move the view by one screen', async () => {
    const user = userEvent.setup();
    seedQueue(desk.ws.hub.dataDir, { count: 100, assignee: 'agent' });
    renderQueue({ scanning: true });
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(10));
    const earlier = screen.getByRole('button', { name: 'Earlier' });
    const later = screen.getByRole('button', { name: 'Later' });
    // At the top there is nothing earlier: the button is skipped by scanning and says so.
    expect(earlier).toHaveAttribute('aria-disabled', 'true');
    expect(later).not.toHaveAttribute('aria-disabled');

    const inView = () =>
      Array.from(document.querySelectorAll('.queue-list__item'))
        .filter((item) => !item.hasAttribute('inert'))
        .map((item) => Number(item.getAttribute('data-index')));
    expect(inView()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The rows past the screen are in the page for the arrows, but out of the scan.
    expect(document.querySelector('.queue-list__item[data-index="12"]')).toHaveAttribute('inert');

    await user.click(later);
    await waitFor(() => expect(inView()).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]));
    expect(
      screen.getByText('11–20 of ' + String(desk.session.store(queueStore).snapshot.total)),
    ).toBeVisible();
    // The list's Tab stop moved with the screen, so Tab into it lands on what is shown.
    const stop = rowsShown().find((row) => row.tabIndex === 0);
    expect(rowIndex(stop ?? null)).toBe(10);
    expect(earlier).not.toHaveAttribute('aria-disabled');
    // Focus stays on Later: the next press pages on.
    expect(later).toHaveFocus();

    await user.click(earlier);
    await waitFor(() => expect(inView()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(earlier).toHaveAttribute('aria-disabled', 'true');
  }, 30_000);
});

describe('the queue as tickets change', () => {
  it('shows a colleague’s change to a row without being asked', async () => {
    seedQueue(desk.ws.hub.dataDir, { count: 3, assignee: 'agent' });
    renderQueue();
    const [newest] = await mineView();
    if (!newest) throw new Error('no ticket');
    await screen.findByRole('button', {
      name: named(new RegExp(`^#${newest.number} .*, open, (low|normal|high|urgent), `)),
    });
    const supervisor = await signIn(desk.ws.hub.hub.url, 'employer', 'wings-demo');
    try {
      const priority = newest.priority === 'low' ? 'high' : 'low';
      expectOk(await call(supervisor, 'tickets.update', { id: newId(), ticketId: newest.id, priority }));
      await screen.findByRole('button', {
        name: named(new RegExp(`^#${newest.number} .*, open, ${priority}, SLA`)),
      });
    } finally {
      supervisor.close();
    }
  }, 30_000);

  it('searches as the worker types, keeps the text, and says what to do when nothing matches', async () => {
    const user = userEvent.setup();
    seedQueue(desk.ws.hub.dataDir, { count: 3, assignee: 'agent' });
    renderQueue();
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(2));
    const box = screen.getByRole('searchbox', { name: 'Search tickets' });
    await user.type(box, 'qqzzxx{Enter}');
    await screen.findByRole('heading', { name: 'No tickets match' });
    expect(box).toHaveValue('qqzzxx');
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(2));
    expect(box).toHaveValue('');
    await until(() => desk.session.store(queueStore).snapshot.query.search === '');
  }, 30_000);
});
