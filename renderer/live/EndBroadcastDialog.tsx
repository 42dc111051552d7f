import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

export interface EndBroadcastDialogProps {
  open: boolean;
  /** The broadcast's title, named in the question. */
  title: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button:not([disabled])'));
}

/**
 * Asks before ending: a modal dialog (scanning scans only it, screen readers
 * stay in it), "Keep broadcasting" first and focused, so a stray Enter or the
 * first switch press keeps the broadcast on air, Escape the same as keeping it. No timed or
 * double press anywhere.
 */
export function EndBroadcastDialog({ open, title, busy, onConfirm, onCancel }: EndBroadcastDialogProps) {
  const { t } = useTranslation('live');
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      keep.current?.focus();
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
      className="live-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={trapTab}
    >
      {open ? (
        <>
          <h2 id={titleId} className="live-dialog__title">
            {t('end.question')}
          </h2>
          <p id={bodyId}>{t('end.body', { title })}</p>
          <div role="group" aria-label={t('end.choices')} className="live-dialog__actions">
            <Button ref={keep} primary onClick={onCancel}>
              {t('end.cancel')}
            </Button>
            <Button className="live-dialog__end" disabled={busy} onClick={onConfirm}>
              {t('end.confirm')}
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
