import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchorVoice, AnchorVoiceSnapshot, SpeechLanguage } from '../voice/anchor-voice';
import { useSessionStore } from '../../session/hooks';
import { teleprompterStore, type TeleprompterSnapshot, type TeleprompterStore } from './teleprompter-store';

/** The voice's state, and whether the host has answered which voices it has (before that, no "no engine" note). */
export function useAnchorVoice(voice: AnchorVoice): AnchorVoiceSnapshot & { checked: boolean } {
  const snapshot = useSyncExternalStore(voice.subscribe, voice.getSnapshot);
  const [checkedFor, setCheckedFor] = useState<AnchorVoice | null>(null);
  useEffect(() => {
    let current = true;
    void voice.ready.then(() => {
      if (current) setCheckedFor(voice);
    });
    return () => {
      current = false;
    };
  }, [voice]);
  return { ...snapshot, checked: checkedFor === voice };
}

/** The teleprompter's scripts and the language lines are spoken in (the UI's, until the anchor picks). */
export function useTeleprompter(): TeleprompterSnapshot & {
  store: TeleprompterStore;
  speechLanguage: SpeechLanguage;
} {
  const store = useSessionStore(teleprompterStore);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!store.getSnapshot().loaded) void store.refresh();
  }, [store]);
  const ui: SpeechLanguage = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  return { ...snapshot, store, speechLanguage: snapshot.language ?? ui };
}
