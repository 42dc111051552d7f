import { useCallback, useLayoutEffect, useRef, type RefObject, type UIEvent } from 'react';

/** Within this many pixels of the end a log counts as at its end (rounding, a last line half in view). */
const endSlackPx = 24;

export interface LogPosition {
  /** The newest item's sequence number (0 when empty). */
  newest: number;
  /** The oldest loaded item's: it falls when an older page is put above. */
  oldest: number;
  /** How many of the reader's own items wait to be sent: one more is theirs, and always shown. */
  own: number;
}

/**
 * Keeps a scrolling log where its reader wants it: new items scroll into
 * view while the reader is at the end, and the reader's own always do;
 * reading back, what they read stays put, and an older page added above
 * keeps it where it was too. Returns the log's ref and scroll handler.
 */
export function useFollowingLog<T extends HTMLElement>({
  newest,
  oldest,
  own,
}: LogPosition): {
  /** For the log element. */
  ref: RefObject<T | null>;
  onScroll: (event: UIEvent<T>) => void;
} {
  const list = useRef<T>(null);
  const seen = useRef({ newest: 0, oldest: 0, own: 0, height: 0 });
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const before = seen.current;
    if ((newest !== before.newest && atEnd.current) || own > before.own) el.scrollTop = el.scrollHeight;
    else if (oldest < before.oldest) el.scrollTop += el.scrollHeight - before.height;
    seen.current = { newest, oldest, own, height: el.scrollHeight };
    atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= endSlackPx;
  }, [newest, oldest, own]);
  const onScroll = useCallback((event: UIEvent<T>) => {
    const el = event.currentTarget;
    atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= endSlackPx;
  }, []);
  return { ref: list, onScroll };
}
