import { useEffect, useId, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { isModifierCode, maxSequenceLength, strokeFromEvent, strokeToString } from '../../../shared/a11y';
import { Button } from '../../ui/Button';
import { useActionRegistry } from './actions';
import { describeBinding } from './format-binding';
import './ShortcutSettings.css';

export interface ShortcutRecorderProps extends HTMLAttributes<HTMLDivElement> {
  actionLabel: string;
  /** A pause this long ends the recording; null: only Done does. */
  pauseMs: number | null;
  onRecorded: (binding: string) => void;
  onCancel: () => void;
}

/**
 * Takes the next chord, or several keys one after another for users who
 * cannot hold two keys at once. While it listens, shortcuts are off, so the
 * keys it records run nothing.
 */
export function ShortcutRecorder({
  actionLabel,
  pauseMs,
  onRecorded,
  onCancel,
  className,
  ...rest
}: ShortcutRecorderProps) {
  const { t } = useTranslation('keyboard');
  const registry = useActionRegistry();
  const [strokes, setStrokes] = useState<readonly string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => registry.suspend(), [registry]);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (strokes.length === 0) return;
    if (strokes.length >= maxSequenceLength) {
      onRecorded(strokes.join(' '));
      return;
    }
    if (pauseMs === null) return;
    const timer = setTimeout(() => onRecorded(strokes.join(' ')), pauseMs);
    return () => clearTimeout(timer);
  }, [strokes, pauseMs, onRecorded]);

  const shown =
    strokes.length === 0 ? t('settings.nothingRecorded') : describeBinding(strokes.join(' '), t('keys.then'));

  return (
    <div className={['shortcut-recorder', className].filter(Boolean).join(' ')} {...rest}>
      <p id={`${ids}-title`} className="shortcut-recorder__title">
        {t('settings.recordingTitle', { action: actionLabel })}
      </p>
      <p id={`${ids}-prompt`} className="shortcut-recorder__prompt">
        {t('settings.recordingPrompt')}
      </p>
      <input
        ref={input}
        className="shortcut-recorder__input"
        type="text"
        readOnly
        aria-label={t('settings.recorderLabel')}
        aria-describedby={`${ids}-title ${ids}-prompt`}
        value={shown}
        onKeyDown={(event) => {
          const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
          // Tab still leaves (to Done and Cancel), so the recorder is never a keyboard trap.
          if (event.key === 'Tab' && plain) return;
          if (event.key === 'Escape' && plain && !event.shiftKey) {
            event.preventDefault();
            onCancel();
            return;
          }
          event.preventDefault();
          if (event.repeat || isModifierCode(event.code) || event.nativeEvent.isComposing) return;
          setStrokes((list) => [...list, strokeToString(strokeFromEvent(event))]);
        }}
      />
      <p role="status" className="shortcut-recorder__so-far">
        {strokes.length > 0 ? t('settings.recorded', { keys: shown }) : ''}
      </p>
      <div className="shortcut-recorder__buttons">
        <Button primary onClick={() => (strokes.length > 0 ? onRecorded(strokes.join(' ')) : onCancel())}>
          {t('settings.done')}
        </Button>
        <Button onClick={onCancel}>{t('settings.cancel')}</Button>
      </div>
    </div>
  );
}
