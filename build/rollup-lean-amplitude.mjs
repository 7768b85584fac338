// Rollup plugin: keeps the parts of @amplitude/analytics-browser that the shim never enables out of the
// script-tag bundle, without forking the SDK. The SDK's browser client imports every autocapture plugin,
// remote config and diagnostics statically, whatever the options say. The shim
// always initializes with autocapture:false and no remote config, so those imports are never called;
// here they resolve to small inert stand-ins instead. The browser tests run on this lean bundle.
import { dirname, relative, resolve as resolvePath, sep } from 'node:path';

/** Plugin factories the SDK only calls when an autocapture feature is on. */
const DISABLED_PLUGIN_PACKAGES = {
  '@amplitude/plugin-autocapture-browser': ['autocapturePlugin', 'frustrationPlugin', 'performancePlugin'],
  '@amplitude/plugin-network-capture-browser': ['plugin'],
  '@amplitude/plugin-web-vitals-browser': ['webVitalsPlugin'],
  '@amplitude/plugin-page-view-tracking-browser': ['pageViewTrackingPlugin'],
  '@amplitude/plugin-event-property-attribution-browser': ['eventPropertyTrackingPlugin'],
  '@amplitude/plugin-page-url-enrichment-browser': ['pageUrlEnrichmentPlugin'],
  // Also the SDK's only `new Function` (remote-config custom enrichment): keeping it out keeps us CSP-clean.
  '@amplitude/plugin-custom-enrichment-browser': ['customEnrichmentPlugin'],
};

/**
 * The browser client's own modules for features the shim leaves off or does itself (paths relative to
 * lib/esm, whichever SDK module imports them). The shim's outbox sends every event, so the SDK's
 * transports and its context plugin never run; the shim passes autocapture and defaultTracking off, so
 * the default-tracking helpers can only ever answer "off". Found with V8 coverage
 * (`npm run bundle-stats -- --coverage`): the default-tracking notice (it would describe tracking the shim
 * never does), the runtime-environment probe (a diagnostics tag only) and the attribution tracking-method
 * checks (reached only once attribution tracking is on).
 */
const DISABLED_SDK_MODULES = {
  'plugins/form-interaction-tracking': ['formInteractionTracking'],
  'plugins/file-download-tracking': ['fileDownloadTracking'],
  'plugins/network-connectivity-checker': ['networkConnectivityCheckerPlugin'],
  'attribution/web-attribution': ['WebAttribution'],
  'config/joined-config': ['updateBrowserConfigWithRemoteConfig'],
  'transports/xhr': ['XHRTransport'],
  'transports/fetch': ['FetchTransport'],
  'transports/send-beacon': ['SendBeaconTransport'],
  'plugins/context': ['Context'],
  'default-tracking': ['DefaultTracking'],
  'det-notification': ['detNotify'],
  'utils/environment': ['getRuntimeEnvironment'],
  'attribution/tracking-methods': ['AttributionTrackingMethods'],
};

const PREFIX = '\0lean-amplitude:';
const BROWSER_CLIENT = /@amplitude[\\/]analytics-browser[\\/]lib[\\/]esm[\\/]browser-client\.js$/;
const BROWSER_LIB = /^(.*@amplitude[\\/]analytics-browser[\\/]lib[\\/]esm)[\\/]/;

/** An inert plugin: if a factory were ever called, it adds nothing and passes events through. */
function inertFactories(names) {
  return names
    .map(
      (name) =>
        `export function ${name}() { return { name: 'segment-amplitude-shim/disabled-${name}', type: 'enrichment', setup: function () { return Promise.resolve(); }, execute: function (e) { return Promise.resolve(e); } }; }`,
    )
    .join('\n');
}

/** A transport that is never asked to send (the outbox sends); if it were, it would report a failure. */
const inertTransport = (name) => `export class ${name} { send() { return Promise.resolve(null); } }`;
const TRACKING_FLAGS = [
  'isAttributionTrackingEnabled',
  'isSessionTrackingEnabled',
  'isFileDownloadTrackingEnabled',
  'isFormInteractionTrackingEnabled',
  'isElementInteractionsEnabled',
  'isPageViewTrackingEnabled',
  'isNetworkTrackingEnabled',
  'isWebVitalsEnabled',
  'isFrustrationInteractionsEnabled',
  'isPerformanceTrackingEnabled',
  'isPageUrlEnrichmentEnabled',
  'isCustomEnrichmentEnabled',
];
const TRACKING_CONFIGS = [
  'getAttributionTrackingConfig',
  'getPageViewTrackingConfig',
  'getElementInteractionsConfig',
  'getNetworkTrackingConfig',
  'getWebVitalsConfig',
  'getFrustrationInteractionsConfig',
  'getPerformanceTrackingConfig',
  'getFormInteractionsConfig',
];

