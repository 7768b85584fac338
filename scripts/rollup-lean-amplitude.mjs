// Rollup plugin: keeps the parts of @amplitude/analytics-browser that the shim never enables out of the
// script-tag bundle, without forking the SDK. The SDK's browser client imports every autocapture plugin,
// remote config and diagnostics statically, whatever the options say (SDK issues #325, #1268). The shim
// always initializes with autocapture:false and no remote config, so those imports are never called;
// here they resolve to small inert stand-ins instead. The browser tests run on this lean bundle.

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

/** The browser client's own modules for features the shim leaves off (paths relative to lib/esm). */
const DISABLED_SDK_MODULES = {
  'plugins/form-interaction-tracking': ['formInteractionTracking'],
  'plugins/file-download-tracking': ['fileDownloadTracking'],
  'attribution/web-attribution': ['WebAttribution'],
  'config/joined-config': ['updateBrowserConfigWithRemoteConfig'],
};

const PREFIX = '\0lean-amplitude:';
const BROWSER_CLIENT = /@amplitude[\\/]analytics-browser[\\/]lib[\\/]esm[\\/]browser-client\.js$/;

/** An inert plugin: if a factory were ever called, it adds nothing and passes events through. */
function inertFactories(names) {
  return names
    .map((name) => `export function ${name}() { return { name: 'segment-amplitude-shim/disabled-${name}', type: 'enrichment', setup: function () { return Promise.resolve(); }, execute: function (e) { return Promise.resolve(e); } }; }`)
    .join('\n');
}

const STUB_SOURCES = {
  WebAttribution:
    'export class WebAttribution { constructor() { this.shouldTrackNewCampaign = false; } init() { return Promise.resolve(); } shouldSetSessionIdOnNewCampaign() { return false; } generateCampaignEvent() { return undefined; } }',
  updateBrowserConfigWithRemoteConfig: 'export function updateBrowserConfigWithRemoteConfig() {}',
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
      if (!importer || !BROWSER_CLIENT.test(importer)) return null;
      if (source === '@amplitude/analytics-core') return PREFIX + 'core';
      const local = source.replace(/^\.\//, '');
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
