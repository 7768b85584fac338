/**
 * Puts analytics-next's members onto a target object (the snippet's stub array, upgraded in place, so
 * references taken before load keep working). Every member is guarded: nothing throws into the page.
 */
import type { Dict } from './types.js';
import { AnalyticsCore } from './analytics.js';
export interface AmplitudeHandle {
    /** The @amplitude/analytics-browser instance the shim drives. */
    instance: unknown;
    getDeviceId(): string | undefined;
    getSessionId(): number | undefined;
    /** Where the device ID came from: 'anonymousId', 'url', 'stored' or 'new'. */
    getDeviceIdSource(): string | undefined;
}
export declare function attachPublicApi(core: AnalyticsCore, target: Dict): Dict;
