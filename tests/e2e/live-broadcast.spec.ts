import type { Browser, BrowserContext, Page } from '@playwright/test';
import { signIn } from './support/app';
import { chromiumArgs, chromiumExecutable } from './support/chromium';
import { appUrl } from './support/app';
import { expectNoAxeViolations, ownInstance } from './support/display';
import { oneSwitch, restoreScanProfile } from './support/switch';
import { expect, test } from './support/test';

/**
 * The anchor's journey through the hub's real mediasoup: Chromium's fake
 * camera and microphone go live from the console, a viewer page in another
 * context decodes the picture and hears the sound, comments, buys what the
 * anchor pins, and hears a teleprompter line with the microphone muted.
 */
const mediaArgs = [
  ...chromiumArgs,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];
test.use({ launchOptions: { executablePath: chromiumExecutable(), args: mediaArgs }, actionTimeout: 20_000 });
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const base = ownInstance();

interface ViewerStats {
  framesDecoded: number;
  audioLevel: number;
}

function viewerStats(page: Page): Promise<ViewerStats> {
  return page.evaluate(async () => {
    const read = (window as unknown as { __wingsViewerStats?: () => Promise<ViewerStats> })
      .__wingsViewerStats;
    return read ? read() : { framesDecoded: 0, audioLevel: 0 };
  });
}

async function openConsole(page: Page): Promise<void> {
  await page.goto(appUrl({}, base()));
  await signIn(page, 'anchor');
  await page.goto(appUrl({}, base()).replace(/#.*$/, '') + '#/live');
  await expect(page.getByRole('button', { name: 'Go live' })).toBeVisible();
}

async function viewerLink(page: Page): Promise<string> {
  // The console shows the address as text to read out or copy, in an output named "Viewer link".
  const link = page.getByRole('status', { name: 'Viewer link' });
  await expect(link).toContainText('/live/');
  return (await link.textContent())?.trim() ?? '';
}

async function joinAsViewer(
  browser: Browser,
  link: string,
  nickname: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('textbox', { name: 'Nickname' }).fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toBeVisible();
  return { context, page };
}

async function endBroadcast(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End broadcast' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'End broadcast' }).click();
  await expect(page.getByRole('button', { name: 'Go live' })).toBeVisible();
}

test('the anchor goes live, a viewer sees and hears it, comments, buys the pinned product, and hears the teleprompter', async ({
  page,
  browser,
}) => {
  await openConsole(page);
  await page.getByRole('textbox', { name: 'Broadcast title' }).fill('金桔上新 · Kumquats are in');
  await page.getByRole('button', { name: 'Go live' }).click();
  await expect(page.getByText('Camera and sound are on air.')).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, 'console live');

  const viewer = await joinAsViewer(browser, await viewerLink(page), '小林');
  // The picture arrives and keeps arriving.
  await expect
    .poll(async () => (await viewerStats(viewer.page)).framesDecoded, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const first = (await viewerStats(viewer.page)).framesDecoded;
  await expect
    .poll(async () => (await viewerStats(viewer.page)).framesDecoded, { timeout: 15_000 })
    .toBeGreaterThan(first + 10);
  // Chromium's fake microphone beeps: sound reaches the viewer.
  await expect
    .poll(async () => (await viewerStats(viewer.page)).audioLevel, { timeout: 20_000 })
    .toBeGreaterThan(0.001);
  await expectNoAxeViolations(viewer.page, 'viewer page');

  // The viewer comments; the anchor sees it.
  await viewer.page.getByRole('textbox', { name: 'Comment' }).fill('金桔甜不甜？');
  await viewer.page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Comments' }).getByText('金桔甜不甜？')).toBeVisible();

  // The anchor pins a product; the viewer buys it; GMV moves on the console.
  const products = page.getByRole('region', { name: 'Products' });
  await products.getByRole('button', { name: 'Pin' }).first().click();
  const buy = viewer.page.getByRole('button', { name: 'Buy' });
  await expect(buy).toBeEnabled();
  const status = page.getByRole('region', { name: 'Live status' });
  await expect(status).toContainText('¥0.00');
  await buy.click();
  await expect(viewer.page.getByText(/Order .* placed/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Orders' })).toContainText('小林');
  await expect(status).not.toContainText('¥0.00');

  // Microphone muted: silence reaches the viewer, until a quick phrase is spoken into the broadcast.
  const mute = page.getByRole('button', { name: 'Mute microphone' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await viewerStats(viewer.page)).audioLevel, { timeout: 15_000 })
    .toBeLessThan(0.001);
  const teleprompter = page.getByRole('region', { name: /Teleprompter/ });
  await teleprompter
    .getByRole('group', { name: /Quick phrases/ })
    .getByRole('button')
    .first()
    .click();
  await expect
    .poll(async () => (await viewerStats(viewer.page)).audioLevel, { timeout: 15_000 })
    .toBeGreaterThan(0.005);

  await endBroadcast(page);
  await expect(viewer.page.getByText('The broadcast has ended. Thank you for watching.')).toBeVisible();
  await viewer.context.close();
});

test('keyboard only: go live, pin a product and end the broadcast', async ({ page }) => {
  await openConsole(page);
  const title = page.getByRole('textbox', { name: 'Broadcast title' });
  await title.focus();
  await page.keyboard.type('Stone paintings');
  const goLive = page.getByRole('button', { name: 'Go live' });
  await tabTo(page, goLive);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Camera and sound are on air.')).toBeVisible({ timeout: 30_000 });
  const pin = page.getByRole('region', { name: 'Products' }).getByRole('button', { name: 'Pin' }).first();
  await tabTo(page, pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Products' }).getByText('Being explained')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'End broadcast' }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog').getByRole('button', { name: 'End broadcast' });
  await tabTo(page, confirm);
  await page.keyboard.press('Enter');
  await expect(goLive).toBeVisible();
});

test('one switch: go live and end the broadcast through its confirmation', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('textbox', { name: 'Broadcast title' }).fill('Snail noodles tonight');
  try {
    const driver = await oneSwitch(page, { base: base(), maxHighlights: 400 });
    await driver.select(page.getByRole('button', { name: 'Go live' }));
    await expect(page.getByText('Camera and sound are on air.')).toBeVisible({ timeout: 30_000 });
    await driver.select(page.getByRole('button', { name: 'End broadcast' }));
    await driver.select(page.getByRole('dialog').getByRole('button', { name: 'End broadcast' }));
    await expect(page.getByRole('button', { name: 'Go live' })).toBeVisible();
  } finally {
    await restoreScanProfile(base());
  }
});

/** Presses Tab until the target has focus, as a keyboard-only anchor would (bounded). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}
