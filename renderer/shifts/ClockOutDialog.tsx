import { useTranslation } from 'react-i18next';
import { SafeChoiceDialog } from '../ui/SafeChoiceDialog';

export interface ClockOutDialogProps {
  open: boolean;
  /** When the shift began, already formatted ("09:02"). */
  since: string | null;
  busy: boolean;
  onConfirm: () => void;
  onStay: () => void;
}

/** Asks before clocking out: "Stay on shift" first and focused, so a stray press keeps the worker on shift. */
export function ClockOutDialog({ open, since, busy, onConfirm, onStay }: ClockOutDialogProps) {
  const { t } = useTranslation('shifts');
  return (
    <SafeChoiceDialog
      open={open}
      question={t('clock.confirm.question')}
      body={t('clock.confirm.body', { time: since ?? '—' })}
      choicesLabel={t('clock.confirm.choices')}
      safeLabel={t('clock.confirm.stay')}
      confirmLabel={t('clock.confirm.out')}
      busy={busy}
      onConfirm={onConfirm}
      onSafe={onStay}
    />
  );
}
