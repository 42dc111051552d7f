import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * Roving tabindex (WAI-ARIA APG): a composite widget is one Tab stop; arrow
 * keys move between its items, Home and End go to the ends. The item last
 * used keeps the stop, so Tab back into the widget returns to it.
 */

export type RovingOrientation = 'vertical' | 'horizontal' | 'both';

export interface RovingTabIndexOptions {
  /** Which arrows move: vertical lists use Up/Down, toolbars Left/Right. */
  orientation?: RovingOrientation;
  /** Past the last item the first comes next, and back. */
  wrap?: boolean;
  /** The selected or current item (aria-current, aria-selected): it holds the stop until the user moves. */
  selectedIndex?: number;
}

export interface RovingItemProps<T extends HTMLElement> {
  ref: (element: T | null) => void;
  tabIndex: 0 | -1;
  onKeyDown: (event: KeyboardEvent<T>) => void;
  onFocus: (event: FocusEvent<T>) => void;
}

export interface RovingTabIndex<T extends HTMLElement> {
  activeIndex: number;
  /** Spread onto item `index`; merge your own handlers by calling these from yours. */
  getItemProps(index: number): RovingItemProps<T>;
  focusItem(index: number): void;
}

const nextKeys: Record<RovingOrientation, readonly string[]> = {
  vertical: ['ArrowDown'],
  horizontal: ['ArrowRight'],
  both: ['ArrowDown', 'ArrowRight'],
};
const previousKeys: Record<RovingOrientation, readonly string[]> = {
  vertical: ['ArrowUp'],
  horizontal: ['ArrowLeft'],
  both: ['ArrowUp', 'ArrowLeft'],
};

export function useRovingTabIndex<T extends HTMLElement>(
  count: number,
  { orientation = 'vertical', wrap = true, selectedIndex }: RovingTabIndexOptions = {},
): RovingTabIndex<T> {
  const items = useRef<(T | null)[]>([]);
  const [moved, setMoved] = useState<{ index: number; selected: number | undefined } | null>(null);
  // A new selection (e.g. navigating by shortcut) takes the stop back from where the user last was.
  const chosen = moved !== null && moved.selected === selectedIndex ? moved.index : (selectedIndex ?? 0);
  const activeIndex = count === 0 ? 0 : Math.min(Math.max(chosen, 0), count - 1);

  const focusItem = useCallback(
    (index: number) => {
      setMoved({ index, selected: selectedIndex });
      items.current[index]?.focus();
    },
    [selectedIndex],
  );

  const getItemProps = (index: number): RovingItemProps<T> => ({
    ref: (element) => {
      items.current[index] = element;
    },
    tabIndex: index === activeIndex ? 0 : -1,
    onFocus: () => {
      if (index !== activeIndex) setMoved({ index, selected: selectedIndex });
    },
    onKeyDown: (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return;
      let target: number | null = null;
      if (nextKeys[orientation].includes(event.key)) {
        target = index + 1 < count ? index + 1 : wrap ? 0 : index;
      } else if (previousKeys[orientation].includes(event.key)) {
        target = index > 0 ? index - 1 : wrap ? count - 1 : index;
      } else if (event.key === 'Home') {
        target = 0;
      } else if (event.key === 'End') {
        target = count - 1;
      }
      if (target === null) return;
      event.preventDefault();
      focusItem(target);
    },
  });

  return { activeIndex, getItemProps, focusItem };
}
