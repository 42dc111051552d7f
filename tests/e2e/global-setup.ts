import { rmSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { freePort, startWebMode, stop, tempDir } from './support/processes';

/**
 * One web-mode instance (embedded demo hub + host services) shared by the
 * tests that do not need to stop the hub. Tests read its address from
 * WINGS_E2E_URL; the returned function is Playwright's teardown.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const dataDir = tempDir('web');
  const port = await freePort();
  const web = await startWebMode({ port, dataDir });
  const url = web.match[1];
  if (!url) throw new Error(`web mode printed no address:\n${web.output()}`);
  process.env.WINGS_E2E_URL = url;
  return async () => {
    await stop(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
