import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codePointLength } from '../../../shared/protocol/text';
import type { Agent, ErrorCode, TicketSummary } from '../../../shared/protocol';
import { useSessionUser } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import type { ConversationStore } from './conversation-store';

/** The hub keeps a transfer note to this (shared/protocol/tickets.ts). */
const maxNote = 500;
/** The radio value for "back to the queue". */
const queueChoice = 'queue';

export interface TransferPanelProps {
  id: string;
  store: ConversationStore;
  ticket: TicketSummary;
  onTransfer: (toUserId: number | null, note: string) => void | Promise<void>;
  onCancel: () => void;
}

/**
 * Transfer to a colleague (or back to the queue) with a note they read
 * first. Colleagues are radio buttons with their presence and load in words,
 * so a switch user picks one with one selection and no list to open.
 */
export function TransferPanel({ id, store, ticket, onTransfer, onCancel }: TransferPanelProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const user = useSessionUser();
  const [agents, setAgents] = useState<readonly Agent[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const name = useId();
  const heading = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let live = true;
    void store.agents().then((answer) => {
      if (!live) return;
      if (answer.ok) setAgents(answer.data);
      else setLoadError(answer.error.code);
    });
    heading.current?.focus();
    return () => {
      live = false;
    };
  }, [store]);

  const others = (agents ?? []).filter((a) => a.id !== user.id && a.id !== ticket.assignee?.id);
  const tooLong = codePointLength(note.trim()) > maxNote;

  const submit = () => {
    if (choice === null) {
      setError(t('conversation.transfer.chooseFirst'));
      return;
    }
    if (tooLong) {
      setError(t('conversation.transfer.noteTooLong', { max: maxNote }));
      return;
    }
    setError(null);
    void onTransfer(choice === queueChoice ? null : Number(choice), note);
  };

  return (
    <div
      id={id}
      role="group"
      aria-labelledby={titleId}
      className="action-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={titleId} ref={heading} tabIndex={-1} className="action-panel__title">
        {t('conversation.transfer.title', { number: ticket.number })}
      </p>
      <form
        noValidate
        className="action-panel__form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset
          className="action-panel__choices"
          aria-invalid={error !== null && choice === null ? true : undefined}
        >
          <legend className="action-panel__legend">{t('conversation.transfer.to')}</legend>
          {agents === null && loadError === null ? <p>{t('conversation.transfer.loading')}</p> : null}
          {loadError ? (
            <p className="action-panel__error">
              {t('conversation.transfer.loadFailed', { reason: t(`errors:codes.${loadError}`) })}
            </p>
          ) : null}
          {others.map((agent) => (
            <label key={agent.id} className="action-panel__choice">
              <input
                type="radio"
                name={name}
                value={String(agent.id)}
                checked={choice === String(agent.id)}
                onChange={() => setChoice(String(agent.id))}
              />
              <span>
                {t('conversation.transfer.agent', {
                  name: agent.displayName,
                  presence: t(`conversation.presence.${agent.presence}`),
                  load: agent.load,
                  max: agent.profile.maxConcurrent,
                })}
              </span>
            </label>
          ))}
          {agents !== null && others.length === 0 ? <p>{t('conversation.transfer.nobody')}</p> : null}
          <label className="action-panel__choice">
            <input
              type="radio"
              name={name}
              value={queueChoice}
              checked={choice === queueChoice}
              onChange={() => setChoice(queueChoice)}
            />
            <span>{t('conversation.transfer.queue')}</span>
          </label>
        </fieldset>
        <TextAreaField
          label={t('conversation.transfer.note')}
          hint={t('conversation.transfer.noteHint', { max: maxNote })}
          value={note}
          rows={2}
          aria-invalid={tooLong || undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        {error ? (
          <p role="alert" className="action-panel__error">
            {error}
          </p>
        ) : null}
        <div className="action-panel__row">
          <Button type="submit" primary>
            {t('conversation.transfer.submit')}
          </Button>
          <Button onClick={onCancel}>{t('conversation.actions.cancel')}</Button>
        </div>
      </form>
    </div>
  );
}
