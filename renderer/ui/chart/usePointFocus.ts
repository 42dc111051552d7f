import { useRef, useState, type KeyboardEvent } from 'react';

export interface PointItemProps {
  ref: (element: HTMLButtonElement | null) => void;
  tabIndex: 0 | -1;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onFocus: () => void;
}

/**
 * Roving tabindex over a chart's points (WAI-ARIA APG): the points are one
 * Tab stop; either arrow axis steps (a bar chart reads left to right, and
 * Up/Down is what many expect in a list), Home and End go to the ends, and
 * the last point used keeps the stop. ui/ cannot reach a11y/'s general hook,
 * hence this small one.
 */
export function usePointFocus(count: number, selected: number | null) {
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  const raw = current ?? selected ?? 0;
  const active = count === 0 ? 0 : Math.min(Math.max(raw, 0), count - 1);

  const focusItem = (index: number) => {
    setCurrent(index);
    items.current[index]?.focus();
  };

  const getItemProps = (index: number): PointItemProps => ({
    ref: (element) => {
      items.current[index] = element;
    },
    tabIndex: index === active ? 0 : -1,
    onFocus: () => {
      if (index !== active) setCurrent(index);
    },
    onKeyDown: (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return;
      let target: number | null = null;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') target = Math.min(index + 1, count - 1);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') target = Math.max(index - 1, 0);
      else if (event.key === 'Home') target = 0;
      else if (event.key === 'End') target = count - 1;
      if (target === null) return;
      event.preventDefault();
      focusItem(target);
    },
  });

  return { active, getItemProps, focusItem };
}
