import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn, workspaceLinks } from './support/app';

/** The landmark that holds focus now, by its role. */
async function focusedRegion(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const landmark = el?.closest(
      'header, nav, main, aside, [role="banner"], [role="navigation"], [role="main"]',
    );
    if (!landmark) return null;
    const tag = landmark.tagName.toLowerCase();
    return (
      landmark.getAttribute('role') ??
      { header: 'banner', nav: 'navigation', main: 'main', aside: 'complementary' }[tag] ??
      tag
    );
  });
}

test('F6 cycles the landmarks in order and Shift+F6 goes back', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();

  const forward: (string | null)[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('F6');
    forward.push(await focusedRegion(page));
  }
  expect(forward).toEqual(['banner', 'navigation', 'main', 'complementary', 'banner']);

  const back: (string | null)[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+F6');
    back.push(await focusedRegion(page));
  }
  expect(back).toEqual(['complementary', 'main', 'navigation']);
  // The navigation is entered on its current page.
  await expect(workspaceLinks(page).first()).toBeFocused();

  // F8 then F6 is Shift+F6 for users who cannot hold two keys.
  await page.keyboard.press('F8');
  await expect(page.getByRole('status').filter({ hasText: 'Shortcut started: F8' })).toBeVisible();
  await page.keyboard.press('F6');
  expect(await focusedRegion(page)).toBe('banner');
});

test('the workspace list is one Tab stop with arrows inside', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'employer');
  const links = workspaceLinks(page);
  await expect(links).toHaveCount(3);
  await expect(links.first()).toHaveAttribute('aria-current', 'page');
  const stops = async () =>
    links.evaluateAll((els) => els.filter((el) => el.getAttribute('tabindex') === '0').length);
  expect(await stops()).toBe(1);

  await links.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(links.nth(1)).toBeFocused();
  expect(await stops()).toBe(1);

  // One Tab leaves the list, one Shift+Tab comes back to the item last used.
  await page.keyboard.press('Tab');
  expect(await page.getByRole('navigation').evaluate((nav) => nav.contains(document.activeElement))).toBe(
    false,
  );
  await page.keyboard.press('Shift+Tab');
  await expect(links.nth(1)).toBeFocused();

  // Enter follows the link, which keeps aria-current.
  await page.keyboard.press('Enter');
  await expect(links.nth(1)).toHaveAttribute('aria-current', 'page');
  await expect(links.first()).not.toHaveAttribute('aria-current', 'page');
});

test('Alt+digit and F8 then digit go to a workspace', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.keyboard.press('Alt+2');
  await expect(page).toHaveURL(/#\/shifts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeFocused();
  await page.keyboard.press('F8');
  await page.keyboard.press('1');
  await expect(page).toHaveURL(/#\/tickets$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeFocused();
});
