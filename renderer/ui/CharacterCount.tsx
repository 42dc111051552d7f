import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  limitBand,
  nextLimitNotice,
  startLimitNotices,
  type LimitNotice,
} from '../../shared/a11y/text-limit';
import './CharacterCount.css';

export interface CharacterCountProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The length as the hub counts it (code points of the text it would take). */
  count: number;
  max: number;
  /** On the count itself, for the field's aria-describedby: "120 of at most 2000 characters". */
  id: string;
}

/**
 * The live "120 / 2000" under a field with a limit. The count itself is not
 * live; a polite status beside it speaks only when a threshold is crossed
 * (80 %, the limit, over it, back within), so typing is never talked over.
 */
export function CharacterCount({ count, max, id, className, ...rest }: CharacterCountProps) {
  const { t } = useTranslation('common');
  const band = limitBand(count, max);
  const notices = useRef(startLimitNotices(count, max));
  const [notice, setNotice] = useState<{ key: number; kind: LimitNotice; count: number } | null>(null);

  useEffect(() => {
    const next = nextLimitNotice(notices.current, count, max);
    notices.current = next.state;
    const kind = next.notice;
    if (kind !== null) setNotice((last) => ({ key: (last?.key ?? 0) + 1, kind, count }));
  }, [count, max]);

  const words = (kind: LimitNotice, at: number) => {
    switch (kind) {
      case 'near':
        return t('characterCount.near', { count: max - at, max });
      case 'full':
        return t('characterCount.full', { max });
      case 'over':
        return t('characterCount.over', { count: at - max, max });
      case 'within':
        return t('characterCount.within', { max });
    }
  };

  return (
    <div
      className={['character-count', `character-count--${band}`, className].filter(Boolean).join(' ')}
      {...rest}
    >
      <p id={id} className="character-count__count">
        <span aria-hidden="true">{t('characterCount.shown', { count, max })}</span>
        <span className="visually-hidden">{t('characterCount.described', { count, max })}</span>
        {band === 'over' ? (
          <span className="character-count__over">{t('characterCount.tooMany', { count: count - max })}</span>
        ) : null}
      </p>
      <p role="status" className="visually-hidden">
        {notice ? <span key={notice.key}>{words(notice.kind, notice.count)}</span> : null}
      </p>
    </div>
  );
}
