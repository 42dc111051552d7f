import type { WingsBridge } from '../../shared/bridge';

/**
 * Keeps the screen on while the anchor is live. The host holds the OS's
 * blocker in Electron (`power.keepAwake`); in web mode it has none and says
 * `held: false`, and the page asks the browser for a screen Wake Lock
 * instead, taking it again whenever the tab comes back to the front (the
 * browser drops it on every hide).
 */
export class KeepAwake {
  private wanted = false;
  private lock: WakeLockSentinel | null = null;
  private readonly onVisible = () => {
    if (this.wanted && document.visibilityState === 'visible' && this.lock === null) void this.takeLock();
  };

  constructor(private readonly bridge: Pick<WingsBridge, 'call'>) {}

  /** Whether something now keeps the screen on. */
  async hold(): Promise<boolean> {
    if (this.wanted) return this.lock !== null || (await this.hostHeld(true));
    this.wanted = true;
    if (await this.hostHeld(true)) return true;
    document.addEventListener('visibilitychange', this.onVisible);
    return this.takeLock();
  }

  async release(): Promise<void> {
    if (!this.wanted) return;
    this.wanted = false;
    document.removeEventListener('visibilitychange', this.onVisible);
    const lock = this.lock;
    this.lock = null;
    await Promise.all([this.hostHeld(false), lock?.release().catch(() => undefined)]);
  }

  private async hostHeld(on: boolean): Promise<boolean> {
    try {
      const answer = await this.bridge.call('power.keepAwake', { on });
      return answer.ok && answer.data.held;
    } catch {
      return false;
    }
  }

  private async takeLock(): Promise<boolean> {
    if (!('wakeLock' in navigator)) return false;
    try {
      const lock = await navigator.wakeLock.request('screen');
      if (!this.wanted) {
        await lock.release();
        return false;
      }
      this.lock = lock;
      lock.addEventListener('release', () => {
        if (this.lock === lock) this.lock = null;
      });
      return true;
    } catch {
      // Refused (a hidden tab, a policy): the broadcast goes on; the screen may dim.
      return false;
    }
  }
}
