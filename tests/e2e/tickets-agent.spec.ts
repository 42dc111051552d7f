import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { appUrl, signIn } from './support/app';
import { expectNoAxeViolations, setDisplay, themes } from './support/display';
import { signOutHost } from './support/host';
import { screenshot } from './support/shots';
import { freePort, startHub, startWebMode, stop, tempDir, type Started } from './support/processes';
import { oneSwitch, restoreScanProfile } from './support/switch';
import { expect, test } from './support/test';

/**
 * The whole job, across two browsers: a customer writes on the hub's /chat
 * page; the demo agent, Available in the workstation, is given the ticket by
 * auto-assignment, opens it from the notice, answers with a suggested reply,
 * resolves it, and sees the customer's rating. Once keyboard-only, once by one
 * switch. A hub and a web-mode host of this spec's own: the agent's status
 * and the queue change here, and no other spec should meet them.
 */
let hub: Started | null = null;
let host: Started | null = null;
const dirs: string[] = [];
let hubUrl = '';
let appBase = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const [hubPort, hostPort] = [await freePort(), await freePort()];
  dirs.push(tempDir('tickets-hub'), tempDir('tickets-host'));
  hub = await startHub({
    port: hubPort,
    dataDir: dirs[0] ?? '',
    allowOrigins: [`http://127.0.0.1:${hostPort}`],
  });
  hubUrl = `http://127.0.0.1:${hubPort}`;
  host = await startWebMode({ port: hostPort, dataDir: dirs[1] ?? '', hubUrl });
  appBase = host.match[1] ?? '';
});

// The host keeps the last sign-in: each test starts at the form, as a worker arriving would.
test.beforeEach(async () => {
  await signOutHost(appBase);
});

test.afterAll(async () => {
  if (host) await stop(host.child);
  if (hub) await stop(hub.child);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Presses `key` until `target` has focus: the way a keyboard user gets anywhere. */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 40): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

interface Customer {
  context: BrowserContext;
  page: Page;
  number: number;
}

/** A customer of the demo shop opens a conversation in Chinese, typing as anyone would. */
async function customerAsks(browser: Browser, name: string, message: string): Promise<Customer> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${hubUrl}/chat/?lng=zh-CN`);
  await page.getByRole('textbox', { name: '您的称呼' }).fill(name);
  await page.getByRole('textbox', { name: '消息' }).fill(message);
  await page.getByRole('button', { name: '发送' }).click();
  const ticket = page.getByText(/^工单号 \d+$/);
  await expect(ticket).toBeVisible();
  return { context, page, number: Number((await ticket.innerText()).replace(/\D/g, '')) };
}

/** What the customer sees next: the answer, then a 5-star rating with a comment. */
async function customerRates(customer: Customer, answer: RegExp): Promise<void> {
  const { page } = customer;
  await expect(page.getByRole('log').getByText(answer)).toBeVisible();
  const rating = page.getByRole('radiogroup', { name: '您的评分' });
  await expect(rating).toBeVisible();
  await rating.getByRole('radio', { name: '5 星' }).check();
  await page.getByRole('textbox', { name: '评价（选填）' }).fill('回复很快，谢谢！');
  await page.getByRole('button', { name: '提交评分' }).click();
  await expect(page.getByRole('heading', { name: '感谢您的评分。' })).toBeVisible();
}

const conversationHeading = (page: Page, number: number) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^#${number} · `) });
/** The first suggestion that can be sent as it stands (none of its variables left without a value). */
const suggestion = (page: Page) =>
  page
    .getByRole('group', { name: 'Suggested replies' })
    .getByRole('group')
    .filter({ hasNot: page.getByText(/has no value here/) })
    .first();
/** The first words of a suggestion's text: what the customer will then read. */
const opening = async (group: Locator) => (await group.locator('.suggested__text').innerText()).slice(0, 12);

