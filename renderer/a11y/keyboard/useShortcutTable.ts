import { useMemo } from 'react';
import {
  resolveShortcuts,
  type ResolvedBinding,
  type ShortcutPreferences,
  type ShortcutTable,
} from '../../../shared/a11y';
import { useA11yProfile } from '../profile/ProfileProvider';
import { useActions, type RegisteredAction } from './actions';

export function tableFor(
  actions: readonly RegisteredAction[],
  preferences: Partial<ShortcutPreferences>,
): ShortcutTable {
  return resolveShortcuts(
    actions.map((a) => ({ id: a.id, labelKey: a.id, defaults: a.defaultBindings ?? [] })),
    preferences,
  );
}

/** Action id → its bindings (active or not), as the user's profile resolves them. */
export function bindingsByAction(table: ShortcutTable): ReadonlyMap<string, readonly ResolvedBinding[]> {
  const map = new Map<string, ResolvedBinding[]>();
  for (const b of table.bindings) map.set(b.actionId, [...(map.get(b.actionId) ?? []), b]);
  return map;
}

/** The current screen's actions with the user's bindings. */
export function useShortcutTable(): {
  table: ShortcutTable;
  byAction: ReadonlyMap<string, readonly ResolvedBinding[]>;
} {
  const actions = useActions();
  const { profile } = useA11yProfile();
  return useMemo(() => {
    const table = tableFor(actions, profile.shortcuts);
    return { table, byAction: bindingsByAction(table) };
  }, [actions, profile.shortcuts]);
}
