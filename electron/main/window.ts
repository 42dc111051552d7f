import { app, BrowserWindow } from 'electron';

export function createMainWindow({ preload, url }: { preload: string; url: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'Wings',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // A packaged build has no developer tools at all: they would open the worker's session and disk bridge.
      devTools: !app.isPackaged,
    },
  });
  // The flash asked for by window.flash stops once the worker looks at Wings.
  win.on('focus', () => win.flashFrame(false));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
