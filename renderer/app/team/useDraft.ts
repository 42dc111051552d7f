import { useCallback, useEffect, useRef, useState } from 'react';
import { useBridge } from '../../host/BridgeProvider';

const saveDelayMs = 400;

/**
 * Text that is written to the host's disk a moment after each change, so a
 * crash, a reload or a lost network never costs the worker what they typed.
 */
export function useDraft(key: string): [string, (text: string) => void] {
  const { bridge } = useBridge();
  const [text, setTextState] = useState('');
  const touched = useRef(false);
  const unsaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const value = unsaved.current;
    if (value === null) return;
    unsaved.current = null;
    void (value === ''
      ? bridge.call('drafts.delete', { key })
      : bridge.call('drafts.put', { key, text: value }));
  }, [bridge, key]);

  useEffect(() => {
    let cancelled = false;
    void bridge.call('drafts.get', { key }).then((ack) => {
      // What the worker typed while the draft loaded wins over the saved copy.
      if (!cancelled && !touched.current && ack.ok && ack.data.text) setTextState(ack.data.text);
    });
    return () => {
      cancelled = true;
    };
  }, [bridge, key]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const setText = useCallback(
    (next: string) => {
      touched.current = true;
      setTextState(next);
      unsaved.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, saveDelayMs);
    },
    [flush],
  );

  return [text, setText];
}
