/**
 * Time as the runtime sees it. Every module that waits or stamps takes a Clock, so unit tests drive
 * them with fake timers and the browser build uses the real ones.
 */
export interface Clock {
    now(): number;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}
export declare const systemClock: Clock;
/** Resolves when `promise` settles or `ms` have passed, whichever comes first; never rejects. */
export declare function settledWithin(promise: PromiseLike<unknown>, ms: number, clock: Clock): Promise<void>;
