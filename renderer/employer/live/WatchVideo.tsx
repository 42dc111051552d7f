import { Volume2, VolumeX } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { WatchMedia } from './watch-receiver';

/** The broadcast as viewers see it; muted until the supervisor asks for sound (one press). */
export function WatchVideo({ media, label }: { media: WatchMedia; label: string }) {
  const { t } = useTranslation('viewer');
  const video = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (element.srcObject !== media.stream) element.srcObject = media.stream;
    if (media.stream) void element.play().catch(() => undefined);
  }, [media.stream]);

  return (
    <div className="live-watch__video">
      <video ref={video} autoPlay playsInline muted={muted} aria-label={label} />
      {media.stream === null || media.state !== 'receiving' ? (
        <p className="live-watch__note" role="status">
          {media.state === 'failed' ? t('video.failed') : t('video.waiting')}
        </p>
      ) : null}
      <Button
        icon={muted ? VolumeX : Volume2}
        disabled={media.stream === null}
        onClick={() => {
          setMuted((m) => !m);
          if (muted) void video.current?.play().catch(() => undefined);
        }}
      >
        {muted ? t('video.unmute') : t('video.mute')}
      </Button>
    </div>
  );
}
