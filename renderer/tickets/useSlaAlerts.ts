import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlerts } from '../a11y/alerts/AlertsProvider';
import { useSessionStore } from '../session/hooks';
import { shortDuration } from './sla-label';
import { slaWatchStore } from './sla-watch';

/** One banner slot for every SLA alert: several at once become "3 tickets need attention". */
const slaTopic = 'tickets.sla';

/**
 * Says each SLA warning and breach of the agent's tickets once, through the
 * alert service: spoken for a screen reader, and with visual alerts on (the
 * default) a banner and the window flash, so a deaf agent sees it too.
 * Mounted by the shell for an agent, so a ticket near its target is heard in
 * Settings or Shifts too; alerts raised before it mounts wait for it. `open`
 * gives the alert a button that opens the ticket in one press.
 */
export function useSlaAlerts(open?: (ticketId: number) => void): void {
  const watch = useSessionStore(slaWatchStore);
  const { announce } = useAlerts();
  const { t } = useTranslation('tickets');
  useEffect(
    () =>
      watch.attach((alert) => {
        const message =
          alert.phase === 'warning'
            ? t(`queue.slaAlert.warning.${alert.target}`, {
                number: alert.number,
                time: shortDuration(t, alert.remainingMs),
              })
            : t(`queue.slaAlert.breached.${alert.target}`, { number: alert.number });
        announce({
          topic: slaTopic,
          message,
          summary: (count) => t('queue.slaAlert.summary', { count }),
          kind: alert.phase === 'breached' ? 'urgent' : 'info',
          ...(open
            ? {
                action: {
                  label: t('notice.open', { number: alert.number }),
                  run: () => open(alert.ticketId),
                },
              }
            : {}),
        });
      }),
    [watch, announce, t, open],
  );
}
