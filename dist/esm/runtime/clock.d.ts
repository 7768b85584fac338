/**
 * Time as the runtime sees it. Every module that waits or stamps takes a Clock, so unit tests drive
 * them with fake timers and the browser build uses the real ones (src/browser/system-clock.ts).
 */
export interface Clock {
    /** Wall-clock time (ms since the epoch): what an event's `time` says. It can jump either way. */
    now(): number;
    /** Time that only moves forward at one pace, whatever happens to the wall clock: what waits are measured on. */
    monotonic(): number;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}
