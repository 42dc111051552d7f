import { pino } from 'pino';
import { fail, ok, type Ack } from '../../shared/protocol';
import type { ChannelOutput } from '../../shared/bridge';
import { createDraftsStore, type DraftsStore } from './drafts-store';
import { openHostDb } from './host-db';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { createSettingsStore, type SettingsStore } from './settings-store';

/** What `host.info` answers, except the transport, which the platform knows. */
export type HubInfo = Omit<ChannelOutput<'host.info'>, 'transport'>;

/** The OS features that differ between Electron and web mode. */
export interface HostPlatform {
  transport: ChannelOutput<'host.info'>['transport'];
  flash(reason: string): void | Promise<void>;
  openExternal(url: string): Promise<Ack<Record<string, never>>>;
}

/** Web mode: the renderer shows an in-page banner itself, and the browser opens links itself. */
export const webPlatform: HostPlatform = {
  transport: 'web',
  flash() {},
  async openExternal() {
    return fail('unavailable', 'Links open in the browser in web mode.');
  },
};

export interface HostLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface HostServicesOptions {
  /** `<userData>`: host.sqlite lives here. */
  dataDir: string;
  nativeBinding?: string;
  /** Read on every `host.info`; null while the hub connection is still being set up. */
  hubInfo: () => HubInfo | null;
  platform?: HostPlatform;
  log?: HostLogger;
  now?: () => number;
}

export interface HostServices {
  settings: SettingsStore;
  drafts: DraftsStore;
  outbox: OutboxStore;
  platform: HostPlatform;
  log: HostLogger;
  now: () => number;
  hubInfo: () => HubInfo | null;
  close(): void;
}

export function createHostServices(options: HostServicesOptions): HostServices {
  const log = options.log ?? pino({ name: 'wings-host', level: 'warn' }, pino.destination(2));
  const db = openHostDb({
    dataDir: options.dataDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  let open = true;
  return {
    settings: createSettingsStore(db, (error) =>
      log.warn({ err: error }, 'stored settings are damaged; using defaults'),
    ),
    drafts: createDraftsStore(db),
    outbox: createOutboxStore(db),
    platform: options.platform ?? webPlatform,
    log,
    now: options.now ?? Date.now,
    hubInfo: options.hubInfo,
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

/** `host.info`, or `unavailable` while the hub is not settled yet. */
export function hostInfo(services: HostServices): Ack<ChannelOutput<'host.info'>> {
  const info = services.hubInfo();
  if (!info) return fail('unavailable', 'The hub connection is still starting.');
  return ok({ ...info, transport: services.platform.transport });
}
