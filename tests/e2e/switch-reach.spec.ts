import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn, workspaceLinks } from './support/app';
import { oneSwitch, restoreScanProfile, walkEveryControl } from './support/switch';

test.afterEach(async () => {
  await restoreScanProfile();
});

test('after a switch press scrolls the settings pane, the controls above it are still scanned', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.goto(appUrl() + '#/settings/scanning');
  const sw = await oneSwitch(page);
  await sw.select(page.getByRole('button', { name: 'Reset keys to defaults' }));
  // The pane scrolled to show the reset button: the top of it is out of view now.
  await expect
    .poll(() => page.evaluate(() => document.querySelector('.shell__main')?.scrollTop ?? 0))
    .toBeGreaterThan(0);
  await sw.select(page.getByRole('checkbox', { name: 'Use switch scanning' }));
  await expect(page.getByRole('checkbox', { name: 'Use switch scanning' })).not.toBeChecked();
});

/** One switch, as fast as scanning goes: every screen below is walked whole. */
const walkScan = { intervalMs: 300 } as const;

async function expectEveryControlReached(page: Page, screen: string): Promise<void> {
  const walk = await walkEveryControl(page, 500);
  expect(walk.controls.length, `${screen}: controls found`).toBeGreaterThan(2);
  expect(walk.missed, `${screen}: controls scanning never highlighted`).toEqual([]);
  // Only the skip link is parked above the page; scanning's regions are its skip.
  expect(
    walk.parked.every((name) => /^Skip to/.test(name)),
    walk.parked.join(', '),
  ).toBe(true);
}

test('one switch reaches every control on the sign-in screen, starting at Username', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(appUrl());
  await oneSwitch(page, { scan: walkScan });
  await expectEveryControlReached(page, 'sign-in');
});

for (const user of ['agent', 'anchor', 'employer'] as const) {
  test(`one switch reaches every control of the ${user}'s shell, in every workspace`, async ({ page }) => {
    test.setTimeout(400_000);
    await page.goto(appUrl());
    await signIn(page, user);
    const links = workspaceLinks(page);
    const names = await links.allInnerTexts();
    await oneSwitch(page, { scan: walkScan });
    for (const name of names) {
      await links.filter({ hasText: name }).evaluate((el: HTMLElement) => el.click());
      await expect(links.filter({ hasText: name })).toHaveAttribute('aria-current', 'page');
      await expectEveryControlReached(page, `${user}: ${name}`);
    }
  });
}

for (const section of ['display', 'alerts', 'scanning', 'timing', 'keyboard', 'shortcuts']) {
  test(`one switch reaches every control on the Settings tab "${section}"`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(appUrl());
    await signIn(page, 'agent');
    await page.goto(appUrl() + `#/settings/${section}`);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await oneSwitch(page, { scan: walkScan });
    await expectEveryControlReached(page, `settings: ${section}`);
  });
}

test('one switch reaches every control of the command palette', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await oneSwitch(page, { scan: walkScan });
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await expectEveryControlReached(page, 'command palette');
});
