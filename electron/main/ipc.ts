import { ipcMain, type BrowserWindow } from 'electron';
import { ipcChannel, ipcEventChannel } from '../../shared/bridge';
import { fail } from '../../shared/protocol';
import { handleBridgeCall } from '../host/bridge-dispatch';
import type { HostServices } from '../host/services';
import { originOf } from './origin';

/**
 * One invoke channel carries every bridge call. Only the main window's top
 * frame showing the app may call: an iframe or a page navigated elsewhere
 * must not reach the worker's disk. Host events go the other way, to that
 * window only, and only while it shows the app.
 */
export function registerBridgeIpc(
  services: HostServices,
  window: () => BrowserWindow | null,
  appOrigin: string,
): () => void {
  ipcMain.handle(ipcChannel, (event, name: unknown, input: unknown) => {
    const win = window();
    const frame = event.senderFrame;
    const trusted =
      win !== null &&
      !win.isDestroyed() &&
      event.sender === win.webContents &&
      frame !== null &&
      frame.parent === null &&
      originOf(frame.url) === appOrigin;
    if (!trusted) return fail('forbidden', 'This frame may not call the workstation host.');
    return handleBridgeCall(services, name, input);
  });
  const stopEvents = services.events.subscribe((name, payload) => {
    const win = window();
    if (!win || win.isDestroyed() || originOf(win.webContents.getURL()) !== appOrigin) return;
    win.webContents.send(ipcEventChannel, name, payload);
  });
  return () => {
    stopEvents();
    ipcMain.removeHandler(ipcChannel);
  };
}
