/**
 * Calls in true call order. Calls wait here until the SDK is ready; then each task's calls are drained
 * together, on the next tick, so a call costs its caller only a push. Middleware runs as calls are
 * drained; a call whose middleware answers later holds the calls behind it (hand-over stays in call
 * order) but never the middleware of those calls, which starts at once.
 */
import type { Clock } from './clock.js';
export type Step<Item, Prepared> = {
    kind: 'call';
    item: Item;
    prepared?: Prepared;
    pending?: boolean;
} | {
    kind: 'task';
    run: () => void;
};
export interface CallQueueDeps<Item, Prepared> {
    clock: Clock;
    /** Runs middleware for an item: a value now, or a promise when some middleware is asynchronous. */
    prepare(item: Item): Prepared | Promise<Prepared>;
    /** Hands calls over, in order; called with consecutive ready calls. */
    handOver(calls: Array<{
        item: Item;
        prepared: Prepared;
    }>): void;
    /** An internal failure, reported once; the queue keeps going. With an item: that call is settled as failed. */
    fail(error: unknown, item?: Item): void;
}
export declare class CallQueue<Item, Prepared> {
    private readonly deps;
    /** Not drained yet. */
    private waiting;
    /** Drained, in order; the head may still be in asynchronous middleware. */
    private inOrder;
    private open;
    private scheduled;
    /** While load decides what it sends first, new steps collect here (see sendFirst). */
    private front;
    constructor(deps: CallQueueDeps<Item, Prepared>);
    push(step: Step<Item, Prepared>): void;
    /** Whatever `decide` queues goes ahead of every step queued so far (what load sends first). */
    sendFirst(decide: () => void): void;
    /** The SDK is ready: from now on calls are handed over. */
    start(): void;
    get started(): boolean;
    private schedule;
    /** Hands over everything that can be, now (also called synchronously when the page is left). */
    drain(): void;
    private prepare;
    private advance;
    /** Calls not handed over yet, in order (for the exit journal). */
    pendingItems(): Item[];
}
