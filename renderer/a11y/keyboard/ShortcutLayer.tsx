import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createKeyFilter,
  createShortcutMatcher,
  isModifierCode,
  keyFilterDeadline,
  reduceKeyFilter,
  reduceShortcutMatcher,
  resolveKeyMap,
  strokeFromEvent,
  type FilteredKeyEvent,
  type KeyFilterState,
  type KeyStroke,
  type ShortcutMatcherState,
} from '../../../shared/a11y';
import { useA11yProfile } from '../profile/ProfileProvider';
import { useActionRegistry } from './actions';
import { isEditableTarget, replayKey } from './dom-keys';
import { describeBinding } from './format-binding';
import { useShortcutTable } from './useShortcutTable';
import './ShortcutLayer.css';

/**
 * The one place keys become actions: a capture listener on the window runs the
 * user's key filters (slow keys, bounce keys) and then the shortcut matcher
 * over the actions registered on the current screen. Shows a status line
 * while a key sequence waits for its next key.
 */
export function ShortcutLayer() {
  const { t } = useTranslation('keyboard');
  const registry = useActionRegistry();
  const { profile } = useA11yProfile();
  const [pending, setPending] = useState<readonly string[]>([]);

  const { table } = useShortcutTable();
  const scanKeys = useMemo(
    () => (profile.scanning ? new Set(resolveKeyMap(profile.scan).keys()) : new Set<string>()),
    [profile.scanning, profile.scan],
  );
  const { slowKeysMs, bounceKeysMs } = profile.keyFilters;

  const matcher = useRef<ShortcutMatcherState>(createShortcutMatcher(table));
  const filter = useRef<KeyFilterState | null>(null);
  const scan = useRef(scanKeys);

  useLayoutEffect(() => {
    // A new screen or a remapping keeps a sequence already under way.
    matcher.current = { ...matcher.current, table };
    scan.current = scanKeys;
  }, [table, scanKeys]);

  useLayoutEffect(() => {
    const on = slowKeysMs > 0 || bounceKeysMs > 0;
    filter.current = on ? createKeyFilter({ slowKeysMs, bounceKeysMs }) : null;
  }, [slowKeysMs, bounceKeysMs]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const replayed = new WeakSet<Event>();
    /** Raw keys the filter held back: their key-up must not act either (Space clicks on key-up). */
    const blocked = new Set<string>();
    /** A held key repeats: it ran its action once, and the repeats must not run it again. */
    let consumedCode: string | null = null;
    const lastKey = new Map<string, string>();

    const publish = () => setPending(matcher.current.pending);

    const match = (stroke: KeyStroke, at: number, editable: boolean): boolean => {
      const result = reduceShortcutMatcher(matcher.current, { type: 'key', stroke, at, editable });
      matcher.current = result.state;
      for (const id of result.actions) registry.run(id);
      return result.consumed;
    };

    const strokeOf = (e: FilteredKeyEvent): KeyStroke => ({ code: e.code, ...e.modifiers });

    /** Keys the filter let through later (slow keys): shortcuts first, else what the key would have done. */
    const accepted = (events: readonly FilteredKeyEvent[], at: number) => {
      for (const e of events) {
        if (e.type !== 'down' || e.repeat || isModifierCode(e.code)) continue;
        const editable = isEditableTarget(document.activeElement);
        if (match(strokeOf(e), at, editable)) continue;
        replayKey(
          { ...strokeOf(e), key: e.key ?? lastKey.get(e.code) ?? '' },
          (event) => void replayed.add(event),
        );
      }
    };

    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const deadlines = [matcher.current.nextDeadline, filterDeadline()].filter(
        (d): d is number => d !== null,
      );
      publish();
      if (deadlines.length === 0) return;
      timer = setTimeout(tick, Math.max(0, Math.min(...deadlines) - performance.now()));
    };

    const filterDeadline = (): number | null => (filter.current ? keyFilterDeadline(filter.current) : null);

    const tick = () => {
      timer = undefined;
      const at = performance.now();
      const result = reduceShortcutMatcher(matcher.current, { type: 'tick', at });
      matcher.current = result.state;
      for (const id of result.actions) registry.run(id);
      if (filter.current) {
        const filtered = reduceKeyFilter(filter.current, { type: 'tick', at });
        filter.current = filtered.state;
        accepted(filtered.events, at);
      }
      schedule();
    };

    const ignored = (event: KeyboardEvent): boolean =>
      replayed.has(event) ||
      event.isComposing ||
      // An IME is composing: the key belongs to it, never to a shortcut.
      event.keyCode === 229 ||
      registry.suspended ||
      scan.current.has(event.code);

    const stop = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopPropagation();
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (ignored(event)) return;
      const at = performance.now();
      const editable = isEditableTarget(event.target);
      lastKey.set(event.code, event.key);

      if (event.repeat && consumedCode === event.code) {
        stop(event);
        return;
      }
      consumedCode = null;

      const state = filter.current;
      if (state) {
        const result = reduceKeyFilter(state, {
          type: 'down',
          code: event.code,
          at,
          key: event.key,
          repeat: event.repeat,
        });
        filter.current = result.state;
        let consumed = false;
        for (const e of result.events) {
          if (e.type === 'down' && !e.repeat && !isModifierCode(e.code)) {
            consumed = match(strokeOf(e), at, editable) || consumed;
          }
        }
        // Typing stays with the system's own filter keys; held-back keys elsewhere do nothing yet.
        if (result.blocked && !editable) {
          blocked.add(event.code);
          stop(event);
        } else if (consumed) {
          consumedCode = event.code;
          stop(event);
        }
        schedule();
        return;
      }

      if (match(strokeFromEvent(event), at, editable)) {
        consumedCode = event.code;
        stop(event);
      }
      schedule();
    };

    const onKeyUp = (event: KeyboardEvent) => {
      if (ignored(event)) return;
      const state = filter.current;
      if (!state) return;
      const at = performance.now();
      const result = reduceKeyFilter(state, { type: 'up', code: event.code, at });
      filter.current = result.state;
      accepted(result.events, at);
      if (blocked.delete(event.code)) stop(event);
      schedule();
    };

    const onBlur = () => {
      blocked.clear();
      if (filter.current)
        filter.current = reduceKeyFilter(filter.current, { type: 'reset', at: performance.now() }).state;
      schedule();
    };

    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('blur', onBlur);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [registry]);

  // Always in the page, so the status is announced when it fills in.
  return (
    <p role="status" className="shortcut-layer__pending">
      {pending.length > 0
        ? t('keys.sequencePending', { keys: describeBinding(pending.join(' '), t('keys.then')) })
        : ''}
    </p>
  );
}
