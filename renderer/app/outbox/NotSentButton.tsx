import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlerts } from '../../a11y/alerts/AlertsProvider';
import { useOutboxList, useSessionStore } from '../../session/hooks';
import { CircleAlert } from 'lucide-react';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { notSentStore } from './not-sent-store';
import { useNotSentAction } from './not-sent-actions';
import './NotSentButton.css';

export const notSentPanelId = 'not-sent-panel';

/**
 * The banner's count of what was not sent: absent while there is nothing,
 * said aloud (and shown, with visual alerts) when something arrives, and the
 * way into the list.
 */
export function NotSentButton({ className }: { className?: string }) {
  const { t } = useTranslation('outbox');
  const { announce } = useAlerts();
  const store = useSessionStore(notSentStore);
  const isOpen = useSyncExternalStore(store.subscribe, () => store.isOpen);
  const count = useOutboxList().notSent.length;
  const button = useRef<HTMLButtonElement>(null);
  const seen = useRef(0);

  useEffect(() => {
    if (count > seen.current) {
      announce({
        topic: 'outbox.notSent',
        message: t('appeared', { count }),
        summary: () => t('appeared', { count }),
      });
    }
    seen.current = count;
  }, [count, announce, t]);

  const toggle = () => {
    if (store.isOpen) store.close();
    else store.open(() => button.current?.focus());
  };

  if (count === 0) return null;
  return (
    <>
      <NotSentAction run={toggle} />
      <Button
        ref={button}
        className={['not-sent-button', className].filter(Boolean).join(' ')}
        aria-expanded={isOpen}
        aria-controls={isOpen ? notSentPanelId : undefined}
        onClick={toggle}
        icon={CircleAlert}
        // The name keeps the count in words ("Not sent (3)"); the badge shows it at a glance.
        aria-label={t('button', { n: count })}
      >
        {t('buttonText')}
        <Badge count={count} tone="warn" />
      </Button>
    </>
  );
}

/** Registered only while the button is there: an action that opens an empty list would be a dead end. */
function NotSentAction({ run }: { run: () => void }) {
  useNotSentAction(run);
  return null;
}
