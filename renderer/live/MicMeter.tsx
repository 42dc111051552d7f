import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Ten readings a second: the bar looks alive, screen readers are not flooded (a meter is not live). */
const readEveryMs = 100;

/** The microphone's level as a meter (0–100), read from the voice mixer while shown. */
export function MicMeter({ read, muted }: { read: () => number; muted: boolean }) {
  const { t } = useTranslation('live');
  const [level, setLevel] = useState(0);
  const last = useRef(0);
  const labelId = useId();

  useEffect(() => {
    const timer = setInterval(() => {
      const value = Math.round(Math.min(1, Math.max(0, read())) * 100);
      // The same reading again re-renders nothing.
      if (value !== last.current) {
        last.current = value;
        setLevel(value);
      }
    }, readEveryMs);
    return () => clearInterval(timer);
  }, [read]);

  return (
    <div className="live-meter">
      <span id={labelId} className="live-meter__label">
        {t('devices.level')}
      </span>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={level}
        aria-valuetext={
          muted ? t('devices.levelMuted', { value: level }) : t('devices.levelValue', { value: level })
        }
        className={['live-meter__bar', muted ? 'live-meter__bar--muted' : null].filter(Boolean).join(' ')}
      >
        <div className="live-meter__fill" style={{ inlineSize: `${level}%` }} />
      </div>
    </div>
  );
}
