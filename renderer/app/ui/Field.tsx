import { useId, type ComponentProps, type ReactNode } from 'react';
import './Field.css';

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the control and announced; also marks the control invalid. */
  error?: ReactNode;
  /** Ids of messages elsewhere on the page that also describe this control (e.g. a form-level alert). */
  describedBy?: string;
  className?: string;
}

function useFieldIds(describedBy: string | undefined, hint: ReactNode, error: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedByIds = [errorId, describedBy, hintId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedByIds };
}

function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId?: string;
  error: ReactNode;
  errorId?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'>, FieldFrameProps {}

export function TextField({
  label,
  hint,
  error,
  describedBy,
  className,
  'aria-invalid': invalid,
  ...input
}: TextFieldProps) {
  const { id, hintId, errorId, describedByIds } = useFieldIds(describedBy, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className="field__control"
        aria-invalid={error || (invalid && invalid !== 'false') ? true : undefined}
        aria-describedby={describedByIds}
        {...input}
      />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'id'>, FieldFrameProps {}

export function TextAreaField({
  label,
  hint,
  error,
  describedBy,
  className,
  'aria-invalid': invalid,
  ...textarea
}: TextAreaFieldProps) {
  const { id, hintId, errorId, describedByIds } = useFieldIds(describedBy, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea
        id={id}
        className="field__control field__control--multiline"
        aria-invalid={error || (invalid && invalid !== 'false') ? true : undefined}
        aria-describedby={describedByIds}
        {...textarea}
      />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
