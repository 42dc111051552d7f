import { app, globalShortcut, powerMonitor, screen, type BrowserWindow } from 'electron';
import type { HostEventBus } from '../host/host-events';

/**
 * What the OS tells the host, passed on to the renderer as host events:
 * sleep and wake (a broadcast or a shift may need attention), screen lock,
 * display changes (the scan highlight and layouts follow), and one global
 * shortcut that brings Wings to the front from anywhere, for a worker who
 * cannot reach for the mouse to find the window.
 */
export const focusShortcut = 'CommandOrControl+Alt+W';

export function forwardOsEvents(events: HostEventBus, window: () => BrowserWindow | null): () => void {
  const onSuspend = () => events.emit('power.changed', { state: 'suspend' });
  const onResume = () => events.emit('power.changed', { state: 'resume' });
  const onLock = () => events.emit('power.changed', { state: 'lock-screen' });
  const onUnlock = () => events.emit('power.changed', { state: 'unlock-screen' });
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('unlock-screen', onUnlock);

  const displays = () => {
    const all = screen.getAllDisplays();
    const primary = screen.getPrimaryDisplay();
    events.emit('display.changed', { displays: all.length, scaleFactor: primary.scaleFactor });
  };
  screen.on('display-added', displays);
  screen.on('display-removed', displays);
  screen.on('display-metrics-changed', displays);

  // Another program may hold the combination; Wings then simply has no global key, and says so in the log.
  const registered = globalShortcut.register(focusShortcut, () => {
    const win = window();
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    events.emit('shortcut.global', { id: 'focus-wings' });
  });
  if (!registered) console.warn(`Wings: ${focusShortcut} is taken by another program; no global shortcut.`);

  return () => {
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onResume);
    powerMonitor.off('lock-screen', onLock);
    powerMonitor.off('unlock-screen', onUnlock);
    screen.off('display-added', displays);
    screen.off('display-removed', displays);
    screen.off('display-metrics-changed', displays);
    if (registered && app.isReady()) globalShortcut.unregister(focusShortcut);
  };
}
