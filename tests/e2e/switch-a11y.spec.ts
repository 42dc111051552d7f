import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { appUrl } from './support/app';
import {
  bridgeCall,
  oneSwitch,
  restoreScanProfile,
  scanKeyboard,
  twoSwitch,
  updateSettings,
} from './support/switch';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let savedLanguage: 'en' | 'zh-CN' | null = null;

test.beforeEach(async () => {
  savedLanguage = ((await bridgeCall('settings.get', {})) as { language: 'en' | 'zh-CN' | null }).language;
});

test.afterEach(async () => {
  await restoreScanProfile();
  await updateSettings({ language: savedLanguage });
});

test('with scanning off nothing of it is on the page and Space types and clicks as usual', async ({
  page,
}) => {
  await page.goto(appUrl());
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeVisible();
  await expect(page.locator('[data-scan-key]')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Username' }).focus();
  await page.keyboard.type('a b');
  await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue('a b');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Password' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  // The form was submitted by Space on its button: the empty password is reported.
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveAttribute('aria-invalid', 'true');
  expect(await page.locator('[data-scan-id]').count()).toBe(0);
});

for (const lng of ['en', 'zh-CN'] as const) {
  test(`the highlight and the on-screen keyboard add no WCAG 2.2 AA violations (${lng})`, async ({
    page,
  }) => {
    await updateSettings({ language: lng });
    await page.goto(appUrl());
    const sw = await twoSwitch(page);
    await sw.select(page.locator('input[name="username"]'));
    await expect(scanKeyboard(page)).toBeVisible();
    // Scanning moves into the panel once the page settles; a press before that would select the field again.
    await expect.poll(async () => (await sw.highlight()).kind).toBe('group');
    await page.keyboard.press('Space');
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    const overlay = page.locator('[data-scan-key]');
    await expect(overlay).toHaveAttribute('aria-hidden', 'true');
    await expect(overlay).toHaveAttribute('data-scan-target-kind', 'row');
    expect(await overlay.locator('a, button, input, [tabindex]').count()).toBe(0);
    const ring = await overlay.locator('.scan-overlay__ring').evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        width: parseFloat(style.borderTopWidth),
        colour: style.borderTopColor,
        shadow: style.boxShadow,
      };
    });
    expect(ring.width).toBeGreaterThanOrEqual(4);
    expect(ring.colour).toBe('rgb(255, 109, 0)');
    // The black and white bands that keep 3:1 against any background.
    expect(ring.shadow).toContain('rgb(0, 0, 0)');
    expect(ring.shadow).toContain('rgb(255, 255, 255)');
  });
}

test('the keyboard panel types into the field that keeps focus, and Space never reaches the page', async ({
  page,
}) => {
  await page.goto(appUrl());
  const sw = await twoSwitch(page, { scan: { highlightColour: '#00ffff' } });
  const username = page.getByRole('textbox', { name: 'Username' });
  await sw.select(username);
  await expect(username).toBeFocused();
  await sw.select(scanKeyboard(page).getByRole('button', { name: 'Capitals' }));
  await sw.select(scanKeyboard(page).getByRole('button', { name: 'A', exact: true }));
  await sw.select(scanKeyboard(page).getByRole('button', { name: 'b', exact: true }));
  await sw.select(scanKeyboard(page).getByRole('button', { name: 'Delete' }));
  await sw.select(scanKeyboard(page).getByRole('button', { name: 'c', exact: true }));
  // Every Select was a Space: had one reached the focused field it would hold a space.
  await expect(username).toHaveValue('Ac');
  await expect(username).toBeFocused();
  await expect(page.locator('.scan-overlay__ring')).toHaveCSS('border-top-color', 'rgb(0, 255, 255)');
});

test('a mouse click can be the switch', async ({ page }) => {
  await page.goto(appUrl());
  await oneSwitch(page, { scan: { intervalMs: 1000, keyMap: { 'mouse:primary': 'select' } } });
  // Sign-in focuses Username, where scanning would start; from nowhere it starts at the top, where Language is.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const overlay = page.locator('[data-scan-key]');
  await page.mouse.click(5, 790);
  await expect(overlay).toHaveAttribute('data-scan-phase', 'scanning');
  // The click that woke scanning did not reach the page: nothing took focus.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await expect(overlay).toHaveAttribute('data-scan-label', 'Language', { timeout: 20_000 });
  await page.mouse.click(5, 790);
  await expect(page.getByRole('dialog', { name: 'Choices for Language' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeFocused();
});
