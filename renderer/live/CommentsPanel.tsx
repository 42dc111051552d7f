import { Pause, Play, Volume2 } from 'lucide-react';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ack } from '../../shared/protocol';
import type { LiveComment } from '../../shared/protocol/live';
import { useAlerts } from '../a11y/alerts/AlertsProvider';
import { Button } from '../ui/Button';
import { CommentAnnouncer } from './comment-announcer';
import { newestGroupSize } from './comment-feed';
import { CommentRow } from './CommentRow';
import { KeywordsEditor } from './KeywordsEditor';
import { useCommentsSnapshot, useErrorText, useLiveSnapshot } from './live-hooks';
import { liveBroadcast, type LiveStore } from './live-store';

/**
 * The live comments with moderation. New ones are said politely (a burst as
 * one count, at most once per 2 s) in a visible status line, so a deaf
 * anchor sees what a blind one hears, and drawn highlighted for a moment;
 * nothing makes a sound. The newest few come first in their own group, the
 * first thing scanning offers in the feed; "Pause feed" holds the list still
 * for a switch or screen-reader user working through it.
 */
export function CommentsPanel({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const { notify } = useAlerts();
  const live = useLiveSnapshot(store);
  const { comments, loaded } = useCommentsSnapshot(store);
  const errorText = useErrorText();
  const headingId = useId();
  const newestId = useId();
  const keywordsId = useId();
  const [said, setSaid] = useState('');
  const [paused, setPaused] = useState<readonly LiveComment[] | null>(null);
  const [keywordsOpen, setKeywordsOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const broadcast = liveBroadcast(live.console);
  const pinnedId = live.console?.room.pinnedComment?.id ?? null;
  const voice = store.audio.voice;
  const shown = paused ?? comments;
  const waiting = paused ? comments.filter((c) => !paused.some((p) => p.id === c.id)).length : 0;
  // Comments older than the panel were read back, not arrived: they are not highlighted.
  const [mountedAt] = useState(() => Date.now());

  useEffect(() => {
    const announcer = new CommentAnnouncer(
      {
        one: (c) => t('comments.arrivalOne', { nickname: c.nickname, body: c.body }),
        many: (count) => t('comments.arrivalMany', { count }),
      },
      (text) => {
        setSaid(text);
        // Behind another window the status line is out of sight: the window flashes (no sound).
        if (document.hidden) notify({ kind: 'info', message: text, sound: false });
      },
    );
    const off = store.comments.onArrival((arrived) => announcer.push(arrived));
    return () => {
      off();
      announcer.dispose();
    };
  }, [store, t, notify]);

  const act = useCallback(
    async (run: () => Promise<Ack<unknown>>) => {
      const answer = await run();
      setFailure(answer.ok ? null : errorText(answer.error));
    },
    [errorText],
  );
  const onDelete = useCallback((id: number) => void act(() => store.comments.remove(id)), [act, store]);
  const onMute = useCallback((id: number) => void act(() => store.comments.muteViewer(id)), [act, store]);
  const onPin = useCallback((id: number | null) => void act(() => store.comments.pin(id)), [act, store]);

  const [newest, earlier] = useMemo(
    () => [shown.slice(0, newestGroupSize), shown.slice(newestGroupSize)],
    [shown],
  );
  const row = (c: LiveComment, newestGroup: boolean) => (
    <CommentRow
      key={c.id}
      comment={c}
      pinned={c.id === pinnedId}
      fresh={newestGroup && c.createdAt > mountedAt}
      voice={voice}
      onDelete={onDelete}
      onMute={onMute}
      onPin={onPin}
    />
  );

  return (
    <section aria-labelledby={headingId} className="live-panel live-comments">
      <h2 id={headingId} className="live-panel__title">
        {t('comments.heading')}
      </h2>
      <div role="toolbar" aria-label={t('comments.tools')} className="live-comments__tools">
        <Button
          icon={Volume2}
          aria-pressed={live.readAloud}
          onClick={() => store.setReadAloud(!live.readAloud)}
        >
          {t('comments.readAloud')}
        </Button>
        <Button
          icon={paused ? Play : Pause}
          aria-pressed={paused !== null}
          onClick={() => setPaused(paused ? null : comments)}
        >
          {t('comments.pause')}
        </Button>
        <Button
          aria-expanded={keywordsOpen}
          aria-controls={keywordsOpen ? keywordsId : undefined}
          onClick={() => setKeywordsOpen((open) => !open)}
        >
          {t('comments.keywords')}
        </Button>
      </div>
      {keywordsOpen ? <KeywordsEditor store={store} id={keywordsId} /> : null}
      <p role="status" className="live-comments__said">
        {said}
      </p>
      {failure ? (
        <p role="alert" className="live-panel__error">
          {t('comments.failed', { reason: failure })}
        </p>
      ) : null}
      {paused && waiting > 0 ? (
        <Button onClick={() => setPaused(null)}>{t('comments.showWaiting', { count: waiting })}</Button>
      ) : null}
      {!broadcast ? (
        <p className="field__hint">{t('comments.notLive')}</p>
      ) : loaded && shown.length === 0 ? (
        <p className="field__hint">{t('comments.none')}</p>
      ) : (
        <div className="live-feed live-comments__feed">
          <h3 id={newestId} className="visually-hidden">
            {t('comments.newest')}
          </h3>
          <ol aria-labelledby={newestId} className="live-comments__list">
            {newest.map((c) => row(c, true))}
          </ol>
          {earlier.length > 0 ? (
            <ol aria-label={t('comments.earlier')} className="live-comments__list">
              {earlier.map((c) => row(c, false))}
            </ol>
          ) : null}
        </div>
      )}
    </section>
  );
}
