import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { Button } from './Button';
import './SafeChoiceDialog.css';

export interface SafeChoiceDialogProps {
  open: boolean;
  question: string;
  body: string;
  /** The group of the two choices, named for screen readers. */
  choicesLabel: string;
  /** The choice that changes nothing: first, focused, and what Escape does. */
  safeLabel: string;
  confirmLabel: string;
  /** The confirm button looks like the danger it is (ending a broadcast). */
  danger?: boolean;
  busy: boolean;
  onConfirm: () => void;
  onSafe: () => void;
}

function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button:not([disabled])'));
}

/**
 * Asks before something a worker cannot take back by accident (ending a
 * broadcast, clocking out): a modal dialog (scanning scans only it, screen
 * readers stay in it) with the safe choice first and focused, so a stray
 * Enter, the first switch press or Escape changes nothing. No timed or
 * double press anywhere: the other choice is always one deliberate press.
 */
export function SafeChoiceDialog({
  open,
  question,
  body,
  choicesLabel,
  safeLabel,
  confirmLabel,
  danger = false,
  busy,
  onConfirm,
  onSafe,
}: SafeChoiceDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      safe.current?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  // Tab stays inside by hand: past the last button the browser would go on to its own UI.
  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const stops = tabStops(dialog.current);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="safe-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onSafe();
      }}
      onKeyDown={trapTab}
    >
      {open ? (
        <>
          <h2 id={titleId} className="safe-dialog__title">
            {question}
          </h2>
          <p id={bodyId}>{body}</p>
          <div role="group" aria-label={choicesLabel} className="safe-dialog__actions">
            <Button ref={safe} primary onClick={onSafe}>
              {safeLabel}
            </Button>
            <Button
              className={danger ? 'safe-dialog__danger' : undefined}
              disabled={busy}
              onClick={onConfirm}
            >
              {confirmLabel}
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
