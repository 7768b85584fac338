import { VERSION, SHIM_NAME } from './version.js';

/** SDK options the shim owns; a page may not override them through the raw options key. */
const OWNED_OPTIONS = ['deviceId', 'userId', 'autocapture', 'defaultTracking', 'fetchRemoteConfig', 'remoteConfig', 'instanceName'];
function sdkInitOptions(options) {
    var _a;
    const batching = options.settings.batchEvents;
    const config = {
        // Short ids such as "42" are common in Segment installs; Amplitude's API rejects them without this.
        minIdLength: 1,
        identityStorage: 'cookie',
        flushQueueSize: batching ? options.settings.eventUploadThreshold : 30,
        // batchEvents off: each call's events leave at once (one request per call), as amplitude-js did.
        flushIntervalMillis: batching ? options.settings.eventUploadPeriodMillis : 10,
        ingestionMetadata: { sourceName: SHIM_NAME, sourceVersion: VERSION },
        cookieOptions: { sameSite: 'Lax', secure: options.https },
    };
    for (const key of Object.keys(options.sdkOptions)) {
        const value = options.sdkOptions[key];
        if (OWNED_OPTIONS.includes(key))
            options.warn(`the Amplitude SDK option "${key}" is managed by the shim and was ignored`);
        else if (key === 'cookieOptions' && value && typeof value === 'object')
            config.cookieOptions = Object.assign(Object.assign({}, config.cookieOptions), value);
        else
            config[key] = value;
    }
    // The shim decides every event and every ID: no remote config, no autocapture, no URL-derived IDs.
    return Object.assign(config, {
        deviceId: options.deviceId,
        userId: (_a = options.userId) !== null && _a !== void 0 ? _a : undefined,
        autocapture: false,
        fetchRemoteConfig: false,
        remoteConfig: { fetchRemoteConfig: false },
    });
}

export { OWNED_OPTIONS, sdkInitOptions };
