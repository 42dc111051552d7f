import { app, Menu } from 'electron';
import { menuTemplate } from './menu-template';

/** Must run before the first window opens, or that window shows Electron's default menu. */
export function applyApplicationMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, mac: process.platform === 'darwin' })),
  );
}
