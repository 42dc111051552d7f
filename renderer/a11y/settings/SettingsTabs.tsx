import type { HTMLAttributes, ReactNode } from 'react';
import { useRovingTabIndex } from '../keyboard/useRovingTabIndex';
import './SettingsTabs.css';

export interface SettingsTab<T extends string> {
  id: T;
  label: ReactNode;
}

export interface SettingsTabsProps<T extends string> extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'onSelect'
> {
  tabs: readonly SettingsTab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The element id of a tab; its panel is `${tabId(id)}-panel`. */
  tabId: (id: T) => string;
}

/**
 * WAI-ARIA APG tabs with automatic activation: one Tab stop, Left/Right (and
 * Home/End) move and select at once, since a panel renders in no time. A click
 * or a switch selecting a tab focuses it, which selects it the same way.
 */
export function SettingsTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  tabId,
  className,
  ...rest
}: SettingsTabsProps<T>) {
  const selectedIndex = Math.max(
    tabs.findIndex((tab) => tab.id === selected),
    0,
  );
  const roving = useRovingTabIndex<HTMLButtonElement>(tabs.length, {
    orientation: 'horizontal',
    selectedIndex,
  });
  return (
    <div role="tablist" className={['settings-tabs', className].filter(Boolean).join(' ')} {...rest}>
      {tabs.map((tab, index) => {
        const item = roving.getItemProps(index);
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="settings-tabs__tab"
            aria-selected={isSelected}
            // Only the shown panel exists; pointing at an absent one would be an invalid reference.
            aria-controls={isSelected ? `${tabId(tab.id)}-panel` : undefined}
            ref={item.ref}
            tabIndex={item.tabIndex}
            onKeyDown={item.onKeyDown}
            onFocus={(event) => {
              item.onFocus(event);
              if (!isSelected) onSelect(tab.id);
            }}
            onClick={() => {
              if (!isSelected) onSelect(tab.id);
            }}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
