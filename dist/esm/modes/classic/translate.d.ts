/**
 * Segment event + destination settings -> Amplitude operations, as Segment's Amplitude (Classic)
 * destination did in device mode. Pure: no DOM, no SDK, no clock. Deliberate departures from the
 * classic integration are marked "Difference:" and listed in the README.
 */
import type { AmplitudeOperation, Dict, SegmentEvent } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
export interface TranslationInput {
    event: SegmentEvent;
    settings: AmplitudeSettings;
    /** document.referrer when the call was made; the classic referrer identify read the page, not the event. */
    referrer: string;
    /** The page's Date#getTimezoneOffset(), for date strings with a space before the time (see facade-dates). */
    timezoneOffsetMinutes?: number;
}
export declare function translate({ event: raw, settings, referrer, timezoneOffsetMinutes }: TranslationInput): AmplitudeOperation[];
/** versionName: amplitude-js's setVersionName, which put the version on every event. */
export declare function stampVersion(ops: AmplitudeOperation[], versionName: string): AmplitudeOperation[];
/** Builds `$set` / `$setOnce` / `$add`; one operation per trait, and increment beats set-once. */
export declare function traitOperations(traits: Dict, settings: Pick<AmplitudeSettings, 'traitsToIncrement' | 'traitsToSetOnce'>): Dict;
/** Group values as amplitude-js accepted them: strings or arrays of strings; scalars become strings. */
export declare function normalizeGroups(groups: unknown): Record<string, string | string[]> | undefined;
/** Loaded a Page, Viewed {category} Page, Viewed {full name} Page: in that order, each if enabled. */
export declare function pageEventNames(category: string | null | undefined, name: string | null | undefined, settings: Pick<AmplitudeSettings, 'trackAllPages' | 'trackCategorizedPages' | 'trackNamedPages'>, noun?: 'Page' | 'Screen'): string[];
/** The per-page referrer identify of `trackReferrer`. */
export declare function referrerOperations(referrer: string): AmplitudeOperation[];
