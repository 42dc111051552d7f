import type { BrowserBuffer, LastSave } from '../../shared/domain/connection-notice';
import type { HostLinkState, HostRefusal } from './host-link';

export type { BrowserBuffer, LastSave };

/**
 * What the connection pill and the host notice need to say only what is
 * true: whether the host is reachable, whether the browser can keep work
 * meanwhile, and whether the last change was kept at all. DOM-free.
 */
export interface HostStatus {
  readonly link: HostLinkState;
  readonly refusal: HostRefusal | null;
  readonly buffer: BrowserBuffer;
  readonly lastSave: LastSave;
  subscribe(listener: () => void): () => void;
}

/** Electron, and tests without a web host: the host is always there and keeps everything itself. */
export const alwaysHosted: HostStatus = {
  link: 'connected',
  refusal: null,
  buffer: 'working',
  lastSave: null,
  subscribe: () => () => undefined,
};
