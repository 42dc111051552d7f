import { useEffect, useId, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  resolveKeyMap,
  scanSettingsSchema,
  switchActions,
  switchInputSchema,
  type ScanSettings,
  type SwitchAction,
} from '../../../shared/a11y';
import { Button } from '../../ui/Button';
import { useSaveSetting } from './SettingsFeedback';
import { keyUsesText, useKeyUses } from './useKeyUses';
import './KeyMapSetting.css';

/** `KeyA` reads as A, `Digit1` as 1; everything else (Space, Enter, F13) already reads well. */
export function keyName(code: string): string {
  return code.replace(/^Key(?=[A-Z]$)/, '').replace(/^Digit(?=\d$)/, '');
}

export interface KeyMapSettingProps extends HTMLAttributes<HTMLDivElement> {
  scan: ScanSettings;
}

/** One row per switch action: the keys that do it now, and a button that listens for the next key. */
export function KeyMapSetting({ scan, className, ...rest }: KeyMapSettingProps) {
  const { t } = useTranslation('settings');
  const save = useSaveSetting();
  const [listening, setListening] = useState<SwitchAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();
  const errorId = useId();
  const current = resolveKeyMap(scan);
  const uses = useKeyUses()(scan);

  const assign = (action: SwitchAction, code: string) => {
    const next: Record<string, SwitchAction> = {};
    for (const [input, mapped] of current) if (mapped !== action && input !== code) next[input] = mapped;
    next[code] = action;
    // The host would refuse a map with no Select (or no Next with two switches): say so before asking.
    if (!scanSettingsSchema.safeParse({ ...scan, keyMap: next }).success) {
      setError(t('scan.keysInvalid'));
      return;
    }
    setError(null);
    const actionName = t(`scan.actions.${action}`);
    void save(
      { scan: { keyMap: next } },
      t('scan.keys'),
      t('scan.keyAssigned', { key: keyName(code), action: actionName }),
    );
  };

  useEffect(() => {
    if (!listening) return;
    // Capture phase on window, added last: the key is for this field, not for scanning or shortcuts.
    const onKeyDown = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.repeat) return;
      setListening(null);
      if (event.code === 'Escape') return;
      if (!switchInputSchema.safeParse(event.code).success) return;
      assign(listening, event.code);
    };
    const swallow = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', swallow, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      // The key-up of the assigned key arrives after this; let it pass to nothing.
      setTimeout(() => window.removeEventListener('keyup', swallow, true), 0);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- assign reads the latest render; re-binding per render would drop keys
  }, [listening]);

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      className={['key-map', className].filter(Boolean).join(' ')}
      // Scanning reads this (keyCaptureAttribute) and leaves the next key-down to this field.
      data-wings-key-capture={listening ? 'true' : undefined}
      {...rest}
    >
      <h2 id={titleId} className="key-map__title">
        {t('scan.keys')}
      </h2>
      <p id={hintId} className="field__hint">
        {t('scan.keysHint')}
      </p>
      <ul className="key-map__list">
        {switchActions.map((action) => {
          const actionName = t(`scan.actions.${action}`);
          const keys = [...current].filter(([, mapped]) => mapped === action).map(([code]) => keyName(code));
          return (
            <li key={action} className="key-map__row">
              <span className="key-map__action">{actionName}</span>
              <span className="key-map__keys">
                {keys.length > 0 ? keys.map((key) => <kbd key={key}>{key}</kbd>) : t('scan.noKey')}
              </span>
              <Button
                className="key-map__assign"
                aria-label={listening === action ? undefined : t('scan.assignLabel', { action: actionName })}
                aria-describedby={error ? errorId : undefined}
                data-listening={listening === action || undefined}
                onClick={() => setListening(listening === action ? null : action)}
              >
                {listening === action ? t('scan.listening', { action: actionName }) : t('scan.assign')}
              </Button>
            </li>
          );
        })}
      </ul>
      {/* Polite and in place: a key typing needs was assigned, so say what typing loses and what to use instead. */}
      <div role="status" className="key-map__typing" data-typing-keys={uses.losses.length > 0 || undefined}>
        {uses.losses.length > 0 ? (
          <>
            <p>{keyUsesText(uses)}</p>
            <p>{t('scan.typingAdvice')}</p>
          </>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <Button
        className="key-map__reset"
        onClick={() => {
          setError(null);
          void save({ scan: { keyMap: null } }, t('scan.resetKeys'));
        }}
      >
        {t('scan.resetKeys')}
      </Button>
    </div>
  );
}
