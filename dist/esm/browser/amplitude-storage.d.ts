/**
 * What earlier SDKs and Segment's session plugin left in this browser: Amplitude device IDs of every SDK
 * generation, the v2 SDK's session, and the session plugin's keys (read and kept for Actions mode).
 */
import type { StoredDeviceIds } from '../core/device-id.js';
import { type StoredAmplitudeIdentity } from '../core/amplitude-cookie.js';
import { type CookieOptions } from './cookies.js';
/** Device IDs any Amplitude SDK generation left for this API key. */
export declare function readStoredAmplitudeDeviceIds(apiKey: string): StoredDeviceIds;
/** The v2 SDK's stored session, to tell whether this page load starts a new Amplitude session. */
export declare function readStoredAmplitudeSession(apiKey: string): StoredAmplitudeIdentity;
/** Segment's session plugin keys, localStorage first, then the cookie (analytics.js storage order). */
export declare function readSegmentSession(): {
    id: number | null;
    lastAccess: number | null;
};
/** Writes them where analytics.js keeps them (localStorage and cookie), so Segment's plugin would continue too. */
export declare function writeSegmentSession(id: number, lastAccess: number, cookie: CookieOptions): void;
