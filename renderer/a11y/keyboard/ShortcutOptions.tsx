import { useId, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortcutPreferences } from '../../../shared/a11y';
import { useA11yProfile } from '../profile/ProfileProvider';
import './ShortcutSettings.css';

const timeoutChoices = [2000, 3000, 5000, 10000] as const;
/** The select's value for "no time limit" (sequenceTimeoutMs null). */
const noLimit = 'never';

export type ShortcutOptionsProps = HTMLAttributes<HTMLDivElement>;

/**
 * How shortcuts are read, for every command at once: single-key shortcuts
 * (off by default, WCAG 2.1.4) and the time allowed between the keys of a
 * sequence. The per-command keys are in ShortcutSettings.
 */
export function ShortcutOptions({ className, ...rest }: ShortcutOptionsProps) {
  const { t } = useTranslation(['keyboard', 'errors']);
  const { profile, update } = useA11yProfile();
  const [message, setMessage] = useState('');
  const ids = useId();
  const prefs = profile.shortcuts;

  const save = async (next: ShortcutPreferences) => {
    const ack = await update({ shortcuts: next });
    setMessage(
      ack.ok
        ? t('keyboard:settings.saved')
        : t('keyboard:settings.saveFailed', { reason: t(`errors:codes.${ack.error.code}`) }),
    );
  };

  return (
    <div
      role="group"
      aria-labelledby={`${ids}-title`}
      className={['shortcut-options', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <h2 id={`${ids}-title`} className="shortcut-settings__title">
        {t('keyboard:settings.title')}
      </h2>
      <label className="shortcut-settings__check">
        <input
          type="checkbox"
          checked={prefs.characterKeys}
          aria-describedby={`${ids}-character-hint`}
          onChange={(event) => void save({ ...prefs, characterKeys: event.target.checked })}
        />
        <span>{t('keyboard:settings.characterKeys')}</span>
      </label>
      <p id={`${ids}-character-hint`} className="shortcut-settings__hint">
        {t('keyboard:settings.characterKeysHint')}
      </p>
      <label htmlFor={`${ids}-timeout`} className="shortcut-settings__label">
        {t('keyboard:settings.sequenceTimeout')}
      </label>
      <select
        id={`${ids}-timeout`}
        className="shortcut-settings__select"
        value={prefs.sequenceTimeoutMs === null ? noLimit : String(prefs.sequenceTimeoutMs)}
        onChange={(event) => {
          const value = event.target.value;
          void save({ ...prefs, sequenceTimeoutMs: value === noLimit ? null : Number(value) });
        }}
      >
        {timeoutChoices.map((ms) => (
          <option key={ms} value={String(ms)}>
            {t('keyboard:settings.sequenceTimeoutSeconds', { seconds: ms / 1000 })}
          </option>
        ))}
        {prefs.sequenceTimeoutMs !== null &&
        !(timeoutChoices as readonly number[]).includes(prefs.sequenceTimeoutMs) ? (
          <option value={String(prefs.sequenceTimeoutMs)}>
            {t('keyboard:settings.sequenceTimeoutSeconds', { seconds: prefs.sequenceTimeoutMs / 1000 })}
          </option>
        ) : null}
        <option value={noLimit}>{t('keyboard:settings.sequenceTimeoutNever')}</option>
      </select>
      <p role="status" className="shortcut-settings__status">
        {message}
      </p>
    </div>
  );
}
