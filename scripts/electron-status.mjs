// Whether Electron can run here, and if not, why, in words fit for one line.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @param {{ needDisplay?: boolean }} [options] packaging needs the binary but no display
 * @returns {{ ok: true, version: string, binary: string } | { ok: false, reason: string, version: string | null }}
 */
export function electronStatus({ needDisplay = true } = {}) {
  let version;
  try {
    version = require('electron/package.json').version;
  } catch {
    return {
      ok: false,
      version: null,
      reason: 'the electron package is not installed; its binary download is blocked or failed',
    };
  }
  let binary;
  try {
    // The electron package's main export is the path of the binary its install script downloaded.
    binary = require('electron');
  } catch {
    return { ok: false, version, reason: `Electron ${version} is installed without its binary` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { ok: false, version, reason: `Electron ${version}'s binary is missing` };
  }
  if (needDisplay && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, version, reason: 'there is no display to open a window on' };
  }
  return { ok: true, version, binary };
}
