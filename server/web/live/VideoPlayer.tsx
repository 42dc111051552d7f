import { Volume2, VolumeX } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiverSnapshot } from './media-receiver';

/**
 * The broadcast's picture and sound. Browsers refuse to start sound the
 * viewer did not ask for: the page tries with sound, and where that is
 * refused plays muted and offers "Unmute" (one tap, then it stays on).
 */
export function VideoPlayer({ media, label }: { media: ReceiverSnapshot; label: string }) {
  const { t } = useTranslation('viewer');
  const video = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  const wantSound = useRef(true);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (element.srcObject !== media.stream) element.srcObject = media.stream;
    if (!media.stream) return;
    let cancelled = false;
    const start = async () => {
      element.muted = !wantSound.current;
      try {
        await element.play();
        if (!cancelled) setMuted(element.muted);
      } catch {
        if (cancelled || element.muted) return;
        // Sound without a tap was refused: the picture plays muted until the viewer unmutes.
        element.muted = true;
        setMuted(true);
        await element.play().catch(() => undefined);
      }
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [media.stream]);

  const toggle = () => {
    const element = video.current;
    const next = !muted;
    wantSound.current = !next;
    setMuted(next);
    if (!element) return;
    element.muted = next;
    // The tap is the gesture the browser waited for.
    if (!next) void element.play().catch(() => undefined);
  };

  const waiting = media.stream === null || media.state === 'connecting';
  return (
    <div className="live-video">
      <video
        ref={video}
        className="live-video-element"
        autoPlay
        playsInline
        muted={muted}
        aria-label={label}
      />
      {waiting || media.state === 'failed' ? (
        <p className="live-video-note" role="status">
          {media.state === 'failed' ? t('video.failed') : t('video.waiting')}
        </p>
      ) : null}
      <div className="live-video-controls">
        <button type="button" className="live-button" onClick={toggle} disabled={media.stream === null}>
          {muted ? <VolumeX aria-hidden="true" /> : <Volume2 aria-hidden="true" />}
          {muted ? t('video.unmute') : t('video.mute')}
        </button>
      </div>
    </div>
  );
}
