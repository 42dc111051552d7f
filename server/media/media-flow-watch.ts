import type { types as ms } from 'mediasoup';

export interface MediaFlowWatchOptions {
  /** How often the producer's byte count is read. */
  intervalMs?: number;
  /** How long without new bytes before the picture counts as stalled. */
  stallMs?: number;
  now?: () => number;
}

/**
 * Tells within seconds that the anchor's picture stopped arriving: ICE only
 * notices a dead network at its ~30 s consent timeout, long after the
 * anchor's own client shows "Reconnecting". Polls the producer's received
 * byte count (summed over simulcast layers); reports `true` once bytes had
 * flowed and then none came for `stallMs`, `false` when they flow again.
 * A paused producer is the anchor's choice, never a stall. Until the first
 * bytes arrive nothing is reported: a producer that never sent is not a
 * broken one, and a stall carried over from the producer it replaced
 * clears only when this one's bytes flow.
 */
export class MediaFlowWatch {
  private readonly timer: NodeJS.Timeout;
  private readonly stallMs: number;
  private readonly now: () => number;
  private bytes = -1;
  private grewAt = 0;
  private stalled: boolean | null = null;
  private reading = false;
  private stopped = false;

  constructor(
    private readonly producer: ms.Producer,
    private readonly onChange: (stalled: boolean) => void,
    options: MediaFlowWatchOptions = {},
  ) {
    this.stallMs = options.stallMs ?? 3000;
    this.now = options.now ?? Date.now;
    this.grewAt = this.now();
    this.timer = setInterval(() => void this.tick(), options.intervalMs ?? 1000);
    this.timer.unref();
    producer.observer.once('close', () => this.stop());
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    // A slow worker must not stack reads up.
    if (this.reading || this.stopped) return;
    this.reading = true;
    try {
      const stats = await this.producer.getStats();
      if (this.stopped) return;
      const bytes = stats.reduce((sum, s) => sum + Math.max(0, s.byteCount), 0);
      const now = this.now();
      if (this.bytes < 0 || this.producer.paused) {
        // The first reading is only the baseline; a pause is the anchor's choice, not a drop.
        this.bytes = bytes;
        this.grewAt = now;
        if (this.producer.paused && this.stalled) this.report(false);
      } else if (bytes > this.bytes) {
        this.bytes = bytes;
        this.grewAt = now;
        this.report(false);
      } else if (this.stalled !== null && now - this.grewAt >= this.stallMs) {
        this.report(true);
      }
    } catch {
      // The producer closed between the tick and the read: its close stops the watch.
    } finally {
      this.reading = false;
    }
  }

  private report(stalled: boolean): void {
    if (this.stalled === stalled) return;
    this.stalled = stalled;
    this.onChange(stalled);
  }
}
