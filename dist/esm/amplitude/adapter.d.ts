/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what servers and the next page
 * read: the device, user and session in its `AMP_` cookie (with its legacy-cookie migration and cookie
 * domain rules). The shim decides the rest before the SDK has started: no remote config and no
 * autocapture, the session (src/runtime/session.ts, the SDK's rules), and delivery: the SDK's destination is
 * replaced by the shim's outbox, so an event is complete and on its way the moment it is handed over.
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { DeliveryOutcome, WireEvent } from '../wire/outbox.js';
import type { SessionState } from '../runtime/session.js';
import { type AdapterInit } from './sdk-options.js';
export type { AdapterInit } from './sdk-options.js';
/** Where the SDK's own events (if any ever arise) and the shim's go: the outbox. */
export interface EventSink {
    add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void;
    flush(): void;
}
/** What the shim needs from Amplitude; the SDK-backed adapter below is the only production one. */
export interface AmplitudeDriver {
    readonly client: unknown;
    /** Starts the SDK in the session the shim decided; events never wait for it. */
    init(options: AdapterInit, sink: EventSink): Promise<void>;
    /** Tells the SDK the session state, so its cookie carries it (one write per hand-over). */
    persistSession(state: SessionState): void;
    setUserId(userId: string | null): void;
    setDeviceId(deviceId: string): void;
    /** reset(): a new device and no user (the shim starts the new session). */
    reset(deviceId: string): void;
    getSessionId(): number | undefined;
}
export declare class AmplitudeAdapter implements AmplitudeDriver {
    readonly client: AmplitudeBrowser;
    private started;
    init(options: AdapterInit, sink: EventSink): Promise<void>;
    private config;
    persistSession(state: SessionState): void;
    setUserId(userId: string | null): void;
    setDeviceId(deviceId: string): void;
    reset(deviceId: string): void;
    getSessionId(): number | undefined;
}
