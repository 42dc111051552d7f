import { CalendarDays, Pencil, Plus, RefreshCw, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisabilityRecord } from '../../../shared/protocol/quota';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { QuotaFeedback, type Feedback } from './QuotaFeedback';
import { MonthsEditor } from './MonthsEditor';
import { peopleStore } from './people-store';
import { PersonEditor } from './PersonEditor';
import { useQuotaFormat } from './quota-format';
import '../../ui/Field.css';
import './quota.css';

type Panel =
  | { kind: 'new' }
  | { kind: 'edit'; userId: number }
  | { kind: 'months'; userId: number; month: string | null };

/**
 * The disabled workers' records: each with its grade, type, masked
 * certificate and contract, and the actions on it in one named group (edit,
 * pay and insurance, remove). A warning in the quota report opens the record
 * it names here, at its month.
 */
export function PeopleView() {
  const { t } = useTranslation(['quota', 'errors']);
  const store = useSessionStore(peopleStore);
  const people = useSyncExternalStore(store.subscribe, () => store.people);
  const failure = useSyncExternalStore(store.subscribe, () => store.failure);
  const request = useSyncExternalStore(store.subscribe, () => store.request);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const listId = useId();
  const addRef = useRef<HTMLButtonElement>(null);

  // A warning's link asked for a record: open it (once per ask), then let the store forget the ask,
  // so a later visit to this view starts from the list.
  const [seenRequest, setSeenRequest] = useState<number | null>(null);
  if (request && request.seq !== seenRequest) {
    setSeenRequest(request.seq);
    setPanel(
      request.month
        ? { kind: 'months', userId: request.userId, month: request.month }
        : { kind: 'edit', userId: request.userId },
    );
  }
  useEffect(() => {
    if (request) store.clearRequest();
  }, [request, store]);

  const records = people?.records ?? [];
  const recordOf = (userId: number) => records.find((r) => r.user.id === userId) ?? null;
  const panelRecord = panel && panel.kind !== 'new' ? recordOf(panel.userId) : null;

  const close = () => {
    setPanel(null);
    addRef.current?.focus();
  };

  return (
    <div className="quota">
      <p className="quota__intro">{t('people.intro')}</p>
      {failure ? (
        <div role="alert" className="quota-card">
          <p>{t('people.failed', { reason: t(`errors:codes.${failure}`) })}</p>
          <Button icon={RefreshCw} onClick={() => void store.refresh()}>
            {t('report.retry')}
          </Button>
        </div>
      ) : null}
      <section aria-labelledby={listId} className="quota-card">
        <h2 id={listId} className="quota-card__title">
          {t('people.listTitle')}
        </h2>
        <p className="field__hint">{t('people.encrypted')}</p>
        {people === null && !failure ? <p role="status">{t('people.loading')}</p> : null}
        {people !== null && records.length === 0 ? <p>{t('people.none')}</p> : null}
        <ul className="quota-people">
          {records.map((record) => (
            <RecordItem
              key={record.user.id}
              record={record}
              removing={removing === record.user.id}
              onEdit={() => setPanel({ kind: 'edit', userId: record.user.id })}
              onMonths={() => setPanel({ kind: 'months', userId: record.user.id, month: null })}
              onRemove={() => {
                setFeedback(null);
                setRemoving(record.user.id);
              }}
              onKeep={() => setRemoving(null)}
              onRemoved={(text) => {
                setRemoving(null);
                if (panel && panel.kind !== 'new' && panel.userId === record.user.id) setPanel(null);
                setFeedback({ text, failed: false });
                addRef.current?.focus();
              }}
            />
          ))}
        </ul>
        <QuotaFeedback feedback={feedback} />
        <div className="quota-actions">
          <Button
            ref={addRef}
            icon={Plus}
            onClick={() => setPanel({ kind: 'new' })}
            aria-expanded={panel?.kind === 'new'}
          >
            {t('people.add')}
          </Button>
        </div>
      </section>

      {panel?.kind === 'new' ? <PersonEditor key="new" record={null} onDone={close} /> : null}
      {panel?.kind === 'edit' && panelRecord ? (
        <PersonEditor key={`edit-${panelRecord.user.id}`} record={panelRecord} onDone={close} />
      ) : null}
      {panel?.kind === 'months' && panelRecord ? (
        <MonthsEditor
          key={`months-${panelRecord.user.id}`}
          record={panelRecord}
          focusMonth={panel.month}
          onDone={close}
        />
      ) : null}
    </div>
  );
}

function RecordItem({
  record,
  removing,
  onEdit,
  onMonths,
  onRemove,
  onKeep,
  onRemoved,
}: {
  record: DisabilityRecord;
  removing: boolean;
  onEdit: () => void;
  onMonths: () => void;
  onRemove: () => void;
  onKeep: () => void;
  onRemoved: (text: string) => void;
}) {
  const { t } = useTranslation(['quota', 'errors']);
  const f = useQuotaFormat();
  const store = useSessionStore(peopleStore);
  const connection = useConnectionState();
  const headingId = useId();
  const questionId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const name = record.user.displayName;

  useEffect(() => {
    // The first choice, and the one focus lands on, keeps the record.
    if (removing) keepRef.current?.focus();
  }, [removing]);

  const remove = async () => {
    const answer = await store.removePerson(record.user.id);
    if (!answer.ok) {
      setError(t('form.refused', { reason: t(`errors:codes.${answer.error.code}`) }));
      return;
    }
    onRemoved(connection === 'connected' ? t('remove.removed', { name }) : t('remove.queued'));
  };

  const grade =
    record.grade <= 2
      ? t('people.gradeCountsTwice', { grade: record.grade })
      : t('people.grade', { grade: record.grade });
  return (
    <li className="quota-people__item">
      <h3 id={headingId} className="quota-people__name">
        {name}
      </h3>
      <p>
        {grade} · {t(`people.kinds.${record.kind}`)}
      </p>
      <p>{t('people.certificate', { masked: record.certificateMasked })}</p>
      <p>
        {record.contractEnd === null
          ? t('people.contractOpen', { start: f.day(record.contractStart) })
          : t('people.contract', { start: f.day(record.contractStart), end: f.day(record.contractEnd) })}
      </p>
      {removing ? (
        <div role="group" aria-labelledby={questionId} className="quota-confirm">
          <p id={questionId} className="quota-confirm__question">
            {t('remove.question', { name })}
          </p>
          <div className="quota-actions">
            <Button ref={keepRef} primary onClick={onKeep}>
              {t('remove.keep')}
            </Button>
            <Button icon={Trash2} onClick={() => void remove()}>
              {t('remove.confirm')}
            </Button>
          </div>
          {error ? (
            <p role="alert" className="quota-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <div role="group" aria-label={t('people.actions', { name })} className="quota-actions">
          <Button icon={Pencil} onClick={onEdit}>
            {t('people.edit', { name })}
          </Button>
          <Button icon={CalendarDays} onClick={onMonths}>
            {t('people.months', { name })}
          </Button>
          <Button icon={Trash2} onClick={onRemove}>
            {t('people.remove', { name })}
          </Button>
        </div>
      )}
    </li>
  );
}
