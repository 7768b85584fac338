import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import { VERSION, LIBRARY } from './version.js';
import { sdkInitOptions } from './sdk-options.js';

/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what servers and the next page
 * read: the device, user and session in its `AMP_` cookie (with its legacy-cookie migration and cookie
 * domain rules). The shim decides the rest before the SDK has started: no remote config and no
 * autocapture, the session (src/session.ts, the SDK's rules), and delivery: the SDK's destination is
 * replaced by the shim's outbox, so an event is complete and on its way the moment it is handed over.
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
        this.started = false;
    }
    async init(options, sink) {
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
        this.started = true;
    }
    config() {
        return this.started ? this.client.config : undefined;
    }
    persistSession(state) {
        const config = this.config();
        if (!config)
            return;
        // setSessionId clears lastEventTime, so it goes first.
        if (this.client.getSessionId() !== state.sessionId)
            this.client.setSessionId(state.sessionId);
        if (config.lastEventTime !== state.lastEventTime)
            config.lastEventTime = state.lastEventTime;
        if (config.lastEventId !== state.lastEventId)
            config.lastEventId = state.lastEventId;
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
    reset(deviceId) {
        this.client.setUserId(undefined);
        this.client.setDeviceId(deviceId);
    }
    getSessionId() {
        return this.client.getSessionId();
    }
}

export { AmplitudeAdapter };
