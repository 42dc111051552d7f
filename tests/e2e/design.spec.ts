import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { openSettings, ownInstance, setDisplay } from './support/display';
import { signOutHost } from './support/host';
import { screenshot } from './support/shots';

const url = ownInstance();

test.use({ viewport: { width: 1280, height: 800 } });

/** The distinct tops of a locator's elements: one value means they share one row. */
async function rowTops(items: Locator): Promise<number[]> {
  const tops = await items.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  return [...new Set(tops)];
}

/**
 * The fonts Chromium actually drew an element's text with (DevTools protocol),
 * most glyphs first; a web font (one the app ships) is marked "(shipped)".
 */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return [...fonts]
    .sort((a, b) => b.glyphCount - a.glyphCount)
    .map((f) => (f.isCustomFont ? `${f.familyName} (shipped)` : f.familyName));
}

for (const lng of ['en', 'zh-CN'] as const) {
  test(`settings tabs fit one row at 1280 px, and "Saved" moves nothing (${lng})`, async ({ page }) => {
    await page.goto(appUrl({ lng }, url()));
    await signIn(page, 'agent');
    await openSettings(page, appUrl({ lng }, url()));
    const tabs = page.getByRole('tablist').getByRole('tab');
    await expect(tabs).toHaveCount(6);
    expect(await rowTops(tabs)).toHaveLength(1);

    // Team notes narrow on Settings: well under a third of the window.
    const aside = page.getByRole('complementary');
    const asideWidth = (await aside.boundingBox())?.width ?? 0;
    expect(asideWidth).toBeGreaterThan(0);
    expect(asideWidth).toBeLessThan(1280 / 4);

    const before = await tabs.first().boundingBox();
    await page.getByRole('checkbox', { name: /Reduce motion|减少动态效果/ }).check();
    await expect(page.getByRole('status').filter({ hasText: /Saved|已保存/ })).toBeVisible();
    expect(await tabs.first().boundingBox()).toEqual(before);
    await page.getByRole('checkbox', { name: /Reduce motion|减少动态效果/ }).uncheck();
  });
}

test('Latin text is drawn in the shipped Inter, Chinese in a CJK sans, never a serif or DejaVu', async ({
  page,
}) => {
  await page.goto(appUrl({ lng: 'en' }, url()));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(await renderedFonts(page, 'h1')).toEqual(['Inter (shipped)']);

  await page.goto(appUrl({ lng: 'zh-CN' }, url()));
  await expect(page.getByRole('heading', { level: 1, name: /登录/ })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const zh = await renderedFonts(page, 'h1');
  expect(zh[0]).toMatch(/Noto Sans CJK SC|Microsoft YaHei|PingFang SC|Source Han Sans SC/);
  for (const family of zh) expect(family).not.toMatch(/serif|DejaVu|Song|Ming/i);
});

/** At the text size set: no sideways page scroll, no cut-off control, no landmark spilling, on each address. */
async function expectReflow(page: Page, hashes: readonly string[]): Promise<void> {
  for (const hash of hashes) {
    await page.goto(appUrl({}, url()) + hash);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // No sideways scrolling of the page, and no button whose label is wider than the button.
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      cut: [...document.querySelectorAll<HTMLElement>('button, a, select')]
        .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent?.trim() ?? el.tagName),
    }));
    expect(overflow).toEqual({ page: 0, cut: [] });
    // No colour bands: each landmark's background reaches the end of what it holds.
    const spilling = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('header, nav, main, aside')]
        .filter((el) => getComputedStyle(el).overflowY === 'visible' && el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.clientHeight} < ${el.scrollHeight}`),
    );
    expect(spilling).toEqual([]);
    await screenshot(page, `design-200-${hash.slice(2).replace(/\//g, '-')}`);
  }
}

test('the Shifts workspace shows its three panels, and 200 % text reflows with nothing cut off', async ({
  page,
}) => {
  await page.goto(appUrl({}, url()));
  await signIn(page, 'agent');
  // Shifts is a workspace now, not an empty state: the clock, the earnings and the statement.
  await page.goto(appUrl({}, url()) + '#/shifts');
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeVisible();
  const panels = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(panels).toHaveText(['Your shift', 'Your earnings', 'Monthly pay statement']);
  await expect(
    page.getByRole('region', { name: 'Your shift' }).getByRole('button', { name: 'Clock in' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Your earnings' }).getByRole('radio', { name: 'Today' }),
  ).toBeChecked();
  await expect(page.getByRole('region', { name: 'Your earnings' }).getByTestId('earnings-total')).toHaveText(
    /^¥/,
  );
  await expect(page.getByText('Your shifts and earnings will appear here')).toHaveCount(0);

  await setDisplay(page, url(), { textScale: 2 });
  await expectReflow(page, ['#/tickets', '#/shifts', '#/settings/display', '#/settings/keyboard']);
  // The employer's views too: wide tables scroll inside their own box, never the page.
  await signOutHost(url());
  await page.goto(appUrl({}, url()));
  await signIn(page, 'employer');
  await setDisplay(page, url(), { textScale: 2 });
  const employerViews = ['roster', 'output', 'timesheets', 'quota', 'people', 'live'];
  await expectReflow(
    page,
    employerViews.map((view) => `#/employer/${view}`),
  );
  await setDisplay(page, url(), { textScale: 1 });
});
