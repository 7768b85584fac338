/**
 * When to try again after the endpoint failed, and when an event is too old to send at all. Pure, so
 * the schedule is tested on its own; the outbox applies it on the monotonic clock.
 *
 * The endpoint, not each event, backs off: while it fails, new events wait with the old ones for the
 * next attempt, so an outage costs one request per wait whatever the page tracks meanwhile.
 */

/** The wait after the first failure. */
const RETRY_BASE_MS = 1000;
/**
 * The longest wait between two attempts. An open tab notices a recovery within this time, and a tab
 * waiting on a failing endpoint sends it at most one request per 30 to 60 s.
 */
export const RETRY_CAP_MS = 60 * 1000;
/**
 * An event older than this is dropped instead of sent. Amplitude ignores a repeated insert_id for
 * seven days; an event sent again after an exit during an outage may repeat one that did arrive, so
 * it must reach Amplitude inside that window. A day of margin covers a device clock set wrong
 * between the call and the send.
 */
export const MAX_EVENT_AGE_MS = 6 * 24 * 60 * 60 * 1000;

/**
 * The wait after `failures` failures in a row (1 or more): doubling from RETRY_BASE_MS up to
 * RETRY_CAP_MS, then a random point in its upper half, so that pages which failed together (an
 * outage fails them all at once) do not all come back at the same instant.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/** The endpoint's state of failure, on a monotonic clock: how many failures in a row, and when to try next. */
export class Backoff {
  private failures = 0;
  private retryAt = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** Records a failure at `now`; returns the wait before the next attempt. */
  failed(now: number): number {
    this.failures += 1;
    const wait = retryDelay(this.failures, this.random);
    this.retryAt = now + wait;
    return wait;
  }

  /** The endpoint answered: the next attempt may go at once, and a later failure starts from the base again. */
  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
  }

  /** Something changed (the browser came back online): try at once, still counting the failures. */
  skipWait(): void {
    this.retryAt = 0;
  }

  /** How long from `now` until an attempt may go (0: now). */
  remaining(now: number): number {
    return Math.max(0, this.retryAt - now);
  }

  get failing(): boolean {
    return this.failures > 0;
  }
}
