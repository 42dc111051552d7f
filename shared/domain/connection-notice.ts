/**
 * Where the worker's last change went: the host's disk, this browser's
 * IndexedDB while the host was out of reach, or nowhere. Null before any.
 */
export type LastSave = 'host' | 'browser' | 'failed' | null;

/** Whether this browser can keep work for a host that is away: known once IndexedDB opened, or did not. */
export type BrowserBuffer = 'checking' | 'working' | 'failed';

/** What the connection pill says. */
export type ConnectionNotice =
  'connected' | 'reconnecting' | 'offline' | 'hostLost' | 'hostLostUnsaved' | 'offlineUnsaved' | 'unsaved';

export interface NoticeInputs {
  /** The hub link. */
  hub: 'connected' | 'reconnecting' | 'offline';
  /** The host link (web mode can lose it; Electron never does). */
  link: 'connecting' | 'connected' | 'lost' | 'refused';
  buffer: BrowserBuffer;
  lastSave: LastSave;
}

/**
 * "Your work is saved" only while it is: with the host reachable, its outbox
 * and drafts keep what the worker does; with the host away, only once the
 * browser's buffer is known to work; and never right after a change that
 * nothing kept (then the pill says so until a later change is kept).
 */
export function connectionNotice({ hub, link, buffer, lastSave }: NoticeInputs): ConnectionNotice {
  const failed = lastSave === 'failed';
  if (link === 'lost' || link === 'refused')
    return failed || buffer !== 'working' ? 'hostLostUnsaved' : 'hostLost';
  if (hub === 'connected') return failed ? 'unsaved' : 'connected';
  if (failed) return 'offlineUnsaved';
  return hub;
}
