import { describe, expect, it } from 'vitest';
import { connectionNotice, type NoticeInputs } from '../../shared/domain/connection-notice';

const base: NoticeInputs = { hub: 'connected', link: 'connected', buffer: 'working', lastSave: null };

describe('connectionNotice', () => {
  it('follows the hub while the host is there and keeps what is done', () => {
    expect(connectionNotice(base)).toBe('connected');
    expect(connectionNotice({ ...base, hub: 'reconnecting' })).toBe('reconnecting');
    expect(connectionNotice({ ...base, hub: 'offline', lastSave: 'host' })).toBe('offline');
    // The host's disk keeps the work even when this browser could not: the buffer does not matter.
    expect(connectionNotice({ ...base, hub: 'offline', buffer: 'failed' })).toBe('offline');
  });

  it('never says "saved" right after a change nothing kept', () => {
    expect(connectionNotice({ ...base, hub: 'offline', lastSave: 'failed' })).toBe('offlineUnsaved');
    expect(connectionNotice({ ...base, hub: 'reconnecting', lastSave: 'failed' })).toBe('offlineUnsaved');
    expect(connectionNotice({ ...base, lastSave: 'failed' })).toBe('unsaved');
  });

  it('says the host is gone, and "kept" only once the browser buffer is known to work', () => {
    expect(connectionNotice({ ...base, hub: 'offline', link: 'lost' })).toBe('hostLost');
    expect(connectionNotice({ ...base, link: 'lost', lastSave: 'browser' })).toBe('hostLost');
    expect(connectionNotice({ ...base, link: 'lost', buffer: 'checking' })).toBe('hostLostUnsaved');
    expect(connectionNotice({ ...base, link: 'lost', buffer: 'failed' })).toBe('hostLostUnsaved');
    expect(connectionNotice({ ...base, link: 'refused', lastSave: 'failed' })).toBe('hostLostUnsaved');
  });
});
