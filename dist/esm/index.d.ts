/** Module entry for bundler users. The script-tag build (dist/segment-amplitude-shim.min.js) runs install() itself. */
export { install, findWriteKey, writeKeyFromUrl } from './public/install.js';
export { AnalyticsCore, type LoadOptions } from './runtime/analytics.js';
export { attachPublicApi, type AmplitudeHandle } from './public/api.js';
export { translate, pageEventNames, referrerOperations, traitOperations, normalizeGroups } from './modes/classic/translate.js';
export { lookupField, objCaseGet } from './core/facade.js';
export { normalizeSettings, DEFAULT_SETTINGS, type AmplitudeSettings } from './modes/classic/settings.js';
export { resolveDeviceId, isPlausibleDeviceId, type DeviceIdSource, type DeviceIdDecision } from './core/device-id.js';
export { VERSION } from './core/version.js';
export type { SegmentEvent, AmplitudeEvent, AmplitudeOperation, PageContext } from './core/types.js';
export type { SegmentAnalytics, ShimLoadOptions, AmplitudeDestinationSettings, CallOptions, Integrations, AnalyticsContext, SegmentEventShape, AnalyticsUser, AnalyticsGroup, AmplitudeAccess, Properties, Traits, Callback, } from './public/types.js';
