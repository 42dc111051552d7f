import { useTranslation } from 'react-i18next';
import { SafeChoiceDialog } from '../ui/SafeChoiceDialog';

export interface EndBroadcastDialogProps {
  open: boolean;
  /** The broadcast's title, named in the question. */
  title: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before ending: "Keep broadcasting" first and focused, so a stray press keeps the broadcast on air. */
export function EndBroadcastDialog({ open, title, busy, onConfirm, onCancel }: EndBroadcastDialogProps) {
  const { t } = useTranslation('live');
  return (
    <SafeChoiceDialog
      open={open}
      question={t('end.question')}
      body={t('end.body', { title })}
      choicesLabel={t('end.choices')}
      safeLabel={t('end.cancel')}
      confirmLabel={t('end.confirm')}
      danger
      busy={busy}
      onConfirm={onConfirm}
      onSafe={onCancel}
    />
  );
}
