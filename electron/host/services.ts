import { pino } from 'pino';
import { fail, ok, type Ack } from '../../shared/protocol';
import type { ChannelOutput } from '../../shared/bridge';
import { createClockStore, type ClockStore } from './clock-store';
import { createDraftsStore, type DraftsStore } from './drafts-store';
import { HostEventBus } from './host-events';
import { openHostDb } from './host-db';
import { NotificationGate, type ShowOsNotification } from './notifications';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { SessionKeeper } from './session-keeper';
import { createRestreamStore, type RestreamStore } from './restream-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createSpeechService, type SpeechOptions, type SpeechService } from './speech';
import { createTypingHistoryStore, type TypingHistoryStore } from './typing-history-store';

/** What `host.info` answers, except the transport, which the platform knows. */
export type HubInfo = Omit<ChannelOutput<'host.info'>, 'transport'>;

/** The OS features that differ between Electron and web mode. */
export interface HostPlatform {
  transport: ChannelOutput<'host.info'>['transport'];
  flash(reason: string): void | Promise<void>;
  openExternal(url: string): Promise<Ack<Record<string, never>>>;
  /**
   * Asks the worker, in a prompt the host draws (not the page), whether
   * passwords may from now on go to this hub. A page that was tampered with
   * cannot answer it for them.
   */
  confirmHubChange(hubUrl: string | null): Promise<Ack<Record<string, never>>>;
  /** An OS notification; absent where there are none (web mode). Rate-limited by the host's gate. */
  notify?: ShowOsNotification;
  /**
   * Holds (`true`) or releases the display-sleep blocker; answers whether one is held.
   * Absent in web mode: the host cannot keep a browser's screen on (the page uses the Wake Lock API).
   */
  keepAwake?: (on: boolean) => boolean;
  /**
   * The app window as an A4 PDF through a save dialog the host draws (Electron's printToPDF).
   * Absent in web mode: the page prints with the browser's own dialog.
   */
  printPdf?: (fileName: string) => Promise<{ saved: string } | { cancelled: true }>;
}

/** Web mode: the renderer shows an in-page banner itself, and the browser opens links itself. */
export const webPlatform: HostPlatform = {
  transport: 'web',
  flash() {},
  async openExternal() {
    return fail('unavailable', 'Links open in the browser in web mode.');
  },
  async confirmHubChange() {
    // The host here has no window of its own to ask in; the person who started it chooses the hub.
    return fail(
      'forbidden',
      'In web mode the hub is chosen when starting: npm run start:web -- --hub <url>.',
    );
  },
};

/**
 * One hub-change prompt at a time: a page that asks again before the worker
 * has answered is refused, not given a second prompt, so a tampered renderer
 * cannot bury the worker in prompts until one is confirmed by mistake.
 */
function onePromptAtATime(platform: HostPlatform): HostPlatform {
  let asking = false;
  return {
    ...platform,
    async confirmHubChange(hubUrl) {
      if (asking) return fail('conflict', 'The worker has not answered the last hub change yet.');
      asking = true;
      try {
        return await platform.confirmHubChange(hubUrl);
      } finally {
        asking = false;
      }
    },
  };
}

export interface HostLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A restream stream key is a platform account's secret: never in a log line, whatever logs it. */
export const hostLogRedact = { paths: ['streamKey', '*.streamKey', '*.*.streamKey'], censor: '[redacted]' };

export interface HostServicesOptions {
  /** `<userData>`: host.sqlite lives here. */
  dataDir: string;
  nativeBinding?: string;
  /** Read on every `host.info`; null while the hub connection is still being set up. */
  hubInfo: () => HubInfo | null;
  platform?: HostPlatform;
  log?: HostLogger;
  now?: () => number;
  /** The HTTP client sign-in and sign-out use; tests may point it elsewhere. */
  fetch?: typeof fetch;
  /** The teleprompter's speech engine and its limits; the OS's own engine by default. */
  speech?: SpeechOptions;
}

export interface HostServices {
  settings: SettingsStore;
  drafts: DraftsStore;
  outbox: OutboxStore;
  /** Each worker's clock events, written with their outbox entry so shifts are kept offline. */
  clock: ClockStore;
  /** What each worker sent, for the on-screen keyboard's predictions; local only. */
  typingHistory: TypingHistoryStore;
  session: SessionKeeper;
  /** The teleprompter's voice: the system speech engine, bounded in time, size and concurrency. */
  speech: SpeechService;
  /** Each worker's RTMP restream target; the stream key is never logged. */
  restream: RestreamStore;
  events: HostEventBus;
  platform: HostPlatform;
  /** OS notifications, at most one every few seconds; a click becomes `notification.clicked`. */
  notifications: NotificationGate;
  log: HostLogger;
  now: () => number;
  hubInfo: () => HubInfo | null;
  /** Tells every window the signed-in worker's outbox changed. */
  outboxChanged(): void;
  close(): void;
}

export function createHostServices(options: HostServicesOptions): HostServices {
  const log =
    options.log ??
    pino(
      {
        name: 'wings-host',
        level: 'warn',
        redact: hostLogRedact,
      },
      pino.destination(2),
    );
  const now = options.now ?? Date.now;
  const db = openHostDb({
    dataDir: options.dataDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const events = new HostEventBus();
  const outbox = createOutboxStore(db);
  const outdated = outbox.sweepOutdated(now());
  if (outdated > 0) log.warn({ outdated }, 'queued commands this version cannot send were kept as not sent');

  const session = new SessionKeeper({
    hub: options.hubInfo,
    now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onChange: (current) => {
      events.emit('session.changed', { signedIn: current !== null });
      outboxChanged();
    },
  });
  const outboxChanged = () => {
    const owner = session.owner;
    events.emit('outbox.changed', owner ? outbox.counts(owner) : { pending: 0, notSent: 0 });
  };

  const platform = onePromptAtATime(options.platform ?? webPlatform);
  const notifications = new NotificationGate({
    show: platform.notify,
    clicked: (route) => events.emit('notification.clicked', { route }),
    now,
  });

  let open = true;
  return {
    settings: createSettingsStore(db, (error) =>
      log.warn({ err: error }, 'stored settings are damaged; using defaults'),
    ),
    drafts: createDraftsStore(db),
    outbox,
    clock: createClockStore(db, outbox),
    typingHistory: createTypingHistoryStore(db),
    session,
    speech: createSpeechService(options.speech),
    restream: createRestreamStore(db),
    events,
    platform,
    notifications,
    log,
    now,
    hubInfo: options.hubInfo,
    outboxChanged,
    close() {
      if (!open) return;
      open = false;
      notifications.close();
      session.end();
      platform.keepAwake?.(false);
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
