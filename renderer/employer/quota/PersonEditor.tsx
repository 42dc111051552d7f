import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { disabilityKinds, type DisabilityRecord } from '../../../shared/protocol/quota';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { QuotaFeedback, useRefusalWords, type Feedback } from './QuotaFeedback';
import { peopleStore } from './people-store';
import {
  emptyPersonForm,
  personFromForm,
  personToForm,
  type PersonErrors,
  type PersonField,
  type PersonForm,
} from './person-form';
import '../../a11y/settings/controls.css';

export interface PersonEditorProps {
  /** Null: a new record. */
  record: DisabilityRecord | null;
  onDone: () => void;
}

/**
 * One disabled worker's record: the worker, the grade (1–2 count twice),
 * the type, the certificate number and the labour contract. The certificate
 * field is write-only: it starts empty, and after a save only the hub's
 * masked form is shown, with a note that the number is stored encrypted.
 */
export function PersonEditor({ record, onDone }: PersonEditorProps) {
  const { t } = useTranslation(['quota', 'errors']);
  const store = useSessionStore(peopleStore);
  const people = useSyncExternalStore(store.subscribe, () => store.people);
  useSyncExternalStore(store.subscribe, () => store.version);
  const connection = useConnectionState();
  const refusalWords = useRefusalWords();
  const [form, setForm] = useState<PersonForm>(() => (record ? personToForm(record) : emptyPersonForm));
  const [errors, setErrors] = useState<PersonErrors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [entryId, setEntryId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const workerId = useId();
  const kindId = useId();
  const gradeErrorId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  const outcome = entryId ? store.outcome(entryId) : null;
  // A new record, once the hub has it, is edited from then on: its masked number is what is on file.
  const current =
    record ??
    (outcome?.state === 'saved'
      ? (people?.records.find((r) => String(r.user.id) === form.userId) ?? null)
      : null);
  const stored = current ? (people?.records.find((r) => r.user.id === current.user.id) ?? current) : null;
  const name = current?.user.displayName ?? '';
  const candidates = people?.candidates ?? [];

  const change = (patch: Partial<PersonForm>, field: PersonField) => {
    setForm({ ...form, ...patch });
    setFeedback(null);
    if (errors[field]) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== field)));
  };
  const errorText = (field: PersonField) => {
    const error = errors[field];
    return error ? t(`form.errors.${error}`) : undefined;
  };

  const save = async () => {
    const checked = personFromForm(form, stored);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFeedback({ text: t('form.fix'), failed: true });
      return;
    }
    setErrors({});
    const answer = await store.savePerson(checked.input);
    if (!answer.ok) {
      setFeedback({
        text: t('form.refused', { reason: t(`errors:codes.${answer.error.code}`) }),
        failed: true,
      });
      return;
    }
    // The number leaves the form at once: it was sent, and is never shown again.
    setForm((f) => ({ ...f, certificate: '' }));
    setEntryId(answer.data.id);
    setFeedback(connection === 'connected' ? null : { text: t('form.queued'), failed: false });
  };

  const outcomeFeedback: Feedback | null =
    outcome?.state === 'saved'
      ? { text: t('form.saved'), failed: false }
      : outcome?.state === 'refused'
        ? { text: t('form.refused', { reason: refusalWords(outcome.reason) }), failed: true }
        : null;

  const gradeError = errorText('grade');
  const endError = errorText('contractEnd');

  return (
    <section aria-labelledby={headingId} className="quota-card quota-editor">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="quota-card__title">
        {current ? t('form.editTitle', { name }) : t('form.newTitle')}
      </h3>
      <form
        noValidate
        aria-labelledby={headingId}
        className="quota-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {current ? null : (
          <div className="field">
            <label htmlFor={workerId} className="field__label">
              {t('form.worker')}
            </label>
            <select
              id={workerId}
              className="field__control"
              value={form.userId}
              aria-invalid={errors.userId ? true : undefined}
              aria-describedby={errors.userId ? `${workerId}-error` : undefined}
              onChange={(event) => change({ userId: event.target.value }, 'userId')}
            >
              <option value="">{t('form.workerChoose')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.displayName}
                </option>
              ))}
            </select>
            {candidates.length === 0 ? <p className="field__hint">{t('form.noCandidates')}</p> : null}
            {errors.userId ? (
              <p id={`${workerId}-error`} className="field__error">
                {errorText('userId')}
              </p>
            ) : null}
          </div>
        )}

        <fieldset
          className="choice-group"
          aria-invalid={gradeError ? true : undefined}
          aria-describedby={gradeError ? gradeErrorId : undefined}
        >
          <legend className="choice-group__legend">{t('form.grade')}</legend>
          <div className="choice-group__choices">
            {(['1', '2', '3', '4'] as const).map((grade) => (
              <label key={grade} className="choice">
                <input
                  type="radio"
                  name={`${headingId}-grade`}
                  value={grade}
                  checked={form.grade === grade}
                  aria-describedby={gradeError ? gradeErrorId : undefined}
                  onChange={() => change({ grade }, 'grade')}
                />
                <span>
                  {grade === '1' || grade === '2'
                    ? t('form.gradeOptionTwice', { grade })
                    : t('form.gradeOption', { grade })}
                </span>
              </label>
            ))}
          </div>
          {gradeError ? (
            <p id={gradeErrorId} className="field__error">
              {gradeError}
            </p>
          ) : null}
        </fieldset>

        <div className="field">
          <label htmlFor={kindId} className="field__label">
            {t('form.kind')}
          </label>
          <select
            id={kindId}
            className="field__control"
            value={form.kind}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? `${kindId}-error` : undefined}
            onChange={(event) => change({ kind: event.target.value }, 'kind')}
          >
            <option value="">{t('form.kindChoose')}</option>
            {disabilityKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`people.kinds.${kind}`)}
              </option>
            ))}
          </select>
          {errors.kind ? (
            <p id={`${kindId}-error`} className="field__error">
              {errorText('kind')}
            </p>
          ) : null}
        </div>

        <TextField
          label={t('form.certificate')}
          hint={
            stored
              ? t('form.certificateStored', { masked: stored.certificateMasked })
              : t('form.certificateHint')
          }
          error={errorText('certificate')}
          value={form.certificate}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          onChange={(event) => change({ certificate: event.target.value }, 'certificate')}
        />

        <TextField
          label={t('form.contractStart')}
          error={errorText('contractStart')}
          value={form.contractStart}
          placeholder="2026-01-01"
          autoComplete="off"
          inputMode="numeric"
          onChange={(event) => change({ contractStart: event.target.value }, 'contractStart')}
        />

        <fieldset className="choice-group">
          <legend className="choice-group__legend">{t('form.contractEndLegend')}</legend>
          <div className="choice-group__choices">
            <label className="choice">
              <input
                type="radio"
                name={`${headingId}-end`}
                checked={!form.openEnded}
                onChange={() => change({ openEnded: false }, 'contractEnd')}
              />
              <span>{t('form.fixedTerm')}</span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${headingId}-end`}
                checked={form.openEnded}
                onChange={() => change({ openEnded: true }, 'contractEnd')}
              />
              <span>{t('form.openEnded')}</span>
            </label>
          </div>
          {form.openEnded ? null : (
            <TextField
              label={t('form.contractEnd')}
              error={endError}
              value={form.contractEnd}
              placeholder="2027-12-31"
              autoComplete="off"
              inputMode="numeric"
              onChange={(event) => change({ contractEnd: event.target.value }, 'contractEnd')}
            />
          )}
        </fieldset>

        <QuotaFeedback feedback={feedback ?? outcomeFeedback} />
        <div className="quota-actions">
          <Button type="submit" primary>
            {t('form.save')}
          </Button>
          <Button onClick={onDone}>{t('form.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
