/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what it is good at and what
 * servers read: the device, user and session in its `AMP_` cookie, session start and expiry. The shim
 * takes the rest: no remote config and no autocapture (the shim decides every event), and the SDK's
 * destination is replaced by the shim's outbox, so an event is complete and on its way the moment it
 * is handed over, not after a timeline tick per event.
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { DeliveryOutcome, WireEvent } from './outbox';
import type { EnvelopeFacts } from './envelope';
import { type AdapterInit } from './sdk-options';
export type { AdapterInit } from './sdk-options';
/** Where the SDK's own events (if any ever arise) and the shim's go: the outbox. */
export interface EventSink {
    add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void;
    flush(): void;
}
/** The session in force for a hand-over, and the event ids it hands out. */
export interface SessionTicket {
    sessionId: number | undefined;
    nextEventId(): number;
    /** Persists the last event id once, rather than once per event. */
    close(): void;
}
/** What the shim needs from Amplitude; the SDK-backed adapter below is the only production one. */
export interface AmplitudeDriver {
    readonly client: unknown;
    init(options: AdapterInit, sink: EventSink): Promise<EnvelopeFacts>;
    openSession(now: number): SessionTicket;
    setUserId(userId: string | null): void;
    setDeviceId(deviceId: string): void;
    /** reset(): a new device, no user, and a new session. */
    reset(deviceId: string, now: number): void;
    getSessionId(): number | undefined;
}
export declare class AmplitudeAdapter implements AmplitudeDriver {
    readonly client: AmplitudeBrowser;
    init(options: AdapterInit, sink: EventSink): Promise<EnvelopeFacts>;
    private config;
    openSession(now: number): SessionTicket;
    setUserId(userId: string | null): void;
    setDeviceId(deviceId: string): void;
    reset(deviceId: string, now: number): void;
    getSessionId(): number | undefined;
}
