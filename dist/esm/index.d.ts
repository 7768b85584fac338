/** Module entry for bundler users. The script-tag build (dist/segment-amplitude-shim.min.js) runs install() itself. */
export { install, findWriteKey, writeKeyFromUrl } from './install';
export { AnalyticsCore, type LoadOptions } from './analytics';
export { attachPublicApi, type AmplitudeHandle } from './public-api';
export { translate, pageEventNames, referrerOperations, traitOperations, normalizeGroups } from './translate';
export { lookupField, objCaseGet } from './facade';
export { normalizeSettings, DEFAULT_SETTINGS, type AmplitudeSettings } from './settings';
export { resolveDeviceId, isPlausibleDeviceId, type DeviceIdSource, type DeviceIdDecision } from './device-id';
export { VERSION } from './version';
export type { SegmentEvent, AmplitudeEvent, AmplitudeOperation, PageContext } from './types';
export type { SegmentAnalytics, ShimLoadOptions, CallOptions, Integrations, AnalyticsContext, AnalyticsUser, AnalyticsGroup, AmplitudeAccess, Properties, Traits, Callback, } from './global';
