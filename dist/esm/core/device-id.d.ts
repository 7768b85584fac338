/**
 * Amplitude device ID precedence, decided before the SDK starts so that no event ever leaves under a
 * provisional ID. Segment's documented order:
 *   1. Prefer Anonymous ID for Device ID (setting on) -> Segment's anonymousId
 *   2. amp_device_id from the URL (deviceIdFromUrlParam on; Amplitude's own `ampDeviceId` too)
 *   3. the ID Amplitude already stored for this visitor (v2 AMP_*, amplitude-js 6+ amp_*, 5.x amplitude_id_*)
 *   4. a new ID
 * The SDK's own URL handling (which also honours an unrelated `?deviceId=`) is never reached, because
 * the shim always passes the resolved ID explicitly. Pure.
 */
export type DeviceIdSource = 'anonymousId' | 'url' | 'stored' | 'new';
export interface StoredDeviceIds {
    /** `AMP_<key10>` (analytics-browser 2.x) */
    v2?: string;
    /** `amp_<key6>` (amplitude-js 6 to 8) */
    amplitudeJs?: string;
    /** `amplitude_id_<key>…` (amplitude-js 5.x, what Segment's classic integration loaded) */
    amplitudeJs5?: string;
}
export interface DeviceIdInputs {
    preferAnonymousId: boolean;
    anonymousId: string | null;
    deviceIdFromUrlParam: boolean;
    /** Raw query parameters: only amp_device_id, ampDeviceId and ampTimestamp are ever consulted. */
    query: Record<string, string>;
    stored: StoredDeviceIds;
    now: number;
    generate: () => string;
}
export interface DeviceIdDecision {
    deviceId: string;
    source: DeviceIdSource;
    warnings: string[];
}
export declare function isPlausibleDeviceId(value: unknown): value is string;
export declare function resolveDeviceId(input: DeviceIdInputs): DeviceIdDecision;
