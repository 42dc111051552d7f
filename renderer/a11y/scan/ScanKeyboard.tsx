import { useEffect, useMemo, useReducer, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyKey,
  initialEntryState,
  latinLayout,
  pinyinLayout,
  Predictor,
  pressEntryKey,
  suggestionRowId,
  suggestionsFor,
  suggestionsPerPage,
  typesCapital,
  withSuggestions,
  type EntryKeyAction,
  type EntryState,
  type LayoutKey,
  type Suggestion,
} from '../../../shared/a11y/text-entry';
import { cannedPhrasesAttribute, useCannedPhrases } from '../text-entry/canned-phrases';
import { useTextEntry } from '../text-entry/TextEntryProvider';
import { chooseOption, keepFocusAttribute, type Activation, type TextTarget } from './activate';
import { applyEdit, fieldState, textBeforeCaret } from './field-edit';
import { phraseSetOf, phraseSets } from './phrases';
import { accessibleName, scanModalAttribute } from './scan-dom';
import './ScanKeyboard.css';

export interface ScanKeyboardProps extends HTMLAttributes<HTMLDivElement> {
  activation: Activation;
  onClose: () => void;
}

/**
 * The panel a switch user types or chooses with. It is scanned on its own
 * (data-scan-modal) row by row, and activating its keys leaves focus on the
 * field (data-scan-keep-focus), which stays the truth for screen readers.
 */
export function ScanKeyboard({ activation, onClose, className, ...rest }: ScanKeyboardProps) {
  const { t } = useTranslation('a11y');
  const field = accessibleName(activation.target);
  // Dock away from the field so the worker sees what they type.
  const [dock] = useState(() => {
    const box = activation.target.getBoundingClientRect();
    return box.top + box.height / 2 > window.innerHeight / 2 ? 'top' : 'bottom';
  });
  // Focus stays in the field while the panel is open, so Escape is heard page-wide.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
  const attrs = { [scanModalAttribute]: '', [keepFocusAttribute]: '' };
  const title =
    activation.kind === 'text' ? t('keyboard.title', { field }) : t('keyboard.choices', { field });
  return (
    <div
      role="dialog"
      aria-label={title}
      className={['scan-keyboard', `scan-keyboard--${dock}`, className].filter(Boolean).join(' ')}
      {...attrs}
      {...rest}
    >
      <p className="scan-keyboard__title">{title}</p>
      {activation.kind === 'text' ? (
        <TextKeys target={activation.target} label={title} onClose={onClose} />
      ) : (
        <OptionKeys target={activation.target} label={title} onClose={onClose} />
      )}
    </div>
  );
}

interface KeyData {
  id: string;
  label: string;
  onPress: () => void;
  lang?: string;
  pressed?: boolean;
  disabled?: boolean;
  wide?: boolean;
  close?: boolean;
  /** A suggestion or candidate: drawn apart from the letters, so its rows read as one band. */
  suggestion?: boolean;
}

interface RowData {
  id: string;
  label: string;
  keys: KeyData[];
}

const moves: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * A grid, so the scanner offers it row by row and returns to the rows after
 * each key (row-column scanning). For the keyboard it is one Tab stop with
 * arrow keys inside, as the ARIA grid pattern asks.
 */
