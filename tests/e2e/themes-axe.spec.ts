import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { signOutHost } from './support/host';
import {
  expectNoAxeViolations,
  forEachSettingsTab,
  openSettings,
  settingsSections,
  ownInstance,
  setDisplay,
  themes,
  type Theme,
} from './support/display';
import { screenshot } from './support/shots';

const url = ownInstance();
const users = ['agent', 'anchor', 'employer'] as const;

/** Each screen in a fresh context: sign-in, then every role's shell, then the settings page. */
async function checkEveryScreen(browser: Browser, label: string, lng: 'en' | 'zh-CN' = 'en'): Promise<void> {
  for (const user of users) {
    // The host keeps the last sign-in: end it, so each role starts at the sign-in screen.
    await signOutHost(url());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl({ lng }, url()));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (user === 'agent') {
      await expectNoAxeViolations(page, `${label} sign-in`);
      await screenshot(page, `themes-${label}-sign-in`);
    }
    await signIn(page, user);
    await expect(page.getByRole('banner').getByRole('status')).toHaveText(/Connected|已连接/);
    await expectNoAxeViolations(page, `${label} shell ${user}`);
    if (user === 'agent') {
      await screenshot(page, `themes-${label}-shell`);
      await openSettings(page, appUrl({ lng }, url()));
      // One section shows at a time: each tab is checked, reached with the arrow keys.
      await forEachSettingsTab(page, async (name, index) => {
        await expectNoAxeViolations(page, `${label} settings · ${name}`);
        await screenshot(page, `themes-${label}-settings-${settingsSections[index] ?? index}`);
      });
    }
    await context.close();
  }
}

async function restoreDefaults(page: Page): Promise<void> {
  await setDisplay(page, url(), { theme: 'default', textScale: 1, largeTargets: false });
}

test.describe.configure({ mode: 'serial' });

for (const theme of themes) {
  test(`every screen has no WCAG 2.2 AA violations in the ${theme} theme, at 100 % and 200 % text`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await page.goto(appUrl({}, url()));
    await signIn(page, 'agent');
    await setDisplay(page, url(), { theme, textScale: 1 });
    await checkEveryScreen(browser, theme);
    await setDisplay(page, url(), { textScale: 2 });
    await checkEveryScreen(browser, `${theme}-200`, theme === 'default' ? 'zh-CN' : 'en');
    await restoreDefaults(page);
  });
}

/** Every visible interactive element, with its box. */
async function targets(page: Page) {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Off-screen until focused (the skip link) or hidden: not a target the worker can hit now.
        return box.width > 1 && box.height > 1 && box.bottom > 0 && style.visibility !== 'hidden';
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return {
          name: `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
          width: Math.round(box.width),
          height: Math.round(box.height),
        };
      });
  });
}

function expectAllAtLeast(found: { name: string; width: number; height: number }[], min: number): void {
  const small = found
    .filter((t) => t.width < min || t.height < min)
    .map((t) => `${t.name} ${t.width}×${t.height}`);
  expect(small).toEqual([]);
  expect(found.length).toBeGreaterThan(3);
}

test('large targets make every visible interactive element at least 44×44 px; 24×24 is the floor without', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl({}, url()));
  await signIn(page, 'agent');
  for (const [large, min] of [
    [false, 24],
    [true, 44],
  ] as const) {
    await setDisplay(page, url(), { largeTargets: large });
    await forEachSettingsTab(page, async () => expectAllAtLeast(await targets(page), min));
    await page.goto(appUrl({}, url()) + '#/tickets');
    await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
    expectAllAtLeast(await targets(page), min);
    const context = await browser.newContext();
    const signInPage = await context.newPage();
    await signInPage.goto(appUrl({}, url()));
    await expect(signInPage.getByRole('heading', { level: 1 })).toBeVisible();
    expectAllAtLeast(await targets(signInPage), min);
    await context.close();
  }
  await setDisplay(page, url(), { theme: 'high-contrast-dark' satisfies Theme, largeTargets: true });
  await expectNoAxeViolations(page, 'large targets, high contrast dark');
  await screenshot(page, 'themes-large-targets-settings');
  await restoreDefaults(page);
});

test('at 200 % text nothing is clipped or overlaps, wide and narrow', async ({ page }) => {
  await page.goto(appUrl({}, url()));
  await signIn(page, 'agent');
  await setDisplay(page, url(), { textScale: 2 });
  for (const width of [1280, 640]) {
    await page.setViewportSize({ width, height: 800 });
    for (const hash of [...settingsSections.map((section) => `#/settings/${section}`), '#/tickets']) {
      await page.goto(appUrl({}, url()) + hash);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // No sideways scrolling: the page reflows into one column instead (WCAG 1.4.10).
      // 640 px at 200 % text is the 320 CSS px of WCAG 1.4.10 at 100 %.
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((el) => getComputedStyle(el).position !== 'fixed' && el.getBoundingClientRect().width > 1)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`,
          )
          .slice(0, 10),
      );
      expect(overflowing, `${hash} at ${width}px`).toEqual([]);
      // Landmarks sit beside or below each other, never on top of each other.
      const overlaps = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('header, nav, main, aside')].map((el) => ({
          name: el.tagName,
          box: el.getBoundingClientRect(),
        }));
        const hits: string[] = [];
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) {
            const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            if (x > 1 && y > 1) hits.push(`${a.name}/${b.name}`);
          }
        return hits;
      });
      expect(overlaps, `${hash} at ${width}px`).toEqual([]);
      await screenshot(page, `themes-200-${hash.slice(2).replace('/', '-')}-${width}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await restoreDefaults(page);
});
