import type { LiveMessage } from './alert-center';

export interface LiveRegionsProps {
  status: LiveMessage | null;
  alert: LiveMessage | null;
}

/**
 * Both regions exist from the start, because screen readers announce changes
 * inside a live region far more reliably than a region that appears. Keying
 * the text by id makes the same words said twice count as a new change.
 */
export function LiveRegions({ status, alert }: LiveRegionsProps) {
  return (
    <div className="live-regions">
      <div role="status" className="visually-hidden" data-testid="alerts-status">
        {status ? <p key={status.id}>{status.text}</p> : null}
      </div>
      <div role="alert" className="visually-hidden" data-testid="alerts-alert">
        {alert ? <p key={alert.id}>{alert.text}</p> : null}
      </div>
    </div>
  );
}
