import { useId, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../ui/Button';
import '../../ui/Field.css';
import './controls.css';

export interface NumberSettingProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  label: string;
  /** The stored value, e.g. milliseconds. */
  value: number;
  /** Stored units per shown unit: 1000 shows milliseconds as seconds. */
  scale?: number;
  /** The zod field the host validates with: the page accepts exactly what the host will. */
  schema: z.ZodNumber;
  /** In stored units; default to the schema's range. */
  min?: number;
  max?: number;
  step: number;
  /** 0 is allowed below `min` and means off. */
  zeroIsOff?: boolean;
  onCommit: (value: number) => void;
}

/** Enough digits to show every stored unit: milliseconds as seconds need three. */
function decimalsOf(scale: number): number {
  return Math.max(0, Math.round(Math.log10(scale)));
}

/**
 * A typed value with − and + beside it, so it can be set with a switch as well
 * as typed. A value that does not fit stays in the field with a message under
 * it; nothing the worker typed is thrown away.
 */
export function NumberSetting({
  label,
  value,
  scale = 1,
  schema,
  min = schema.minValue ?? 0,
  max = schema.maxValue ?? Number.MAX_SAFE_INTEGER,
  step,
  zeroIsOff = false,
  onCommit,
  className,
  ...rest
}: NumberSettingProps) {
  const { t, i18n } = useTranslation('settings');
  const id = useId();
  const decimals = decimalsOf(scale);
  const format = (stored: number) =>
    new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: decimals }).format(stored / scale);
  // Plain digits in the field, the locale's own digits in the hint: the field must read back what it shows.
  const toText = (stored: number) => String(Number((stored / scale).toFixed(decimals)));
  // What the worker is typing; null shows the saved value, so a change made elsewhere shows at once.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? toText(value);

  const rangeText = t(zeroIsOff ? 'number.rangeOff' : 'number.range', { min: format(min), max: format(max) });

  const commit = (raw: string) => {
    const parsed = Number(raw.trim().replace(/,/g, '.').replace(/。/g, '.'));
    if (raw.trim() === '' || !Number.isFinite(parsed)) {
      setError(t('number.notANumber', { example: format(min) }));
      return;
    }
    const stored = Math.round(parsed * scale);
    if (!schema.safeParse(stored).success) {
      setError(
        t(zeroIsOff && min > 0 ? 'number.autoSelect' : 'number.outOfRange', {
          min: format(min),
          max: format(max),
        }),
      );
      return;
    }
    setError(null);
    setDraft(null);
    if (stored !== value) onCommit(stored);
  };

  const stepTo = (direction: 1 | -1) => {
    let next = Math.round((value + direction * step) / step) * step;
    if (zeroIsOff && min > 0) {
      if (direction > 0 && next < min) next = min;
      if (direction < 0 && next < min) next = 0;
    }
    next = Math.min(max, Math.max(zeroIsOff ? 0 : min, next));
    if (next === value) return;
    setError(null);
    setDraft(null);
    onCommit(next);
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={['number-setting', className].filter(Boolean).join(' ')} {...rest}>
      <label htmlFor={id} className="number-setting__label">
        {label}
      </label>
      <div className="number-setting__row" role="group" aria-label={label}>
        <Button
          className="number-setting__step"
          aria-label={t('number.decrease', { setting: label })}
          // aria-disabled, not disabled: focus stays on the button when the end of the range is reached.
          aria-disabled={value <= (zeroIsOff ? 0 : min) || undefined}
          onClick={() => stepTo(-1)}
        >
          <span aria-hidden="true">−</span>
        </Button>
        <input
          id={id}
          className="field__control number-setting__input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
          onChange={(event) => {
            setDraft(event.target.value);
            if (error) setError(null);
          }}
          onBlur={(event) => commit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit(event.currentTarget.value);
            }
          }}
        />
        <Button
          className="number-setting__step"
          aria-label={t('number.increase', { setting: label })}
          aria-disabled={value >= max || undefined}
          onClick={() => stepTo(1)}
        >
          <span aria-hidden="true">+</span>
        </Button>
      </div>
      <p id={hintId} className="field__hint">
        {rangeText}
      </p>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
