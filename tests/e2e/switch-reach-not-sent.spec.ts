import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { ownInstance } from './support/display';
import { hostCall } from './support/host';
import { refusedNote } from './support/refused-note';
import { oneSwitch, walkEveryControl } from './support/switch';

const url = ownInstance();

test('one switch reaches every control of the shell with the not-sent list open', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(appUrl({}, url()));
  await signIn(page, 'employer');
  await refusedNote(url(), `Refund for order 1042 approved (${Date.now()})`);
  const button = page.getByRole('banner').getByRole('button', { name: /^Not sent \(\d+\)$/ });
  await expect(button).toBeVisible();
  try {
    await oneSwitch(page, { base: url(), scan: { intervalMs: 300 } });
    await button.click();
    const panel = page.getByRole('complementary', { name: 'Not sent' });
    await expect(panel.getByRole('button', { name: 'Copy back' }).first()).toBeVisible();
    const walk = await walkEveryControl(page, 500);
    expect(walk.missed).toEqual([]);
    expect(walk.controls.length).toBeGreaterThan(5);
  } finally {
    await hostCall(url(), 'settings.update', { a11y: { scanning: false } });
  }
});
