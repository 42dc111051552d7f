import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { bridgeCall, oneSwitch, restoreScanProfile, twoSwitch, type SwitchDriver } from './support/switch';

test.afterEach(async () => {
  await restoreScanProfile();
});

const modes = [
  ['one switch', oneSwitch],
  ['two switches', twoSwitch],
] as const;

async function savedInterval(): Promise<number> {
  const settings = (await bridgeCall('settings.get', {})) as { a11y: { scan: { intervalMs: number } } };
  return settings.a11y.scan.intervalMs;
}

for (const [name, start] of modes) {
  test(`${name}: open settings and lengthen the scan interval`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(appUrl());
    await signIn(page, 'agent');
    const sw: SwitchDriver = await start(page);
    const before = await savedInterval();

    await sw.select(page.getByRole('banner').getByRole('link', { name: 'Accessibility and settings' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Accessibility and settings' })).toBeVisible();
    // One section at a time: the timings are on their own tab, a few highlights away.
    await sw.select(page.getByRole('tab', { name: 'Scan timing' }));
    await expect(page.getByRole('tab', { name: 'Scan timing' })).toHaveAttribute('aria-selected', 'true');
    const increase = page.getByRole('button', { name: 'Increase Scan interval, in seconds' });
    await sw.select(increase);
    await expect.poll(savedInterval).toBeGreaterThan(before);
    await expect(page.getByRole('textbox', { name: 'Scan interval, in seconds' })).toHaveValue(
      String((await savedInterval()) / 1000),
    );
  });
}

test('a switch user assigns a new key while scanning: the key is captured, not scanned, and the switches still work', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const sw = await twoSwitch(page);

  await sw.select(page.getByRole('banner').getByRole('link', { name: 'Accessibility and settings' }));
  await sw.select(page.getByRole('tab', { name: 'Switch scanning' }));
  const keys = page.getByRole('group', { name: 'Switch keys' });
  await sw.select(keys.getByRole('button', { name: 'Assign a key to Select' }));
  const listening = keys.getByRole('button', { name: /Press a key for Select/ });
  await expect(listening).toBeVisible();

  // While the field listens, a switch key is the field's: Next (Enter) moves no highlight here.
  const before = await sw.highlight();
  await page.keyboard.press('Enter');
  await expect(keys.getByRole('alert')).toContainText('no key for Select');
  await expect(listening).toBeHidden();
  expect((await sw.highlight()).key).toBe(before.key);

  // Once captured, the switch is scanning's again: Next moves the highlight.
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await sw.highlight()).key).not.toBe(before.key);

  // A new key: captured as Select's, not swallowed by scanning.
  await sw.select(keys.getByRole('button', { name: 'Assign a key to Select' }));
  await expect(listening).toBeVisible();
  await page.keyboard.press('KeyJ');
  await expect(page.getByRole('status').filter({ hasText: 'J now does Select.' })).toBeVisible();
  await expect(keys.getByRole('listitem').filter({ hasText: 'Select' }).locator('kbd')).toHaveText('J');
  await expect(listening).toBeHidden();
  await expect
    .poll(async () => {
      const settings = (await bridgeCall('settings.get', {})) as { a11y: { scan: { keyMap: unknown } } };
      return settings.a11y.scan.keyMap;
    })
    .toEqual({ KeyJ: 'select', Enter: 'next' });

  // The remaining switch (Next) still steps to this level's back-up choice, and J, now Select, takes it.
  for (let i = 0; i < 20 && (await sw.highlight()).kind !== 'backUp'; i++) {
    const shown = (await sw.highlight()).key;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await sw.highlight()).key).not.toBe(shown);
  }
  const backUp = await sw.highlight();
  expect(backUp.kind).toBe('backUp');
  await page.keyboard.press('KeyJ');
  await expect.poll(async () => (await sw.highlight()).key).not.toBe(backUp.key);
});
