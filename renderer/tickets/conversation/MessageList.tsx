import { useId, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxList, useSessionUser } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { useFollowingLog } from '../../ui/useFollowingLog';
import { writtenSince } from './collision';
import { waitingReplies, type ConversationStore } from './conversation-store';
import { MessageItem } from './MessageItem';
import './MessageList.css';

export interface MessageListProps {
  store: ConversationStore;
  /** Messages from others after this seq are marked new (a blocked or refused reply was based on it). */
  highlightSince: number | null;
  hubUrl: string;
}

/**
 * The history, newest at the bottom: the newest page on opening, "Load
 * earlier" for older ones, pushes as they come, and the agent's own replies
 * marked while they wait in the outbox. A log, but silent: arrivals are said
 * through the alert service, coalesced, not one by one.
 */
export function MessageList({ store, highlightSince, hubUrl }: MessageListProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const user = useSessionUser();
  const outbox = useOutboxList();
  const messages = useSyncExternalStore(store.subscribe, () => store.messages);
  const loaded = useSyncExternalStore(store.subscribe, () => store.feed.loaded);
  const error = useSyncExternalStore(store.subscribe, () => store.feed.error);
  const hasOlder = useSyncExternalStore(store.subscribe, () => store.feed.hasOlder);
  const loadingOlder = useSyncExternalStore(store.subscribe, () => store.feed.loadingOlder);
  const hasNewer = useSyncExternalStore(store.subscribe, () => store.feed.hasNewer);
  const newerCount = useSyncExternalStore(store.subscribe, () => store.feed.newerCount);
  const loadingNewer = useSyncExternalStore(store.subscribe, () => store.feed.loadingNewer);
  const listId = useId();

  const delivered = useMemo(() => new Set(messages.map((m) => m.commandId)), [messages]);
  const waiting = waitingReplies(outbox, store.ticketId).filter((e) => !delivered.has(e.id));
  const fresh = useMemo(
    () =>
      new Set(
        highlightSince === null ? [] : writtenSince(messages, highlightSince, user.id).map((m) => m.seq),
      ),
    [messages, highlightSince, user.id],
  );

  // New ones scroll into view at the end (the worker's own always); reading back, nothing moves.
  const { ref: list, onScroll: followScroll } = useFollowingLog<HTMLDivElement>({
    newest: messages.at(-1)?.seq ?? 0,
    oldest: messages[0]?.seq ?? 0,
    own: waiting.length,
  });

  return (
    <div className="message-list">
      {error ? (
        <p className="message-list__error">
          {t('conversation.historyFailed', { reason: t(`errors:codes.${error}`) })}
        </p>
      ) : null}
      {hasOlder ? (
        <Button
          className="message-list__older"
          aria-disabled={loadingOlder || undefined}
          aria-controls={listId}
          onClick={() => {
            if (!loadingOlder) void store.loadOlder();
          }}
        >
          {loadingOlder ? t('conversation.loadingEarlier') : t('conversation.loadEarlier')}
        </Button>
      ) : null}
      <div
        ref={list}
        id={listId}
        role="log"
        aria-live="off"
        aria-label={t('conversation.messagesLabel')}
        tabIndex={0}
        className="message-list__log"
        data-conversation-log
        onScroll={followScroll}
      >
        {!loaded && !error ? <p className="message-list__empty">{t('conversation.loading')}</p> : null}
        {loaded && messages.length === 0 && waiting.length === 0 ? (
          <p className="message-list__empty">{t('conversation.noMessages')}</p>
        ) : null}
        {messages.length > 0 || waiting.length > 0 ? (
          <ol className="message-list__items">
            {messages.map((m) => {
              const isNew = fresh.has(m.seq);
              return (
                <MessageItem
                  key={`m${m.seq}`}
                  data-seq={m.seq}
                  data-new={isNew || undefined}
                  // A new one can take focus, for "Review new messages"; the others are read, not stopped at.
                  tabIndex={isNew ? -1 : undefined}
                  kind={m.kind}
                  authorKind={m.author.kind}
                  authorName={m.author.name}
                  body={m.body}
                  event={m.event}
                  attachment={m.attachment}
                  createdAt={m.createdAt}
                  hubUrl={hubUrl}
                  mine={m.author.kind === 'agent' && m.author.id === user.id}
                  isNew={isNew}
                />
              );
            })}
            {waiting.map((entry) => (
              <MessageItem
                key={entry.id}
                kind={entry.payload.internal === true ? 'note' : 'message'}
                authorKind="agent"
                authorName={user.displayName}
                body={entry.typed ?? ''}
                event={null}
                attachment={null}
                createdAt={entry.createdAt}
                hubUrl={hubUrl}
                mine
                waiting
              />
            ))}
          </ol>
        ) : null}
      </div>
      {hasNewer ? (
        <Button
          className="message-list__newer"
          aria-disabled={loadingNewer || undefined}
          aria-controls={listId}
          onClick={() => {
            if (!loadingNewer) void store.loadNewer();
          }}
        >
          {loadingNewer ? t('conversation.loadingNewer') : t('conversation.showNewer', { count: newerCount })}
        </Button>
      ) : null}
    </div>
  );
}
