import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionNotice } from '../../../shared/domain/connection-notice';
import { useConnectionNotice } from '../../session/hooks';
import './ConnectionStatus.css';

export type ConnectionStatusProps = HTMLAttributes<HTMLParagraphElement>;

/** How each notice looks: anything that is not plainly fine is drawn as offline (hollow dot, danger colours). */
const look = {
  connected: 'connected',
  reconnecting: 'reconnecting',
  offline: 'offline',
  offlineUnsaved: 'offline',
  unsaved: 'offline',
  hostLost: 'offline',
  hostLostUnsaved: 'offline',
} as const satisfies Record<ConnectionNotice, 'connected' | 'reconnecting' | 'offline'>;

/**
 * A polite live region: the worker hears the change without losing their
 * place. It says "saved" only while something keeps the work (see
 * shared/domain/connection-notice.ts).
 */
export function ConnectionStatus({ className, ...rest }: ConnectionStatusProps) {
  const { t } = useTranslation('shell');
  const notice = useConnectionNotice();
  const state = look[notice];
  return (
    <p
      role="status"
      className={['connection-status', `connection-status--${state}`, className].filter(Boolean).join(' ')}
      data-state={state}
      data-notice={notice}
      {...rest}
    >
      {/* The pill inside a box of fixed size: a change of words never moves anything else (no layout shift). */}
      <span className="connection-status__pill">
        <span className="connection-status__dot" aria-hidden="true" />
        <span>{t(`connection.${notice}`)}</span>
      </span>
    </p>
  );
}
