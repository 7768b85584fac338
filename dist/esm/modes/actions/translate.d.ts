/**
 * Segment's Amplitude (Actions) destination with its default presets, as pure translation: a Segment
 * event (already enriched with the session id, as Segment's session plugin does) plus the mode's
 * settings give Amplitude operations. Each preset's defaults are written in Segment's mapping language
 * and evaluated by mapping-kit.ts, so a site's overrides are applied field by field exactly where the
 * preset's defaults would have been. Pure: no DOM, no SDK, no clock.
 */
import type { AmplitudeOperation, Dict, SegmentEvent } from '../../core/types.js';
/** The destination's name in Segment's `integrations` object, and the key that selects this mode. */
export declare const ACTIONS_DESTINATION = "Actions Amplitude";
declare const PRESETS: readonly ["Track Calls", "Order Completed Calls", "Page Calls", "Screen Calls", "Identify Calls", "Group Calls", "Alias Calls"];
type PresetName = (typeof PRESETS)[number];
export interface ActionsSettings {
    trackRevenuePerProduct: boolean;
    /** The site's field overrides per preset, each already checked (an unsupported one is left out). */
    mappings: Partial<Record<PresetName, Dict>>;
    consentCategories: string[];
    honorGlobalPrivacyControl: boolean;
}
export interface NormalizedActionsSettings {
    settings: ActionsSettings;
    warnings: string[];
}
/** Accepts whatever a page put in `integrations['Actions Amplitude']`; a bad part warns and keeps the default. */
export declare function normalizeActionsSettings(input: unknown): NormalizedActionsSettings;
/**
 * The session plugin's enrichment: `integrations['Actions Amplitude'].session_id`, unless the call routes
 * everything away from the destination.
 */
export declare function withSessionId(event: SegmentEvent, sessionId: number | undefined): SegmentEvent;
export declare function translateActions(event: SegmentEvent, settings: ActionsSettings): AmplitudeOperation[];
export {};
