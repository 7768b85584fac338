/** Module entry for bundler users. The script-tag build (dist/segment-amplitude-shim.min.js) runs install() itself. */
export { install, findWriteKey, writeKeyFromUrl } from './install.js';
export { AnalyticsCore, type LoadOptions } from './analytics.js';
export { attachPublicApi, type AmplitudeHandle } from './public-api.js';
export { translate, pageEventNames, referrerOperations, traitOperations, normalizeGroups } from './translate.js';
export { lookupField, objCaseGet } from './facade.js';
export { normalizeSettings, DEFAULT_SETTINGS, type AmplitudeSettings } from './settings.js';
export { resolveDeviceId, isPlausibleDeviceId, type DeviceIdSource, type DeviceIdDecision } from './device-id.js';
export { VERSION } from './version.js';
export type { SegmentEvent, AmplitudeEvent, AmplitudeOperation, PageContext } from './types.js';
export type { SegmentAnalytics, ShimLoadOptions, AmplitudeDestinationSettings, CallOptions, Integrations, AnalyticsContext, SegmentEventShape, AnalyticsUser, AnalyticsGroup, AmplitudeAccess, Properties, Traits, Callback, } from './global.js';
