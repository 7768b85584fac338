/**
 * Outages across pages. A page that is gone (closed, or navigated away) while the endpoint fails leaves
 * its events in its journal record; a page of the site that is still open takes that record over and
 * sends its events once the endpoint answers, without waiting for a new page load. Pages take turns
 * through a Web Lock, so no two take the same record. Without Web Locks, records wait for the next
 * page load, as before.
 *
 * It also carries the endpoint's state from page to page: a page that opens during an outage knows
 * that what it hands to the browser at exit may be refused.
 */
import type { Clock } from '../runtime/clock.js';
import type { ExitJournal, JournalContents } from './exit-journal.js';
import type { Outbox } from './outbox.js';
import type { BrowserPort } from '../browser/port.js';

/** A gone page's record is left this long to the page that follows it, which claims at once on load. */
export const TAKEOVER_GRACE_MS = 3000;

/**
 * Runs `work` while holding the site-wide lock `name`; false when the browser has no Web Locks. The page's
 * own is src/browser/web-lock.ts, passed in through the BrowserPort.
 */
export type SiteLock = BrowserPort['siteLock'];

export class Takeover {
  private timer: unknown = undefined;

  constructor(
    private readonly clock: Clock,
    private readonly journal: ExitJournal,
    outbox: Outbox,
    private readonly adopt: (left: JournalContents) => void,
    private readonly lock: SiteLock,
  ) {
    if (journal.endpointFailing()) outbox.assumeFailing();
  }

  /** Another page of the site wrote its record (it may have gone): look once the grace has passed. */
  noticed(): void {
    if (this.timer !== undefined) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.look();
    }, TAKEOVER_GRACE_MS + 100);
  }

  /** The endpoint answered, or stopped answering: remembered for other pages; an answer is the moment to look. */
  endpointAnswered(healthy: boolean): void {
    this.journal.noteEndpoint(healthy);
    if (healthy) this.look();
  }

  private look(): void {
    this.lock(this.journal.lockName, () => {
      const left = this.journal.claim(TAKEOVER_GRACE_MS);
      if (left.calls.length || left.events.length) this.adopt(left);
    });
  }
}
