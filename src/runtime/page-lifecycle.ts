/**
 * What the page's lifecycle means for the runtime (install.ts listens, only once load has decided the
 * page may send or store). Leaving or hiding the page hands every ready call over at once and lets the
 * browser take what it can; the journal keeps the rest. Coming back, or another tab writing storage,
 * makes identity be read again.
 */
import type { CallQueue } from './call-queue.js';
import type { CallItem, Prepared } from './delivery.js';
import type { Pipeline } from './pipeline.js';

export class PageLifecycle {
  constructor(
    private readonly pipeline: () => Pipeline | null,
    private readonly queue: CallQueue<CallItem, Prepared>,
    private readonly identityStores: ReadonlyArray<{ invalidate(): void }>,
    /** Events stop waiting for registered plugins' loads (what waits is journaled as calls). */
    private readonly plugins: { release(): void },
  ) {}

  /** The page is being left (`gone`: pagehide) or hidden. */
  exit(gone = false): void {
    const pipeline = this.pipeline();
    this.plugins.release();
    if (!pipeline) return;
    if (this.queue.started) this.queue.drain();
    pipeline.exit(gone);
  }

  /** Another page of the site wrote its journal record: it may have gone, leaving events to send. */
  otherPageJournal(): void {
    this.pipeline()?.takeover.noticed();
  }

  shown(): void {
    this.pipeline()?.journal.pageShown();
    // Another tab may have changed the visitor's IDs while this one was hidden.
    this.storageChanged();
  }

  /** The browser is back online: send what waited. */
  online(): void {
    this.pipeline()?.outbox.flush();
  }

  /** Another tab changed storage: re-read identity on next use. */
  storageChanged(): void {
    for (const store of this.identityStores) store.invalidate();
  }
}
