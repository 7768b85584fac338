/**
 * The `window.analytics` object: Segment's API on the outside, Amplitude underneath. Every public
 * method is guarded so nothing ever throws into the host page; calls are kept in true call order,
 * stamped with their identity and time when made, and held until the SDK has initialized (P6).
 */
import type { Dict } from './types';
import { type AmplitudeSettings } from './settings';
import { type DeviceIdSource } from './device-id';
import { type CookieOptions } from './browser-env';
import { GroupStore, UserStore } from './identity';
import { type AmplitudeDriver } from './amplitude-adapter';
import { Context } from './context';
import { Emitter } from './emitter';
import { Logger } from './log';
export interface LoadOptions {
    integrations?: Dict;
    /** Raw @amplitude/analytics-browser options (serverUrl, serverZone, flushIntervalMillis, logLevel, …). */
    amplitude?: Dict;
    cookie?: CookieOptions;
    user?: {
        persist?: boolean;
    };
    disableClientPersistence?: boolean;
    useQueryString?: boolean;
    initialPageview?: boolean;
    /**
     * Your server's endpoint for alias() (see segment-amplitude-shim/server's aliasHandler). Amplitude maps
     * users only through its server API, so without it alias() sends nothing to Amplitude.
     */
    aliasUrl?: string;
    [key: string]: unknown;
}
export declare class AnalyticsCore {
    private readonly self;
    readonly adapter: AmplitudeDriver;
    readonly logger: Logger;
    readonly emitter: Emitter;
    readonly userStore: UserStore;
    readonly groupStore: GroupStore;
    settings: AmplitudeSettings;
    writeKey: string;
    timeoutMs: number;
    loadOptions: LoadOptions;
    initialized: boolean;
    deviceId: string | null;
    deviceIdSource: DeviceIdSource | null;
    private loadCalled;
    private sdkReady;
    /** Work waiting for the SDK, in true call order (events and resets alike). */
    private pending;
    private pendingItems;
    /**
     * Calls not yet safe from a page exit: waiting for the SDK, in middleware, or handed to the SDK but not
     * yet queued (and persisted) by its destination, which the SDK does a few ticks later.
     */
    private readonly unsafe;
    private chain;
    private readyCallbacks;
    private readyFired;
    private sourceMiddleware;
    private destinationMiddleware;
    private loadIntegrations;
    /** messageIds this page wrote to the exit journal (withdrawn if the page is shown again). */
    private journaled;
    constructor(self: () => unknown, adapter?: AmplitudeDriver);
    /**
     * Initializes once. Identity (querystring ajs_aid, then the device ID) is settled before the SDK
     * starts, so the first event already carries the final IDs.
     */
    load(writeKey: unknown, options: unknown, replay?: () => void): void;
    /**
     * What amplitude-js did inside init for the classic integration: UTM, gclid and (with
     * useAmplitudeReferral) referrer user properties, at the start of a session. Sent before any queued
     * call, under the resolved IDs.
     */
    private sendAttribution;
    private onSdkReady;
    /** Runs `task` after everything enqueued before it, once the SDK is ready. */
    private enqueue;
    private chainTask;
    /** Keeps the SDK's own identity (its cookie, read by servers) equal to the current Segment identity. */
    private syncIdentity;
    private fireReady;
    ready(callback?: unknown): Promise<unknown[]>;
    private onAnonymousIdChanged;
    /** The device ID an event made now belongs to. */
    private currentDeviceId;
    reset(): void;
    track(...rawArgs: unknown[]): Promise<Context>;
    page(...rawArgs: unknown[]): Promise<Context>;
    screen(...rawArgs: unknown[]): Promise<Context>;
    private pageLike;
    identify(...rawArgs: unknown[]): Promise<Context>;
    group(...rawArgs: unknown[]): Promise<Context> | GroupStore;
    alias(...rawArgs: unknown[]): Promise<Context>;
    private applyAnonymousIdOption;
    private clean;
    private rejectCall;
    private dispatch;
    private deliver;
    /**
     * Starts an item's middleware as soon as it may run, so slow or silent middleware on one event
     * never delays the events behind it; hand-over to Amplitude still happens in call order.
     */
    private prepare;
    private deliverUnguarded;
    private sendToAmplitude;
    private finish;
    private runMiddleware;
    addSourceMiddleware(fn: unknown): void;
    addDestinationMiddleware(name: unknown, fns: unknown[]): void;
    trackLink(call: string, args: unknown[]): void;
    trackForm(call: string, args: unknown[]): void;
    private autoTrackDeps;
    /**
     * Leaving the page: the SDK sends what it holds by beacon (and keeps it persisted until acknowledged);
     * calls it does not hold yet are journaled for the next page. Should one of them still reach Amplitude
     * from this page, the copy from the journal carries the same insert_id and is deduplicated.
     */
    onPageExit(): void;
    onPageShown(): void;
    private journalKey;
    private readJournal;
    private writeJournal;
    private withdrawJournal;
    /** Sends, in order and under their original IDs and time, the calls a previous page could not. */
    private restoreJournal;
}
