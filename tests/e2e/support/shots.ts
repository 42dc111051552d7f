import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const shotsDir = process.env.WINGS_SHOTS_DIR ?? '/tmp/wings-shots';

/** Full-page pictures for a person to look over the layout; nothing compares them automatically. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}
