import { isPlainObject } from './values.js';

const DEFAULT_SETTINGS = Object.freeze({
    trackAllPages: false,
    trackNamedPages: true,
    trackCategorizedPages: true,
    trackUtmProperties: true,
    trackReferrer: true,
    useAmplitudeReferral: false,
    batchEvents: false,
    eventUploadThreshold: 30,
    eventUploadPeriodMillis: 30000,
    useLogRevenueV2: true,
    forceHttps: false,
    trackGclid: false,
    saveParamsReferrerOncePerSession: true,
    unsetParamsReferrerOnNewSession: false,
    deviceIdFromUrlParam: false,
    preferAnonymousIdForDeviceId: false,
    mapQueryParams: {},
    trackRevenuePerProduct: false,
    trackProductsOnce: false,
    traitsToIncrement: [],
    traitsToSetOnce: [],
    appendFieldsToEventProps: {},
    versionName: '',
    groupTypeTrait: '',
    groupValueTrait: '',
});
/** Catalog settings that Segment accepted but that never changed web device-mode behaviour. */
const IGNORED_SETTINGS = [
    'apiKey',
    'enableLocationListening',
    'endpoint',
    'secretKey',
    'sendAlias',
    'sendToBatchEndpoint',
    'trackAllPagesV2',
    'trackSessionEvents',
    'traitsToAppend',
    'traitsToPrepend',
    'useAdvertisingIdForDeviceId',
    'useCustomAmplitudeProperties',
];
/**
 * Accepts whatever a page put in `integrations.Amplitude` and returns complete settings.
 * A value of the wrong type falls back to the default with a warning, so one typo never disables the shim.
 */
function normalizeSettings(input) {
    const warnings = [];
    const settings = Object.assign(Object.assign({}, DEFAULT_SETTINGS), { mapQueryParams: {}, traitsToIncrement: [], traitsToSetOnce: [], appendFieldsToEventProps: {} });
    if (input === undefined || input === null || input === true)
        return { settings, warnings };
    if (!isPlainObject(input)) {
        warnings.push('integrations.Amplitude must be an object of settings; using the defaults');
        return { settings, warnings };
    }
    const target = settings;
    for (const key of Object.keys(input)) {
        const value = input[key];
        if (!(key in DEFAULT_SETTINGS)) {
            if (!IGNORED_SETTINGS.includes(key))
                warnings.push(`unknown setting "${key}" is ignored`);
            continue;
        }
        const expected = DEFAULT_SETTINGS[key];
        const coerced = coerceSetting(expected, value);
        if (coerced === undefined) {
            warnings.push(`setting "${key}" has the wrong type (${describe(value)}); using the default`);
            continue;
        }
        target[key] = coerced;
    }
    return { settings, warnings };
}
function coerceSetting(expected, value) {
    if (typeof expected === 'boolean')
        return typeof value === 'boolean' ? value : undefined;
    if (typeof expected === 'number') {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
    }
    if (typeof expected === 'string')
        return typeof value === 'string' ? value : undefined;
    if (Array.isArray(expected)) {
        if (!Array.isArray(value))
            return undefined;
        return value.filter((v) => typeof v === 'string');
    }
    if (isPlainObject(expected)) {
        // Segment's UI stores maps either as objects or as [{key, value}] pairs.
        if (Array.isArray(value)) {
            const out = {};
            for (const pair of value) {
                if (isPlainObject(pair) && typeof pair.key === 'string' && typeof pair.value === 'string')
                    out[pair.key] = pair.value;
            }
            return out;
        }
        if (!isPlainObject(value))
            return undefined;
        const out = {};
        for (const k of Object.keys(value))
            if (typeof value[k] === 'string')
                out[k] = value[k];
        return out;
    }
    return undefined;
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}

export { DEFAULT_SETTINGS, IGNORED_SETTINGS, normalizeSettings };
