/**
 * The last step before the wire: Amplitude-ready events wait here until the endpoint acknowledges them.
 * It stands in the SDK's timeline as its destination plugin, in place of the SDK's own, because the
 * shim must know, at the instant a page is left, exactly which events the browser has taken over
 * (beacon accepted, or a keepalive request already issued) and which it has not: the first count as
 * sent, the second go to the exit journal. Retries follow the SDK's rules so behaviour does not change.
 */
import type { Clock } from '../runtime/clock.js';
import type { Dict } from '../core/types.js';
export type WireEvent = Dict & {
    event_type: string;
    insert_id: string;
};
export interface WireResponse {
    status: number;
    body: Dict;
}
export interface Transport {
    /** Resolves null when the request failed below HTTP (offline, DNS, blocked, aborted). */
    post(url: string, body: string, keepalive: boolean): Promise<WireResponse | null>;
    /** true when the browser accepted the payload for delivery after the page is gone. */
    beacon(url: string, body: string): boolean;
    online(): boolean;
}
export interface OutboxConfig {
    apiKey: string;
    serverUrl: string;
    /** Most events in one request (halved after a 413). */
    batchSize: number;
    /** How long a new event waits for others to share its request (and what is left after a request waits). */
    flushIntervalMs: number;
    /**
     * batchEvents off, as amplitude-js sent: a new event leaves in the next task, with whatever the same
     * hand-over brought, instead of waiting the interval (which still paces what is left after a request).
     */
    sendNewEventsAtOnce?: boolean;
    /** With batching: this many waiting events leave at once (amplitude-js's eventUploadThreshold). */
    uploadThreshold: number;
    minIdLength?: number;
    maxAttempts: number;
    retryBaseMs: number;
    throttleMs: number;
}
export interface DeliveryOutcome {
    code: number;
    message: string;
}
/** Browsers cap keepalive bodies at 64 KiB in flight; larger requests go without keepalive. */
export declare const KEEPALIVE_BODY_LIMIT = 60000;
export interface OutboxDeps {
    clock: Clock;
    transport: Transport;
    /** The set of events that are not yet the browser's changed; the exit journal persists it. */
    onChange: () => void;
    /** Called before each request; returns insert_ids another page has taken over (they are dropped here). */
    reconcile?: () => Set<string> | undefined;
    warn: (message: string) => void;
}
export declare class Outbox {
    private readonly config;
    private readonly deps;
    /**
     * In order, keyed by arrival (not by insert_id): what is added twice is sent twice, so a bug that
     * hands an event over twice shows on the wire instead of being silently merged.
     */
    private readonly entries;
    private nextKey;
    private requestInFlight;
    /** Only one request is in flight at a time (as in the SDK), so this is that request's size. */
    private inflightCount;
    private timer;
    private timerDue;
    private batchSize;
    constructor(config: OutboxConfig, deps: OutboxDeps);
    get size(): number;
    /** Queues an event; `settled` learns once the endpoint accepted it, or it was dropped for good. */
    add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void;
    /** Events a previous page left behind, already stamped: they go first, under their own insert_ids. */
    restore(events: WireEvent[]): void;
    private enqueue;
    private afterEnqueue;
    private waitingCount;
    /** Sends what is due now (the browser came back online, or the page asked). */
    flush(): void;
    private schedule;
    private pump;
    private payload;
    private onResponse;
    private onInvalid;
    private onThrottled;
    /** Counts an attempt; an event that has used them all is dropped. */
    private retry;
    private finish;
    private dropTaken;
    /**
     * The page is being left (or hidden, which may be the last chance). Synchronously hands every waiting
     * event to sendBeacon; requests already issued with keepalive are the browser's too. What the browser
     * does not take stays here and in the journal.
     */
    exit(): void;
    /** What must survive if the page dies now: everything the browser has not taken over. */
    unsent(): WireEvent[];
}
