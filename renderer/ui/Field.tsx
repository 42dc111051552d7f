import { useId, type AriaAttributes, type ComponentProps, type ReactNode } from 'react';
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

/** What the frame hands its control: the id its label points at and the ARIA that ties the messages to it. */
interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * Label, control, hint and error in one place, so every kind of field links
 * its messages the same way (error first, then outside messages, then hint).
 */
function FieldFrame({
  label,
  hint,
  error,
  describedBy,
  className,
  invalid,
  children,
}: FieldFrameProps & {
  invalid: AriaAttributes['aria-invalid'];
  children: (wiring: ControlWiring) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const wiring: ControlWiring = {
    id,
    'aria-invalid': error || (invalid && invalid !== 'false') ? true : undefined,
    'aria-describedby': [errorId, describedBy, hintId].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(wiring)}
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
    </div>
  );
}

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'>, FieldFrameProps {}

export function TextField({ label, hint, error, describedBy, className, ...input }: TextFieldProps) {
  const frame = { label, hint, error, describedBy, className, invalid: input['aria-invalid'] };
  return (
    <FieldFrame {...frame}>
      {(wiring) => <input {...input} {...wiring} className="field__control" />}
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'id'>, FieldFrameProps {}

export function TextAreaField({
  label,
  hint,
  error,
  describedBy,
  className,
  ...textarea
}: TextAreaFieldProps) {
  const frame = { label, hint, error, describedBy, className, invalid: textarea['aria-invalid'] };
  return (
    <FieldFrame {...frame}>
      {(wiring) => (
        <textarea {...textarea} {...wiring} className="field__control field__control--multiline" />
      )}
    </FieldFrame>
  );
}
