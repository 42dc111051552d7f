import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl } from './support/app';
import { openSettings, ownInstance, selectSettingsTab, setDisplay } from './support/display';

const url = ownInstance();

/** Presses Tab until the focused element matches, as a keyboard-only worker would. */
async function tabTo(page: Page, matches: (el: { label: string; tag: string }) => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const label = active?.id ? document.querySelector(`label[for="${active.id}"]`)?.textContent : null;
      return {
        label: (label ?? active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim(),
        tag: active?.tagName ?? '',
      };
    });
    if (matches(el)) return;
  }
  throw new Error('focus never reached the control');
}

test('keyboard only: theme, text size, large targets and a scan interval are saved and survive a reload', async ({
  page,
}) => {
  await page.goto(appUrl({}, url()));
  await tabTo(page, (el) => el.label === 'Username');
  await page.keyboard.type('agent');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wings-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Workspaces' })).toBeVisible();

  await tabTo(page, (el) => el.label === 'Accessibility and settings');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility and settings' })).toBeFocused();
  await expect(page).toHaveTitle(/Accessibility and settings/);

  // Tab reaches the section tabs (one stop, Display selected), then the panel: theme radios are one stop; arrows choose.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Display', selected: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Default' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast-dark');
  await expect(page.getByRole('status').filter({ hasText: 'Theme: High contrast, dark' })).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: '100%' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('--text-scale')))
    .toBe('1.25');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: /Large targets/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-large-targets', 'true');

  await selectSettingsTab(page, 'Scan timing');
  await expect(page).toHaveURL(/#\/settings\/timing$/);
  await tabTo(page, (el) => el.tag === 'INPUT' && el.label === 'Scan interval, in seconds');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  // A bad value is refused in words and kept in the field, not thrown away.
  const interval = page.getByRole('textbox', { name: 'Scan interval, in seconds' });
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a number from 0.3 to 5.' })).toBeVisible();
  await expect(interval).toHaveValue('9');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved: Scan interval, in seconds.' }),
  ).toBeVisible();
  // The stepper beside it moves in tenths.
  await expect(page.getByRole('button', { name: 'Increase Scan interval, in seconds' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(interval).toHaveValue('1.6');

  // A reload keeps the section (its address is #/settings/timing) and every value.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility and settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast-dark');
  await expect(page.locator('html')).toHaveAttribute('data-large-targets', 'true');
  await expect(page.getByRole('textbox', { name: 'Scan interval, in seconds' })).toHaveValue('1.6');
  await selectSettingsTab(page, 'Display');
  await expect(page.getByRole('radio', { name: '125%' })).toBeChecked();

  // Back to the defaults, so nothing here leaks into a later look at this instance.
  await setDisplay(page, url(), { theme: 'default', textScale: 1, largeTargets: false });
  await openSettings(page, url(), 'timing');
  await page.getByRole('textbox', { name: 'Scan interval, in seconds' }).fill('1');
  await page.getByRole('textbox', { name: 'Scan interval, in seconds' }).press('Enter');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Scan interval, in seconds' })).toHaveValue('1');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'default');
});

test('a switch key is assigned by pressing it, and reset to the defaults', async ({ page }) => {
  await page.goto(appUrl({}, url()) + '#/settings');
  await page.getByRole('textbox', { name: 'Username' }).fill('agent');
  await page.getByLabel('Password').fill('wings-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await selectSettingsTab(page, 'Switch scanning');
  const keys = page.getByRole('group', { name: 'Switch keys' });
  await keys.getByRole('button', { name: 'Assign a key to Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(keys.getByRole('button', { name: /Press a key for Next/ })).toBeFocused();
  await page.keyboard.press('F8');
  await expect(page.getByRole('status').filter({ hasText: 'F8 now does Next.' })).toBeVisible();
  await expect(keys.getByRole('listitem').filter({ hasText: 'Next' }).locator('kbd')).toHaveText('F8');
  // Taking Select's only key away would lock a switch user out: refused.
  await keys.getByRole('button', { name: 'Assign a key to Next' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(keys.getByRole('alert')).toContainText('no key for Select');
  await keys.getByRole('button', { name: 'Reset keys to defaults' }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: 'Next' })).toContainText('No key');
  await expect(keys.getByRole('listitem').filter({ hasText: 'Select' }).locator('kbd')).toHaveText('Space');
});

test('the test alert shows a dismissable banner, speaks in a live region, and the edge never flashes more than 3 times a second', async ({
  page,
}) => {
  await page.goto(appUrl({}, url()) + '#/settings');
  // The anchor: the demo agent's queue puts SLA warnings of its own in the banner, and this
  // test counts the test alerts there.
  await page.getByRole('textbox', { name: 'Username' }).fill('anchor');
  await page.getByLabel('Password').fill('wings-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await selectSettingsTab(page, 'Alerts');
  await page.getByRole('checkbox', { name: /Also flash the edges/ }).check();

  await page.evaluate(() => {
    const edge = document.querySelector('[data-testid=edge-flash]');
    const w = window as unknown as { flashStarts: number[] };
    w.flashStarts = [];
    if (!edge) return;
    new MutationObserver(() => {
      if (edge.getAttribute('data-state') === 'on') w.flashStarts.push(performance.now());
    }).observe(edge, { attributes: true, attributeFilter: ['data-state'] });
  });
  const test = page.getByRole('button', { name: 'Test alert' });
  for (let i = 0; i < 6; i++) await test.click();

  const banner = page.getByRole('region', { name: 'Alerts' });
  await expect(banner.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('alerts-status')).toContainText('This is a test alert.');
  const flashStarts = () => page.evaluate(() => (window as unknown as { flashStarts: number[] }).flashStarts);
  // Six alerts in a row: the limiter spreads their flashes out; wait for the burst to be over.
  await expect.poll(async () => (await flashStarts()).length).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('edge-flash')).not.toHaveAttribute('data-state', 'on');
  const starts = await flashStarts();
  for (const start of starts)
    expect(starts.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(3);

  // Escape on an alert dismisses it; focus moves to the next one, never to the page start.
  await banner.getByRole('button', { name: 'Dismiss' }).first().focus();
  await page.keyboard.press('Escape');
  await expect(banner.getByRole('listitem')).toHaveCount(2);
  await expect(banner.getByRole('button', { name: 'Dismiss' }).first()).toBeFocused();

  // Reduced motion: a steady border instead of flashing.
  await selectSettingsTab(page, 'Display');
  await page.getByRole('checkbox', { name: /Reduce motion/ }).check();
  await selectSettingsTab(page, 'Alerts');
  await test.click();
  await expect(page.getByTestId('edge-flash')).toHaveAttribute('data-state', 'steady');
  await selectSettingsTab(page, 'Display');
  await page.getByRole('checkbox', { name: /Reduce motion/ }).uncheck();
  await selectSettingsTab(page, 'Alerts');
  await page.getByRole('checkbox', { name: /Also flash the edges/ }).uncheck();
});
