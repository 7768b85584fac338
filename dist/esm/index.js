export { findWriteKey, install, writeKeyFromUrl } from './install.js';
export { AnalyticsCore } from './analytics.js';
export { attachPublicApi } from './public-api.js';
export { normalizeGroups, pageEventNames, referrerOperations, traitOperations, translate } from './translate.js';
export { lookupField, objCaseGet } from './facade.js';
export { DEFAULT_SETTINGS, normalizeSettings } from './settings.js';
export { isPlausibleDeviceId, resolveDeviceId } from './device-id.js';
export { VERSION } from './version.js';
