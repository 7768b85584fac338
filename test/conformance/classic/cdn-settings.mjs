// The settings object Segment's CDN hands analytics-next for a source with Amplitude (Classic) in device
// mode. Written out here from Segment's destination catalog on purpose, not imported from src/settings.ts:
// the harness must not inherit a wrong default from the code it checks.

/** Catalog defaults of every Amplitude (Classic) setting that changes web device-mode behaviour. */
export const CATALOG_DEFAULTS = Object.freeze({
  apiKey: '',
  trackAllPages: false,
  trackNamedPages: true,
  trackCategorizedPages: true,
  trackUtmProperties: true,
  // The catalog says true where the integration's code says false; the CDN delivers the catalog value.
  trackReferrer: true,
  useAmplitudeReferral: false,
  batchEvents: false,
  eventUploadThreshold: 30,
  eventUploadPeriodMillis: 30000,
  // Same: catalog true, code false.
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

export const DEFAULT_API_KEY = 'test-api-key-0123456789abcdef';
export const DEFAULT_WRITE_KEY = 'conformance-write-key';

/**
 * CDN settings with Amplitude (Classic) configured by `amplitude` (merged over the catalog defaults) and
 * Segment.io pointed at its usual host, which the harness intercepts. `overrides` replaces top-level keys.
 */
export function classicCdnSettings({ writeKey = DEFAULT_WRITE_KEY, amplitude = {}, overrides = {} } = {}) {
  return {
    integrations: {
      'Segment.io': {
        apiKey: writeKey,
        apiHost: 'api.segment.io/v1',
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
        versionSettings: { componentTypes: [] },
      },
      Amplitude: {
        ...CATALOG_DEFAULTS,
        apiKey: DEFAULT_API_KEY,
        ...amplitude,
        type: 'browser',
        versionSettings: { version: '3.3.3', componentTypes: ['browser'] },
        bundlingStatus: 'bundled',
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    // No metrics posts: they are Segment's telemetry, not part of what the conformance suite compares.
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
    ...overrides,
  };
}
