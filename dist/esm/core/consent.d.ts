/**
 * The consent gate, as pure decisions. A site behind Segment's consent wrapper (or a CMP of its own)
 * speaks through three load options: `updateCDNSettings` sees settings shaped like Segment's CDN
 * settings and may remove the Amplitude destination; `disable` may turn everything off; and the
 * load-level `integrations` may route Amplitude off. The runtime asks these questions before it reads
 * or writes any storage, so a visitor who has not consented leaves no trace.
 */
import type { Dict } from './types.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
/** The Classic destination's name in Segment's CDN settings (and in `integrations`); Actions mode passes its own. */
/** The part of Segment's CDN settings that consent tools read and rewrite. */
export interface CdnSettings {
    integrations: Dict;
    remotePlugins: unknown[];
    consentSettings: {
        allCategories: string[];
        hasUnmappedDestinations: boolean;
    };
    [key: string]: unknown;
}
/** Why Amplitude receives nothing on this page (or `on` when it does). */
type AmplitudeState = 'on' | 'routed-off' | 'consent-off' | 'gpc-off' | 'disabled';
/**
 * What Segment's CDN would have delivered for a source whose only destination is Amplitude. A
 * destination mapped to no category counts as unmapped, as Segment's CDN reports it: consent tools
 * then leave it on instead of disabling everything for want of a category.
 */
export declare function cdnSettingsFor(amplitudeEntry: unknown, settings: AmplitudeSettings, name: string): CdnSettings;
/** Whether settings returned by `updateCDNSettings` still carry the Amplitude destination. */
export declare function keepsAmplitude(updated: unknown, name: string): boolean;
/**
 * Load-level routing that means the destination is never loaded: `{Amplitude: false}`, or `{All: false}`
 * without `Amplitude` turned back on. (Per-event routing is applied to each event instead.)
 */
export declare function isRoutedOff(integrations: unknown, name: string): boolean;
/** Global Privacy Control, honoured only where the site opted in. */
export declare function gpcTurnsOff(settings: AmplitudeSettings, globalPrivacyControl: unknown): boolean;
export interface GateOutcome {
    amplitude: AmplitudeState;
    /** Segment's identity (ajs_*) may be kept in cookies and localStorage. */
    storeIdentity: boolean;
}
/**
 * The page's state once every gate has answered. Identity is stored only for a visitor who may be
 * tracked: a disabled page, a consent refusal or GPC keep it in memory; load-level routing does not,
 * because a site that merely routes Amplitude off still relies on analytics.js keeping `user()`.
 */
export declare function gateOutcome(input: {
    disabled: boolean;
    routedOff: boolean;
    consentKept: boolean;
    gpc: boolean;
    persist: boolean;
}): GateOutcome;
export {};
