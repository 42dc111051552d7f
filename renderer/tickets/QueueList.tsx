import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { ChevronDown, ChevronUp } from 'lucide-react';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import type { QueueSnapshot, QueueStore } from './queue-store';
import { QueueRow } from './QueueRow';

export interface QueueListProps {
  store: QueueStore;
  snapshot: QueueSnapshot;
  /** The ticket the address opens, if any. */
  selectedId: number | undefined;
  showAssignee: boolean;
  /** Switch scanning is on: only the rows in view are scanned, paged by Earlier and Later. */
  scanning: boolean;
  onOpen: (ticketId: number) => void;
}

/** A row's first guess, in rem: three lines of text and padding, before it is measured. */
const rowEstimateRem = 6.5;
/** Rows rendered past each end of the view for keyboard and wheel movement. */
const overscan = 6;

/**
 * A row's height from the resize observer's box, which the browser hands
 * over after its own layout. A row just mounted keeps its last known height
 * or the first guess meanwhile, rather than reading offsetHeight, which would
 * force a layout of the page in the middle of a keypress.
 */
function rowSize(
  element: HTMLDivElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, HTMLDivElement>,
): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
  );
}

function rootFontPx(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

export interface VisibleRows {
  first: number;
  last: number;
}

/**
 * The rows wholly inside the pane (or, in a pane smaller than a row, those
 * partly in it); what scanning offers and what Earlier and Later page by.
 */
export function visibleRows(items: readonly VirtualItem[], offset: number, height: number): VisibleRows {
  const whole = items.filter((item) => item.start >= offset - 1 && item.end <= offset + height + 1);
  const shown = whole.length > 0 ? whole : items.filter((i) => i.end > offset && i.start < offset + height);
  return { first: shown[0]?.index ?? -1, last: shown.at(-1)?.index ?? -1 };
}

/**
 * The queue's rows, virtualised: whatever the view's size, only the rows in
 * the pane and a few past it are in the page, and the store fetches only
 * their pages. One Tab stop (roving tabindex): Up/Down, Home/End and
 * PageUp/PageDown move through every row of the view, the pane scrolling
 * along; Enter opens. Earlier and Later page by one screen for pointer,
 * keyboard and switch alike; with scanning on, the rows out of view are inert,
 * so a scan walks one screen, never thousands of rows.
 */
export function QueueList({ store, snapshot, selectedId, showAssignee, scanning, onOpen }: QueueListProps) {
  const { t, i18n } = useTranslation('tickets');
  const total = snapshot.total ?? 0;
  const viewport = useRef<HTMLDivElement>(null);
  const [estimate] = useState(() => Math.round(rowEstimateRem * rootFontPx()));
  // The compiler cannot memoise around the virtualizer; the rows are memoised by hand (QueueRow).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => viewport.current,
    estimateSize: () => estimate,
    measureElement: rowSize,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const firstRendered = items[0]?.index ?? 0;
  const lastRendered = items.at(-1)?.index ?? -1;
  const seen = visibleRows(items, virtualizer.scrollOffset ?? 0, virtualizer.scrollRect?.height ?? 0);

  useEffect(() => store.setVisible(firstRendered, lastRendered), [store, firstRendered, lastRendered]);

  const [active, setActive] = useState(0);
  const latestSeen = useRef(seen);
  useEffect(() => {
    latestSeen.current = seen;
  });
  const pendingFocus = useRef<number | null>(null);
  const timeFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, {
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
    [i18n.language],
  );

  // A new view, search or order starts at its top.
  const { query } = snapshot;
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setActive(0);
  }, [virtualizer, query]);

  // The opened ticket takes the Tab stop when it is among the rows here (selection follows the address).
  useEffect(() => {
    if (selectedId === undefined) return;
    for (let index = firstRendered; index <= lastRendered; index++) {
      if (store.rowAt(index)?.id === selectedId) {
        setActive(index);
        return;
      }
    }
    // Only on a new address: the rows moving under the worker must not pull the stop back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, store]);

  // The stop must be a row in the page: scrolled away from the last one used, it is the first in view.
  const clamped = Math.min(Math.max(active, 0), Math.max(total - 1, 0));
  const reachable = scanning
    ? clamped >= seen.first && clamped <= seen.last
    : clamped >= firstRendered && clamped <= lastRendered;
  const tabStop = reachable || seen.first < 0 ? clamped : seen.first;

  const moveTo = useCallback(
    (index: number) => {
      const target = Math.min(Math.max(index, 0), total - 1);
      if (target < 0) return;
      setActive(target);
      pendingFocus.current = target;
      // Scrolled here, by the virtualizer's own figures, rather than by its scrollToIndex: that one
      // re-reads the pane's layout on the next frames to settle, which costs a keypress its frame.
      const { first, last } = latestSeen.current;
      const item = virtualizer.measurementsCache[target];
      const pane = viewport.current;
      if (target >= first && target <= last) return;
      if (!item || !pane) {
        virtualizer.scrollToIndex(target, { align: 'auto' });
        return;
      }
      const top = virtualizer.scrollOffset ?? 0;
      const height = virtualizer.scrollRect?.height ?? 0;
      if (item.start < top) pane.scrollTop = item.start;
      else if (item.end > top + height) pane.scrollTop = item.end - height;
    },
    [total, virtualizer],
  );

  // Focus follows the move once the row is rendered (at once within the overscan, after the scroll otherwise).
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = viewport.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
    if (!row) return;
    pendingFocus.current = null;
    row.focus({ preventScroll: true });
  });

  const pageRows = Math.max(1, seen.last - seen.first);
  const latest = useRef({ moveTo, pageRows, total });
  useEffect(() => {
    latest.current = { moveTo, pageRows, total };
  });

  // Stable, so a keypress re-renders only the two rows whose stop changed.
  const onRowKeyDown = useCallback((event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const { moveTo: move, pageRows: page, total: count } = latest.current;
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
      PageDown: index + page,
      PageUp: index - page,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  }, []);
  const onRowFocus = useCallback((_event: FocusEvent<HTMLButtonElement>, index: number) => {
    setActive(index);
  }, []);

  /** One screen back or on: the rows just out of view become the rows in view, and take the stop. */
  const page = (direction: -1 | 1) => {
    if (seen.first < 0) return;
    const count = seen.last - seen.first + 1;
    if (direction === 1) {
      const next = Math.min(seen.last + 1, total - 1);
      virtualizer.scrollToIndex(next, { align: 'start' });
      setActive(next);
    } else {
      const before = Math.max(seen.first - 1, 0);
      virtualizer.scrollToIndex(before, { align: 'end' });
      setActive(Math.max(seen.first - count, 0));
    }
  };
  const atStart = seen.first <= 0;
  const atEnd = seen.last < 0 || seen.last >= total - 1;

  return (
    <div className="queue-list">
      <div className="queue-list__paging">
        <Button
          className="queue-list__page"
          icon={ChevronUp}
          aria-disabled={atStart || undefined}
          onClick={() => {
            if (!atStart) page(-1);
          }}
        >
          {t('queue.list.earlier')}
        </Button>
        {seen.first >= 0 ? (
          <span className="queue-list__range">
            {t('queue.list.showing', {
              from: (seen.first + 1).toLocaleString(i18n.language),
              to: (seen.last + 1).toLocaleString(i18n.language),
              total: total.toLocaleString(i18n.language),
            })}
          </span>
        ) : null}
      </div>
      <div ref={viewport} className="queue-list__viewport">
        <div
          role="list"
          aria-label={t('queue.list.label')}
          className="queue-list__rows"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const ticket = store.rowAt(item.index);
            const outOfView = scanning && (item.index < seen.first || item.index > seen.last);
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-setsize={total}
                aria-posinset={item.index + 1}
                inert={outOfView}
                className="queue-list__item"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <QueueRow
                  ticket={ticket}
                  index={item.index}
                  total={total}
                  unread={ticket ? store.unread(ticket) : 0}
                  tabStop={item.index === tabStop}
                  selected={ticket !== undefined && ticket.id === selectedId}
                  showAssignee={showAssignee}
                  targets={snapshot.targets}
                  clock={store.clock}
                  timeFormat={timeFormat}
                  onOpen={onOpen}
                  onRowKeyDown={onRowKeyDown}
                  onRowFocus={onRowFocus}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div className="queue-list__paging">
        <Button
          className="queue-list__page"
          icon={ChevronDown}
          aria-disabled={atEnd || undefined}
          onClick={() => {
            if (!atEnd) page(1);
          }}
        >
          {t('queue.list.later')}
        </Button>
      </div>
    </div>
  );
}
