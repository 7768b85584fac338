/**
 * Everything `load()` decides, as one pure function: a snapshot of the environment in, the decisions
 * out (settings, routing, persistence, the querystring calls, the device ID and the attribution sent at
 * the start of a session). The runtime then only carries them out, in order.
 */
import type { AmplitudeOperation, Dict } from './types.js';
import type { CookieOptions } from '../browser/cookies.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
import type { DestinationMode } from '../modes/mode.js';
import { type QueryStringCalls } from './query-string.js';
import { type DeviceIdSource, type StoredDeviceIds } from './device-id.js';
import type { StoredAmplitudeIdentity } from './amplitude-cookie.js';
import type { SessionState } from '../runtime/session.js';
export interface LoadEnvironment {
    writeKey: string;
    options: unknown;
    search: string;
    hash: string;
    referrer: string;
    /** Google Analytics' legacy `__utmz` cookie. */
    utmz: string | undefined;
    storedDeviceIds: StoredDeviceIds;
    storedSession: StoredAmplitudeIdentity;
    /** Segment's session plugin keys (`analytics_session_id`, `.last_access`), read for Actions mode. */
    storedActionsSession?: {
        id: number | null;
        lastAccess: number | null;
    };
    /** Segment's anonymousId as stored (or just made) before the querystring is applied. */
    anonymousId: string;
    now: number;
    newId: () => string;
}
interface PlanWarning {
    call: string;
    message: string;
    dropped: boolean;
}
export interface LoadPlan {
    /** The destination this page reproduces (Classic or Actions). */
    mode: DestinationMode;
    /** The mode's shared rules (device ID, attribution, consent, GPC). */
    settings: AmplitudeSettings;
    /** Raw SDK options (load option `amplitude`). */
    sdkOptions: Dict;
    /** Load-level routing, coerced to booleans as analytics-next keeps it on events. */
    loadIntegrations: Dict;
    persist: boolean;
    /** false with `disableClientPersistence`: no cookie and no storage key at all, ours or the SDK's. */
    clientPersistence: boolean;
    cookie: CookieOptions;
    query: QueryStringCalls;
    /** The anonymousId once `ajs_aid` is applied. */
    anonymousId: string;
    deviceId: string;
    deviceIdSource: DeviceIdSource;
    isNewSession: boolean;
    /** The session this page starts in (continued from the cookie, from ?ampSessionId, or new). */
    session: SessionState;
    sessionTimeoutMs: number;
    /** `$identify` operations for UTM, gclid and referrer, sent before any call. */
    attribution: AmplitudeOperation[];
    warnings: PlanWarning[];
}
/** Whether identity may be stored, and with which cookie attributes (needed before the plan: it reads identity). */
export declare function storageOptions(rawOptions: unknown): {
    persist: boolean;
    cookie: CookieOptions;
};
export declare function planLoad(env: LoadEnvironment): LoadPlan;
export {};
