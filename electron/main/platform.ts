import { shell, type BrowserWindow } from 'electron';
import { externalWebUrl } from '../../shared/bridge/external-url';
import { fail, ok } from '../../shared/protocol';
import type { Language } from '../../shared/bridge';
import type { HostPlatform } from '../host/services';
import { confirmHubChange } from './hub-change-prompt';

/** Flashing the taskbar entry is the visual alert for deaf workers when Wings is in the background. */
export function electronPlatform(window: () => BrowserWindow | null, language: () => Language): HostPlatform {
  return {
    transport: 'electron',
    flash() {
      const win = window();
      if (win && !win.isDestroyed() && !win.isFocused()) win.flashFrame(true);
    },
    async openExternal(url) {
      // The channel schema already refuses the rest; checked again because the OS runs whatever it is given.
      const target = externalWebUrl(url);
      if (target === null) return fail('invalid_input', 'Only web links to other computers open.');
      await shell.openExternal(target);
      return ok({});
    },
    confirmHubChange: (url) => confirmHubChange(window(), language(), url),
  };
}
