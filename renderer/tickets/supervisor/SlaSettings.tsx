import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketPriority } from '../../../shared/domain/tickets/ticket-status';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { SaveFeedback, type Feedback } from './SaveFeedback';
import {
  fromForm,
  maxAmount,
  priorityOrder,
  slaClocks,
  slaUnits,
  toForm,
  type SlaClockName,
  type SlaErrors,
  type SlaField,
  type SlaForm,
} from './sla-form';
import { ticketSettingsStore } from '../settings-store';
import '../../a11y/settings/controls.css';
import '../../ui/Field.css';
import './supervisor.css';

/**
 * The SLA targets per priority: how soon a customer gets a first answer and
 * how soon the conversation is resolved, each in minutes or hours. Checked
 * as the hub checks them (slaTargetsSchema) before anything is queued; a
 * refused field keeps what was typed and says why beside it.
 */
export function SlaSettings() {
  const { t } = useTranslation(['tickets', 'errors']);
  const store = useSessionStore(ticketSettingsStore);
  const settings = useSyncExternalStore(store.subscribe, () => store.settings);
  const waiting = useSyncExternalStore(store.subscribe, () => store.waiting);
  const connection = useConnectionState();
  /** Null: nothing edited, the form shows what the hub holds (or will, once the outbox is through). */
  const [edited, setEdited] = useState<SlaForm | null>(null);
  const [errors, setErrors] = useState<SlaErrors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const headingId = useId();
  const hintId = useId();
  const intended = store.intended;
  if (settings === null || intended === null) {
    return (
      <section aria-labelledby={headingId} className="supervisor-section">
        <h3 id={headingId} className="supervisor-section__title">
          {t('supervisor.sla.title')}
        </h3>
        <p role="status">{t('supervisor.routing.loading')}</p>
      </section>
    );
  }
  const form = edited ?? toForm(intended.sla);

  const change = (priority: TicketPriority, clock: SlaClockName, field: Partial<SlaField>) => {
    setEdited({
      ...form,
      [priority]: { ...form[priority], [clock]: { ...form[priority][clock], ...field } },
    });
    setFeedback(null);
    const key = `${priority}.${clock}` as const;
    if (errors[key]) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== key)));
  };

  const save = async () => {
    const checked = fromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFeedback({ text: t('supervisor.sla.fix'), failed: true });
      return;
    }
    setErrors({});
    const base = store.intended ?? intended;
    const answer = await store.save({ ...base, sla: checked.targets });
    if (!answer.ok) {
      setFeedback({
        text: t('supervisor.saveFailed', { reason: t(`errors:codes.${answer.error.code}`) }),
        failed: true,
      });
      return;
    }
    setEdited(null);
    setFeedback({
      text: t(connection === 'connected' ? 'supervisor.sla.saved' : 'supervisor.sla.queued'),
      failed: false,
    });
  };

  return (
    <section aria-labelledby={headingId} className="supervisor-section">
      <h3 id={headingId} className="supervisor-section__title">
        {t('supervisor.sla.title')}
      </h3>
      <p id={hintId} className="field__hint">
        {t('supervisor.sla.hint', { days: maxAmount('hours') / 24 })}
      </p>
      <form
        noValidate
        className="supervisor-sla"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {priorityOrder.map((priority) => (
          <fieldset key={priority} className="supervisor-sla__priority" aria-describedby={hintId}>
            <legend className="choice-group__legend">{t(`supervisor.sla.priorities.${priority}`)}</legend>
            <div className="supervisor-sla__clocks">
              {slaClocks.map((clock) => (
                <SlaTargetField
                  key={clock}
                  clock={clock}
                  field={form[priority][clock]}
                  error={errors[`${priority}.${clock}`] ?? null}
                  onChange={(field) => change(priority, clock, field)}
                />
              ))}
            </div>
          </fieldset>
        ))}
        {waiting.length > 0 ? <p className="field__hint">{t('supervisor.routing.waiting')}</p> : null}
        <SaveFeedback feedback={feedback} />
        <div className="supervisor__actions">
          <Button type="submit" primary>
            {t('supervisor.sla.save')}
          </Button>
          {edited ? (
            <Button
              onClick={() => {
                setEdited(null);
                setErrors({});
                setFeedback(null);
              }}
            >
              {t('supervisor.sla.reset')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function SlaTargetField({
  clock,
  field,
  error,
  onChange,
}: {
  clock: SlaClockName;
  field: SlaField;
  error: SlaErrors[keyof SlaErrors] | null;
  onChange: (field: Partial<SlaField>) => void;
}) {
  const { t } = useTranslation('tickets');
  const id = useId();
  const errorId = `${id}-error`;
  const label = t(`supervisor.sla.clocks.${clock}`);
  return (
    <div className="field supervisor-sla__field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="supervisor-sla__row">
        <input
          id={id}
          className="field__control supervisor-sla__amount"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={field.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange({ amount: event.target.value })}
        />
        <select
          className="field__control supervisor-sla__unit"
          aria-label={t('supervisor.sla.unitOf', { clock: label })}
          value={field.unit}
          onChange={(event) => {
            const unit = slaUnits.find((u) => u === event.target.value);
            if (unit) onChange({ unit });
          }}
        >
          {slaUnits.map((unit) => (
            <option key={unit} value={unit}>
              {t(`supervisor.sla.units.${unit}`)}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          {t(`supervisor.sla.errors.${error}`, { max: maxAmount(field.unit) })}
        </p>
      ) : null}
    </div>
  );
}
