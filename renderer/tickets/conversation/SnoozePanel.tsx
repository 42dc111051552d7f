import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { readNow, useNow } from './clock';
import {
  maxSnoozeAheadMs,
  parseSnoozeField,
  snoozePresets,
  snoozeUntil,
  toDateTimeLocal,
} from './snooze-presets';
import { useDateTimeFormat } from './useDateTimeFormat';

export interface SnoozePanelProps {
  id: string;
  onSnooze: (until: number) => void | Promise<void>;
  onCancel: () => void;
}

/**
 * "Snooze until": three presets, each one press (1 hour, 4 hours, tomorrow
 * 9:00, each showing the time it means), or a date and time of the agent's
 * choosing. Escape or Cancel closes it.
 */
export function SnoozePanel({ id, onSnooze, onCancel }: SnoozePanelProps) {
  const { t } = useTranslation('tickets');
  const now = useNow();
  const format = useDateTimeFormat();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = () => {
    const at = readNow();
    const parsed = parseSnoozeField(value, at);
    if (!parsed.ok) {
      setError(t(`conversation.snooze.error.${parsed.reason}`));
      return;
    }
    setError(null);
    void onSnooze(parsed.until);
  };

  return (
    <div
      id={id}
      role="group"
      aria-labelledby={titleId}
      className="action-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={titleId} className="action-panel__title">
        {t('conversation.snooze.title')}
      </p>
      <div className="action-panel__row">
        {snoozePresets.map((preset, index) => (
          <Button
            key={preset}
            ref={index === 0 ? first : undefined}
            onClick={() => void onSnooze(snoozeUntil(preset, readNow()))}
          >
            {t(`conversation.snooze.preset.${preset}`, { time: format(snoozeUntil(preset, now), now) })}
          </Button>
        ))}
      </div>
      <form
        className="action-panel__row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          type="datetime-local"
          label={t('conversation.snooze.custom')}
          min={toDateTimeLocal(now)}
          max={toDateTimeLocal(now + maxSnoozeAheadMs)}
          value={value}
          error={error ?? undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <Button type="submit" primary>
          {t('conversation.snooze.submit')}
        </Button>
        <Button onClick={onCancel}>{t('conversation.actions.cancel')}</Button>
      </form>
    </div>
  );
}
