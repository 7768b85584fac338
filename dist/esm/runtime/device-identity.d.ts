/**
 * The Amplitude device ID in force, and where it came from. Load decides it (core/device-id.ts); with
 * preferAnonymousIdForDeviceId it follows Segment's anonymousId; reset() gives the visitor a new one.
 */
import type { DeviceIdSource } from '../core/device-id.js';
export declare class DeviceIdentity {
    private readonly prefersAnonymousId;
    id: string | null;
    source: DeviceIdSource | null;
    constructor(prefersAnonymousId: () => boolean);
    settle(id: string, source: DeviceIdSource): void;
    /** The anonymousId took a new value: true when the device ID follows it. */
    follow(anonymousId: string | null): boolean;
    /** The device ID an event made now belongs to (null: the one in force at hand-over). */
    forCall(anonymousId: string | null): string | null;
    /** reset(): the new anonymousId, or a new device. */
    renew(anonymousId: string, newId: () => string): string;
}
