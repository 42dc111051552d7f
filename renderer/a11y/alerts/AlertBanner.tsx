import { intersect } from '../../../shared/a11y/overlay-geometry';
import { useEffect, useRef, useState, type HTMLAttributes, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { BannerItem } from './alert-center';
import './AlertBanner.css';

export type { BannerItem };

export interface AlertBannerProps extends HTMLAttributes<HTMLDivElement> {
  items: readonly BannerItem[];
  onDismiss: (id: number) => void;
  /** Focus or the pointer came onto the banner or left it: nothing may leave from under the worker. */
  onHold: (held: boolean) => void;
}

/**
 * The visible twin of every alert sound: one slot per topic, updated in place.
 * It floats over a corner of the window rather than sitting in the page flow,
 * so an alert coming or going never moves what the worker is reading or
 * aiming at; when the focused control would be under it, it moves to the
 * other corner. It is not a live region itself: the hidden regions already
 * speak the words once.
 */
export function AlertBanner({ items, onDismiss, onHold, className, ...rest }: AlertBannerProps) {
  const { t } = useTranslation('settings');
  const root = useRef<HTMLDivElement>(null);
  const dodging = useDodgeFocus(root, items.length > 0);
  // A banner taken away under focus may never say "blur": let go of the hold when it is gone.
  useEffect(() => {
    if (items.length === 0) onHold(false);
  }, [items.length, onHold]);

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
      data-edge={dodging ? 'top' : 'bottom'}
      onFocus={() => onHold(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onHold(false);
      }}
      onMouseEnter={() => onHold(true)}
      onMouseLeave={() => onHold(false)}
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
            {item.action ? (
              <Button
                primary
                className="alert-banner__action"
                aria-describedby={`alert-banner-${item.id}`}
                onClick={() => {
                  // Done with once acted on: the slot goes, and focus follows the action where it leads.
                  item.action?.run();
                  onDismiss(item.id);
                }}
              >
                {item.action.label}
              </Button>
            ) : null}
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

/**
 * Focus must never be hidden under the banner (WCAG 2.4.11): while it is up,
 * each focus move outside it, and each change of its own size, checks the
 * focused control against the bottom corner the banner keeps to, and the
 * banner takes the top corner if they meet.
 */
function useDodgeFocus(root: RefObject<HTMLElement | null>, shown: boolean): boolean {
  const [dodging, setDodging] = useState(false);
  const atTop = useRef(false);
  useEffect(() => {
    if (!shown) return;
    const check = () => {
      const banner = root.current;
      const focused = document.activeElement;
      if (!banner || !(focused instanceof HTMLElement) || banner.contains(focused)) return;
      const box = banner.getBoundingClientRect();
      // At the top its margins mirror those at the bottom: box.top there is the gap to the bottom edge here.
      const bottomBox = atTop.current
        ? new DOMRect(box.left, window.innerHeight - box.height - box.top, box.width, box.height)
        : box;
      atTop.current = intersect(focused.getBoundingClientRect(), bottomBox) !== null;
      setDodging(atTop.current);
    };
    check();
    document.addEventListener('focusin', check);
    window.addEventListener('resize', check);
    // An alert added or reworded grows the banner over a control that kept focus all along.
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    if (root.current) resized?.observe(root.current);
    return () => {
      document.removeEventListener('focusin', check);
      window.removeEventListener('resize', check);
      resized?.disconnect();
    };
  }, [root, shown]);
  return dodging;
}