function KeyGrid({ label, rows }: { label: string; rows: RowData[] }) {
  const grid = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [ar, ac] = active;
  return (
    <div
      ref={grid}
      role="grid"
      aria-label={label}
      className="scan-keyboard__keys"
      onKeyDown={(event) => {
        const move = moves[event.key];
        if (move === undefined) return;
        event.preventDefault();
        const r = Math.max(0, Math.min(rows.length - 1, ar + move[0]));
        const c = Math.max(0, Math.min((rows[r]?.keys.length ?? 1) - 1, move[0] === 0 ? ac + move[1] : ac));
        setActive([r, c]);
        grid.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
      }}
    >
      {rows.map((row, r) => (
        <div key={row.id} role="row" aria-label={row.label} className="scan-keyboard__row">
          {row.keys.map((key, c) => (
            <span key={key.id} role="gridcell" className="scan-keyboard__cell">
              <button
                type="button"
                data-cell={`${r}-${c}`}
                tabIndex={r === ar && c === ac ? 0 : -1}
                lang={key.lang}
                aria-pressed={key.pressed}
                disabled={key.disabled}
                className={[
                  'scan-keyboard__key',
                  key.wide ? 'scan-keyboard__key--wide' : null,
                  key.close ? 'scan-keyboard__close' : null,
                  key.suggestion ? 'scan-keyboard__key--suggestion' : null,
                ]
                  .filter(Boolean)
                  .join(' ')}
                onClick={() => {
                  setActive([r, c]);
                  key.onPress();
                }}
              >
                {key.label}
              </button>
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

const han = /\p{Script=Han}/u;

/** Fields whose text is never Chinese nor worth predicting: passwords, addresses, numbers. */
function latinOnly(target: TextTarget): boolean {
  if (target instanceof HTMLTextAreaElement) return false;
  return (
    ['password', 'email', 'url', 'tel', 'number'].includes(target.type) ||
    ['username', 'current-password', 'new-password', 'email'].includes(target.autocomplete)
  );
}

function TextKeys({ target, label, onClose }: { target: TextTarget; label: string; onClose: () => void }) {
  const { t } = useTranslation('a11y');
  const entry = useTextEntry();
  const onlyLatin = latinOnly(target);
  // A username or a password is no sentence: no suggestions to scan past, none of the worker's words shown.
  const predicting = !onlyLatin;
  const [state, setState] = useState<EntryState>(() =>
    // Sentence capitals suit a note, never a username or a password.
    onlyLatin ? initialEntryState('latin', false) : initialEntryState(entry.mode),
  );
  // The field can also change under the keyboard (a physical key, a paste): follow it.
  const [, fieldChanged] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    target.addEventListener('input', fieldChanged);
    return () => target.removeEventListener('input', fieldChanged);
  }, [target]);
  const { want } = entry;
  useEffect(() => {
    if (predicting) want();
  }, [predicting, want]);

  const phrases = phraseSetOf(target);
  // Both languages' phrases teach the predictor, whichever the UI shows.
  const phraseTexts = useMemo(
    () =>
      phrases === null
        ? []
        : phraseSets[phrases].flatMap((key) =>
            ['en', 'zh-CN'].map((lng) => t(`phrases.${phrases}.${key}`, { lng })),
          ),
    [phrases, t],
  );
  const shownPhrases = useMemo(
    () => (phrases === null ? [] : phraseSets[phrases].map((key) => t(`phrases.${phrases}.${key}`))),
    [phrases, t],
  );
  // Canned replies the field's view offers (a conversation's), beside the fixed phrases: they teach prediction only.
  const offeredCanned = useCannedPhrases(target.getAttribute(cannedPhrasesAttribute));
  const predictor = useMemo(
    () =>
      entry.lists === null || !predicting
        ? null
        : new Predictor({
            ...entry.lists,
            learned: entry.learned,
            canned: offeredCanned.length === 0 ? phraseTexts : [...phraseTexts, ...offeredCanned],
          }),
    [entry.lists, entry.learned, predicting, phraseTexts, offeredCanned],
  );

  const field = fieldState(target);
  const before = textBeforeCaret(target);
  const layout = state.mode === 'pinyin' ? pinyinLayout : latinLayout;
  // An empty field with canned phrases offers them whole: one selection writes a common note.
  const { suggestions: offered, more } =
    shownPhrases.length > 0 && field.value.trim() === '' && state.composition === ''
      ? {
          suggestions: shownPhrases.map((text): Suggestion => ({ text, consumed: 0, kind: 'phrase' })),
          more: false,
        }
      : predictor === null
        ? { suggestions: [], more: false }
        : suggestionsFor(predictor, state, before, suggestionsPerPage);
  const laidOut = withSuggestions(
    layout,
    offered.map((s) => s.text),
    more,
  );

  const press = (action: EntryKeyAction) => {
    if (action.type === 'close') {
      onClose();
      return;
    }
    if (action.type === 'enter') {
      if (state.composition !== '') {
        // Enter keeps the pinyin as typed letters, as desktop IMEs do.
        applyEdit(target, applyKey(field, { type: 'text', text: state.composition }));
        setState({ ...state, composition: '', page: 0 });
        return;
      }
      if (target instanceof HTMLTextAreaElement) {
        applyEdit(target, applyKey(field, { type: 'newline' }));
        return;
      }
      // A single-line field's Enter submits its form, as a keyboard's would.
      onClose();
      target.form?.requestSubmit();
      return;
    }
    // Space while spelling pinyin takes the first candidate, as every pinyin IME does.
    const effective: EntryKeyAction =
      action.type === 'space' && state.composition !== '' && offered.length > 0
        ? { type: 'suggestion', slot: 0 }
        : action;
    const result = pressEntryKey(state, field, effective, offered);
    if (action.type === 'mode') entry.setMode(action.mode);
    setState(result.state);
    if (result.edit !== null) applyEdit(target, result.edit);
    if (result.chosen !== undefined) entry.chose(result.chosen, state.mode === 'pinyin' ? 'zh' : 'en');
  };

  const capital = typesCapital(state, field);
  const labelOf = (key: LayoutKey): string =>
    key.action.type === 'char' && capital
      ? key.action.char.toUpperCase()
      : (key.label ?? namedKeyLabel(t, key.id));
  const rows: RowData[] = [];
  for (const row of laidOut) {
    const keys = row.keys.filter((key) => !(onlyLatin && key.action.type === 'mode'));
    if (keys.length === 0) continue;
    rows.push({
      id: row.id,
      label: rowLabel(t, row.id, keys.map(labelOf), state),
      keys: keys.map((key) => ({
        id: key.id,
        label: key.action.type === 'mode' ? t('keyboard.keys.pinyin') : labelOf(key),
        lang: key.label !== undefined && han.test(key.label) ? 'zh-CN' : undefined,
        wide: key.label === undefined || key.label.length > 1,
        pressed:
          key.action.type === 'shift'
            ? state.capitals
            : key.action.type === 'mode'
              ? state.mode === 'pinyin'
              : undefined,
        close: key.action.type === 'close',
        suggestion: key.action.type === 'suggestion',
        onPress: () => press(key.action),
      })),
    });
  }
  return (
    <>
      {state.mode === 'pinyin' ? (
        <p className="scan-keyboard__composition" aria-live="polite">
          {state.composition === ''
            ? t('keyboard.pinyinReady')
            : t('keyboard.composing', { pinyin: state.composition })}
        </p>
      ) : null}
      <KeyGrid label={label} rows={rows} />
    </>
  );
}

type Translate = ReturnType<typeof useTranslation<'a11y'>>['t'];

/** The layouts' named keys (space, delete, …), each with its own word. */
function namedKeyLabel(t: Translate, id: string): string {
  switch (id) {
    case 'space':
      return t('keyboard.keys.space');
    case 'backspace':
      return t('keyboard.keys.backspace');
    case 'enter':
      return t('keyboard.keys.enter');
    case 'shift':
      return t('keyboard.keys.shift');
    case 'close':
      return t('keyboard.keys.close');
    case 'clear':
      return t('keyboard.keys.clear');
    case 'more':
      return t('keyboard.keys.more');
    default:
      return t('keyboard.keys.pinyin');
  }
}

/** A row's name says what is in it, so a scanning worker knows which row holds their key. */
function rowLabel(t: Translate, id: string, labels: readonly string[], state: EntryState): string {
  if (id === suggestionRowId)
    return state.composition === ''
      ? t('keyboard.rows.suggestions')
      : t('keyboard.rows.candidates', { pinyin: state.composition });
  if (id.startsWith(suggestionRowId))
    return state.composition === ''
      ? t('keyboard.rows.moreSuggestions')
      : t('keyboard.rows.moreCandidates', { pinyin: state.composition });
  if (id.startsWith('letters') || id.startsWith('pinyin'))
    return t('keyboard.rows.letters', { keys: labels.join(' ') });
  if (id === 'digits') return t('keyboard.rows.digits');
  return labels.join(', ');
}

const optionsPerRow = 6;

function OptionKeys({
  target,
  label,
  onClose,
}: {
  target: HTMLSelectElement;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('a11y');
  const keys: KeyData[] = Array.from(target.options).map((option) => ({
    id: String(option.index),
    label: option.label,
    lang: option.lang || undefined,
    pressed: option.selected,
    disabled: option.disabled,
    wide: true,
    onPress: () => {
      onClose();
      chooseOption(target, option.index);
    },
  }));
  // Close shares the last row: a short list is then one level to scan, not two.
  keys.push({ id: 'close', label: t('keyboard.keys.close'), wide: true, close: true, onPress: onClose });
  const rows: RowData[] = [];
  for (let i = 0; i < keys.length; i += optionsPerRow)
    rows.push({ id: String(i), label: t('keyboard.rows.options'), keys: keys.slice(i, i + optionsPerRow) });
  return <KeyGrid label={label} rows={rows} />;
}
