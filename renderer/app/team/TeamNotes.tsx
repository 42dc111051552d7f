import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type HTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { teamProtocol } from '../../../shared/protocol';
import { AckFailure } from '../../net/bridge';
import { useAlerts } from '../../a11y/alerts/AlertsProvider';
import { offerPhrases } from '../../a11y/scan/phrases';
import { useTeamNoteActions } from './team-actions';
import { useHub, usePendingOutbox, useSessionUser } from '../providers/HubProvider';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { TeamFeed } from './team-feed';
import { TeamNoteItem } from './TeamNoteItem';
import { useDraft } from './useDraft';
import './TeamNotes.css';

const maxBody = 2000;
/** Switch users get the team's canned phrases as a row of the on-screen keyboard. */
const teamPhrases = offerPhrases('team');

export type TeamNotesProps = HTMLAttributes<HTMLElement>;

export function TeamNotes({ className, ...rest }: TeamNotesProps) {
  const { t } = useTranslation(['team', 'errors']);
  const hub = useHub();
  const { announce } = useAlerts();
  const user = useSessionUser();
  const pending = usePendingOutbox();
  const feed = useMemo(() => new TeamFeed(hub), [hub]);
  const messages = useSyncExternalStore(feed.subscribe, () => feed.messages);
  const historyError = useSyncExternalStore(feed.subscribe, () => feed.error);
  const [text, setText] = useDraft(`team.note@${hub.owner}`);
  /** `invalid`: the text itself is at fault (empty, too long), not the hub or the disk. */
  const [error, setError] = useState<{ text: string; invalid: boolean } | null>(null);
  const sending = useRef(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const alertId = useId();

  useEffect(() => feed.start(), [feed]);

  useEffect(
    () =>
      hub.onOutbox({
        delivered(entry, data) {
          if (entry.event !== 'team.post') return;
          const parsed = teamProtocol.teamPostOutput.safeParse(data);
          if (parsed.success) feed.receive(parsed.data.message);
        },
        rejected(entry, rejection) {
          if (entry.event !== 'team.post') return;
          const body = typeof entry.payload.body === 'string' ? entry.payload.body : '';
          // Put the refused note back so nothing typed is lost, ahead of anything typed since.
          setText(textarea.current?.value ? `${body}\n\n${textarea.current.value}` : body);
          setError({ text: t('rejected', { reason: t(`errors:codes.${rejection.code}`) }), invalid: false });
        },
      }),
    [hub, feed, setText, t],
  );

  // A colleague's note is said once, politely, and a burst of notes as one summary; with visual
  // alerts on, the alert service also flashes the window and shows its banner for a deaf worker.
  useEffect(
    () =>
      hub.onPush('team.message', ({ message }) => {
        if (message.author.id === hub.user?.id) return;
        announce({
          topic: 'team.message',
          message: t('newNote', { author: message.author.displayName, body: message.body.slice(0, 160) }),
          summary: (count) => t('newNotes', { count }),
        });
      }),
    [hub, announce, t],
  );

  const delivered = useMemo(() => new Set(messages.map((m) => m.commandId)), [messages]);
  const waiting = pending.filter((entry) => entry.event === 'team.post' && !delivered.has(entry.id));

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, waiting.length]);

  const send = async () => {
    // A second press while the first is still being written to disk must not post the note twice.
    if (sending.current) return;
    const body = text.trim();
    if (!body) {
      setError({ text: t('bodyRequired'), invalid: true });
      textarea.current?.focus();
      return;
    }
    if (!teamProtocol.teamBodySchema.safeParse(body).success) {
      setError({ text: t('bodyTooLong', { max: maxBody, count: body.length }), invalid: true });
      textarea.current?.focus();
      return;
    }
    setError(null);
    sending.current = true;
    try {
      await hub.enqueue('team.post', { id: uuidv7(), body });
      setText('');
    } catch (cause) {
      const code = cause instanceof AckFailure ? cause.code : 'unavailable';
      setError({ text: t('saveFailed', { reason: t(`errors:codes.${code}`) }), invalid: false });
    } finally {
      sending.current = false;
    }
  };
  useTeamNoteActions(
    () => textarea.current?.focus(),
    () => void send(),
  );

  return (
    <aside
      aria-labelledby={titleId}
      className={['team-notes', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <h2 id={titleId} className="team-notes__title">
        {t('title')}
      </h2>
      {historyError ? (
        <p className="team-notes__history-error">
          {t('historyFailed', { reason: t(`errors:codes.${historyError}`) })}
        </p>
      ) : null}
      {/* A log, but silent: new notes are spoken through the alert service, coalesced, not one by one. */}
      <div
        ref={list}
        role="log"
        aria-live="off"
        aria-label={t('listLabel')}
        tabIndex={0}
        className="team-notes__log"
      >
        {messages.length === 0 && waiting.length === 0 ? (
          <p className="team-notes__empty">{t('empty')}</p>
        ) : (
          <ol className="team-notes__list">
            {messages.map((m) => (
              <TeamNoteItem
                key={`m${m.seq}`}
                author={m.author.displayName}
                createdAt={m.createdAt}
                body={m.body}
              />
            ))}
            {waiting.map((entry) => (
              <TeamNoteItem
                key={entry.id}
                waiting
                author={user?.displayName ?? t('you')}
                createdAt={entry.createdAt}
                body={typeof entry.payload.body === 'string' ? entry.payload.body : ''}
              />
            ))}
          </ol>
        )}
      </div>
      <form
        className="team-notes__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Alert id={alertId}>{error?.text}</Alert>
        <TextAreaField
          ref={textarea}
          label={t('composeLabel')}
          hint={t('composeHint')}
          {...teamPhrases}
          describedBy={error ? alertId : undefined}
          aria-invalid={error?.invalid ? true : undefined}
          value={text}
          rows={3}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void send();
            }
          }}
        />
        <Button type="submit" primary className="team-notes__send">
          {t('send')}
        </Button>
      </form>
    </aside>
  );
}
