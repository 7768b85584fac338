/**
 * What a site may put in `integrations['Actions Amplitude']`: the per-product revenue switch, consent
 * categories, GPC, and its own field mappings per preset, each checked against the preset. A bad part
 * warns and keeps the default. Pure.
 */
import type { Dict } from '../../core/types.js';
import { type PresetName } from './presets.js';
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
