/**
 * Segment's Amplitude (Classic) destination settings: names, meanings and defaults.
 * Defaults are the catalog's, because the catalog values are what Segment's CDN delivered to browsers
 * (they differ from the integration code for trackReferrer and useLogRevenueV2).
 */
import type { Dict } from '../../core/types.js';
import { isPlainObject } from '../../core/values.js';
import { readSettingsEntry } from '../settings-entry.js';

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

export const DEFAULT_SETTINGS: Readonly<AmplitudeSettings> = Object.freeze({
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
  consentCategories: [],
  honorGlobalPrivacyControl: false,
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

export interface NormalizedSettings {
  settings: AmplitudeSettings;
  warnings: string[];
}

/**
 * Accepts whatever a page put in `integrations.Amplitude` and returns complete settings.
 * A value of the wrong type falls back to the default with a warning, so one typo never disables the shim.
 */
export function normalizeSettings(input: unknown): NormalizedSettings {
  // A fresh copy: its lists and maps are the page's own.
  const settings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as AmplitudeSettings;
  const warnings = readSettingsEntry(input, settings, {
    name: 'integrations.Amplitude',
    ignored: IGNORED_SETTINGS,
    badConsentNote: '; Amplitude is then mapped to no category',
    read(key, value, warnings) {
      if (key === 'consentCategories' || !(key in DEFAULT_SETTINGS)) return false;
      const coerced = coerceSetting((DEFAULT_SETTINGS as unknown as Dict)[key], value);
      if (coerced === undefined)
        warnings.push(`setting "${key}" has the wrong type (${describe(value)}); using the default`);
      else (settings as unknown as Dict)[key] = coerced;
      return true;
    },
  });
  return { settings, warnings };
}

function coerceSetting(expected: unknown, value: unknown): unknown {
  if (typeof expected === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof expected === 'number') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
  }
  if (typeof expected === 'string') return typeof value === 'string' ? value : undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(value)) return undefined;
    return value.filter((v): v is string => typeof v === 'string');
  }
  if (isPlainObject(expected)) {
    // Segment's UI stores maps either as objects or as [{key, value}] pairs.
    const entries = Array.isArray(value)
      ? value.filter(isPlainObject).map((pair) => [pair.key, pair.value])
      : isPlainObject(value)
        ? Object.entries(value)
        : undefined;
    if (!entries) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of entries) if (typeof k === 'string' && typeof v === 'string') out[k] = v;
    return out;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
