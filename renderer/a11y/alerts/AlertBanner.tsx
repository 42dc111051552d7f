import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { BannerItem } from './alert-center';
import './AlertBanner.css';

export type { BannerItem };

export interface AlertBannerProps extends HTMLAttributes<HTMLDivElement> {
  items: readonly BannerItem[];
  /** Info alerts go after this long; urgent ones stay until dismissed. */
  infoTimeoutMs: number;
  onDismiss: (id: number) => void;
}

/**
 * The visible twin of every alert sound, at the top of the page and in the
 * page flow so it never covers what the worker is doing. It is not a live
 * region itself: the hidden regions already speak the words once.
 */
export function AlertBanner({ items, infoTimeoutMs, onDismiss, className, ...rest }: AlertBannerProps) {
  const { t } = useTranslation('settings');
  const root = useRef<HTMLDivElement>(null);
  // While the worker is on the banner nothing leaves under them (WCAG 2.2.1).
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timers = items
      .filter((item) => item.kind === 'info')
      .map((item) =>
        setTimeout(() => onDismiss(item.id), Math.max(0, item.shownAt + infoTimeoutMs - Date.now())),
      );
    return () => timers.forEach(clearTimeout);
  }, [items, held, infoTimeoutMs, onDismiss]);

  const dismiss = (id: number) => {
    const buttons = [...(root.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = items.findIndex((item) => item.id === id);
    const hadFocus = root.current?.contains(document.activeElement) ?? false;
    onDismiss(id);
    if (!hadFocus) return;
    // Focus must not fall to the page start: the next alert, else the main content.
    const next = buttons[index + 1] ?? buttons[index - 1];
    if (next) next.focus();
    else document.getElementById('main-content')?.focus();
  };

  if (items.length === 0) return null;
  return (
    <div
      ref={root}
      role="region"
      aria-label={t('alerts.bannerLabel')}
      className={['alert-banner', className].filter(Boolean).join(' ')}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
      }}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      {...rest}
    >
      <ul className="alert-banner__list">
        {items.map((item) => (
          <li
            key={item.id}
            className={`alert-banner__item alert-banner__item--${item.kind}`}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              dismiss(item.id);
            }}
          >
            <p className="alert-banner__text">
              <strong className="alert-banner__kind">{t(`alerts.kinds.${item.kind}`)}</strong>{' '}
              <span id={`alert-banner-${item.id}`}>{item.message}</span>
            </p>
            <Button
              className="alert-banner__dismiss"
              aria-describedby={`alert-banner-${item.id}`}
              onClick={() => dismiss(item.id)}
            >
              {t('alerts.dismiss')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
