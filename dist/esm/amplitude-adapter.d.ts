/**
 * The one place that talks to @amplitude/analytics-browser. It makes the SDK deterministic (no remote
 * config, no autocapture: the shim decides every event) and stamps every event with the identity and
 * time of the Segment call, because the SDK would otherwise stamp them later (pitfall P4).
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { AmplitudeEvent } from './types';
import { type AdapterInit } from './sdk-options';
export type { AdapterInit } from './sdk-options';
/** The SDK's client class, used directly (not through createInstance) so its destination plugin is reachable. */
export type AmplitudeClient = AmplitudeBrowser;
export interface DeliveryResult {
    code: number;
    message: string;
}
export interface EventStamp {
    userId: string | null | undefined;
    deviceId: string;
    time: number;
    insertId: string;
    /** Called once the SDK has queued the event in its destination, which persists it until acknowledged. */
    onQueued?: () => void;
}
/** What the shim needs from Amplitude; the SDK-backed adapter below is the only production one. */
export interface AmplitudeDriver {
    readonly client: unknown;
    init(options: AdapterInit): Promise<void>;
    send(event: AmplitudeEvent, stamp: EventStamp): Promise<DeliveryResult>;
    setUserId(userId: string | null): void;
    setDeviceId(deviceId: string): void;
    reset(deviceId: string): void;
    getSessionId(): number | undefined;
    flushForExit(): void;
    resumeAfterExit(): void;
}
export declare class AmplitudeAdapter implements AmplitudeDriver {
    readonly client: AmplitudeClient;
    private initialized;
    private exiting;
    /** batchEvents: events handed over since the last threshold flush. */
    private unsent;
    private batchThreshold;
    /** insert_id -> callback, for events handed to the SDK whose destination has not queued them yet. */
    private readonly awaitingQueue;
    init(options: AdapterInit): Promise<void>;
    get ready(): boolean;
    send(event: AmplitudeEvent, stamp: EventStamp): Promise<DeliveryResult>;
    setUserId(userId: string | null): void;
    setDeviceId(deviceId: string): void;
    /** reset(): a new device, no user, and a new session (the SDK's own reset keeps the session). */
    reset(deviceId: string): void;
    getDeviceId(): string | undefined;
    getSessionId(): number | undefined;
    /**
     * amplitude-js uploaded as soon as eventUploadThreshold events were unsent; the v2 SDK only has a timer
     * (its flushQueueSize is a batch size). Runs in the enrichment step, just before the destination
     * queues the event, so the flush is scheduled after it.
     */
    private countForBatch;
    /**
     * The SDK's public flush() makes one attempt and then forgets the events, even on failure (P8).
     * Its destination's flush(true) retries and keeps them persisted until acknowledged.
     */
    private flushWithRetry;
    /**
     * On page exit: hand what is queued to sendBeacon, which survives the unload. The SDK reads the
     * transport asynchronously inside flush, so the beacon stays until the page is shown again. A beacon
     * the browser refuses counts as a failure, so the events stay persisted for the next page.
     */
    flushForExit(): void;
    /** The page is visible again (tab switch back, or restored from the back/forward cache). */
    resumeAfterExit(): void;
}
