import type { MenuItemConstructorOptions } from 'electron';

export interface MenuTemplateOptions {
  /** `app.isPackaged`: a worker's build gets no reload and no developer tools. */
  packaged: boolean;
  /** `process.platform === 'darwin'`: macOS expects the app menu first and Cmd+Q in it. */
  mac: boolean;
}

/**
 * The application menu, built from roles only (labels and accelerators come
 * from Electron and the OS). It replaces Electron's default, which offers
 * reload and developer tools: a reload drops the renderer's in-memory state and
 * the tools open the worker's session to whoever sits at the PC. The edit roles
 * stay because on macOS the clipboard keys only work through menu items. Kept
 * free of the electron runtime import so it is tested in plain Node.
 */
export function menuTemplate({ packaged, mac }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  return [
    ...appMenu,
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      role: 'viewMenu',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, ...developer],
    },
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
