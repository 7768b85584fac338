/**
 * Puts analytics-next's members onto a target object (the snippet's stub array, upgraded in place, so
 * references taken before load keep working). Every member is guarded: nothing throws into the page.
 */
import type { Dict } from '../core/types.js';
import { AnalyticsCore } from '../runtime/analytics.js';
import type { AmplitudeAccess } from './types.js';
/** `analytics.amplitude` (the public AmplitudeAccess type). */
export type AmplitudeHandle = AmplitudeAccess;
export declare function attachPublicApi(core: AnalyticsCore, target: Dict): Dict;
