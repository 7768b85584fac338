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
