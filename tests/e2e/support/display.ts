import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appUrl, signIn } from './app';
import { signOutHost } from './host';
import { freePort, startWebMode, stop, tempDir, type Started } from './processes';

export const themes = ['default', 'high-contrast-dark', 'high-contrast-light'] as const;
export type Theme = (typeof themes)[number];
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * A web-mode instance of the spec's own: these specs change the profile all
 * the time, and the shared instance's other tests must not see a theme they
 * did not ask for. Each test starts signed out of it, as of the shared one.
 * Returns a getter for the address.
 */
export function ownInstance(): () => string {
  let web: Started | null = null;
  let dataDir = '';
  let url = '';
  test.beforeAll(async () => {
    dataDir = tempDir('display');
    web = await startWebMode({ port: await freePort(), dataDir });
    url = web.match[1] ?? '';
    if (!url) throw new Error(`web mode printed no address:\n${web.output()}`);
  });
  test.beforeEach(async () => {
    await signOutHost(url);
  });
  test.afterAll(async () => {
    if (web) await stop(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => url;
}

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map(
    (v) =>
      `${label} ${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
  expect(summary).toEqual([]);
}

export const settingsSections = ['display', 'alerts', 'scanning', 'timing', 'keyboard', 'shortcuts'] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** Opens a settings section by its address (`#/settings/<section>`), as a link or a reload would. */
export async function openSettings(
  page: Page,
  base: string,
  section: SettingsSection = 'display',
): Promise<void> {
  await page.goto(appUrl({}, base) + `#/settings/${section}`);
  await expect(
    page.getByRole('heading', { level: 1, name: /Accessibility and settings|无障碍与设置/ }),
  ).toBeVisible();
}

function settingsTablist(page: Page) {
  return page.getByRole('tablist', { name: /^(Settings sections|设置分类)$/ });
}

/**
 * Keyboard only, as the APG tabs pattern has it: from the page heading (where
 * focus lands on opening settings) Tab reaches the selected tab, the tablist's
 * one stop; Right arrow moves and selects. Returns with the tab focused.
 */
export async function selectSettingsTab(page: Page, name: string): Promise<void> {
  const tablist = settingsTablist(page);
  const target = tablist.getByRole('tab', { name, exact: true });
  await expect(target).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Tab');
  await expect(tablist.getByRole('tab', { selected: true })).toBeFocused();
  const count = await tablist.getByRole('tab').count();
  for (let i = 0; i < count && (await target.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowRight');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(target).toBeFocused();
}

/** Visits every settings tab in order with the keyboard (Right arrow), calling `visit` on each. */
export async function forEachSettingsTab(
  page: Page,
  visit: (name: string, index: number) => Promise<void>,
): Promise<void> {
  const tabs = settingsTablist(page).getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  const count = await tabs.count();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Home');
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await visit(((await tab.textContent()) ?? '').trim(), i);
    if (i + 1 < count) {
      await tab.focus();
      await page.keyboard.press('ArrowRight');
    }
  }
}

/** Sets display options through the settings page, as a worker would, and waits until <html> follows. */
export async function setDisplay(
  page: Page,
  base: string,
  options: { theme?: Theme; textScale?: number; largeTargets?: boolean },
): Promise<void> {
  await openSettings(page, base);
  const html = page.locator('html');
  if (options.theme) {
    await page
      .getByRole('group', { name: /^(Theme|主题)$/ })
      .locator(`input[type=radio][value="${options.theme}"]`)
      .check();
    await expect(html).toHaveAttribute('data-theme', options.theme);
  }
  if (options.textScale !== undefined) {
    await page
      .getByRole('group', { name: /^(Text size|文字大小)$/ })
      .locator(`input[type=radio][value="${options.textScale}"]`)
      .check();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('--text-scale')))
      .toBe(String(options.textScale));
  }
  if (options.largeTargets !== undefined) {
    await page.getByRole('checkbox', { name: /Large targets|大目标/ }).setChecked(options.largeTargets);
    await expect(html).toHaveAttribute('data-large-targets', String(options.largeTargets));
  }
}

export async function signedIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(appUrl({}, base));
  await signIn(page, username);
}
