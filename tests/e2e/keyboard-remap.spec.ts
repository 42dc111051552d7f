import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { screenshot } from './support/shots';
import { updateSettings } from './support/switch';

// The shared instance serves other specs next: shortcuts go back to the defaults whatever happened.
test.afterEach(async () => {
  await updateSettings({
    a11y: { shortcuts: { characterKeys: false, overrides: {}, sequenceTimeoutMs: 3000 } },
  });
});

async function openShortcutSettings(page: Page) {
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility and settings' })).toBeFocused();
  // Tab reaches the section tabs; End selects the last one, Keyboard shortcuts.
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Keyboard shortcuts', selected: true })).toBeFocused();
  const table = page.getByRole('table', { name: 'Commands and their shortcuts' });
  await expect(table).toBeVisible();
  return table;
}

test('a remapped shortcut works, also after a reload, and the old one is gone', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const table = await openShortcutSettings(page);
  const row = table.getByRole('row', { name: /^Go to Shifts/ });
  await expect(row).toContainText('Alt+2');
  await screenshot(page, 'keyboard-shortcut-settings-en');

  // Each command is one stop (Edit); its change, add and reset buttons open below it.
  const edit = row.getByRole('button', { name: 'Edit the shortcuts of “Go to Shifts”' });
  await edit.press('Enter');
  await expect(edit).toHaveAttribute('aria-expanded', 'true');
  const change = table.getByRole('button', { name: 'Change the shortcut of “Go to Shifts”' });
  await page.keyboard.press('Tab');
  await expect(change).toBeFocused();
  await page.keyboard.press('Enter');
  const recorder = page.getByRole('textbox', { name: 'Shortcut recorder: press the keys' });
  await expect(recorder).toBeFocused();
  await page.keyboard.press('Control+Shift+Y');
  await expect(recorder).toHaveValue('Ctrl+Shift+Y');
  await page.getByRole('button', { name: 'Done' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Shortcuts saved.' })).toBeVisible();
  await expect(row).toContainText('Ctrl+Shift+Y');
  await expect(row).not.toContainText('Alt+2');
  // Focus goes back to the button it came from.
  await expect(change).toBeFocused();

  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page).not.toHaveURL(/#\/shifts$/);
  await page.keyboard.press('Control+Shift+Y');
  await expect(page).toHaveURL(/#\/shifts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeFocused();

  // The palette shows the new key too.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('option', { name: /^Go to Shifts/ })).toHaveAttribute(
    'aria-keyshortcuts',
    'Control+Shift+Y',
  );
  await page.keyboard.press('Escape');
});

test('a key sequence recorded one key at a time runs the action', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const table = await openShortcutSettings(page);
  const row = table.getByRole('row', { name: /^Write a team note/ });
  await row.getByRole('button', { name: 'Edit the shortcuts of “Write a team note”' }).click();
  await table.getByRole('button', { name: 'Change the shortcut of “Write a team note”' }).click();
  await page.keyboard.press('F9');
  await page.keyboard.press('T');
  // Ended by the pause (the sequence timeout), with no second hand on a modifier.
  await expect(page.getByRole('status').filter({ hasText: 'Shortcuts saved.' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(row).toContainText('F9');

  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('F9');
  await page.keyboard.press('T');
  await expect(page.getByRole('textbox', { name: 'Note to your team' })).toBeFocused();
});

test('the clash check warns before saving a key another action has, or a screen-reader key', async ({
  page,
}) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const table = await openShortcutSettings(page);
  const change = table.getByRole('button', { name: 'Change the shortcut of “Go to Shifts”' });

  await table.getByRole('button', { name: 'Edit the shortcuts of “Go to Shifts”' }).click();
  await change.click();
  await page.keyboard.press('Alt+1');
  await page.getByRole('button', { name: 'Done' }).click();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'Alt+1 is already the shortcut of “Go to Tickets”' });
  await expect(alert).toBeVisible();
  await screenshot(page, 'keyboard-shortcut-clash-en');
  const axe = await new AxeBuilder({ page })
    .include('.shortcut-settings')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(alert).toBeHidden();
  await expect(change).toBeFocused();
  await expect(table.getByRole('row', { name: /^Go to Shifts/ })).toContainText('Alt+2');

  await change.press('Enter');
  await page.keyboard.press('Insert');
  await page.keyboard.press('T');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /screen reader \(NVDA, JAWS, Narrator\)/ }),
  ).toBeVisible();
  // Saving anyway is the user's call.
  await page.getByRole('button', { name: 'Use it anyway' }).click();
  await expect(table.getByRole('row', { name: /^Go to Shifts/ })).toContainText('Insert');
});
