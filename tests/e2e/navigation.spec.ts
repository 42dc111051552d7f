import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn, workspaceLinks } from './support/app';
import { screenshot } from './support/shots';

const words = {
  en: {
    tickets: 'Tickets',
    shifts: 'Shifts',
    live: 'Live',
    settings: 'Accessibility and settings',
    timing: 'Scan timing',
    // A ticket the address names by its row id; its heading says the number people see.
    ticketHeading: /^#\d+ · .+$/,
    missingHeading: (id: number) => new RegExp(`^Ticket ${id}$`),
    missing: 'What you asked for does not exist.',
    weekChoice: 'This week',
    week49: 'Nov 30, 2026 to Dec 6, 2026',
    openTicket: (id: number) => `Open ticket ${id}`,
    openWeek: (week: string) => `Open shifts for week ${week}`,
  },
  'zh-CN': {
    tickets: '工单',
    shifts: '班次',
    live: '直播',
    settings: '无障碍与设置',
    timing: '扫描时间',
    ticketHeading: /^工单 \d+ · .+$/,
    missingHeading: (id: number) => new RegExp(`^工单 ${id}$`),
    missing: '请求的内容不存在。',
    weekChoice: '本周',
    week49: '2026年11月30日 至 2026年12月6日',
    openTicket: (id: number) => `打开工单 ${id}`,
    openWeek: (week: string) => `打开 ${week} 周的班次`,
  },
} as const;

const languages = ['en', 'zh-CN'] as const;

/** An opened ticket's conversation heading has focus: the agent lands on the conversation, not the queue above it. */
async function expectTicketFocused(page: Page, heading: RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
}

/** The view's h1 has focus: checked through Playwright and on document.activeElement itself. */
async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeFocused();
  expect(
    await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent,
    })),
  ).toEqual({ tag: 'H1', text: name });
}

function palette(page: Page) {
  return page.getByRole('dialog', { name: /^(Commands|命令)$/ });
}

