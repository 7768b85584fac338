/**
 * The Amplitude (Actions) destination's default presets, written in Segment's mapping language: which
 * preset an event triggers, and the fields each preset maps by default. A site's overrides replace
 * these field by field (see settings.ts). Pure.
 */
import type { Dict, SegmentEvent } from '../../core/types.js';
/** The destination's name in Segment's `integrations` object, and the key that selects this mode. */
export declare const ACTIONS_DESTINATION = "Actions Amplitude";
export declare const PRESETS: readonly ["Track Calls", "Order Completed Calls", "Page Calls", "Screen Calls", "Identify Calls", "Group Calls", "Alias Calls"];
export type PresetName = (typeof PRESETS)[number];
export declare const DEFAULTS: Record<PresetName, Dict>;
/** Fields a site may map for each preset: the preset's own, plus those Segment's UI offers without a default. */
export declare const EXTRA_FIELDS: Partial<Record<PresetName, string[]>>;
/** Which preset a Segment event triggers (Group and Alias only when the site mapped them). */
export declare function presetFor(event: SegmentEvent, mapped: Partial<Record<PresetName, Dict>>): PresetName | undefined;
