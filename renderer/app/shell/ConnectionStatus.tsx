import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../../session/hooks';
import './ConnectionStatus.css';

export type ConnectionStatusProps = HTMLAttributes<HTMLParagraphElement>;

/** A polite live region: the worker hears the change without losing their place. */
export function ConnectionStatus({ className, ...rest }: ConnectionStatusProps) {
  const { t } = useTranslation('shell');
  const state = useConnectionState();
  return (
    <p
      role="status"
      className={['connection-status', `connection-status--${state}`, className].filter(Boolean).join(' ')}
      data-state={state}
      {...rest}
    >
      <span className="connection-status__dot" aria-hidden="true" />
      <span>{t(`connection.${state}`)}</span>
    </p>
  );
}
