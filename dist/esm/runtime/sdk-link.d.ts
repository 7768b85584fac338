/**
 * The runtime's side of the SDK: starts it in the identity and session the shim decided, and keeps its
 * cookie (read by servers and the next page) equal to the shim's identity once it has started. Events
 * never wait for it.
 */
import type { AdapterInit } from '../amplitude/sdk-options.js';
import type { AmplitudeDriver, EventSink } from '../amplitude/adapter.js';
import type { SessionState } from './session.js';
export declare class SdkLink {
    readonly driver: AmplitudeDriver;
    private started;
    constructor(driver: AmplitudeDriver);
    /** `then` runs once the SDK has started, or has failed to (the page still sends; ready still fires). */
    start(init: AdapterInit, sink: EventSink, session: () => SessionState, identity: () => void, then: (error?: string) => void): void;
    persistSession(state: SessionState): void;
    syncIdentity(deviceId: string | null, userId: string | null): void;
}
