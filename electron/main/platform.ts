import { shell, type BrowserWindow } from 'electron';
import { fail, ok } from '../../shared/protocol';
import type { Language } from '../../shared/bridge';
import type { HostPlatform } from '../host/services';
import { confirmHubChange } from './hub-change-prompt';

const externalProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Flashing the taskbar entry is the visual alert for deaf workers when Wings is in the background. */
export function electronPlatform(window: () => BrowserWindow | null, language: () => Language): HostPlatform {
  return {
    transport: 'electron',
    flash() {
      const win = window();
      if (win && !win.isDestroyed() && !win.isFocused()) win.flashFrame(true);
    },
    async openExternal(url) {
      // The channel schema already allows only these; checked again because the OS will run whatever opens it.
      if (!externalProtocols.has(new URL(url).protocol))
        return fail('invalid_input', 'Only web and mail links open.');
      await shell.openExternal(url);
      return ok({});
    },
    confirmHubChange: (url) => confirmHubChange(window(), language(), url),
  };
}
