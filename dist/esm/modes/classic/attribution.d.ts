/**
 * The user-property capture amplitude-js 5.2.2 did inside `init` for Segment's classic integration
 * (trackUtmProperties, trackGclid, useAmplitudeReferral, saveParamsReferrerOncePerSession,
 * unsetParamsReferrerOnNewSession). Classic semantics, not the v2 SDK's attribution plugin: no "EMPTY"
 * placeholders, no campaign-change sessions, no extra events. Pure.
 */
import type { AmplitudeOperation, Dict } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
export interface AttributionInput {
    settings: Pick<AmplitudeSettings, 'trackUtmProperties' | 'trackGclid' | 'useAmplitudeReferral' | 'saveParamsReferrerOncePerSession' | 'unsetParamsReferrerOnNewSession'>;
    query: Record<string, string>;
    /** The raw `__utmz` cookie, if any. */
    utmz?: string;
    referrer: string;
    /** Whether this page load starts an Amplitude session (none stored, or 30 minutes idle). */
    isNewSession: boolean;
}
/** The `$identify` operations sent at load, before any queued call, in amplitude-js's order. */
export declare function attribution(input: AttributionInput): {
    operations: AmplitudeOperation[];
    warnings: string[];
};
/** URL values first, then the __utmz cookie, key by key. */
export declare function utmValues(query: Record<string, string>, utmz: string | undefined): Dict;
