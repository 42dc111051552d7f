import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/main/menu-template';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const developerRoles = ['reload', 'forceReload', 'toggleDevTools'];

describe('the application menu', () => {
  for (const mac of [false, true]) {
    it(`packaged (${mac ? 'macOS' : 'Windows, Linux'}): no reload and no developer tools`, () => {
      const all = roles(menuTemplate({ packaged: true, mac }));
      for (const role of developerRoles) expect(all).not.toContain(role);
    });

    it(`keeps clipboard, zoom and window roles (${mac ? 'macOS' : 'Windows, Linux'})`, () => {
      const template = menuTemplate({ packaged: true, mac });
      // Every top-level entry must be a submenu (Electron's rule for application menus), built from roles.
      for (const item of template) {
        expect(Array.isArray(item.submenu)).toBe(true);
        for (const child of item.submenu as MenuItemConstructorOptions[]) {
          expect(child.role !== undefined || child.type === 'separator').toBe(true);
          expect(child.click).toBeUndefined();
        }
      }
      expect(roles(template)).toEqual(
        expect.arrayContaining([
          'undo',
          'redo',
          'cut',
          'copy',
          'paste',
          'selectAll',
          'resetZoom',
          'zoomIn',
          'zoomOut',
          'minimize',
          'close',
        ]),
      );
    });
  }

  it('puts the app menu with about, hide and quit first on macOS only', () => {
    const [first] = menuTemplate({ packaged: true, mac: true });
    expect(first?.role).toBe('appMenu');
    expect(roles([first ?? {}])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(roles(menuTemplate({ packaged: true, mac: false }))).not.toContain('appMenu');
    expect(roles(menuTemplate({ packaged: true, mac: false }))).not.toContain('quit');
  });

  it('offers reload and developer tools to a development run', () => {
    expect(roles(menuTemplate({ packaged: false, mac: false }))).toEqual(
      expect.arrayContaining(developerRoles),
    );
  });
});
