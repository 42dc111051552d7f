import { rmSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { appUrl, signIn } from './support/app';
import { signOutHost } from './support/host';
import { freePort, startHub, startWebMode, stop, tempDir, type Started } from './support/processes';
import {
  clockPanel,
  earningsByKind,
  earningsPanel,
  employerSees,
  fenOf,
  pressUntilFocused,
} from './support/shifts';
import { screenshot } from './support/shots';
import { oneSwitch, restoreScanProfile } from './support/switch';
import { expect, test } from './support/test';

/**
 * The worker's day in Shifts, as the demo agent 韦秀兰 lives it: clock in
 * (which makes her available for tickets), answer and resolve a customer's
 * question, take a break, clock out, and see today's earnings grow by the
 * shop's rate for a resolved ticket; then clock in, break and clock out
 * again by one switch. A hub and a host of this spec's own: the agent's
 * shift and presence change here, and no other spec should meet them.
 */
let hub: Started | null = null;
let host: Started | null = null;
const dirs: string[] = [];
let hubUrl = '';
let appBase = '';

/** The demo's current pay rule (server/demo/shifts-data.ts, `demoPayRules.raised`): ¥1.80 a resolved ticket. */
const perTicketFen = 180;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const [hubPort, hostPort] = [await freePort(), await freePort()];
  dirs.push(tempDir('shifts-hub'), tempDir('shifts-host'));
  hub = await startHub({
    port: hubPort,
    dataDir: dirs[0] ?? '',
    allowOrigins: [`http://127.0.0.1:${hostPort}`],
  });
  hubUrl = `http://127.0.0.1:${hubPort}`;
  host = await startWebMode({ port: hostPort, dataDir: dirs[1] ?? '', hubUrl });
  appBase = host.match[1] ?? '';
});

test.beforeEach(async () => {
  await signOutHost(appBase);
});

