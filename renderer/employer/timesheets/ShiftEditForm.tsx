import { Save, X } from 'lucide-react';
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { timesheetCommentMax, type TimesheetShift } from '../../../shared/protocol/shifts';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { TextAreaField, TextField } from '../../ui/Field';
import { outcomeText } from './outcome-text';
import { timesheetsStore } from './timesheets-store';
import { fromWallInput, toWallInput } from './wall-clock';

const dayMs = 24 * 3_600_000;

/**
 * A supervisor's correction of one shift's times, in the organisation's zone.
 * The reason is required: it goes into the audit trail with who and when.
 */
export function ShiftEditForm({
  userId,
  shift,
  timeZone,
  onClose,
}: {
  userId: number;
  shift: TimesheetShift;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(['timesheets', 'errors']);
  const store = useSessionStore(timesheetsStore);
  useSyncExternalStore(store.subscribe, () => store.version);
  const [start, setStart] = useState(() => toWallInput(shift.startedAt, timeZone));
  const [end, setEnd] = useState(() => toWallInput(shift.endedAt ?? Date.now(), timeZone));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ end?: string; reason?: string; form?: string }>({});
  const [entryId, setEntryId] = useState<string | null>(null);
  const id = useId();
  const said = outcomeText(t, entryId ? store.outcome(entryId) : null, t('editDone'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startedAt = fromWallInput(start, timeZone);
    const endedAt = fromWallInput(end, timeZone);
    const next: typeof errors = {};
    if (startedAt === null || endedAt === null) next.end = t('edit.timesInvalid');
    else if (endedAt <= startedAt) next.end = t('edit.endBeforeStart');
    else if (endedAt - startedAt > dayMs) next.end = t('edit.tooLong');
    if (reason.trim() === '') next.reason = t('edit.reasonRequired');
    setErrors(next);
    if (next.end || next.reason || startedAt === null || endedAt === null) {
      document
        .getElementById(next.end ? `${id}-end` : `${id}-reason`)
        ?.querySelector<HTMLElement>('input, textarea')
        ?.focus();
      return;
    }
    const answer = await store.editShift(userId, shift.shiftKey, startedAt, endedAt, reason);
    if (answer.ok) setEntryId(answer.data.id);
    else setErrors({ form: t(`errors:codes.${answer.error.code}`) });
  };

  return (
    <form className="timesheet__edit" aria-label={t('edit.label')} onSubmit={(event) => void submit(event)}>
      <p className="timesheet__zone">{t('edit.zone', { zone: timeZone })}</p>
      <div className="timesheet__edit-times">
        <TextField
          type="datetime-local"
          label={t('edit.start')}
          value={start}
          required
          onChange={(event) => setStart(event.target.value)}
        />
        <div id={`${id}-end`}>
          <TextField
            type="datetime-local"
            label={t('edit.end')}
            value={end}
            required
            error={errors.end}
            onChange={(event) => setEnd(event.target.value)}
          />
        </div>
      </div>
      <div id={`${id}-reason`}>
        <TextAreaField
          label={t('edit.reason')}
          hint={t('commentHint', { max: timesheetCommentMax })}
          value={reason}
          required
          maxLength={timesheetCommentMax}
          rows={2}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {errors.form ? <p role="alert">{errors.form}</p> : null}
      <div className="timesheet__actions">
        <Button type="submit" primary icon={Save}>
          {t('edit.save')}
        </Button>
        <Button icon={X} onClick={onClose}>
          {t('edit.cancel')}
        </Button>
      </div>
      <p role="status">{said}</p>
    </form>
  );
}
