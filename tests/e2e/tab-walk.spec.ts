import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { openSettings, settingsSections } from './support/display';

/** More stops than any screen has: a cycle that does not close within this is a trap or a leak. */
const maxStops = 200;

interface Stop {
  id: string;
  focusStyle: boolean;
  covered: string | null;
}

/** Focus the next element with Tab and describe it; null when focus left the page (browser chrome). */
async function step(page: Page): Promise<Stop | null> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    el.dataset.tabWalk ??= String(document.querySelectorAll('[data-tab-walk]').length);
    const id = `${el.dataset.tabWalk} ${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow =
      style.boxShadow !== 'none' && /(\d+(?:\.\d+)?)px\s*$/.test(style.boxShadow.split(',')[0] ?? '');
    const box = el.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 1), window.innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 1), window.innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const ok =
      hit !== null &&
      (hit === el || el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el));
    return {
      id,
      focusStyle: outline || shadow,
      covered: ok ? null : `${hit?.tagName.toLowerCase() ?? 'nothing'}.${hit?.className ?? ''}`,
    };
  });
}

async function walk(page: Page, screen: string): Promise<void> {
  const seen: string[] = [];
  let closed = false;
  for (let i = 0; i < maxStops && !closed; i++) {
    const stop = await step(page);
    if (!stop) continue;
    if (seen[0] === stop.id) {
      closed = true;
      break;
    }
    expect(seen, `${screen}: ${stop.id} focused twice before the cycle closed`).not.toContain(stop.id);
    seen.push(stop.id);
    expect(stop.focusStyle, `${screen}: ${stop.id} has no visible focus style`).toBe(true);
    expect(stop.covered, `${screen}: ${stop.id} is covered`).toBeNull();
  }
  expect(closed, `${screen}: focus did not come back to the start within ${maxStops} stops`).toBe(true);
  expect(seen.length, screen).toBeGreaterThan(2);
}

test('sign-in: Tab cycles through every stop, each visibly focused and uncovered', async ({ browser }) => {
  // A fresh context: the shared instance may have a session in another page's storage, not in this one.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(appUrl());
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await walk(page, 'sign-in');
  await context.close();
});

for (const user of ['agent', 'anchor', 'employer'] as const) {
  test(`shell for ${user}: Tab cycles through every stop, each visibly focused and uncovered`, async ({
    page,
  }) => {
    await page.goto(appUrl());
    await signIn(page, user);
    await page.reload();
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await walk(page, `shell ${user}`);
  });
}

for (const section of settingsSections) {
  test(`settings · ${section}: Tab cycles through every stop, each visibly focused and uncovered`, async ({
    page,
  }) => {
    await page.goto(appUrl());
    await signIn(page, 'agent');
    await openSettings(page, process.env.WINGS_E2E_URL ?? '', section);
    await page.reload();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await walk(page, `settings · ${section}`);
  });
}
