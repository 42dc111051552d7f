import type {
  ChannelInput,
  ChannelOutput,
  HostEventName,
  HostEventPayload,
  Settings,
  SettingsPatch,
  WingsBridge,
} from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';

export type HostInfo = ChannelOutput<'host.info'>;

/**
 * The workstation host as the app-wide parts of the renderer use it:
 * settings, the window's flash, and the events the host sends on its own.
 * Components get this object (./HostProvider.tsx), never the bridge, so the
 * bridge's channels are called from a handful of small places only.
 */
export class HostServices {
  constructor(
    private readonly bridge: WingsBridge,
    readonly info: HostInfo,
  ) {}

  /** Saves on the host first; the answer is what the host kept (the disk is the truth). */
  updateSettings(patch: SettingsPatch): Promise<Ack<Settings>> {
    return this.bridge.call('settings.update', patch);
  }

  /** Asks the OS to draw attention to the window (visual alerts); nothing to wait for. */
  flash = (reason: string): void => {
    void this.bridge.call('window.flash', { reason: reason.slice(0, 200) }).catch(() => undefined);
  };

  /**
   * An OS notification (Electron) for the signed-in worker; clicking it comes back as
   * `notification.clicked`. Resolves false where the host shows none (web mode, rate limit).
   */
  showNotification = async (input: ChannelInput<'notification.show'>): Promise<boolean> => {
    try {
      const answer = await this.bridge.call('notification.show', input);
      return answer.ok && answer.data.shown;
    } catch {
      return false;
    }
  };

  /** Host → renderer events: a notification clicked, a global shortcut, power and displays. */
  listen<N extends HostEventName>(name: N, handler: (payload: HostEventPayload<N>) => void): () => void {
    return this.bridge.listen(name, handler);
  }
}

export interface HostBoot {
  info: Ack<HostInfo>;
  /** Null when the host could not say: the defaults apply. */
  settings: Settings | null;
}

/** What the page needs from the host before its first paint. */
export async function bootHost(bridge: WingsBridge): Promise<HostBoot> {
  const [settings, info] = await Promise.all([bridge.call('settings.get', {}), bridge.call('host.info', {})]);
  return { info, settings: settings.ok ? settings.data : null };
}
