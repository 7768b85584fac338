import { createInstance } from '@amplitude/analytics-browser';
import { VERSION, SHIM_NAME, LIBRARY } from './version.js';

/**
 * The one place that talks to @amplitude/analytics-browser. It makes the SDK deterministic (no remote
 * config, no autocapture: the shim decides every event) and stamps every event with the identity and
 * time of the Segment call, because the SDK would otherwise stamp them later (pitfall P4).
 */
/** SDK options the shim owns; a page may not override them through the raw options key. */
const OWNED_OPTIONS = ['deviceId', 'userId', 'autocapture', 'defaultTracking', 'fetchRemoteConfig', 'remoteConfig', 'instanceName'];
class AmplitudeAdapter {
    constructor() {
        this.client = createInstance();
        this.initialized = false;
        this.exiting = false;
    }
    async init(options) {
        var _a;
        const config = {
            // Short ids such as "42" are common in Segment installs; Amplitude's API rejects them without this.
            minIdLength: 1,
            identityStorage: 'cookie',
            flushQueueSize: options.settings.batchEvents ? options.settings.eventUploadThreshold : 30,
            // batchEvents off: each call's events leave at once (one request per call), as amplitude-js did.
            flushIntervalMillis: options.settings.batchEvents ? options.settings.eventUploadPeriodMillis : 10,
            ingestionMetadata: { sourceName: SHIM_NAME, sourceVersion: VERSION },
        };
        for (const key of Object.keys(options.sdkOptions)) {
            if (OWNED_OPTIONS.includes(key))
                options.warn(`the Amplitude SDK option "${key}" is managed by the shim and was ignored`);
            else
                config[key] = options.sdkOptions[key];
        }
        Object.assign(config, {
            deviceId: options.deviceId,
            userId: (_a = options.userId) !== null && _a !== void 0 ? _a : undefined,
            autocapture: false,
            fetchRemoteConfig: false,
            remoteConfig: { fetchRemoteConfig: false },
        });
        await this.client.init(options.apiKey, undefined, config).promise;
        await this.client.add({
            name: `${SHIM_NAME}-library`,
            type: 'enrichment',
            execute: async (event) => (Object.assign(Object.assign({}, event), { library: LIBRARY })),
        }).promise;
        this.initialized = true;
    }
    get ready() {
        return this.initialized;
    }
    send(event, stamp) {
        var _a;
        const options = {
            user_id: (_a = stamp.userId) !== null && _a !== void 0 ? _a : undefined,
            device_id: stamp.deviceId,
            time: stamp.time,
            insert_id: stamp.insertId,
        };
        const { promise } = this.client.track(Object.assign(Object.assign({}, event), options), undefined, options);
        // An explicit `time` stops the SDK's Context plugin from extending the session, so extend it here;
        // the SDK's new-session check has already run synchronously inside track().
        this.client.extendSession();
        return promise.then((r) => ({ code: r.code, message: r.message }));
    }
    setUserId(userId) {
        var _a;
        if (((_a = this.client.getUserId()) !== null && _a !== void 0 ? _a : null) !== userId)
            this.client.setUserId(userId !== null && userId !== void 0 ? userId : undefined);
    }
    setDeviceId(deviceId) {
        if (this.client.getDeviceId() !== deviceId)
            this.client.setDeviceId(deviceId);
    }
    /** reset(): a new device, no user, and a new session (the SDK's own reset keeps the session). */
    reset(deviceId) {
        this.client.setUserId(undefined);
        this.client.setDeviceId(deviceId);
        this.client.setSessionId(Date.now());
    }
    getDeviceId() {
        return this.client.getDeviceId();
    }
    getSessionId() {
        return this.client.getSessionId();
    }
    /**
     * On page exit: hand what is queued to sendBeacon, which survives the unload. The SDK reads the
     * transport asynchronously inside flush, so the beacon stays until the page is shown again.
     */
    flushForExit() {
        if (!this.initialized)
            return;
        if (!this.exiting)
            this.client.setTransport('beacon');
        this.exiting = true;
        this.client.flush();
    }
    /** The page is visible again (tab switch back, or restored from the back/forward cache). */
    resumeAfterExit() {
        if (!this.initialized || !this.exiting)
            return;
        this.exiting = false;
        this.client.setTransport('fetch');
    }
    flush() {
        return this.initialized ? this.client.flush().promise : Promise.resolve();
    }
}

export { AmplitudeAdapter };
