/**
 * Scan cost per screen: how many highlights a one-switch user sits through to
 * reach each control, in group and in linear mode (shared/a11y/scan-cost.ts).
 * The tree comes from the real page: the renderer's own DOM walker is bundled
 * and injected, so the figures are what ScanProvider would build.
 */
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { freePort, repoRoot, startWebMode, stop, tempDir } from '../e2e/support/processes';
import { scanProbeScript } from './scan-cost-probe';

/** The goal: mean at most this many highlights on every screen in group mode. */
export const groupMeanGoal = 8;

interface ModeFigures {
  mean: number;
  worst: number;
  worstLabel: string;
}

export interface ScreenCost {
  screen: string;
  items: number;
  group: ModeFigures;
  linear: ModeFigures;
}

async function measure(page: Page, screen: string, bundle: string): Promise<ScreenCost> {
  // Let the last React commit and the hub's pushes settle, as a user's first look would.
  await page.waitForTimeout(300);
  await page.addScriptTag({ content: bundle });
  const figures = (await page.evaluate('window.wingsScanProbe.cost()')) as Omit<ScreenCost, 'screen'>;
  return { screen, ...figures };
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill('wings-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Workspaces' }).waitFor();
}

export async function measureScanCost(): Promise<ScreenCost[]> {
  if (!existsSync(join(repoRoot, 'out/web/index.html'))) {
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:web failed');
  }
  const dataDir = tempDir('scan-cost');
  const web = await startWebMode({ port: await freePort(), dataDir });
  const url = web.match[1];
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    if (!url) throw new Error(`web mode printed no address:\n${web.output()}`);
    const bundle = await scanProbeScript();
    // The probe is an inline script: the app's CSP rightly forbids those, so this context bypasses it.
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    const costs: ScreenCost[] = [];
    let page = await context.newPage();
    await page.goto(url);
    await page.getByRole('textbox', { name: 'Username' }).waitFor();
    costs.push(await measure(page, 'sign-in', bundle));
    for (const user of ['agent', 'anchor', 'employer']) {
      await page.close();
      page = await context.newPage();
      await page.goto(url);
      await signIn(page, user);
      costs.push(await measure(page, `shell (${user})`, bundle));
      if (user === 'agent') {
        const settings = page.getByRole('banner').getByRole('link', { name: 'Accessibility and settings' });
        if ((await settings.count()) > 0) {
          await settings.click();
          await page.getByRole('heading', { level: 1, name: 'Accessibility and settings' }).waitFor();
          // One section shows at a time: each tab is a screen of its own to a switch user.
          const tabs = page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab');
          for (const tab of await tabs.all()) {
            await tab.click();
            await page
              .locator('[role=tabpanel]')
              .and(page.locator(`[aria-labelledby="${await tab.getAttribute('id')}"]`))
              .waitFor();
            const section = ((await tab.textContent()) ?? '').trim().toLowerCase();
            costs.push(await measure(page, `settings · ${section}`, bundle));
          }
        }
      }
      // The host keeps the sign-in: sign out, so the next user's page opens at the form.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('textbox', { name: 'Username' }).waitFor();
    }
    await context.close();
    return costs;
  } finally {
    await browser.close();
    await stop(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toFixed(1).padStart(5);
const screenWidth = 30;

export async function runScanCostBench(): Promise<void> {
  const costs = await measureScanCost();
  const lines = [
    '\nscan cost (highlights to reach a control; group goal: mean ≤ 8)',
    `${'screen'.padEnd(screenWidth)} ${'items'.padStart(5)}  ${'group mean'.padStart(10)} ${'worst'.padStart(5)}  ${'linear mean'.padStart(11)} ${'worst'.padStart(5)}  worst in group mode`,
  ];
  for (const c of costs) {
    const flag = c.group.mean > groupMeanGoal ? '  ABOVE GOAL' : '';
    lines.push(
      `${c.screen.padEnd(screenWidth)} ${String(c.items).padStart(5)}  ${fmt(c.group.mean).padStart(10)} ${String(c.group.worst).padStart(5)}  ${fmt(c.linear.mean).padStart(11)} ${String(c.linear.worst).padStart(5)}  ${c.group.worstLabel}${flag}`,
    );
  }
  console.log(lines.join('\n'));
}

// Run on its own: `npx tsx tests/bench/scan-cost.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  await runScanCostBench();
  process.exit(0);
}
