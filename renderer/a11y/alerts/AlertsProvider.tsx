import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useHost } from '../../host/HostProvider';
import { useA11yProfile } from '../profile/ProfileProvider';
import { AlertBanner } from './AlertBanner';
import { AlertCenter, type AlertRequest, type Announcement } from './alert-center';
import { EdgeFlash } from './EdgeFlash';
import { LiveRegions } from './LiveRegions';
import './AlertsProvider.css';

export type { AlertAction, AlertKind, AlertRequest, Announcement } from './alert-center';

interface AlertsContextValue {
  /** Alerts the worker now: live region, and with visual alerts on the window flash and banner. */
  notify(alert: AlertRequest): void;
  /** Like notify, but a burst of the same topic becomes one summary instead of a flood. */
  announce(announcement: Announcement): void;
  /** The worker has read what `topic`'s alerts are about: its banner slot may go after its minimum time. */
  acknowledge(topic: string): void;
  /** Takes down every alert shown and drops those waiting: a session's alerts end with it. */
  clear(): void;
}

const AlertsContext = createContext<AlertsContextValue | null>(null);

export function AlertsProvider({ children }: { children: ReactNode }) {
  const host = useHost();
  const { profile } = useA11yProfile();
  const [center] = useState(() => new AlertCenter(host.flash));
  const snapshot = useSyncExternalStore(center.subscribe, () => center.snapshot);
  const { visualAlerts, edgeFlash, reducedMotion, alertSounds } = profile;

  useEffect(
    () => center.configure({ visualAlerts, edgeFlash, reducedMotion, sounds: alertSounds }),
    [center, visualAlerts, edgeFlash, reducedMotion, alertSounds],
  );
  useEffect(() => () => center.dispose(), [center]);

  const value = useMemo(
    () => ({
      notify: center.notify,
      announce: center.announce,
      acknowledge: center.acknowledge,
      clear: center.clear,
    }),
    [center],
  );
  return (
    <AlertsContext value={value}>
      <div className="alerts-frame">{children}</div>
      {/* After the app in reading order, over it on screen: the skip link stays the first stop. */}
      <AlertBanner items={snapshot.banner} onDismiss={center.dismiss} onHold={center.hold} />
      <LiveRegions status={snapshot.status} alert={snapshot.alert} />
      <EdgeFlash flasher={center.flasher} />
    </AlertsContext>
  );
}

export function useAlerts(): AlertsContextValue {
  const value = useContext(AlertsContext);
  if (!value) throw new Error('useAlerts outside AlertsProvider');
  return value;
}
