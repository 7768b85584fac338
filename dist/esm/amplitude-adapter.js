import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import { VERSION, LIBRARY, SHIM_NAME } from './version.js';
import { sdkInitOptions } from './sdk-options.js';

/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what it is good at and what
 * servers read: the device, user and session in its `AMP_` cookie, session start and expiry. The shim
 * takes the rest: no remote config and no autocapture (the shim decides every event), and the SDK's
 * destination is replaced by the shim's outbox, so an event is complete and on its way the moment it
 * is handed over, not after a timeline tick per event.
 */
/** The SDK reads and writes its unsent queue here; the outbox keeps its own, so this holds nothing. */
const NO_EVENT_STORAGE = {
    isEnabled: () => Promise.resolve(true),
    get: () => Promise.resolve(undefined),
    getRaw: () => Promise.resolve(undefined),
    set: () => Promise.resolve(undefined),
    remove: () => Promise.resolve(undefined),
    reset: () => Promise.resolve(undefined),
};
class AmplitudeAdapter {
    constructor() {
        this.client = new AmplitudeBrowser();
    }
    async init(options, sink) {
        var _a;
        const config = sdkInitOptions(options);
        config.storageProvider = NO_EVENT_STORAGE;
        await this.client.init(options.apiKey, undefined, config).promise;
        await this.client.remove('amplitude').promise;
        await this.client.add({
            name: 'amplitude',
            type: 'destination',
            setup: () => Promise.resolve(undefined),
            execute: (event) => {
                if (typeof event.insert_id !== 'string')
                    event.insert_id = `sdk-${VERSION}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
                return new Promise((resolve) => sink.add(Object.assign(Object.assign({}, event), { library: LIBRARY }), (r) => resolve({ event, code: r.code, message: r.message })));
            },
            flush: () => {
                sink.flush();
                return Promise.resolve();
            },
        }).promise;
        const sdkConfig = this.config();
        const tracking = (_a = sdkConfig === null || sdkConfig === void 0 ? void 0 : sdkConfig.trackingOptions) !== null && _a !== void 0 ? _a : {};
        const nav = typeof navigator !== 'undefined' ? navigator : undefined;
        return {
            library: LIBRARY,
            userAgent: nav === null || nav === void 0 ? void 0 : nav.userAgent,
            language: tracking.language === false ? undefined : nav === null || nav === void 0 ? void 0 : nav.language,
            appVersion: sdkConfig === null || sdkConfig === void 0 ? void 0 : sdkConfig.appVersion,
            platform: tracking.platform !== false,
            ipAddress: tracking.ipAddress !== false,
            sourceName: SHIM_NAME,
            sourceVersion: VERSION,
        };
    }
    config() {
        return this.client.config;
    }
    openSession(now) {
        var _a, _b;
        const config = this.config();
        if (!config)
            return { sessionId: undefined, nextEventId: () => 0, close: () => undefined };
        const last = config.lastEventTime;
        // The SDK's rule: a new session once the previous event is older than the timeout.
        if (typeof last === 'number' && now - last > ((_a = config.sessionTimeout) !== null && _a !== void 0 ? _a : 30 * 60 * 1000))
            this.client.setSessionId(now);
        this.client.extendSession();
        const first = (_b = config.lastEventId) !== null && _b !== void 0 ? _b : -1;
        let eventId = first;
        return {
            sessionId: this.client.getSessionId(),
            nextEventId: () => ++eventId,
            close: () => {
                if (eventId !== first)
                    config.lastEventId = eventId;
            },
        };
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
    reset(deviceId, now) {
        this.client.setUserId(undefined);
        this.client.setDeviceId(deviceId);
        this.client.setSessionId(now);
    }
    getSessionId() {
        return this.client.getSessionId();
    }
}

export { AmplitudeAdapter };
