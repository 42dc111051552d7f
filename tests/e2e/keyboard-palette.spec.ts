import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, resetLanguage, signIn, workspaceLinks } from './support/app';
import { screenshot } from './support/shots';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.afterEach(async ({ browser }) => {
  const page = await browser.newPage();
  await resetLanguage(page, appUrl());
  await page.close();
});

function palette(page: Page) {
  return page.getByRole('dialog', { name: /^(Commands|命令)$/ });
}

test('Ctrl+K opens the palette; "gd" in zh-CN finds 工单 and Enter opens it', async ({ page }) => {
  await page.goto(appUrl({ lng: 'zh-CN' }));
  await signIn(page, 'agent');
  await workspaceLinks(page).filter({ hasText: '班次' }).click();
  await expect(page).toHaveURL(/#\/shifts$/);

  await page.keyboard.press('Control+k');
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const search = dialog.getByRole('combobox', { name: '搜索命令' });
  await expect(search).toBeFocused();
  // Every action of the screen is listed, with its shortcut.
  await expect(dialog.getByRole('option', { name: /转到班次/ })).toHaveAttribute(
    'aria-keyshortcuts',
    'Alt+2',
  );

  await page.keyboard.type('gd');
  const options = dialog.getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('转到工单');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute(
    'aria-activedescendant',
    (await options.first().getAttribute('id')) ?? '',
  );
  await screenshot(page, 'keyboard-palette-gd-zh-CN');

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/tickets$/);
  await expect(page.getByRole('heading', { level: 1, name: '工单' })).toBeFocused();
});

test('full pinyin and English find their commands; arrows move the active option', async ({ page }) => {
  await page.goto(appUrl({ lng: 'zh-CN' }));
  await signIn(page, 'agent');
  await page.keyboard.press('Control+k');
  const dialog = palette(page);
  await page.keyboard.type('banci');
  await expect(dialog.getByRole('option')).toHaveText([/转到班次/]);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('go to');
  await expect(dialog.getByRole('option', { name: /转到工单/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto(appUrl({ lng: 'en' }));
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('tick');
  await expect(dialog.getByRole('option')).toHaveText([/^Go to Tickets/]);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  const options = dialog.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
});

test('Escape closes the palette and gives focus back; Tab stays inside while it is open', async ({
  page,
}) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const note = page.getByRole('textbox', { name: 'Note to your team' });
  await note.focus();
  await page.keyboard.press('Control+k');
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(note).toBeFocused();
  // Typing in the note is not taken by any shortcut.
  await page.keyboard.type('gd 1');
  await expect(note).toHaveValue('gd 1');
  await note.fill('');

  // F2 opens it with one key, for users who cannot hold Ctrl.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('F2');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

for (const lng of ['en', 'zh-CN'] as const) {
  test(`the open palette has no WCAG 2.2 AA violations (${lng})`, async ({ page }) => {
    await page.goto(appUrl({ lng }));
    await signIn(page, 'employer');
    await page.keyboard.press('Control+k');
    await expect(palette(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await screenshot(page, `keyboard-palette-${lng}`);
  });
}
