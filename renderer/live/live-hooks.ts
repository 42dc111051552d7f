import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AckError } from '../../shared/protocol';
import { errorCodeSchema } from '../../shared/protocol';
import { fenFormatter } from '../../shared/domain/live/money';
import { useSessionStore } from '../session/hooks';
import type { LiveClientSnapshot } from './client/live-client';
import type { CommentsSnapshot } from './comments-store';
import { liveStore, type LiveSnapshot, type LiveStore } from './live-store';
import type { DevicesSnapshot } from './media-devices';

export function useLive(): LiveStore {
  return useSessionStore(liveStore);
}

export function useLiveSnapshot(store: LiveStore): LiveSnapshot {
  return useSyncExternalStore(store.subscribe, () => store.snapshot);
}

export function useLinkSnapshot(store: LiveStore): LiveClientSnapshot {
  return useSyncExternalStore(store.client.subscribe, () => store.client.snapshot);
}

export function useDevicesSnapshot(store: LiveStore): DevicesSnapshot {
  return useSyncExternalStore(store.devices.subscribe, () => store.devices.snapshot);
}

export function useCommentsSnapshot(store: LiveStore): CommentsSnapshot {
  return useSyncExternalStore(store.comments.subscribe, () => store.comments.snapshot);
}

/** "¥12.50" in the UI's locale. */
export function useMoney(): (fen: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => fenFormatter(locale), [locale]);
}

/**
 * A refusal in the worker's language, with the hub's own plain words after it
 * (which broadcast, which limit): the code alone is too vague to act on.
 */
export function useErrorText(): (error: AckError) => string {
  const { t } = useTranslation('errors');
  return (error) => {
    const code = errorCodeSchema.safeParse(error.code);
    const words: string = code.success ? t(`codes.${code.data}`) : '';
    if (!words) return error.message;
    return error.message && error.message !== words ? `${words} (${error.message})` : words;
  };
}

/** The wall clock, moved every `everyMs` while `running`. */
export function useNow(running: boolean, everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    // The first tick comes soon, so a clock that was asleep catches up at once.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [running, everyMs]);
  return now;
}
