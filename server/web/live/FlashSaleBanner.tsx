import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FlashSale } from '../../../shared/protocol/live';
import { crossedThreshold, formatCountdown, secondsLeft } from './countdown';

/**
 * The flash sale's countdown. It shows mm:ss every second, but a screen
 * reader hears it only at a few moments (5 min, 1 min, 30 s, 10 s): read each
 * second, it would drown the comments and the anchor.
 */
export function FlashSaleBanner({ sale, now }: { sale: FlashSale; now: number }) {
  const { t } = useTranslation('viewer');
  const left = secondsLeft(sale.endsAt, now);
  const before = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const previous = before.current;
    before.current = left;
    if (previous === null) {
      setAnnouncement(t('sale.started', { time: spoken(t, left) }));
      return;
    }
    const mark = crossedThreshold(previous, left);
    if (mark !== null) setAnnouncement(t('sale.remaining', { time: spoken(t, mark) }));
  }, [left, t]);

  return (
    <div className="live-sale">
      <p className="live-sale-label">{t('sale.heading')}</p>
      <p className="live-sale-countdown">
        {t('sale.endsIn')}{' '}
        <time role="timer" aria-live="off" dateTime={`PT${left}S`}>
          {formatCountdown(left)}
        </time>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** Time left in words for a screen reader ("1 min", "30 s"), not "01:00". */
function spoken(t: TFunction<'viewer'>, seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return t('sale.minutes', { count: seconds / 60 });
  if (seconds >= 60)
    return t('sale.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  return t('sale.seconds', { count: seconds });
}