test.afterAll(async () => {
  if (host) await stop(host.child);
  if (hub) await stop(hub.child);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const clockState = (page: Page) => clockPanel(page).locator('.shifts-clock__kind');
const clockButton = (page: Page, name: string) =>
  clockPanel(page).getByRole('group', { name: 'Clock' }).getByRole('button', { name, exact: true });

/** A customer writes on the hub's /chat page; returns the ticket number the page shows. */
async function customerAsks(browser: Browser, name: string, message: string) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${hubUrl}/chat/?lng=zh-CN`);
  await page.getByRole('textbox', { name: '您的称呼' }).fill(name);
  await page.getByRole('textbox', { name: '消息' }).fill(message);
  await page.getByRole('button', { name: '发送' }).click();
  const ticket = page.getByText(/^工单号 \d+$/);
  await expect(ticket).toBeVisible();
  return { context, number: Number((await ticket.innerText()).replace(/\D/g, '')) };
}

test('keyboard only: clock in, resolve a customer’s ticket, take a break, clock out, and see it in today’s earnings', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl({ lng: 'en' }, appBase));
  await signIn(page, 'agent');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeFocused();
  await expect(clockState(page)).toHaveText('Off shift');

  // Today's figures before: the demo's earlier sessions of today may already be in them.
  await expect(earningsPanel(page).getByRole('radio', { name: 'Today' })).toBeChecked();
  const before = await earningsByKind(page);
  const seenBefore = await employerSees(page);
  const ticketsBefore = Number(seenBefore['Tickets resolved']);

  await pressUntilFocused(page, 'Tab', clockButton(page, 'Clock in'));
  await page.keyboard.press('Enter');
  await expect(clockState(page)).toHaveText('On shift');
  await expect(clockPanel(page)).toContainText('available for tickets');
  // The buttons changed under her focus: it is on the first of the new ones.
  await expect(clockButton(page, 'Start break')).toBeFocused();
  await screenshot(page, 'shifts-worker-on-shift');

  // On shift makes her available: the customer's question is routed to her.
  const customer = await customerAsks(browser, '罗春花', '金桔今天能发货吗？');
  try {
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeFocused();
    await expect(page.getByRole('group', { name: 'Status' })).toContainText('Now: Available');
    const banner = page.getByRole('region', { name: 'Alerts' });
    const open = banner.getByRole('button', { name: `Open #${customer.number}` });
    await expect(open).toBeVisible();
    for (let presses = 0; presses < 10; presses++) {
      if (await banner.evaluate((el) => el.contains(document.activeElement))) break;
      await page.keyboard.press('F6');
    }
    await pressUntilFocused(page, 'Tab', open, 20);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^#${customer.number} · `) }),
    ).toBeFocused();

    const reply = page.getByRole('textbox', { name: 'Reply', exact: true });
    await pressUntilFocused(page, 'Tab', reply);
    await page.keyboard.type('您好，今天下午四点前发货，明天就能到。');
    await page.keyboard.press('Control+Enter');
    const history = page.getByRole('log', { name: 'Messages' });
    await expect(history.getByText('今天下午四点前发货')).toBeVisible();

    const toolbar = page.getByRole('toolbar', { name: 'Ticket actions' });
    await pressUntilFocused(page, 'Tab', toolbar.locator('button[tabindex="0"]'));
    await pressUntilFocused(page, 'ArrowRight', toolbar.getByRole('button', { name: 'Resolve' }), 10);
    await page.keyboard.press('Enter');
    await expect(toolbar.getByRole('button', { name: 'Reopen' })).toBeVisible();
  } finally {
    await customer.context.close();
  }

  // Back in Shifts: a break, with its private reason, and its end.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeFocused();
  await pressUntilFocused(page, 'Tab', clockButton(page, 'Start break'));
  await page.keyboard.press('Enter');
  const reasons = clockPanel(page).getByRole('group', { name: 'Why are you taking a break?' });
  await expect(reasons).toContainText('Only you see the reason.');
  await expect(reasons.getByRole('button', { name: 'Rest' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await expect(reasons.getByRole('button', { name: 'Meal' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(clockState(page)).toHaveText('On a break');
  await expect(clockPanel(page)).toContainText('Your reason: Meal (private)');
  await expect(clockButton(page, 'End break')).toBeFocused();
  await screenshot(page, 'shifts-worker-break');
  await page.keyboard.press('Enter');
  await expect(clockState(page)).toHaveText('On shift');

  // Clock out asks first, with "Stay on shift" focused: one deliberate choice more.
  await pressUntilFocused(page, 'Tab', clockButton(page, 'Clock out'));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Clock out now?' });
  await expect(confirm.getByRole('button', { name: 'Stay on shift' })).toBeFocused();
  await screenshot(page, 'shifts-worker-clock-out');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Clock out' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(clockState(page)).toHaveText('Off shift');
  await expect(clockButton(page, 'Clock in')).toBeFocused();
  await expect(clockPanel(page).getByTestId('clock-pending')).toHaveCount(0);

  // Today's earnings: one more resolved ticket, at the rule's ¥1.80, in both her view and her employer's.
  await expect
    .poll(async () => Number((await employerSees(page))['Tickets resolved']))
    .toBe(ticketsBefore + 1);
  const after = await earningsByKind(page);
  expect((after.kinds['Resolved tickets'] ?? 0) - (before.kinds['Resolved tickets'] ?? 0)).toBe(perTicketFen);
  expect(after.total).toBeGreaterThanOrEqual(before.total + perTicketFen);
  expect(after.total).toBe(Object.values(after.kinds).reduce((sum, fen) => sum + fen, 0));
  const seen = await employerSees(page);
  expect(fenOf(seen['Earnings'] ?? '')).toBe(after.total);
  await screenshot(page, 'shifts-worker-earnings');
});

test('one switch: clock in, a break and clock out, by one key and the scan', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(appUrl({ lng: 'en' }, appBase) + '#/shifts');
  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeVisible();
  const sw = await oneSwitch(page, { base: appBase });
  try {
    await expect(clockState(page)).toHaveText('Off shift');
    await sw.select(clockButton(page, 'Clock in'));
    await expect(clockState(page)).toHaveText('On shift');

    await sw.select(clockButton(page, 'Start break'));
    const reasons = clockPanel(page).getByRole('group', { name: 'Why are you taking a break?' });
    await sw.select(reasons.getByRole('button', { name: 'Rest' }));
    await expect(clockState(page)).toHaveText('On a break');
    await sw.select(clockButton(page, 'End break'));
    await expect(clockState(page)).toHaveText('On shift');

    await sw.select(clockButton(page, 'Clock out'));
    const confirm = page.getByRole('dialog', { name: 'Clock out now?' });
    await sw.select(confirm.getByRole('button', { name: 'Clock out' }));
    await expect(confirm).toBeHidden();
    await expect(clockState(page)).toHaveText('Off shift');
    await expect(clockPanel(page).getByTestId('clock-pending')).toHaveCount(0);
  } finally {
    await restoreScanProfile(appBase);
  }
});
