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
import { teamProtocol } from '../../../shared/protocol';
import { codePointLength } from '../../../shared/protocol/text';
import { useAlerts } from '../../a11y/alerts/AlertsProvider';
import { offerPhrases } from '../../a11y/scan/phrases';
import { useDraft, useOutboxList, useSessionStore, useSessionUser } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFollowingLog } from '../../ui/useFollowingLog';
import { CharacterCount } from '../../ui/CharacterCount';
import { TextAreaField } from '../../ui/Field';
import { notSentStore } from '../outbox/not-sent-store';
import { useTeamNoteActions } from './team-actions';
import { teamDraftKey, teamStore } from './team-store';
import { TeamNoteItem } from './TeamNoteItem';
import './TeamNotes.css';

const maxBody = teamProtocol.teamBodyMax;
/** The alert service's topic for colleagues' notes: one banner slot for all of them. */
const arrivalTopic = 'team.message';
/** Switch users get the team's canned phrases as a row of the on-screen keyboard. */
const teamPhrases = offerPhrases('team');

export type TeamNotesProps = HTMLAttributes<HTMLElement>;

/**
 * The team notes beside every view. Everything it shows lives in the
 * session's stores (the notes, the outbox, the draft), so it can unmount and
 * come back without losing a note, a waiting post or a refusal.
 */
