import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn, workspaceLinks } from './support/app';
import { screenshot } from './support/shots';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Every element reachable with Tab shows an outline of at least 2 px and is at least 24×24 px. */
async function expectFocusAndTargetSize(page: Page): Promise<void> {
  // A reload puts the sequential focus starting point back at the top of the page.
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        key: `${el.tagName}#${el.id}.${el.className}:${el.textContent?.slice(0, 20) ?? ''}`,
        outlineWidth: parseFloat(style.outlineWidth),
        outlineStyle: style.outlineStyle,
        width: box.width,
        height: box.height,
      };
    });
    if (!info || seen.includes(info.key)) break;
    seen.push(info.key);
    expect(info.outlineStyle, info.key).not.toBe('none');
    expect(info.outlineWidth, info.key).toBeGreaterThanOrEqual(2);
    expect(info.width, info.key).toBeGreaterThanOrEqual(24);
    expect(info.height, info.key).toBeGreaterThanOrEqual(24);
  }
  expect(seen.length).toBeGreaterThan(3);
}

for (const lng of ['en', 'zh-CN'] as const) {
  test(`sign-in and shell have no WCAG 2.2 AA violations (${lng})`, async ({ page }) => {
    // Served with the production Content-Security-Policy: a blocked script or style shows up here.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(appUrl({ lng }));
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `sign-in-${lng}`);

    // The errors, too, must pass: they are what a worker meets when something goes wrong.
    await page.getByRole('button', { name: lng === 'en' ? 'Sign in' : '登录' }).click();
    await expect(page.getByRole('textbox').first()).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await signIn(page, 'employer');
    await expect(workspaceLinks(page)).toHaveCount(3);
    await expect(page.getByRole('banner').getByRole('status')).toHaveText(
      lng === 'en' ? 'Connected' : '已连接',
    );
    await expect(
      page.getByRole('complementary', { name: lng === 'en' ? 'Team notes' : '团队留言' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `shell-${lng}`);
    await page.setViewportSize({ width: 800, height: 900 });
    await expectNoAxeViolations(page);
    await screenshot(page, `shell-narrow-${lng}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectFocusAndTargetSize(page);
    expect(problems).toEqual([]);
  });
}

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The workspace in the address is untouched by the skip link.
  expect(new URL(page.url()).hash).not.toBe('#main-content');
});
