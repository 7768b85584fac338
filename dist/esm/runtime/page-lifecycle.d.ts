/**
 * What the page's lifecycle means for the runtime (install.ts listens, only once load has decided the
 * page may send or store). Leaving or hiding the page hands every ready call over at once and lets the
 * browser take what it can; the journal keeps the rest. Coming back, or another tab writing storage,
 * makes identity be read again.
 */
import type { CallQueue } from './call-queue.js';
import type { CallItem, Prepared } from './delivery.js';
import type { Pipeline } from './pipeline.js';
export declare class PageLifecycle {
    private readonly pipeline;
    private readonly queue;
    private readonly identityStores;
    constructor(pipeline: () => Pipeline | null, queue: CallQueue<CallItem, Prepared>, identityStores: ReadonlyArray<{
        invalidate(): void;
    }>);
    /** The page is being left or hidden. */
    exit(): void;
    shown(): void;
    /** The browser is back online: send what waited. */
    online(): void;
    /** Another tab changed storage: re-read identity on next use. */
    storageChanged(): void;
}
