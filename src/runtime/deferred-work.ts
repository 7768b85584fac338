/**
 * Start-up work the first event need not wait for. The SDK's init reads and probes cookies, each read
 * after a write being a synchronous round trip to the browser's cookie store (about 14 ms in all on the
 * bench machine), and a page's first `storage` listener opens its storage area (up to 10 ms). Such work
 * is collected until the calls queued at load have been handed over, then runs in a task of its own, so
 * the first request (already scheduled by then) leaves first. Nothing in it may reach the page.
 */
import type { Clock } from './clock.js';

export class DeferredWork {
  /** null once released: later work gets a task of its own at once. */
  private collected: Array<() => void> | null = [];

  constructor(
    private readonly clock: Clock,
    private readonly report: (error: unknown) => void,
  ) {}

  add(work: () => void): void {
    if (this.collected) this.collected.push(work);
    else this.clock.setTimeout(() => this.run([work]), 0);
  }

  /** The calls queued at load have been handed over. */
  release(): void {
    this.clock.setTimeout(() => {
      const work = this.collected || [];
      this.collected = null;
      this.run(work);
    }, 0);
  }

  private run(work: Array<() => void>): void {
    for (const fn of work) {
      try {
        fn();
      } catch (error) {
        this.report(error);
      }
    }
  }
}
