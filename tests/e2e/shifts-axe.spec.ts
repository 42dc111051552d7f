import type { Page } from '@playwright/test';
import { appUrl, signIn } from './support/app';
import { expectNoAxeViolations, ownInstance, setDisplay, themes } from './support/display';
import { signOutHost } from './support/host';
import { clockPanel, earningsPanel } from './support/shifts';
import { screenshot } from './support/shots';
import { expect, test } from './support/test';

/**
 * axe-core (WCAG 2.2 AA) on every view of Shifts and of the employer
 * workspace, in each theme and both languages: the clock with its break
 * reasons and its clock-out question, the earnings of each period with the
 * chart and its table twin, "what my employer sees", the statement; the
 * roster, output with its charts, timesheets and an open one, live rooms and
 * a watched room, the quota report, and the people records with both
 * editors. A web-mode instance of this spec's own (themes change here).
 */
const url = ownInstance();

test.describe.configure({ mode: 'serial' });

const words = {
  en: {
    clockIn: 'Clock in',
    startBreak: 'Start break',
    notNow: 'Not now',
    clockOut: 'Clock out',
    stay: 'Stay on shift',
    periods: ['Today', 'This week', 'This month'],
    showTable: 'Show as table',
    showStatement: 'Show statement',
    statement: /^Pay statement, /,
    views: ['Roster', 'Output', 'Timesheets', 'Quota report', 'People', 'Live rooms'],
    openSheet: /^Open .+’s timesheet$/,
    watch: 'Watch',
    edit: /^Edit .+'s record$/,
    months: /: pay and insurance$/,
  },
  'zh-CN': {
    clockIn: '上班打卡',
    startBreak: '开始休息',
    notNow: '先不休息',
    clockOut: '下班打卡',
    stay: '继续上班',
    periods: ['今天', '本周', '本月'],
    showTable: '以表格显示',
    showStatement: '查看工资单',
    statement: / 工资单$/,
    views: ['排班表', '产出', '工时表', '配额报告', '人员', '直播间'],
    openSheet: /^打开.+的考勤表$/,
    watch: '观看',
    edit: /^修改 .+ 的档案$/,
    months: /：工资和社保$/,
  },
} as const;

type Lng = keyof typeof words;

async function checkShiftViews(page: Page, lng: Lng, label: string): Promise<void> {
  const w = words[lng];
  const clock = clockPanel(page);
  const actions = clock.getByRole('group').first();
  await expect(earningsPanel(page)).toHaveAttribute('aria-busy', 'false');
  if (await actions.getByRole('button', { name: w.clockIn, exact: true }).isVisible())
    await actions.getByRole('button', { name: w.clockIn, exact: true }).click();
  await actions.getByRole('button', { name: w.startBreak, exact: true }).click();
  await expect(clock.getByRole('button', { name: w.notNow })).toBeVisible();
  await expectNoAxeViolations(page, `${label} break reasons`);
  await clock.getByRole('button', { name: w.notNow }).click();
  await actions.getByRole('button', { name: w.clockOut, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: w.stay })).toBeFocused();
  await expectNoAxeViolations(page, `${label} clock out`);
  await screenshot(page, `shifts-axe-${label}-clock-out`);
  await dialog.getByRole('button', { name: w.clockOut, exact: true }).click();
  await expect(dialog).toBeHidden();

  // Today (one day: no chart) and this month (the chart, the forecast); the week is the month's markup.
  const [today, , month] = w.periods;
  await expectNoAxeViolations(page, `${label} shifts, earnings ${today}`);
  await earningsPanel(page).getByRole('radio', { name: month }).check();
  await expect(earningsPanel(page)).toHaveAttribute('aria-busy', 'false');
  await expect(earningsPanel(page).getByTestId('earnings-total')).toBeVisible();
  await expectNoAxeViolations(page, `${label} earnings ${month}`);
  await screenshot(page, `shifts-axe-${label}-earnings-month`);

  // The chart's table twin and the statement, checked together.
  await earningsPanel(page).getByRole('button', { name: w.showTable }).click();
  await page.getByRole('button', { name: w.showStatement }).click();
  await expect(page.getByRole('heading', { name: w.statement }).first()).toBeVisible();
  await expectNoAxeViolations(page, `${label} earnings table twin, statement`);
  await screenshot(page, `shifts-axe-${label}-statement`);
}

async function checkEmployerViews(page: Page, lng: Lng, label: string): Promise<void> {
  const w = words[lng];
  const nav = page.getByRole('navigation', { name: /^(Employer views|雇主视图)$/ });
  const [roster, output, timesheets, quota, people, live] = w.views;
  const go = async (name: string) => {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: /…$/ })).toHaveCount(0);
  };

  await go(roster);
  await expect(page.getByRole('main').getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, `${label} roster`);
  await screenshot(page, `employer-axe-${label}-roster`);

  // Output: the first chart as its table twin, the second as drawn, both checked at once.
  await go(output);
  await expect(page.getByRole('main').getByRole('table').first()).toBeVisible();
  await screenshot(page, `employer-axe-${label}-output`);
  await page.getByRole('main').getByRole('button', { name: w.showTable }).first().click();
  await expectNoAxeViolations(page, `${label} output, one chart as a table`);

  await go(timesheets);
  await page.getByRole('button', { name: w.openSheet }).first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
  await expectNoAxeViolations(page, `${label} timesheet panel`);
  await screenshot(page, `employer-axe-${label}-timesheet`);

  await go(live);
  await page.getByRole('button', { name: w.watch, exact: true }).first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
  await expectNoAxeViolations(page, `${label} live watch`);
  await screenshot(page, `employer-axe-${label}-live`);

  await go(quota);
  await expect(page.getByRole('main').locator('.quota-warnings li')).toHaveCount(1);
  await expectNoAxeViolations(page, `${label} quota`);
  await screenshot(page, `employer-axe-${label}-quota`);

  await go(people);
  await page.getByRole('button', { name: w.edit }).first().click();
  await expect(page.getByRole('main').locator('form')).toBeVisible();
  await expectNoAxeViolations(page, `${label} person editor`);
  await screenshot(page, `employer-axe-${label}-person`);
  await page.getByRole('button', { name: w.months }).first().click();
  await expect(page.getByRole('main').locator('form')).toBeVisible();
  await expectNoAxeViolations(page, `${label} months editor`);
  await screenshot(page, `employer-axe-${label}-months`);
}

// Every theme in English; Chinese (other words, other widths, the CJK font) in the default theme.
const runs = themes.flatMap((theme) =>
  (theme === 'default' ? (['en', 'zh-CN'] as const) : (['en'] as const)).map((lng) => ({ theme, lng })),
);

for (const { theme, lng } of runs) {
  test(`${lng}, ${theme}: every Shifts and employer view has no WCAG 2.2 AA violations`, async ({ page }) => {
    test.setTimeout(120_000);
    const label = `${lng}-${theme}`;
    await page.goto(appUrl({ lng }, url()));
    await signIn(page, 'agent');
    // The display profile is the workstation's: it holds for whoever signs in on it next.
    await setDisplay(page, url(), { theme });
    try {
      await page.goto(appUrl({ lng }, url()) + '#/shifts');
      await checkShiftViews(page, lng, label);

      await signOutHost(url());
      await page.goto(appUrl({ lng }, url()));
      await signIn(page, 'employer');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.goto(appUrl({ lng }, url()) + '#/employer');
      await checkEmployerViews(page, lng, label);
    } finally {
      await setDisplay(page, url(), { theme: 'default' });
    }
  });
}
