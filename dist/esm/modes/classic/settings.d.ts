export interface AmplitudeSettings {
    trackAllPages: boolean;
    trackNamedPages: boolean;
    trackCategorizedPages: boolean;
    trackUtmProperties: boolean;
    trackReferrer: boolean;
    useAmplitudeReferral: boolean;
    batchEvents: boolean;
    eventUploadThreshold: number;
    eventUploadPeriodMillis: number;
    useLogRevenueV2: boolean;
    forceHttps: boolean;
    trackGclid: boolean;
    saveParamsReferrerOncePerSession: boolean;
    unsetParamsReferrerOnNewSession: boolean;
    deviceIdFromUrlParam: boolean;
    preferAnonymousIdForDeviceId: boolean;
    mapQueryParams: Record<string, string>;
    trackRevenuePerProduct: boolean;
    trackProductsOnce: boolean;
    traitsToIncrement: string[];
    traitsToSetOnce: string[];
    appendFieldsToEventProps: Record<string, string>;
    versionName: string;
    groupTypeTrait: string;
    groupValueTrait: string;
    /** Consent categories the site mapped Amplitude to (Segment's `consentSettings.categories`). */
    consentCategories: string[];
    /** Beyond Segment: a browser sending Global Privacy Control turns Amplitude off for that visitor. */
    honorGlobalPrivacyControl: boolean;
}
export declare const DEFAULT_SETTINGS: Readonly<AmplitudeSettings>;
export interface NormalizedSettings {
    settings: AmplitudeSettings;
    warnings: string[];
}
/**
 * Accepts whatever a page put in `integrations.Amplitude` and returns complete settings.
 * A value of the wrong type falls back to the default with a warning, so one typo never disables the shim.
 */
export declare function normalizeSettings(input: unknown): NormalizedSettings;
