/**
 * The Electron main process: host services on the worker's disk, the embedded
 * hub (or the configured one), one locked-down window, and the IPC bridge.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../host/csp';
import { connectHub, demoPasswordOf, type HubConnection } from '../host/embedded-hub';
import { createHostServices, type HostServices, type HubInfo } from '../host/services';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerBridgeIpc } from './ipc';
import { forwardOsEvents } from './os-events';
import { applyApplicationMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { builtAppOrigin, originOf } from './origin';
import { electronPlatform } from './platform';
import { applySecurity } from './security';
import { createMainWindow } from './window';

registerAppScheme();

/** Set by `electron-vite dev`; a packaged app always loads its own build. */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

let services: HostServices | null = null;
let connection: HubConnection | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second Wings would start a second embedded hub on the same files.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('org.wings.workstation');
  applyApplicationMenu();
  const userData = app.getPath('userData');
  const nativeBinding = electronSqliteBinding();

  let info: HubInfo | null = null;
  services = createHostServices({
    dataDir: userData,
    nativeBinding,
    hubInfo: () => info,
    platform: electronPlatform(
      () => mainWindow,
      () => services?.settings.get().language ?? (app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'),
    ),
  });
  const appUrl = devServerUrl ?? `${builtAppOrigin}/index.html`;
  const appOrigin = originOf(appUrl);
  if (!appOrigin) throw new Error(`cannot tell the origin of ${appUrl}`);
  connection = await connectHub({
    userDataDir: userData,
    hubUrl: services.settings.get().hubUrl,
    nativeBinding,
    logLevel: 'warn',
    // wings://app is always allowed; the dev server's page must be named to reach the embedded hub.
    ...(devServerUrl ? { allowedOrigins: [appOrigin] } : {}),
  });
  info = {
    hubUrl: connection.hubUrl,
    embeddedHub: connection.embedded,
    version: app.getVersion(),
    demoPassword: demoPasswordOf(connection),
  };

  const csp = contentSecurityPolicy({ hubUrl: connection.hubUrl, dev: devServerUrl !== undefined });
  serveRenderer(fileURLToPath(new URL('../renderer/', import.meta.url)), csp);
  applySecurity(session.defaultSession, { appOrigin, csp });
  registerBridgeIpc(services, () => mainWindow, appOrigin);
  forwardOsEvents(services.events, () => mainWindow);

  mainWindow = createMainWindow({
    preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    url: appUrl,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Wings could not start: ${message}`);
  dialog.showErrorBox('Wings could not start', message);
  app.exit(1);
}

// One window; closing it ends the session on every platform, so the embedded hub stops with it.
app.on('window-all-closed', () => app.quit());

let closed = false;
let closing: Promise<void> | null = null;
app.on('before-quit', (event) => {
  if (closed) return;
  event.preventDefault();
  if (closing) return;
  closing = shutdown().finally(() => {
    closed = true;
    app.quit();
  });
});

async function shutdown(): Promise<void> {
  try {
    await connection?.close();
  } catch (error) {
    console.error('the embedded hub did not close cleanly', error);
  } finally {
    services?.close();
  }
}