async function jump(page: Page, query: string, option: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.type(query);
  const first = palette(page).getByRole('option').first();
  await expect(first).toHaveText(new RegExp(`^${option}`));
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

for (const lng of languages) {
  const w = words[lng];

  test(`${lng}: a deep link to a settings tab opened before sign-in lands there, heading focused`, async ({
    page,
  }) => {
    await page.goto(appUrl({ lng }) + '#/settings/timing');
    // The address waits through sign-in untouched.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/#\/settings\/timing$/);
    await signIn(page, 'agent');
    await expectHeadingFocused(page, w.settings);
    await expect(page.getByRole('tab', { name: w.timing, selected: true })).toBeVisible();
    await expect(page).toHaveURL(/#\/settings\/timing$/);
    await expect(page).toHaveTitle(new RegExp(`${w.settings}.*${w.timing}`));
  });

  test(`${lng}: a deep link to #/tickets/99999 shows that ticket's view, heading focused`, async ({
    page,
  }) => {
    await page.goto(appUrl({ lng }) + '#/tickets/99999');
    await signIn(page, 'agent');
    await expectTicketFocused(page, w.missingHeading(99999));
    // No ticket has that id: the conversation says plainly that it does not exist.
    await expect(page.getByRole('main')).toContainText(w.missing);
    await expect(workspaceLinks(page).filter({ hasText: w.tickets })).toHaveAttribute('aria-current', 'page');
    await screenshot(page, `navigation-ticket-missing-${lng}`);

    // The same address opened again while signed in, as from a link: the view follows and takes focus.
    await page.getByRole('button', { name: /^(Sign out|退出登录)$/ }).focus();
    await page.evaluate(() => {
      window.location.hash = '#/tickets/42';
    });
    await expectTicketFocused(page, w.ticketHeading);
  });

  test(`${lng}: back and forward walk the places visited, the heading focused each time`, async ({
    page,
  }) => {
    await page.goto(appUrl({ lng }));
    await signIn(page, 'agent');
    // No address: the first workspace, put in the address without a history entry of its own.
    await expect(page).toHaveURL(/#\/tickets$/);

    await workspaceLinks(page).filter({ hasText: w.shifts }).click();
    await expectHeadingFocused(page, w.shifts);
    await jump(page, 'ticket 7', w.openTicket(7));
    await expect(page).toHaveURL(/#\/tickets\/7$/);
    await expectTicketFocused(page, w.ticketHeading);
    await jump(page, '2026-W49', w.openWeek('2026-W49'));
    await expect(page).toHaveURL(/#\/shifts\/2026-W49$/);
    await expectHeadingFocused(page, w.shifts);
    // The week's earnings: the period turns to the week, its days those of 2026-W49.
    await expect(page.getByRole('main').getByRole('radio', { name: w.weekChoice })).toBeChecked();
    await expect(page.getByRole('main').getByText(w.week49, { exact: true })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/#\/tickets\/7$/);
    await expectTicketFocused(page, w.ticketHeading);
    await page.goBack();
    await expect(page).toHaveURL(/#\/shifts$/);
    await expectHeadingFocused(page, w.shifts);
    await page.goForward();
    await expect(page).toHaveURL(/#\/tickets\/7$/);
    await expectTicketFocused(page, w.ticketHeading);
    await expect(page).toHaveTitle(new RegExp(`${lng === 'en' ? 'Ticket 7' : '工单 7'} — Wings`));
  });

  test(`${lng}: the palette jumps to a ticket typed in the other language, and to settings tabs`, async ({
    page,
  }) => {
    await page.goto(appUrl({ lng }));
    await signIn(page, 'agent');
    await jump(page, lng === 'en' ? '工单 42' : 'ticket 42', w.openTicket(42));
    await expect(page).toHaveURL(/#\/tickets\/42$/);
    await expectTicketFocused(page, w.ticketHeading);

    await page.keyboard.press('Control+k');
    await page.keyboard.type(w.timing);
    await expect(palette(page).getByRole('option').first()).toContainText(w.timing);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/settings\/timing$/);
    await expectHeadingFocused(page, w.settings);
    await expect(page.getByRole('tab', { name: w.timing, selected: true })).toBeVisible();
  });
}

test('a place the roles do not open falls back to the first workspace, without a history entry for it', async ({
  page,
}) => {
  await page.goto(appUrl() + '#/tickets/42');
  const entries = await page.evaluate(() => window.history.length);
  await signIn(page, 'anchor');
  await expect(page).toHaveURL(/#\/live$/);
  await expectHeadingFocused(page, 'Live');
  expect(await page.evaluate(() => window.history.length)).toBe(entries);
  // The palette offers no way to a forbidden place either.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('ticket 42');
  await expect(palette(page).getByRole('option')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Junk typed into the address is corrected in place.
  await page.evaluate(() => {
    window.location.hash = '#/tickets/0';
  });
  await expect(page).toHaveURL(/#\/live$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
});

test('choosing a settings tab replaces the address: Back leaves settings', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.getByRole('banner').getByRole('link', { name: 'Accessibility and settings' }).click();
  await expectHeadingFocused(page, 'Accessibility and settings');
  await expect(page).toHaveURL(/#\/settings\/display$/);
  await page.getByRole('tab', { name: 'Alerts' }).click();
  await expect(page).toHaveURL(/#\/settings\/alerts$/);
  // The tab keeps focus: choosing a tab is not a navigation.
  await expect(page.getByRole('tab', { name: 'Alerts' })).toBeFocused();
  await page.getByRole('tab', { name: 'Keyboard', exact: true }).click();
  await expect(page).toHaveURL(/#\/settings\/keyboard$/);

  await page.goBack();
  await expect(page).toHaveURL(/#\/tickets$/);
  await expectHeadingFocused(page, 'Tickets');
  await page.goForward();
  await expect(page).toHaveURL(/#\/settings\/keyboard$/);
  await expectHeadingFocused(page, 'Accessibility and settings');

  // Settings from the banner again shows the tab last shown.
  await workspaceLinks(page).filter({ hasText: 'Shifts' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Accessibility and settings' }).click();
  await expect(page).toHaveURL(/#\/settings\/keyboard$/);
  await expect(page.getByRole('tab', { name: 'Keyboard', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});
