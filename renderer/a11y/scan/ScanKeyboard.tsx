import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseOption, keepFocusAttribute, typeInto, type Activation, type TextTarget } from './activate';
import { characterRows, withCase, type KeyAction } from './keyboard-layout';
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

const spaceKey: KeyAction = { type: 'space' };
const backspaceKey: KeyAction = { type: 'backspace' };
const newlineKey: KeyAction = { type: 'newline' };
const charKey = (char: string): KeyAction => ({ type: 'char', char });
const phraseKey = (text: string): KeyAction => ({ type: 'text', text });

function TextKeys({ target, label, onClose }: { target: TextTarget; label: string; onClose: () => void }) {
  const { t } = useTranslation('a11y');
  const [capitals, setCapitals] = useState(false);
  const phrases = phraseSetOf(target);
  const press = (action: KeyAction) => {
    typeInto(target, action);
    if (action.type === 'char') setCapitals(false);
  };
  const enter = () => {
    if (target instanceof HTMLTextAreaElement) {
      press(newlineKey);
      return;
    }
    // A single-line field's Enter submits its form, as a keyboard's would.
    onClose();
    target.form?.requestSubmit();
  };
  const rows: RowData[] = [];
  if (phrases) {
    rows.push({
      id: 'phrases',
      label: t('keyboard.rows.phrases'),
      keys: phraseSets[phrases].map((key) => {
        const text = t(`phrases.${phrases}.${key}`);
        return { id: key, label: text, wide: true, onPress: () => press(phraseKey(text)) };
      }),
    });
  }
  for (const row of characterRows) {
    rows.push({
      id: row.id,
      label: t(`keyboard.rows.${row.id}`),
      keys: row.keys.map((char) => {
        const shown = withCase(char, capitals);
        return { id: char, label: shown, onPress: () => press(charKey(shown)) };
      }),
    });
  }
  rows.push({
    id: 'edit',
    label: t('keyboard.rows.edit'),
    keys: [
      { id: 'space', label: t('keyboard.keys.space'), wide: true, onPress: () => press(spaceKey) },
      {
        id: 'backspace',
        label: t('keyboard.keys.backspace'),
        wide: true,
        onPress: () => press(backspaceKey),
      },
      { id: 'enter', label: t('keyboard.keys.enter'), wide: true, onPress: enter },
      {
        id: 'shift',
        label: t('keyboard.keys.shift'),
        wide: true,
        pressed: capitals,
        onPress: () => setCapitals((on) => !on),
      },
      { id: 'close', label: t('keyboard.keys.close'), wide: true, close: true, onPress: onClose },
    ],
  });
  return <KeyGrid label={label} rows={rows} />;
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
