/**
 * The one place that talks to @amplitude/analytics-browser. It makes the SDK deterministic (no remote
 * config, no autocapture: the shim decides every event) and stamps every event with the identity and
 * time of the Segment call, because the SDK would otherwise stamp them later (pitfall P4).
 */
import { createInstance } from '@amplitude/analytics-browser';
import type { AmplitudeEvent, Dict } from './types';
import type { AmplitudeSettings } from './settings';
export type AmplitudeClient = ReturnType<typeof createInstance>;
export interface DeliveryResult {
    code: number;
    message: string;
}
export interface EventStamp {
    userId: string | null | undefined;
    deviceId: string;
    time: number;
    insertId: string;
}
export interface AdapterInit {
    apiKey: string;
    deviceId: string;
    userId: string | null;
    settings: AmplitudeSettings;
    /** Raw SDK options from the load options' `amplitude` key. */
    sdkOptions: Dict;
    warn: (message: string) => void;
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
     * On page exit: hand what is queued to sendBeacon, which survives the unload. The SDK reads the
     * transport asynchronously inside flush, so the beacon stays until the page is shown again.
     */
    flushForExit(): void;
    /** The page is visible again (tab switch back, or restored from the back/forward cache). */
    resumeAfterExit(): void;
    flush(): Promise<void>;
}
