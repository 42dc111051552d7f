import type { ReactNode } from 'react';
import { ActionsProvider } from './actions';
import { CommandPalette } from './CommandPalette';
import { RegionActions } from './RegionActions';
import { ShortcutLayer } from './ShortcutLayer';

/**
 * Keyboard-only access for the whole app: the action registry every screen
 * registers into, the shortcut engine, the command palette and F6 region moves.
 * Goes inside ProfileProvider, since keys, filters and scanning keys come from the profile.
 */
export function KeyboardAccess({ children }: { children: ReactNode }) {
  return (
    <ActionsProvider>
      <RegionActions />
      {children}
      <CommandPalette />
      <ShortcutLayer />
    </ActionsProvider>
  );
}
