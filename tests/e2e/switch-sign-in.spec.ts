import { expect, test } from './support/test';
import { appUrl, demoPassword, workspaceLinks } from './support/app';
import {
  oneSwitch,
  restoreScanProfile,
  scanKeyboard,
  twoSwitch,
  typeWithKeyboard,
  type SwitchDriver,
} from './support/switch';

test.afterEach(async () => {
  await restoreScanProfile();
});

const modes = [
  ['one switch (auto-scan, Space only)', oneSwitch],
  ['two switches (step scan, Enter and Space)', twoSwitch],
] as const;

for (const [name, start] of modes) {
  test(`${name}: sign in with the on-screen keyboard and open every workspace`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(appUrl());
    const sw: SwitchDriver = await start(page);

    await sw.select(page.getByRole('textbox', { name: 'Username' }));
    await expect(scanKeyboard(page)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
    await typeWithKeyboard(sw, page, 'agent');
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue('agent');
    await sw.select(scanKeyboard(page).getByRole('button', { name: 'Close keyboard' }));
    await expect(scanKeyboard(page)).toHaveCount(0);

    await sw.select(page.getByRole('textbox', { name: 'Password' }));
    await typeWithKeyboard(sw, page, demoPassword);
    await expect(page.getByRole('textbox', { name: 'Password' })).toHaveValue(demoPassword);
    // Enter on a single-line field submits its form, as a hardware keyboard's would.
    await sw.select(scanKeyboard(page).getByRole('button', { name: 'Enter' }));
    await expect(page.getByRole('navigation', { name: 'Workspaces' })).toBeVisible();

    const links = workspaceLinks(page);
    await expect(links).toHaveText(['Tickets', 'Shifts']);
    for (const workspace of ['Shifts', 'Tickets']) {
      await sw.select(links.filter({ hasText: workspace }));
      await expect(page.getByRole('heading', { level: 1, name: workspace })).toBeFocused();
      await expect(links.filter({ hasText: workspace })).toHaveAttribute('aria-current', 'page');
    }
  });
}
