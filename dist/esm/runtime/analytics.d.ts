/**
 * The runtime behind `window.analytics`. A call resolves its arguments, builds its Segment event with
 * the identity, time and page of the moment, and joins the call queue; that is all it costs the caller.
 * The queue hands calls over in order once the SDK is ready (middleware, translation, outbox). Leaving
 * the page hands everything the browser can take to it, and journals the rest for the next page.
 */
import type { Dict } from '../core/types.js';
import type { ShimLoadOptions } from '../public/types.js';
import { type AmplitudeSettings } from '../modes/classic/settings.js';
import { type DestinationMode } from '../modes/choose-mode.js';
import { type DeviceIdSource } from '../core/device-id.js';
import { GroupStore, UserStore } from './identity.js';
import { type AmplitudeDriver } from '../amplitude/adapter.js';
import { Context } from './context.js';
import { Emitter } from './emitter.js';
import { Logger } from './log.js';
import { type Clock } from './clock.js';
import { type Transport } from '../wire/outbox.js';
import { type KeyValueStore } from '../wire/exit-journal.js';
/** The load options as the page gave them (the public ShimLoadOptions, plus anything else a page passes). */
export type LoadOptions = ShimLoadOptions & Dict;
/** The runtime's outside world; every piece can be replaced in tests. */
export interface RuntimeEnvironment {
    adapter: AmplitudeDriver;
    clock: Clock;
    newId: () => string;
    transport: Transport;
    /** Where the exit journal lives (localStorage in the browser). */
    store: KeyValueStore;
}
export declare class AnalyticsCore {
    private readonly self;
    readonly logger: Logger;
    readonly emitter: Emitter;
    readonly userStore: UserStore;
    readonly groupStore: GroupStore;
    readonly adapter: AmplitudeDriver;
    private readonly env;
    settings: AmplitudeSettings;
    writeKey: string;
    timeoutMs: number;
    loadOptions: LoadOptions;
    initialized: boolean;
    deviceId: string | null;
    deviceIdSource: DeviceIdSource | null;
    private loadCalled;
    private loadIntegrations;
    private readyCallbacks;
    private readyFired;
    private readonly sourceMiddleware;
    private readonly destinationMiddleware;
    private readonly queue;
    private readonly delivery;
    private outbox;
    private journal;
    private facts;
    private session;
    private sdkReady;
    private readonly contextCache;
    /** Collected until the calls queued at load have been handed over (see deferUntilQueuedCallsSent). */
    private deferredWork;
    private amplitudeState;
    /** Which Segment destination this page reproduces, and its name in `integrations`. */
    mode: DestinationMode;
    private destinationName;
    private actions;
    /** While load decides what it sends first, steps collect here (see enqueue). */
    private front;
    /** Told once load has decided what this page does: install.ts then adds its page listeners. */
    onStarted: (what: {
        sending: boolean;
        storing: boolean;
    }) => void;
    constructor(self: () => unknown, env?: Partial<RuntimeEnvironment>);
    /**
     * Initializes once. The consent gate (updateCDNSettings, disable, routing, GPC) answers first, before
     * any storage is read or written; then identity (querystring ajs_aid, then the device ID) is settled
     * before the SDK starts, so the first event already carries the final IDs.
     */
    load(writeKey: unknown, options: unknown, replay?: () => void): void;
    /** updateCDNSettings, then disable(cdnSettings), as analytics-next runs them; routing and GPC beside. */
    private askGate;
    /** Carries out load once the gate has answered (calls made meanwhile are already queued). */
    private start;
    /**
     * Work the first event need not wait for. The SDK's init reads and probes cookies, each read after a
     * write being a synchronous round trip to the browser's cookie store (about 14 ms in all on the bench
     * machine), and a page's first `storage` listener opens its storage area (up to 10 ms). It runs in a
     * task of its own once the calls queued at load have been handed over, so the first request (already
     * scheduled by then) leaves first.
     */
    deferUntilQueuedCallsSent(work: () => void): void;
    private runDeferredWorkAfterQueuedCalls;
    /** In a timer of its own, nothing may reach the page: a failure is reported and the rest still runs. */
    private runDeferred;
    /**
     * Calls made before load were stamped with identity kept in memory; the visitor's stored identity,
     * read only now, takes the place of what was made up meanwhile.
     */
    private restampEarlyCalls;
    private startSending;
    private startSdk;
    /** Queues a step, or keeps it for the front of the queue while load decides what goes first. */
    private enqueue;
    /** amplitude-js's session-start user properties (UTM, gclid, referrer), sent before any queued call. */
    private sendAttribution;
    private withSession;
    /** Keeps the SDK's own identity (its cookie, read by servers) equal to the current Segment identity. */
    private syncIdentity;
    private fireReady;
    ready(callback?: unknown): Promise<unknown[]>;
    /** Runs a function the page gave us; a throw or a rejected promise becomes one warning. */
    private runPageCode;
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
    /** The user mapping goes out at hand-over, like any event: after middleware, routing and consent. */
    alias(...rawArgs: unknown[]): Promise<Context>;
    /** Amplitude takes user mappings only through its server API, so they go to the site's aliasUrl. */
    private mapUser;
    private applyAnonymousIdOption;
    private clean;
    private rejectCall;
    private dispatch;
    /** The destination's translation: Classic's, or the Actions presets' after the session plugin's enrichment. */
    private translateEvent;
    private prepare;
    private toDestination;
    private chainDeps;
    addSourceMiddleware(fn: unknown): void;
    addDestinationMiddleware(name: unknown, fns: unknown[]): void;
    trackLink(call: string, args: unknown[]): void;
    trackForm(call: string, args: unknown[]): void;
    private autoTrackDeps;
    /**
     * The page is being left or hidden. Everything the SDK is ready for is handed over now, and the
     * browser takes what it can (beacon); the journal keeps the rest for the next page.
     */
    onPageExit(): void;
    onPageShown(): void;
    /** The browser is back online: send what waited. */
    onOnline(): void;
    /** Another tab changed storage: re-read identity on next use. */
    onStorageChanged(): void;
    private restoreCall;
}
