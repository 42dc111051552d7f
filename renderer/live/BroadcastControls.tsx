import { Copy, Radio, RefreshCw, Square } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { broadcastTitleSchema } from '../../shared/protocol/live';
import { useDraft } from '../session/hooks';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { EndBroadcastDialog } from './EndBroadcastDialog';
import { useErrorText, useLinkSnapshot, useLiveSnapshot } from './live-hooks';
import { liveBroadcast, type LiveStore } from './live-store';

export const titleDraftKey = 'live:title';
const titleMax = 80;

/**
 * The broadcast's title, "Go live" / "End broadcast" (asked first), the
 * state of the media link and the viewer link with its copy button.
 */
export function BroadcastControls({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const snapshot = useLiveSnapshot(store);
  const link = useLinkSnapshot(store);
  const errorText = useErrorText();
  const [draft, setTitle] = useDraft(titleDraftKey);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const linkId = useId();
  const broadcast = liveBroadcast(snapshot.console);
  const room = snapshot.console?.room ?? null;
  const mediaOn = snapshot.console?.media.available !== false;
  const failure = snapshot.failure;
  const shownFailure =
    failure && (failure.action === 'start' || failure.action === 'end' || failure.action === 'publish')
      ? failure
      : null;

  const goLive = () => {
    const parsed = broadcastTitleSchema.safeParse(draft.text);
    if (!parsed.success) {
      setTitleError(t('broadcast.titleNeeded'));
      return;
    }
    setTitleError(null);
    void store.goLive(parsed.data);
  };

  const closeDialog = () => {
    setConfirming(false);
    // Back on the control that opened it, as a keyboard or switch user expects.
    requestAnimationFrame(() => endButton.current?.focus());
  };

  const end = async () => {
    const answer = await store.endBroadcast();
    if (answer.ok) setConfirming(false);
    else closeDialog();
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  const linkWords: Record<typeof link.state, string> = {
    idle: t('link.idle'),
    connecting: t('link.connecting'),
    live: t('link.live'),
    reconnecting: t('link.reconnecting'),
    failed: t('link.failed'),
  };
  const publishing = link.state !== 'idle' && link.state !== 'failed';

  return (
    <section aria-labelledby={headingId} className="live-panel live-broadcast">
      <h2 id={headingId} className="live-panel__title">
        {t('broadcast.heading')}
      </h2>
      {broadcast ? (
        <p className="live-broadcast__on-air">
          <span className="live-broadcast__dot" aria-hidden="true" />
          {t('broadcast.onAir', { title: broadcast.title })}
        </p>
      ) : (
        <TextField
          label={t('broadcast.title')}
          value={draft.text}
          maxLength={titleMax}
          error={titleError ?? undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            if (titleError) setTitleError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') goLive();
          }}
        />
      )}
      <div role="group" aria-label={t('broadcast.actions')} className="live-broadcast__actions">
        {broadcast ? (
          <>
            {mediaOn && !publishing ? (
              <Button icon={RefreshCw} primary onClick={() => void store.publish()}>
                {t('broadcast.resume')}
              </Button>
            ) : null}
            <Button
              ref={endButton}
              icon={Square}
              className="live-broadcast__end"
              disabled={snapshot.busy === 'end'}
              onClick={() => setConfirming(true)}
            >
              {t('broadcast.end')}
            </Button>
          </>
        ) : (
          <Button icon={Radio} primary disabled={snapshot.busy === 'start'} onClick={goLive}>
            {t('broadcast.goLive')}
          </Button>
        )}
      </div>
      <p role="status" className={`live-broadcast__link live-broadcast__link--${link.state}`}>
        {broadcast && mediaOn ? linkWords[link.state] : ''}
      </p>
      {shownFailure ? (
        <p role="alert" className="live-panel__error">
          {t(`failure.${shownFailure.action}`, { reason: errorText(shownFailure.error) })}
        </p>
      ) : null}
      {room ? (
        <div className="live-broadcast__viewer-link">
          <p id={linkId} className="live-broadcast__link-label">
            {t('broadcast.viewerLink')}
          </p>
          <output aria-labelledby={linkId} className="live-broadcast__url">
            {store.viewerUrl(room.slug)}
          </output>
          <Button icon={Copy} onClick={() => void copy(store.viewerUrl(room.slug))}>
            {t('broadcast.copyLink')}
          </Button>
          <span role="status" className="live-broadcast__copied">
            {copied === 'yes' ? t('broadcast.copied') : copied === 'no' ? t('broadcast.copyFailed') : ''}
          </span>
        </div>
      ) : null}
      <EndBroadcastDialog
        open={confirming}
        title={broadcast?.title ?? ''}
        busy={snapshot.busy === 'end'}
        onConfirm={() => void end()}
        onCancel={closeDialog}
      />
    </section>
  );
}
