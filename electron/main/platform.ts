import { Notification, shell, type BrowserWindow } from 'electron';
import { externalWebUrl } from '../../shared/bridge/external-url';
import { fail, ok } from '../../shared/protocol';
import type { Language } from '../../shared/bridge';
import type { HostPlatform } from '../host/services';
import { confirmHubChange } from './hub-change-prompt';
import { displayKeepAwake } from './power';
import { printWindowToPdf } from './print';

/** Notifications kept reachable until closed: one collected by the garbage collector stops reporting clicks. */
const maxHeldNotifications = 20;

function bringToFront(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Flashing the taskbar entry is the visual alert for deaf workers when Wings is in the background. */
export function electronPlatform(window: () => BrowserWindow | null, language: () => Language): HostPlatform {
  const held = new Set<Notification>();
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
    keepAwake: displayKeepAwake(),
    printPdf: (fileName) => printWindowToPdf(window(), fileName),
    notify({ title, body }, clicked) {
      if (!Notification.isSupported()) return false;
      // Silent: the page plays the alert sound itself, only when the worker's settings allow sounds.
      const note = new Notification({ title, body, silent: true });
      held.add(note);
      if (held.size > maxHeldNotifications) {
        const oldest = held.values().next().value;
        if (oldest) held.delete(oldest);
      }
      note.on('click', () => {
        held.delete(note);
        bringToFront(window());
        clicked();
      });
      note.on('close', () => held.delete(note));
      note.show();
      return true;
    },
  };
}
