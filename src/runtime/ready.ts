/**
 * `analytics.ready()`: callbacks wait until the page's destinations are loaded (here: the SDK has
 * started, or the page was found to send nothing), then run once each, in order; later ones run at once.
 */
import { callPageFunction, describe } from './page-code.js';

export class ReadySignal {
  private waiting: Array<() => void> = [];
  private fired = false;

  constructor(private readonly warn: (call: string, message: string) => void) {}

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const run of waiting) run();
  }

  ready(callback?: unknown): Promise<unknown[]> {
    return new Promise((resolve) => {
      const run = () => {
        if (typeof callback === 'function')
          callPageFunction(callback as () => unknown, undefined, [[]], (error) =>
            this.warn('analytics.ready()', `callback failed: ${describe(error)}`),
          );
        resolve([]);
      };
      if (this.fired) run();
      else this.waiting.push(run);
    });
  }
}
