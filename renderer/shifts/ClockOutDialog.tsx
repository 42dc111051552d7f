import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

export interface ClockOutDialogProps {
  open: boolean;
  /** When the shift began, already formatted ("09:02"). */
  since: string | null;
  busy: boolean;
  onConfirm: () => void;
  onStay: () => void;
}

function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button:not([disabled])'));
}

/**
 * Asks before clocking out: a modal dialog with "Stay on shift" first and
 * focused, so a stray Enter, the first switch press or Escape keeps the
 * worker on shift. Clocking out is always one deliberate choice away.
 */
export function ClockOutDialog({ open, since, busy, onConfirm, onStay }: ClockOutDialogProps) {
  const { t } = useTranslation('shifts');
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      stay.current?.focus();
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
      className="shifts-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
      onKeyDown={trapTab}
    >
      {open ? (
        <>
          <h2 id={titleId} className="shifts-dialog__title">
            {t('clock.confirm.question')}
          </h2>
          <p id={bodyId}>{t('clock.confirm.body', { time: since ?? '—' })}</p>
          <div role="group" aria-label={t('clock.confirm.choices')} className="shifts-dialog__actions">
            <Button ref={stay} primary onClick={onStay}>
              {t('clock.confirm.stay')}
            </Button>
            <Button disabled={busy} onClick={onConfirm}>
              {t('clock.confirm.out')}
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
