import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import type { EntryLang, EntryMode, LearnedModel } from '../../../shared/a11y/text-entry';
import type { AuthStore } from '../../session/auth-store';
import type { TypingHistory } from '../../session/typing-history';
import { learnedFrom } from './learned-from';
import { loadWordLists, type WordLists } from './word-lists';

export interface TextEntry {
  /** Null until the word lists have loaded (the keyboard types letters meanwhile). */
  readonly lists: WordLists | null;
  /** What this worker wrote; empty before sign-in, so one worker's words never show to the next. */
  readonly learned: LearnedModel;
  /** The mode the keyboard opens in: the last one the worker chose, at first the UI language's. */
  readonly mode: EntryMode;
  setMode(mode: EntryMode): void;
  /** A suggestion was chosen: it ranks higher for the rest of the session. */
  chose(text: string, lang: EntryLang): void;
  /** Starts loading the word lists (a keyboard opened). */
  want(): void;
}

const TextEntryContext = createContext<TextEntry | null>(null);

const noHistory: TypingHistory | null = null;
const emptyTexts: readonly string[] = [];
const subscribeNothing = () => () => undefined;

function useSignedInHistory(auth: AuthStore): TypingHistory | null {
  const state = useSyncExternalStore(auth.subscribe, () => auth.state);
  return state.phase === 'signedIn' ? state.session.typing : noHistory;
}

export interface TextEntryProviderProps {
  auth: AuthStore;
  /** The UI language at boot: Chinese workers start in pinyin. */
  language: string;
  children: ReactNode;
}

/**
 * Prediction for the on-screen keyboard: the shipped word lists, and the
 * signed-in worker's own sent text (kept on the host, never the hub).
 */
export function TextEntryProvider({ auth, language, children }: TextEntryProviderProps) {
  const history = useSignedInHistory(auth);
  const texts = useSyncExternalStore(
    history?.subscribe ?? subscribeNothing,
    () => history?.texts ?? emptyTexts,
  );
  useEffect(() => {
    void history?.load();
  }, [history]);
  const learned = useMemo(() => learnedFrom(texts), [texts]);
  const [lists, setLists] = useState<WordLists | null>(null);
  const [wanted, setWanted] = useState(false);
  const [mode, setMode] = useState<EntryMode>(language.startsWith('zh') ? 'pinyin' : 'latin');
  useEffect(() => {
    if (!wanted || lists !== null) return;
    let live = true;
    loadWordLists().then(
      (loaded) => {
        if (live) setLists(loaded);
      },
      () => {
        // Letters still type; the next keyboard that opens asks again.
        if (live) setWanted(false);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, lists]);
  const want = useCallback(() => setWanted(true), []);
  const chose = useCallback((text: string, lang: EntryLang) => learned.choose(text, lang), [learned]);
  const value = useMemo<TextEntry>(
    () => ({ lists, learned, mode, setMode, chose, want }),
    [lists, learned, mode, chose, want],
  );
  return <TextEntryContext.Provider value={value}>{children}</TextEntryContext.Provider>;
}

export function useTextEntry(): TextEntry {
  const entry = useContext(TextEntryContext);
  if (entry === null) throw new Error('useTextEntry outside TextEntryProvider');
  return entry;
}
