/**
 * Runs `task` one at a time. A call while it runs does not start a second
 * copy; it asks for exactly one more run after the current one, and resolves
 * when that run is over. So every caller sees a run that started after it
 * asked (a catch-up that starts after the last push, a refresh after the last
 * change), and a burst of asks costs two runs, not one per ask.
 */
export class Rerun {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.task();
    } while (this.again);
  }
}
