import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from './support/test';
import { appUrl, connectionStatus, demoPassword, signIn } from './support/app';
import { freePort, startHub, startWebMode, stop, tempDir, type Started } from './support/processes';

/** A colleague at another desk, straight on the hub's socket: posts notes as the app would. */
async function colleagueOn(hubUrl: string, username: string): Promise<Socket> {
  const res = await fetch(`${hubUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  const { token } = (await res.json()) as { token: string };
  const socket = io(hubUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function post(socket: Socket, body: string): Promise<void> {
  const answer = (await socket.timeout(5_000).emitWithAck('team.post', { id: uuidv7(), body })) as {
    ok: boolean;
  };
  expect(answer.ok).toBe(true);
}

/** Starts summing every layout shift of the page from now on (the CLS entries Chromium reports). */
async function watchLayoutShifts(page: Page): Promise<() => Promise<{ total: number; moved: string[] }>> {
  await page.evaluate(() => {
    const w = window as unknown as { shifts: { value: number; moved: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        sources: { node?: Node | null }[];
      }[]) {
        const moved = entry.sources.map((s) => {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          return el ? `${el.tagName.toLowerCase()}.${el.className}` : '?';
        });
        w.shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
  return () =>
    page.evaluate(() => {
      const { shifts } = window as unknown as { shifts: { value: number; moved: string[] }[] };
      return { total: shifts.reduce((sum, s) => sum + s.value, 0), moved: shifts.flatMap((s) => s.moved) };
    });
}

/** Where the page's main parts are: none of them may move when an alert comes or the connection goes. */
function layout(page: Page) {
  return page.evaluate(() =>
    ['#main-content', '.shell__nav', 'aside.team-notes', 'header', '.connection-status'].map((selector) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return { selector, box: box ? [box.x, box.y, box.width, box.height].map(Math.round) : null };
    }),
  );
}

interface Desk {
  hub: Started;
  host: Started;
  hubUrl: string;
  dirs: string[];
}

/** A hub of this test's own (so it may be stopped) and one workstation host on it. */
async function openDesk(): Promise<Desk> {
  const [hubPort, hostPort] = [await freePort(), await freePort()];
  const dirs = [tempDir('alerts-hub'), tempDir('alerts-host')];
  const hub = await startHub({
    port: hubPort,
    dataDir: dirs[0] ?? '',
    allowOrigins: [`http://127.0.0.1:${hostPort}`],
  });
  const hubUrl = `http://127.0.0.1:${hubPort}`;
  const host = await startWebMode({ port: hostPort, dataDir: dirs[1] ?? '', hubUrl });
  return { hub, host, hubUrl, dirs };
}

async function closeDesk(desk: Desk): Promise<void> {
  await stop(desk.host.child);
  await stop(desk.hub.child);
  for (const dir of desk.dirs) rmSync(dir, { recursive: true, force: true });
}

test('notes from a colleague gather in one banner slot that moves nothing, and follow the worker at the end of the list', async ({
  page,
}) => {
  const desk = await openDesk();
  const colleague = await colleagueOn(desk.hubUrl, 'employer');
  try {
    // Enough notes that the list scrolls.
    for (let i = 1; i <= 20; i++) await post(colleague, `Earlier note ${i}`);
    await page.goto(appUrl({}, desk.host.match[1]));
    // The anchor: the demo agent's queue raises SLA warnings of its own into the banner at
    // moments the demo's clock decides, and this test is about the team notes' one slot.
    await signIn(page, 'anchor');
    const notes = page.getByRole('complementary', { name: 'Team notes' });
    const log = notes.getByRole('log');
    await expect(log.getByRole('listitem').filter({ hasText: 'Earlier note 20' })).toBeInViewport();
    // Let the page settle (fonts, first layout) before measuring.
    await page.waitForTimeout(500);

    const before = await layout(page);
    const shifts = await watchLayoutShifts(page);
    await Promise.all([
      post(colleague, 'Burst one'),
      post(colleague, 'Burst two'),
      post(colleague, '第三条留言'),
    ]);

    const banner = page.getByRole('region', { name: 'Alerts' });
    await expect(banner.getByRole('listitem')).toHaveCount(1);
    await expect(banner).toContainText('3 new team notes');
    await expect(page.getByTestId('alerts-status')).toContainText('3 new team notes');
    // At the end of the list, the newest note comes into view; Chinese words carry their language.
    const newest = log.getByRole('listitem').filter({ hasText: '第三条留言' });
    await expect(newest).toBeInViewport();
    await expect(newest.getByText('第三条留言')).toHaveAttribute('lang', 'zh-CN');
    // Nothing on the page moved, by the browser's own layout-shift count and by the boxes.
    expect(await shifts()).toEqual({ total: 0, moved: [] });
    expect(await layout(page)).toEqual(before);

    // The notes were in view, so they count as read: the slot goes by itself, though not at once.
    await page.waitForTimeout(6_000);
    await expect(banner.getByRole('listitem')).toHaveCount(1);
    await expect(banner).toHaveCount(0, { timeout: 10_000 });

    // Reading far back: a new note does not pull the list away from what the worker reads.
    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await post(colleague, 'While you read back');
    const arrived = log.getByRole('listitem').filter({ hasText: 'While you read back' });
    await expect(arrived).toHaveCount(1);
    await expect(banner).toContainText('New team note from');
    expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(arrived).not.toBeInViewport();
    expect((await shifts()).total).toBe(0);
    expect(await layout(page)).toEqual(before);
  } finally {
    colleague.close();
    await closeDesk(desk);
  }
});

test('going offline changes the status pill in place, without a layout shift', async ({ page }) => {
  const desk = await openDesk();
  try {
    await page.goto(appUrl({}, desk.host.match[1]));
    await signIn(page, 'agent');
    const status = connectionStatus(page);
    await expect(status).toHaveText('Connected');
    await page.waitForTimeout(500);
    const before = await layout(page);
    const shifts = await watchLayoutShifts(page);

    await stop(desk.hub.child);
    await expect(status).toHaveText(/^Offline/, { timeout: 20_000 });
    expect(await shifts()).toEqual({ total: 0, moved: [] });
    expect(await layout(page)).toEqual(before);
  } finally {
    await closeDesk(desk);
  }
});
