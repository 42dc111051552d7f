import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Playwright's own browser download is blocked here; use the system Chromium. */
export function chromiumExecutable(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  throw new Error('No Chromium found: set CHROMIUM_PATH or put `chromium` on PATH.');
}

export const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update'];