test('keyboard only: a customer’s question reaches the available agent, who answers with a suggestion, resolves, and sees the rating', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await page.goto(appBase);
  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeFocused();

  // Available: Tab to the status group, the arrow wraps from Offline to Available, Enter sends it.
  const status = page.getByRole('group', { name: 'Status' });
  const offline = status.getByRole('radio', { name: 'Offline' });
  await expect(offline).toBeChecked();
  // The banner says what the queue says, not merely that the workstation is connected.
  const account = page.getByRole('banner').getByRole('group', { name: 'Account' });
  await expect(account.locator('.banner__presence > :not(.banner__presence-spare)')).toHaveText('Offline');
  await pressUntilFocused(page, 'Tab', offline);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Now: Available');
  await expect(account.locator('.banner__presence > :not(.banner__presence-spare)')).toHaveText('Available');

  const customer = await customerAsks(browser, '王丽娟', '快递到哪了？我的订单还没到');
  try {
    // Auto-assignment gives it to her: the notice says so and opens it (F6 reaches the alerts).
    const banner = page.getByRole('region', { name: 'Alerts' });
    const open = banner.getByRole('button', { name: `Open #${customer.number}` });
    await expect(open).toBeVisible();
    for (let presses = 0; presses < 10; presses++) {
      if (await banner.evaluate((el) => el.contains(document.activeElement))) break;
      await page.keyboard.press('F6');
    }
    await pressUntilFocused(page, 'Tab', open, 20);
    await page.keyboard.press('Enter');
    await expect(conversationHeading(page, customer.number)).toBeFocused();
    await expect(page.getByRole('list', { name: 'About this ticket' })).toContainText('Assigned to 韦秀兰');

    // The first suggestion's Send answers in one press.
    const first = suggestion(page);
    await expect(first).toBeVisible();
    const answer = await opening(first);
    const send = first.getByRole('button', { name: 'Send' });
    await pressUntilFocused(page, 'Tab', send);
    await page.keyboard.press('Enter');
    const history = page.getByRole('log', { name: 'Messages' });
    await expect(history.getByText(answer, { exact: false })).toBeVisible();

    // Resolve: one Tab stop for the toolbar, arrows within it.
    const toolbar = page.getByRole('toolbar', { name: 'Ticket actions' });
    await pressUntilFocused(page, 'Tab', toolbar.locator('button[tabindex="0"]'));
    await pressUntilFocused(page, 'ArrowRight', toolbar.getByRole('button', { name: 'Resolve' }), 10);
    await page.keyboard.press('Enter');
    await expect(toolbar.getByRole('button', { name: 'Reopen' })).toBeVisible();

    await customerRates(customer, new RegExp(escapeRegExp(answer)));
    await expect(page.getByText('Customer rating: 5 of 5')).toBeVisible();
    await expect(history).toContainText('The customer rated it 5 of 5');
  } finally {
    await customer.context.close();
  }
});

test('one switch: the same conversation, from the notice to the rating, by one key and the scan', async ({
  page,
  browser,
}) => {
  test.setTimeout(200_000);
  await page.goto(appUrl({ lng: 'en' }, appBase));
  await signIn(page, 'agent');
  const sw = await oneSwitch(page, { base: appBase });
  try {
    const status = page.getByRole('group', { name: 'Status' });
    // Left Available by the test before, or set so now.
    if (!(await status.getByRole('radio', { name: 'Available' }).isChecked())) {
      await sw.select(status.getByRole('radio', { name: 'Available' }));
      await expect(status).toContainText('Now: Available');
    }

    const customer = await customerAsks(browser, '黄志强', '我想开发票，怎么开？');
    try {
      const open = page
        .getByRole('region', { name: 'Alerts' })
        .getByRole('button', { name: `Open #${customer.number}` });
      await sw.select(open);
      await expect(conversationHeading(page, customer.number)).toBeVisible();

      const first = suggestion(page);
      await expect(first).toBeVisible();
      const answer = await opening(first);
      await sw.select(first.getByRole('button', { name: 'Send' }));
      const history = page.getByRole('log', { name: 'Messages' });
      await expect(history.getByText(answer, { exact: false })).toBeVisible();

      await sw.select(
        page.getByRole('toolbar', { name: 'Ticket actions' }).getByRole('button', { name: 'Resolve' }),
      );
      await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

      await customerRates(customer, new RegExp(escapeRegExp(answer)));
      await expect(page.getByText('Customer rating: 5 of 5')).toBeVisible();
    } finally {
      await customer.context.close();
    }
  } finally {
    await restoreScanProfile(appBase);
  }
});

