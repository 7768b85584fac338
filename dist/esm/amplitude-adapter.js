import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import { SHIM_NAME, LIBRARY } from './version.js';
import { sdkInitOptions } from './sdk-options.js';

/**
 * The one place that talks to @amplitude/analytics-browser. It makes the SDK deterministic (no remote
 * config, no autocapture: the shim decides every event) and stamps every event with the identity and
 * time of the Segment call, because the SDK would otherwise stamp them later (pitfall P4).
 */
class AmplitudeAdapter {
    constructor() {
        this.client = new AmplitudeBrowser();
        this.initialized = false;
        this.exiting = false;
        /** batchEvents: events handed over since the last threshold flush. */
        this.unsent = 0;
        this.batchThreshold = 0;
        /** insert_id -> callback, for events handed to the SDK whose destination has not queued them yet. */
        this.awaitingQueue = new Map();
    }
    async init(options) {
        const config = sdkInitOptions(options);
        await this.client.init(options.apiKey, undefined, config).promise;
        this.batchThreshold = options.settings.batchEvents ? options.settings.eventUploadThreshold : 0;
        await this.client.add({
            name: `${SHIM_NAME}-library`,
            type: 'enrichment',
            // Enrichment runs just before the destination queues (and persists) the event, in the same task.
            execute: async (event) => {
                this.countForBatch();
                const queued = event.insert_id ? this.awaitingQueue.get(event.insert_id) : undefined;
                if (queued) {
                    this.awaitingQueue.delete(event.insert_id);
                    queued();
                }
                return Object.assign(Object.assign({}, event), { library: LIBRARY });
            },
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
        if (stamp.onQueued)
            this.awaitingQueue.set(stamp.insertId, stamp.onQueued);
        const { promise } = this.client.track(Object.assign(Object.assign({}, event), options), undefined, options);
        // An explicit `time` stops the SDK's Context plugin from extending the session, so extend it here;
        // the SDK's new-session check has already run synchronously inside track().
        this.client.extendSession();
        return promise.then((r) => {
            // Settled without reaching the destination (opted out, dropped): it is no longer pending either way.
            const queued = this.awaitingQueue.get(stamp.insertId);
            if (queued) {
                this.awaitingQueue.delete(stamp.insertId);
                queued();
            }
            return { code: r.code, message: r.message };
        });
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
     * amplitude-js uploaded as soon as eventUploadThreshold events were unsent; the v2 SDK only has a timer
     * (its flushQueueSize is a batch size). Runs in the enrichment step, just before the destination
     * queues the event, so the flush is scheduled after it.
     */
    countForBatch() {
        if (!this.batchThreshold)
            return;
        this.unsent += 1;
        if (this.unsent < this.batchThreshold)
            return;
        this.unsent = 0;
        setTimeout(() => this.flushWithRetry(), 0);
    }
    /**
     * The SDK's public flush() makes one attempt and then forgets the events, even on failure (P8).
     * Its destination's flush(true) retries and keeps them persisted until acknowledged.
     */
    flushWithRetry() {
        const destination = this.client.plugin('amplitude');
        if (destination && typeof destination.flush === 'function')
            void destination.flush(true);
        else
            void this.client.flush().promise;
    }
    /**
     * On page exit: hand what is queued to sendBeacon, which survives the unload. The SDK reads the
     * transport asynchronously inside flush, so the beacon stays until the page is shown again. A beacon
     * the browser refuses counts as a failure, so the events stay persisted for the next page.
     */
    flushForExit() {
        if (!this.initialized)
            return;
        if (!this.exiting)
            this.client.setTransport('beacon');
        this.exiting = true;
        // Events handed over but not yet queued sit in the SDK's timeline; only its public flush() applies them
        // at once (then sends without retries; the shim's exit journal still holds those calls).
        if (this.awaitingQueue.size > 0)
            void this.client.flush().promise;
        else
            this.flushWithRetry();
    }
    /** The page is visible again (tab switch back, or restored from the back/forward cache). */
    resumeAfterExit() {
        if (!this.initialized || !this.exiting)
            return;
        this.exiting = false;
        this.client.setTransport('fetch');
    }
}

export { AmplitudeAdapter };
