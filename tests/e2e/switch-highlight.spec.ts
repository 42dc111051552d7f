import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { oneSwitch, restoreScanProfile, twoSwitch } from './support/switch';

test.afterEach(async () => {
  await restoreScanProfile();
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const boxOf = (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const contains = (outer: Box, inner: Box) =>
  outer.left <= inner.left &&
  outer.top <= inner.top &&
  outer.right >= inner.right &&
  outer.bottom >= inner.bottom;

async function stepTo(page: Page, label: string, kind: string): Promise<void> {
  const overlay = page.locator('[data-scan-key]');
  for (let i = 0; i < 60; i++) {
    const [l, k] = await Promise.all([
      overlay.getAttribute('data-scan-label'),
      overlay.getAttribute('data-scan-target-kind'),
    ]);
    if (l === label && k === kind) return;
    const key = await overlay.getAttribute('data-scan-key');
    await page.keyboard.press('Enter');
    await expect(overlay).not.toHaveAttribute('data-scan-key', key ?? '');
  }
  throw new Error(`never highlighted ${kind} ${label}`);
}

/** Two switches: Next past what does not hold `target`, Select into what does, until `target` itself is highlighted. */
async function highlightGroup(page: Page, target: Locator): Promise<void> {
  const overlay = page.locator('[data-scan-key]');
  const handle = await target.elementHandle();
  for (let i = 0; i < 80; i++) {
    const where = await page.evaluate((el) => {
      const o = document.querySelector('[data-scan-key]');
      const id = o?.getAttribute('data-scan-target-id') ?? '';
      const node = id === '' ? null : document.querySelector(`[data-scan-id="${CSS.escape(id)}"]`);
      if (node === el) return 'here';
      const kind = o?.getAttribute('data-scan-target-kind');
      return node !== null && kind !== 'item' && kind !== 'backUp' && node.contains(el)
        ? 'inside'
        : 'elsewhere';
    }, handle);
    if (where === 'here') return;
    const key = await overlay.getAttribute('data-scan-key');
    await page.keyboard.press(where === 'inside' ? 'Space' : 'Enter');
    await expect(overlay).not.toHaveAttribute('data-scan-key', key ?? '');
  }
  throw new Error(`never highlighted ${String(target)}`);
}

test('the chip names a region by its accessible name and sits outside the ring, clear of the titles', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.goto(appUrl() + '#/settings/scanning');
  await twoSwitch(page);
  await page.keyboard.press('Space');
  // The nav holds one unnamed list: the chip says "Workspaces", not "List".
  await stepTo(page, 'Workspaces', 'group');
  const chip = page.locator('.scan-overlay__chip');
  await expect(chip).toHaveText('Workspaces');
  const ring = page.locator('.scan-overlay__ring');
  expect(overlaps(await boxOf(chip), await boxOf(ring))).toBe(false);

  const switches = page.getByRole('group', { name: 'Number of switches' });
  await highlightGroup(page, switches);
  await expect(chip).toHaveText('Number of switches');
  const chipBox = await boxOf(chip);
  const ringBox = await boxOf(ring);
  expect(overlaps(chipBox, ringBox), 'chip over its own group').toBe(false);
  const legend = switches.locator('legend');
  expect(overlaps(chipBox, await boxOf(legend)), 'chip over the legend').toBe(false);
  const heading = page.getByRole('heading', { name: 'Scanning', exact: true });
  expect(overlaps(chipBox, await boxOf(heading)), 'chip over the section heading').toBe(false);
  const title = page.getByRole('heading', { level: 1 });
  if (await title.isVisible())
    expect(overlaps(chipBox, await boxOf(title)), 'chip over the page title').toBe(false);
  // The ring stays inside the scrolling pane it is in.
  expect(contains(await boxOf(page.locator('.shell__main')), ringBox)).toBe(true);

  // A radio's ring circles the whole option: the round box and its words.
  await page.keyboard.press('Space');
  await stepTo(page, 'Two switches: one moves the highlight, one selects', 'item');
  const option = page.locator('label.choice').filter({ hasText: 'Two switches' });
  // The ring is placed on the frame after the highlight moves: read it once it has settled.
  await expect.poll(async () => contains(await boxOf(ring), await boxOf(option))).toBe(true);
});

test('a group scrolled half out of its pane gets a ring around the half shown, never over the next region', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 520 });
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.goto(appUrl() + '#/settings/scanning');
  await twoSwitch(page);
  await page.keyboard.press('Space');
  await stepTo(page, 'Accessibility and settings', 'region');
  const pane = await boxOf(page.locator('.shell__main'));
  const ring = await boxOf(page.locator('.scan-overlay__ring'));
  // The main region is taller than the window: its ring is cut to what the pane shows.
  expect(contains(pane, ring)).toBe(true);
  const banner = await boxOf(page.getByRole('banner'));
  expect(overlaps(ring, banner)).toBe(false);
  const nav = await boxOf(page.getByRole('navigation', { name: 'Workspaces' }));
  expect(overlaps(ring, nav)).toBe(false);
});

test('"Scanning paused" and "press to start" sit where no control is', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.goto(appUrl() + '#/settings/scanning');
  await oneSwitch(page, { scan: { intervalMs: 300, loops: 1 } });
  const status = page.locator('.scan-status');
  for (const phase of ['waiting', 'paused']) {
    if (phase === 'paused') {
      await page.keyboard.press('Space');
      await expect(page.locator('[data-scan-key]')).toHaveAttribute('data-scan-phase', 'paused', {
        timeout: 20_000,
      });
    }
    await expect(status).toBeVisible();
    const covered = () => boxOf(status).then((note) => page.evaluate(coveredBy, note));
    // The note moves as soon as the page settles (a rebuild follows each change within 50 ms).
    await expect.poll(covered, { message: phase }).toEqual([]);
  }
});

/** Runs in the page: the controls under the note's box. */
function coveredBy(n: Box): string[] {
  const hits: string[] = [];
  for (const el of Array.from(
    document.querySelectorAll('a[href], button, input, select, textarea, [role="tab"]'),
  )) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || !el.checkVisibility()) continue;
    if (r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom)
      hits.push(el.outerHTML.slice(0, 60));
  }
  return hits;
}
