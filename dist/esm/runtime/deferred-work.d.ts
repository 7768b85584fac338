/**
 * Start-up work the first event need not wait for. The SDK's init reads and probes cookies, each read
 * after a write being a synchronous round trip to the browser's cookie store (about 14 ms in all on the
 * bench machine), and a page's first `storage` listener opens its storage area (up to 10 ms). Such work
 * is collected until the calls queued at load have been handed over, then runs in a task of its own, so
 * the first request (already scheduled by then) leaves first. Nothing in it may reach the page.
 */
import type { Clock } from './clock.js';
export declare class DeferredWork {
    private readonly clock;
    private readonly report;
    /** null once released: later work gets a task of its own at once. */
    private collected;
    constructor(clock: Clock, report: (error: unknown) => void);
    add(work: () => void): void;
    /** The calls queued at load have been handed over. */
    release(): void;
    private run;
}
