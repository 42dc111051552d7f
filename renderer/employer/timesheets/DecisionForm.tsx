import { Check, Undo2 } from 'lucide-react';
import { useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { timesheetCommentMax, type TimesheetStatus } from '../../../shared/protocol/shifts';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { outcomeText } from './outcome-text';
import { timesheetsStore } from './timesheets-store';

/**
 * Approve or return the open timesheet. A return must say what to fix, so
 * it asks for the comment first; an approval may carry one. Both queue in
 * the outbox and the form says when the hub has them.
 */
export function DecisionForm({
  userId,
  name,
  status,
}: {
  userId: number;
  name: string;
  status: TimesheetStatus;
}) {
  const { t } = useTranslation(['timesheets', 'errors']);
  const store = useSessionStore(timesheetsStore);
  useSyncExternalStore(store.subscribe, () => store.version);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ entryId: string; kind: 'approved' | 'returned' } | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const outcome = pending ? store.outcome(pending.entryId) : null;
  const said = outcomeText(t, outcome, pending?.kind === 'returned' ? t('returnedDone') : t('approvedDone'));

  const decide = async (kind: 'approved' | 'returned') => {
    if (kind === 'returned' && comment.trim() === '') {
      setError(t('commentRequired'));
      field.current?.focus();
      return;
    }
    setError(null);
    const answer =
      kind === 'approved' ? await store.approve(userId, comment) : await store.sendBack(userId, comment);
    if (answer.ok) {
      setPending({ entryId: answer.data.id, kind });
      setComment('');
    } else {
      setError(t(`errors:codes.${answer.error.code}`));
    }
  };

  return (
    <form
      className="timesheet__decision"
      aria-label={t('decisionLabel', { name })}
      onSubmit={(event) => {
        event.preventDefault();
        void decide('approved');
      }}
    >
      <TextAreaField
        ref={field}
        label={t('comment')}
        hint={t('commentHint', { max: timesheetCommentMax })}
        error={error ?? undefined}
        value={comment}
        maxLength={timesheetCommentMax}
        rows={3}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="timesheet__actions">
        <Button type="submit" primary icon={Check} disabled={status === 'approved'}>
          {t('approve')}
        </Button>
        <Button icon={Undo2} onClick={() => void decide('returned')}>
          {t('return')}
        </Button>
      </div>
      <p role="status" className="timesheet__outcome">
        {said}
      </p>
    </form>
  );
}