const STUB_SOURCES = {
  XHRTransport: inertTransport('XHRTransport'),
  FetchTransport: inertTransport('FetchTransport'),
  SendBeaconTransport: inertTransport('SendBeaconTransport'),
  // The shim adds these fields itself at hand-over (src/wire/envelope.ts); the SDK originates no events.
  Context:
    "export var BROWSER_PLATFORM = 'Web'; export class Context { constructor() { this.name = '@amplitude/plugin-context-browser'; this.type = 'before'; } setup() { return Promise.resolve(); } execute(e) { return Promise.resolve(e); } }",
  DefaultTracking: [
    ...TRACKING_FLAGS.map((n) => `export function ${n}() { return false; }`),
    ...TRACKING_CONFIGS.map((n) => `export function ${n}() { return {}; }`),
  ].join('\n'),
  WebAttribution:
    'export class WebAttribution { constructor() { this.shouldTrackNewCampaign = false; } init() { return Promise.resolve(); } shouldSetSessionIdOnNewCampaign() { return false; } generateCampaignEvent() { return undefined; } }',
  updateBrowserConfigWithRemoteConfig: 'export function updateBrowserConfigWithRemoteConfig() {}',
  detNotify: 'export function detNotify() {}',
  getRuntimeEnvironment: "export function getRuntimeEnvironment() { return 'browser'; }",
  AttributionTrackingMethods:
    'export function isUserPropertyAttributionEnabled() { return false; } export function isEventPropertyAttributionEnabled() { return false; }',
};

/**
 * The core's diagnostics client is always constructed; with diagnostics off it only ever receives
 * tags and counters. Remote config is constructed only when fetched, which the shim never does.
 */
const LEAN_CORE = `
export * from '@amplitude/analytics-core';
export class DiagnosticsClient {
  setTag() {}
  increment() {}
  recordHistogram() {}
  recordEvent() {}
  isStorageAndTrackEnabled() { return false; }
  startTimersIfNeeded() {}
  saveAllDataToStorage() { return Promise.resolve(); }
  _flush() { return Promise.resolve(); }
  fetch() { return Promise.resolve(); }
  initializeFlushInterval() { return Promise.resolve(); }
  _setSampleRate() {}
}
// The shim's outbox replaces the SDK's destination (src/amplitude/adapter.ts removes this one at init).
export class Destination {
  constructor() { this.name = 'amplitude'; this.type = 'destination'; }
  setup() { return Promise.resolve(); }
  execute(event) { return Promise.resolve({ event, code: 0, message: 'not sent: the shim sends events' }); }
  flush() { return Promise.resolve(); }
}
// The SDK's revenue() API; the shim books revenue as events of its own.
export class Revenue {}
export class RemoteConfigClient {
  subscribe() {}
  unsubscribe() { return false; }
  updateConfigs() {}
}
`;

export default function leanAmplitude() {
  return {
    name: 'lean-amplitude',
    resolveId(source, importer) {
      if (DISABLED_PLUGIN_PACKAGES[source]) return PREFIX + source;
      if (!importer) return null;
      if (source === '@amplitude/analytics-core' && BROWSER_CLIENT.test(importer)) return PREFIX + 'core';
      const lib = BROWSER_LIB.exec(importer);
      if (!lib || !source.startsWith('.')) return null;
      const local = relative(lib[1], resolvePath(dirname(importer), source))
        .split(sep)
        .join('/')
        .replace(/\.js$/, '');
      if (DISABLED_SDK_MODULES[local]) return PREFIX + local;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const key = id.slice(PREFIX.length);
      if (key === 'core') return LEAN_CORE;
      if (DISABLED_PLUGIN_PACKAGES[key]) return inertFactories(DISABLED_PLUGIN_PACKAGES[key]);
      const names = DISABLED_SDK_MODULES[key];
      return names.map((name) => STUB_SOURCES[name] ?? inertFactories([name])).join('\n');
    },
  };
}
