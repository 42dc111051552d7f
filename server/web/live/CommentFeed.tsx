import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commentBodyMax, type LiveComment } from '../../../shared/protocol/live';
import type { ViewerActions } from './live-room-client';
import type { CommentProblem, FeedComment } from './viewer-store';

/**
 * The room's comments, newest at the bottom, in a polite log (a screen
 * reader hears new ones without losing its place), and the comment box. A
 * comment the shop's word filter holds is shown to its writer alone, marked
 * "held for review".
 */
export function CommentFeed({
  client,
  comments,
  pinned,
  viewerId,
  canComment,
}: {
  client: ViewerActions;
  comments: readonly FeedComment[];
  pinned: LiveComment | null;
  viewerId: number | null;
  canComment: boolean;
}) {
  const { t } = useTranslation('viewer');
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  // Follows the newest comment unless the viewer scrolled up to read.
  useEffect(() => {
    const element = list.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [comments]);

  return (
    <section className="live-card live-comments" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('comments.heading')}</h2>
      {pinned ? (
        <p className="live-pinned">
          <strong>{t('comments.pinned')}</strong> <span className="live-nick">{pinned.nickname}</span>{' '}
          {pinned.body}
        </p>
      ) : null}
      <div
        ref={list}
        className="live-feed"
        role="log"
        aria-live="polite"
        aria-labelledby={`${id}-heading`}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        <ol className="live-feed-list">
          {comments.length === 0 ? <li className="live-muted">{t('comments.empty')}</li> : null}
          {comments.map((line) => (
            <li key={line.key} className={line.held ? 'live-comment live-comment--held' : 'live-comment'}>
              <span className="live-nick">
                {line.nickname}
                {line.viewerId !== null && line.viewerId === viewerId ? ` ${t('comments.you')}` : ''}
              </span>{' '}
              <span className="live-body">{line.body}</span>
              {line.held ? <span className="live-held"> {t('comments.held')}</span> : null}
            </li>
          ))}
        </ol>
      </div>
      {canComment ? <CommentBox client={client} /> : null}
    </section>
  );
}

function CommentBox({ client }: { client: ViewerActions }) {
  const { t } = useTranslation('viewer');
  const id = useId();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<CommentProblem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (text === '' || sending) return;
    setSending(true);
    setProblem(null);
    const result = await client.comment(text);
    setSending(false);
    if (result.ok) setBody('');
    else setProblem(result.problem);
  };

  return (
    <form className="live-comment-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {t('comments.label')}
      </label>
      <input
        id={`${id}-body`}
        name="comment"
        autoComplete="off"
        enterKeyHint="send"
        maxLength={commentBodyMax}
        placeholder={t('comments.placeholder')}
        aria-describedby={problem ? `${id}-problem` : undefined}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <button type="submit" className="live-button live-button--primary" aria-disabled={sending}>
        {t('comments.send')}
      </button>
      {problem ? (
        <p id={`${id}-problem`} className="live-problem" role="alert">
          {t(`comments.problem.${problem}`)}
        </p>
      ) : null}
    </form>
  );
}
