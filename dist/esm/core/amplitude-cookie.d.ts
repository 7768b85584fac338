export declare function v2CookieName(apiKey: string): string;
export interface StoredAmplitudeIdentity {
    deviceId?: string;
    userId?: string;
    sessionId?: number;
    lastEventTime?: number;
    lastEventId?: number;
}
export declare function decodeV2Identity(raw: string): StoredAmplitudeIdentity | undefined;
/** A non-empty string field of a parsed object, else undefined. */
export declare function stringField(obj: unknown, key: string): string | undefined;
