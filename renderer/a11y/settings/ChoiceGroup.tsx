import { useId, useState, type FieldsetHTMLAttributes, type ReactNode } from 'react';
import './controls.css';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  /** Something beside the label, e.g. a colour swatch. */
  adornment?: ReactNode;
}

export interface ChoiceGroupProps<T extends string> extends Omit<
  FieldsetHTMLAttributes<HTMLFieldSetElement>,
  'onChange'
> {
  legend: ReactNode;
  value: T;
  choices: readonly Choice<T>[];
  /** May return the save; the choice shows as made until it settles, then follows `value`. */
  onChange: (value: T) => unknown;
  /** Lay the choices out in a row where they fit. */
  inline?: boolean;
}

/** Native radios in a fieldset: arrow keys move and select, one Tab stop, a group for scanning. */
export function ChoiceGroup<T extends string>({
  legend,
  value,
  choices,
  onChange,
  inline = false,
  className,
  ...rest
}: ChoiceGroupProps<T>) {
  const name = useId();
  const [pending, setPending] = useState<T | null>(null);
  const shown = pending ?? value;
  const choose = (next: T) => {
    setPending(next);
    void Promise.resolve(onChange(next)).finally(() => setPending(null));
  };
  return (
    <fieldset
      className={['choice-group', inline ? 'choice-group--inline' : null, className]
        .filter(Boolean)
        .join(' ')}
      {...rest}
    >
      <legend className="choice-group__legend">{legend}</legend>
      <div className="choice-group__choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === shown}
              onChange={() => choose(choice.value)}
            />
            {choice.adornment}
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