/** Every view of the agent's Tickets workspace, checked by axe: the queue's tabs, a conversation and its panels. */
async function checkTicketViews(page: Page, label: string, zh: boolean): Promise<void> {
  const w = zh
    ? {
        views: ['我的', '未分配', '全部未结', '已暂缓', '已解决'],
        viewsLabel: '队列视图',
        canned: '快捷回复',
        note: '内部备注',
        snooze: '暂缓…',
        transfer: '转交…',
        actions: '工单操作',
      }
    : {
        views: ['Mine', 'Unassigned', 'All open', 'Snoozed', 'Resolved'],
        viewsLabel: 'Queue views',
        canned: 'Canned replies',
        note: 'Internal note',
        snooze: 'Snooze…',
        transfer: 'Transfer…',
        actions: 'Ticket actions',
      };
  const tabs = page.getByRole('tablist', { name: w.viewsLabel });
  for (const view of w.views) {
    await tabs.getByRole('tab', { name: new RegExp(`^${view}`) }).click();
    await expect(page.getByRole('tabpanel', { name: new RegExp(`^${view}`) })).toBeVisible();
    await expect(page.getByRole('tabpanel').getByRole('status')).toHaveCount(0);
    await expectNoAxeViolations(page, `${label} queue ${view}`);
  }
  // A conversation of her own (so Transfer is offered), with a customer, history and suggestions.
  await tabs.getByRole('tab', { name: new RegExp(`^${w.views[0]}`) }).click();
  await page.getByRole('tabpanel').getByRole('listitem').getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^(#|工单 )\d+ · / })).toBeVisible();
  await expect(
    page
      .getByRole('log', { name: zh ? '消息' : 'Messages' })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  // Main and the notes scroll on their own: the window never scrolls on to an empty page.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBe(0);
  await expectNoAxeViolations(page, `${label} conversation`);
  await screenshot(page, `tickets-${label}-conversation`);

  await page.getByRole('radio', { name: w.note }).check();
  await expectNoAxeViolations(page, `${label} internal note`);
  await page.getByRole('button', { name: w.canned, exact: true }).click();
  await expect(page.getByRole('dialog', { name: w.canned })).toBeVisible();
  await expectNoAxeViolations(page, `${label} canned picker`);
  await page.keyboard.press('Escape');
  const toolbar = page.getByRole('toolbar', { name: w.actions });
  for (const action of [w.snooze, w.transfer]) {
    // By the keyboard: the demo's SLA alerts may float over the toolbar's corner.
    await toolbar.getByRole('button', { name: action }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: zh ? '取消' : 'Cancel' })).toBeVisible();
    await expectNoAxeViolations(page, `${label} ${action}`);
    await screenshot(page, `tickets-${label}-${w.transfer === action ? 'transfer' : 'snooze'}`);
    await page.keyboard.press('Escape');
  }
}

for (const theme of themes) {
  for (const lng of ['en', 'zh-CN'] as const) {
    test(`${lng}, ${theme}: every ticket view has no WCAG 2.2 AA violations`, async ({ page }) => {
      test.setTimeout(150_000);
      await page.goto(appUrl({ lng }, appBase));
      await signIn(page, 'agent');
      await setDisplay(page, appBase, { theme });
      await page.goto(appUrl({ lng }, appBase) + '#/tickets');
      try {
        await checkTicketViews(page, `${lng}-${theme}`, lng === 'zh-CN');
      } finally {
        await setDisplay(page, appBase, { theme: 'default' });
      }
    });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