export function TeamNotes({ className, ...rest }: TeamNotesProps) {
  const { t } = useTranslation(['team', 'errors']);
  const session = useSession();
  const store = useSessionStore(teamStore);
  const notSent = useSessionStore(notSentStore);
  const { announce, acknowledge } = useAlerts();
  const user = useSessionUser();
  const outbox = useOutboxList();
  const messages = useSyncExternalStore(store.subscribe, () => store.messages);
  const historyError = useSyncExternalStore(store.subscribe, () => store.feed.error);
  const hasOlder = useSyncExternalStore(store.subscribe, () => store.feed.hasOlder);
  const loadingOlder = useSyncExternalStore(store.subscribe, () => store.feed.loadingOlder);
  const newerCount = useSyncExternalStore(store.subscribe, () => store.feed.newerCount);
  const hasNewer = useSyncExternalStore(store.subscribe, () => store.feed.hasNewer);
  const loadingNewer = useSyncExternalStore(store.subscribe, () => store.feed.loadingNewer);
  const typing = useSyncExternalStore(store.subscribe, () => store.typing);
  const [draft, setText] = useDraft(teamDraftKey);
  const text = draft.text;
  /** `invalid`: the text itself is at fault (empty, too long), not the hub or the disk. */
  const [error, setError] = useState<{ text: string; invalid: boolean } | null>(null);
  /** The note being written to the outbox now, if any. */
  const sending = useRef<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const openNotSent = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLElement>(null);
  const titleId = useId();
  const alertId = useId();
  const countId = useId();
  const tooLongId = useId();
  /** The newest note is on screen in a window the worker is looking at: arrivals count as read. */
  const newestInView = useRef(false);
  const seesNewest = () =>
    document.visibilityState === 'visible' &&
    document.hasFocus() &&
    (newestInView.current || (root.current?.contains(document.activeElement) ?? false));
  const composeLabel = t('composeLabel');

  // "Copy back" finds this composer by its draft key, to put text here and focus it.
  useEffect(
    () =>
      session.composers.register(teamDraftKey, {
        label: composeLabel,
        route: null,
        focus: () => textarea.current?.focus(),
      }),
    [session, composeLabel],
  );

  // A colleague's note is said once, politely, and a burst of notes as one summary; with visual
  // alerts on, the alert service also flashes the window and shows its banner for a deaf worker.
  useEffect(
    () =>
      store.onArrival((message) =>
        announce({
          topic: arrivalTopic,
          message: t('newNote', { author: message.author.displayName, body: message.body.slice(0, 160) }),
          summary: (count) => t('newNotes', { count }),
          read: seesNewest,
        }),
      ),
    [store, announce, t],
  );

  const delivered = useMemo(() => new Set(messages.map((m) => m.commandId)), [messages]);
  const waiting = outbox.pending.filter((entry) => entry.event === 'team.post' && !delivered.has(entry.id));
  const refused = outbox.notSent.filter((entry) => entry.draftKey === teamDraftKey).length;

  // New ones scroll into view at the end (the worker's own always); reading back, nothing moves.
  const newest = messages.at(-1)?.seq ?? 0;
  const { ref: list, onScroll: followScroll } = useFollowingLog<HTMLDivElement>({
    newest,
    oldest: messages[0]?.seq ?? 0,
    own: waiting.length,
  });

  // Read, for the alert banner: the newest note on screen (the log scrolled to it, the notes not off
  // the page) in a window in front, or focus moving into the notes.
  useEffect(() => {
    newestInView.current = false;
    const note = list.current?.querySelector(`[data-seq="${newest}"]`);
    if (!note || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        newestInView.current = entry?.isIntersecting ?? false;
        if (seesNewest()) acknowledge(arrivalTopic);
      },
      { threshold: 0.5 },
    );
    observer.observe(note);
    const onFocus = () => {
      if (seesNewest()) acknowledge(arrivalTopic);
    };
    window.addEventListener('focus', onFocus);
    return () => {
      observer.disconnect();
      window.removeEventListener('focus', onFocus);
    };
  }, [list, newest, acknowledge]);

  // The last "Show newer" press takes its button away: focus lands on the notes rather than nowhere.
  const wasBehind = useRef(hasNewer);
  useEffect(() => {
    if (wasBehind.current && !hasNewer && document.activeElement === document.body) list.current?.focus();
    wasBehind.current = hasNewer;
  }, [list, hasNewer]);

  const send = async () => {
    // What is in the box now, not in this render's closure: the worker may type on while a note is sent.
    const draftNow = session.drafts.get(teamDraftKey);
    const body = draftNow.snapshot.text.trim();
    // A second press while the same note is still being written to disk must not post it twice;
    // a different note typed meanwhile is sent, not dropped.
    if (body !== '' && sending.current === body) return;
    if (!body) {
      setError({ text: t('bodyRequired'), invalid: true });
      textarea.current?.focus();
      return;
    }
    if (!teamProtocol.teamBodySchema.safeParse(body).success) {
      // Refused here, before the outbox: the text stays in the box, whole, for the worker to shorten.
      setError({ text: t('bodyTooLong', { max: maxBody, count: codePointLength(body) }), invalid: true });
      textarea.current?.focus();
      return;
    }
    setError(null);
    sending.current = body;
    try {
      const answer = await store.post(body);
      if (answer.ok) {
        // Only the note sent leaves the box: text typed while it was being kept stays.
        if (draftNow.snapshot.text.trim() === body) setText('');
      } else {
        // Not queued (the host found it invalid, or could not keep it): the text stays in the box.
        setError({
          text: t('saveFailed', { reason: t(`errors:codes.${answer.error.code}`) }),
          invalid: answer.error.code === 'invalid_input',
        });
      }
    } finally {
      if (sending.current === body) sending.current = null;
    }
  };
  useTeamNoteActions(
    () => textarea.current?.focus(),
    () => void send(),
  );

  const alertText = error?.text ?? (refused > 0 ? t('notSentPointer', { count: refused }) : null);
  // Counted as the hub counts: characters of the trimmed text.
  const length = codePointLength(text.trim());
  const tooLong = length > maxBody;

  return (
    <aside
      ref={root}
      aria-labelledby={titleId}
      className={['team-notes', className].filter(Boolean).join(' ')}
      onFocus={() => acknowledge(arrivalTopic)}
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
      {hasOlder ? (
        <Button
          className="team-notes__older"
          aria-disabled={loadingOlder || undefined}
          onClick={() => {
            if (!loadingOlder) void store.loadOlder();
          }}
        >
          {loadingOlder ? t('loadingOlder') : t('showOlder')}
        </Button>
      ) : null}
      {/* A log, but silent: new notes are spoken through the alert service, coalesced, not one by one. */}
      <div
        ref={list}
        onScroll={followScroll}
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
                data-seq={m.seq}
                author={m.author.displayName}
                createdAt={m.createdAt}
                body={m.body}
              />
            ))}
            {waiting.map((entry) => (
              <TeamNoteItem
                key={entry.id}
                waiting
                author={user.displayName || t('you')}
                createdAt={entry.createdAt}
                body={entry.typed ?? ''}
              />
            ))}
          </ol>
        )}
      </div>
      {/* Read back far enough and the kept window stops short of the present: the way back to it. */}
      {hasNewer ? (
        <Button
          className="team-notes__newer"
          aria-disabled={loadingNewer || undefined}
          onClick={() => {
            if (!loadingNewer) void store.loadNewer();
          }}
        >
          {loadingNewer ? t('loadingNewer') : t('showNewer', { count: newerCount })}
        </Button>
      ) : null}
      {/* One line, said politely when it changes; it goes by itself a few seconds after the last sign. */}
      <p role="status" className="team-notes__typing">
        {typing ? t('typing', { name: typing }) : null}
      </p>
      <form
        className="team-notes__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Alert id={alertId}>{alertText}</Alert>
        {refused > 0 && !error ? (
          <Button
            ref={openNotSent}
            className="team-notes__not-sent"
            onClick={() => notSent.open(() => openNotSent.current?.focus())}
          >
            {t('openNotSent')}
          </Button>
        ) : null}
        <TextAreaField
          ref={textarea}
          label={composeLabel}
          hint={t('composeHint')}
          {...teamPhrases}
          describedBy={[alertText ? alertId : null, countId].filter(Boolean).join(' ')}
          aria-invalid={error?.invalid ? true : undefined}
          value={text}
          rows={3}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value.trim()) store.typed();
            if (error) setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void send();
            }
          }}
        />
        <div className="team-notes__actions">
          <CharacterCount className="team-notes__count" id={countId} count={length} max={maxBody} />
          {/* Over the limit the button says why it will not send; pressing it says so again and keeps the text. */}
          {tooLong ? (
            <p id={tooLongId} className="visually-hidden">
              {t('bodyTooLong', { max: maxBody, count: length })}
            </p>
          ) : null}
          <Button
            type="submit"
            primary
            className="team-notes__send"
            aria-disabled={tooLong || undefined}
            aria-describedby={tooLong ? tooLongId : undefined}
          >
            {t('send')}
          </Button>
        </div>
      </form>
    </aside>
  );
}
