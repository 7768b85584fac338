import { __rest } from './node_modules/tslib/tslib.es6.js';
import { splitPageContext, resolveTrackArguments, resolvePageArguments, resolveEntityArguments, resolveAliasArguments } from './arguments.js';
import { coerceIntegrations, buildEvent, isAmplitudeEnabled } from './events.js';
import { pageContextFromSnapshot } from './page-context.js';
import { normalizeSettings } from './settings.js';
import { stampVersion, translate } from './translate.js';
import { attribution } from './attribution.js';
import { resolveDeviceId } from './device-id.js';
import { queryStringCalls, parseQuery } from './query-string.js';
import { isNonEmptyString, isPlainObject, sanitizeProperties } from './values.js';
import { randomUUID, locationHash, locationSearch, readStoredAmplitudeDeviceIds, isHttps, readStoredAmplitudeSession, currentReferrer, getCookie, postJson, readPageSnapshot, localGet, localSet, localRemove } from './browser-env.js';
import { UserStore, GroupStore } from './identity.js';
import { AmplitudeAdapter } from './amplitude-adapter.js';
import { Context } from './context.js';
import { Emitter } from './emitter.js';
import { Logger } from './log.js';
import { trackLink, trackForm } from './auto-track.js';

/** How long a callback may wait on Amplitude before it runs anyway (events are queued and persisted by then). */
const MAX_CALLBACK_WAIT_MS = 1000;
/** The SDK's (and amplitude-js's) session timeout. */
const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60 * 1000;
/** Calls left waiting for the SDK when a page was left; the next page sends them. */
const JOURNAL_PREFIX = 'segment_amplitude_shim_unsent_';
class AnalyticsCore {
    constructor(self, adapter = new AmplitudeAdapter()) {
        this.self = self;
        this.adapter = adapter;
        this.logger = new Logger();
        this.settings = normalizeSettings(undefined).settings;
        this.writeKey = '';
        this.timeoutMs = 300;
        this.loadOptions = {};
        this.initialized = false;
        this.deviceId = null;
        this.deviceIdSource = null;
        this.loadCalled = false;
        this.sdkReady = false;
        /** Work waiting for the SDK, in true call order (events and resets alike). */
        this.pending = [];
        this.pendingItems = [];
        /**
         * Calls not yet safe from a page exit: waiting for the SDK, in middleware, or handed to the SDK but not
         * yet queued (and persisted) by its destination, which the SDK does a few ticks later.
         */
        this.unsafe = new Set();
        this.chain = Promise.resolve();
        this.readyCallbacks = [];
        this.readyFired = false;
        this.sourceMiddleware = [];
        this.destinationMiddleware = [];
        this.loadIntegrations = {};
        /** messageIds this page wrote to the exit journal (withdrawn if the page is shown again). */
        this.journaled = [];
        this.emitter = new Emitter(self, (event, error) => this.logger.problem(`analytics.on('${event}')`, `listener threw: ${String(error)}`, false));
        const persist = true;
        this.userStore = new UserStore({ persist, cookie: {} }, randomUUID, (anon) => this.onAnonymousIdChanged(anon));
        this.groupStore = new GroupStore({ persist, cookie: {} });
    }
    // ------------------------------------------------------------------------------------------ loading
    /**
     * Initializes once. Identity (querystring ajs_aid, then the device ID) is settled before the SDK
     * starts, so the first event already carries the final IDs.
     */
    load(writeKey, options, replay = () => undefined) {
        var _a, _b;
        if (this.loadCalled) {
            this.logger.once('analytics.load() was called again; the second call is ignored (is the snippet on the page twice?)');
            return;
        }
        if (!isNonEmptyString(writeKey)) {
            this.logger.once('analytics.load(): no Amplitude API key was given; nothing will be sent until load(KEY) is called', 'error');
            replay();
            return;
        }
        this.loadCalled = true;
        this.writeKey = writeKey;
        this.loadOptions = isPlainObject(options) ? options : {};
        const persist = !(this.loadOptions.disableClientPersistence === true || ((_a = this.loadOptions.user) === null || _a === void 0 ? void 0 : _a.persist) === false);
        const cookie = isPlainObject(this.loadOptions.cookie) ? this.loadOptions.cookie : {};
        this.userStore.configure({ persist, cookie });
        this.groupStore.configure({ persist, cookie });
        const integrations = isPlainObject(this.loadOptions.integrations) ? this.loadOptions.integrations : {};
        // integrations.Amplitude carries our settings, not a routing decision: only an explicit false routes.
        const { Amplitude: amplitudeEntry } = integrations, routing = __rest(integrations, ["Amplitude"]);
        this.loadIntegrations = coerceIntegrations(routing);
        if (amplitudeEntry === false)
            this.loadIntegrations.Amplitude = false;
        const normalized = normalizeSettings(integrations.Amplitude);
        this.settings = normalized.settings;
        for (const w of normalized.warnings)
            this.logger.problem('analytics.load()', w, false);
        // The querystring API runs before buffered calls, as in analytics-next.
        const query = this.loadOptions.useQueryString === false ? undefined : queryStringCalls(locationSearch(), locationHash());
        for (const w of (_b = query === null || query === void 0 ? void 0 : query.warnings) !== null && _b !== void 0 ? _b : [])
            this.logger.problem('querystring', w, true);
        if (query === null || query === void 0 ? void 0 : query.calls.anonymousId)
            this.userStore.anonymousId(query.calls.anonymousId);
        const urlParams = parseQuery(locationSearch());
        const decision = resolveDeviceId({
            preferAnonymousId: this.settings.preferAnonymousIdForDeviceId,
            anonymousId: this.settings.preferAnonymousIdForDeviceId ? this.userStore.anonymousId() : null,
            deviceIdFromUrlParam: this.settings.deviceIdFromUrlParam,
            query: urlParams,
            stored: readStoredAmplitudeDeviceIds(writeKey),
            now: Date.now(),
            generate: randomUUID,
        });
        for (const w of decision.warnings)
            this.logger.problem('device ID', w, true);
        this.deviceId = decision.deviceId;
        this.deviceIdSource = decision.source;
        const sdkOptions = isPlainObject(this.loadOptions.amplitude) ? this.loadOptions.amplitude : {};
        this.sendAttribution(writeKey, sdkOptions, urlParams);
        this.restoreJournal();
        if (this.loadOptions.initialPageview)
            this.page();
        if (query === null || query === void 0 ? void 0 : query.calls.identify)
            this.identify(query.calls.identify.userId, query.calls.identify.traits);
        if (query === null || query === void 0 ? void 0 : query.calls.track)
            this.track(query.calls.track.event, query.calls.track.properties);
        replay();
        this.initialized = true;
        this.emitter.emit('initialize', { writeKey }, this.loadOptions);
        this.adapter
            .init({
            apiKey: writeKey,
            deviceId: this.deviceId,
            userId: this.userStore.id(),
            settings: this.settings,
            sdkOptions,
            https: isHttps(),
            warn: (m) => this.logger.problem('analytics.load()', m, false),
        })
            .then(() => this.onSdkReady(), (error) => {
            this.logger.once(`Amplitude SDK failed to initialize: ${String(error)}; events are kept but cannot be sent`, 'error');
            this.fireReady();
        });
    }
    /**
     * What amplitude-js did inside init for the classic integration: UTM, gclid and (with
     * useAmplitudeReferral) referrer user properties, at the start of a session. Sent before any queued
     * call, under the resolved IDs.
     */
    sendAttribution(writeKey, sdkOptions, urlParams) {
        const stored = readStoredAmplitudeSession(writeKey);
        const timeout = typeof sdkOptions.sessionTimeout === 'number' ? sdkOptions.sessionTimeout : DEFAULT_SESSION_TIMEOUT_MS;
        const now = Date.now();
        const isNewSession = !stored.sessionId || !stored.lastEventTime || now - stored.lastEventTime > timeout;
        const { operations, warnings } = attribution({
            settings: this.settings,
            query: urlParams,
            utmz: getCookie('__utmz'),
            referrer: currentReferrer(),
            isNewSession,
        });
        for (const w of warnings)
            this.logger.problem('attribution', w, true);
        const ops = stampVersion(operations, this.settings.versionName);
        if (ops.length === 0)
            return;
        const stamp = { userId: this.userStore.id(), deviceId: this.deviceId, time: now };
        this.enqueue(() => {
            for (const op of ops)
                if (op.op === 'event')
                    void this.adapter.send(op.event, Object.assign(Object.assign({}, stamp), { insertId: `shim-${randomUUID()}` }));
        });
    }
    onSdkReady() {
        this.sdkReady = true;
        this.syncIdentity();
        const queued = this.pending;
        this.pending = [];
        // Middleware registered while the calls were queued applies to all of them, as in analytics-next.
        for (const item of this.pendingItems)
            this.prepare(item);
        this.pendingItems = [];
        for (const task of queued)
            this.chainTask(task);
        this.chainTask(() => this.fireReady());
    }
    /** Runs `task` after everything enqueued before it, once the SDK is ready. */
    enqueue(task) {
        if (this.sdkReady)
            this.chainTask(task);
        else
            this.pending.push(task);
    }
    chainTask(task) {
        this.chain = this.chain.then(task).then(() => undefined, (error) => this.logger.problem('analytics', `internal error: ${String(error)}`, true));
    }
    /** Keeps the SDK's own identity (its cookie, read by servers) equal to the current Segment identity. */
    syncIdentity() {
        if (!this.sdkReady || !this.deviceId)
            return;
        this.adapter.setDeviceId(this.deviceId);
        this.adapter.setUserId(this.userStore.id());
    }
    fireReady() {
        if (this.readyFired)
            return;
        this.readyFired = true;
        const callbacks = this.readyCallbacks;
        this.readyCallbacks = [];
        for (const cb of callbacks)
            cb();
    }
    ready(callback) {
        return new Promise((resolve) => {
            const run = () => {
                if (typeof callback === 'function') {
                    try {
                        callback([]);
                    }
                    catch (error) {
                        this.logger.problem('analytics.ready()', `callback threw: ${String(error)}`, false);
                    }
                }
                resolve([]);
            };
            if (this.readyFired)
                run();
            else
                this.readyCallbacks.push(run);
        });
    }
    // ----------------------------------------------------------------------------------------- identity
    onAnonymousIdChanged(anonymousId) {
        if (!anonymousId || !this.settings.preferAnonymousIdForDeviceId || !this.loadCalled)
            return;
        this.deviceId = anonymousId;
        this.deviceIdSource = 'anonymousId';
        this.syncIdentity();
    }
    /** The device ID an event made now belongs to. */
    currentDeviceId(anonymousId) {
        if (this.settings.preferAnonymousIdForDeviceId && anonymousId)
            return anonymousId;
        return this.deviceId;
    }
    reset() {
        this.userStore.reset();
        this.groupStore.reset();
        const anonymousId = this.userStore.anonymousId();
        if (this.loadCalled) {
            this.deviceId = this.settings.preferAnonymousIdForDeviceId ? anonymousId : randomUUID();
            this.deviceIdSource = this.settings.preferAnonymousIdForDeviceId ? 'anonymousId' : 'new';
            const deviceId = this.deviceId;
            // In call order: events made before reset() have already been stamped with the old identity.
            this.enqueue(() => this.adapter.reset(deviceId));
        }
        this.emitter.emit('reset');
    }
    // ------------------------------------------------------------------------------------- event calls
    track(...rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveTrackArguments(args);
        if (!isNonEmptyString(r.name)) {
            return this.rejectCall('analytics.track()', 'the event name is missing or not a string; the call was dropped', 'track', r.callback);
        }
        const properties = this.clean('analytics.track()', r.properties);
        return this.dispatch({ type: 'track', event: r.name, properties }, r.options, snapshot, r.callback, (ev) => [
            ev.event,
            ev.properties,
            undefined,
        ]);
    }
    page(...rawArgs) {
        return this.pageLike('page', rawArgs);
    }
    screen(...rawArgs) {
        return this.pageLike('screen', rawArgs);
    }
    pageLike(type, rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolvePageArguments(args);
        const properties = this.clean(`analytics.${type}()`, r.properties);
        return this.dispatch({ type, category: r.category, name: r.name, properties }, r.options, snapshot, r.callback, (ev) => {
            var _a, _b;
            return [
                (_a = ev.category) !== null && _a !== void 0 ? _a : null,
                (_b = ev.name) !== null && _b !== void 0 ? _b : null,
                ev.properties,
                undefined,
            ];
        });
    }
    identify(...rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveEntityArguments(args);
        const traits = r.traits ? this.clean('analytics.identify()', r.traits) : undefined;
        this.applyAnonymousIdOption(r.options);
        this.userStore.identify(r.id, traits);
        const body = { type: 'identify', traits: this.userStore.traits(), userId: this.userStore.id() };
        return this.dispatch(body, r.options, snapshot, r.callback, (ev) => { var _a; return [(_a = ev.userId) !== null && _a !== void 0 ? _a : null, ev.traits, undefined]; });
    }
    group(...rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        if (args.length === 0)
            return this.groupStore;
        const r = resolveEntityArguments(args);
        const traits = r.traits ? this.clean('analytics.group()', r.traits) : undefined;
        this.groupStore.identify(r.id, traits);
        const body = { type: 'group', groupId: this.groupStore.id(), traits: this.groupStore.traits() };
        return this.dispatch(body, r.options, snapshot, r.callback, (ev) => { var _a; return [(_a = ev.groupId) !== null && _a !== void 0 ? _a : null, ev.traits, undefined]; });
    }
    alias(...rawArgs) {
        var _a, _b, _c;
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveAliasArguments(args);
        const body = { type: 'alias', userId: (_a = r.to) !== null && _a !== void 0 ? _a : this.userStore.id(), previousId: (_c = (_b = r.from) !== null && _b !== void 0 ? _b : this.userStore.id()) !== null && _c !== void 0 ? _c : this.userStore.anonymousId() };
        const aliasUrl = this.loadOptions.aliasUrl;
        if (typeof aliasUrl === 'string' && aliasUrl && body.userId && body.previousId && body.userId !== body.previousId) {
            const mapping = { userId: body.userId, previousId: body.previousId };
            this.enqueue(() => postJson(aliasUrl, mapping).then((ok) => {
                if (!ok)
                    this.logger.problem('analytics.alias()', `the alias endpoint ${aliasUrl} did not accept the mapping`, true);
            }));
        }
        else {
            this.logger.problem('analytics.alias()', 'Amplitude maps users only through its server API; set the load option aliasUrl to your server endpoint (nothing was sent to Amplitude)', false);
        }
        return this.dispatch(body, r.options, snapshot, r.callback, (ev) => { var _a, _b; return [(_a = ev.userId) !== null && _a !== void 0 ? _a : null, (_b = ev.previousId) !== null && _b !== void 0 ? _b : null, undefined]; });
    }
    applyAnonymousIdOption(options) {
        if (isNonEmptyString(options.anonymousId))
            this.userStore.anonymousId(options.anonymousId);
    }
    clean(call, value) {
        const { value: clean, problems } = sanitizeProperties(value);
        if (problems.length > 0)
            this.logger.problem(call, problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : ''), true);
        return clean;
    }
    rejectCall(call, message, type, callback) {
        this.logger.problem(call, message, true);
        const ctx = new Context({ type });
        ctx.setFailedDelivery({ reason: message });
        return Promise.resolve(ctx);
    }
    dispatch(body, rawOptions, snapshot, callback, emitArgs) {
        const options = this.clean(`analytics.${body.type}()`, rawOptions);
        if (body.type !== 'identify')
            this.applyAnonymousIdOption(options);
        const snap = snapshot !== null && snapshot !== void 0 ? snapshot : readPageSnapshot();
        const anonymousId = this.userStore.anonymousId();
        const event = buildEvent(body, options, {
            page: pageContextFromSnapshot(snap),
            userId: this.userStore.id(),
            anonymousId,
            now: new Date(),
            messageId: `ajs-next-${Date.now()}-${randomUUID()}`,
            loadIntegrations: this.loadIntegrations,
        });
        return new Promise((resolve) => {
            var _a;
            const item = {
                event,
                deviceId: this.currentDeviceId((_a = event.anonymousId) !== null && _a !== void 0 ? _a : null),
                referrer: snapshot ? snap.referrer : currentReferrer(),
                ctx: new Context(event),
                startedAt: Date.now(),
                callback,
                done: resolve,
                emit: () => this.emitter.emit(body.type, ...emitArgs(event)),
            };
            if (this.sdkReady)
                this.prepare(item);
            else
                this.pendingItems.push(item);
            this.unsafe.add(item);
            this.enqueue(() => this.deliver(item));
        });
    }
    // ------------------------------------------------------------------------------------------ delivery
    async deliver(item) {
        try {
            await this.deliverUnguarded(item);
        }
        catch (error) {
            this.unsafe.delete(item);
            this.logger.problem(`analytics.${item.event.type}()`, `delivery failed: ${String(error)}`, true);
            this.finish(item, Promise.resolve());
        }
    }
    /**
     * Starts an item's middleware as soon as it may run, so slow or silent middleware on one event
     * never delays the events behind it; hand-over to Amplitude still happens in call order.
     */
    prepare(item) {
        var _a;
        (_a = item.prepared) !== null && _a !== void 0 ? _a : (item.prepared = this.runMiddleware(this.sourceMiddleware, item.event, undefined).then(async (event) => {
            if (!event)
                return { event: null, forAmplitude: null };
            const forAmplitude = isAmplitudeEnabled(event.integrations)
                ? await this.runMiddleware(this.destinationMiddleware, cloneEvent(event), 'Amplitude')
                : null;
            return { event, forAmplitude };
        }));
    }
    async deliverUnguarded(item) {
        this.prepare(item);
        const { event, forAmplitude } = await item.prepared;
        if (!event) {
            this.unsafe.delete(item);
            item.ctx.setFailedDelivery({ reason: 'dropped by source middleware' });
            this.finish(item, Promise.resolve());
            return;
        }
        const deliveries = forAmplitude ? this.sendToAmplitude(forAmplitude, item) : [];
        if (deliveries.length === 0)
            this.unsafe.delete(item);
        this.finish(item, Promise.all(deliveries));
    }
    sendToAmplitude(event, item) {
        var _a, _b, _c;
        const ops = translate({ event, settings: this.settings, referrer: item.referrer });
        const deviceId = (_b = (_a = item.deviceId) !== null && _a !== void 0 ? _a : this.deviceId) !== null && _b !== void 0 ? _b : randomUUID();
        const userId = (_c = event.userId) !== null && _c !== void 0 ? _c : null;
        const results = [];
        const events = ops.filter((op) => op.op === 'event').length;
        let queued = 0;
        const onQueued = () => {
            if (++queued === events)
                this.unsafe.delete(item);
        };
        let n = 0;
        for (const op of ops) {
            // setUserId only matters for the SDK's cookie, which syncIdentity keeps current.
            if (op.op === 'setUserId')
                continue;
            const insertId = n === 0 ? event.messageId : `${event.messageId}-${n}`;
            n++;
            results.push(this.adapter.send(op.event, { userId, deviceId, time: event.timestamp.getTime(), insertId, onQueued }).then((r) => {
                if (r.code < 200 || r.code >= 300)
                    item.ctx.log('warn', `Amplitude answered ${r.code}: ${r.message}`);
            }));
        }
        if (ops.length === 0)
            this.logger.debug(`${event.type} produced no Amplitude event with the current settings`);
        this.syncIdentity();
        return results;
    }
    finish(item, delivered) {
        const waitAtMost = Math.max(this.timeoutMs, MAX_CALLBACK_WAIT_MS);
        const settled = new Promise((resolve) => {
            const timer = setTimeout(resolve, waitAtMost);
            delivered.then(() => {
                clearTimeout(timer);
                resolve();
            }, () => {
                clearTimeout(timer);
                resolve();
            });
        });
        void settled.then(() => {
            const remaining = Math.max(0, this.timeoutMs - (Date.now() - item.startedAt));
            setTimeout(() => {
                if (item.callback) {
                    try {
                        item.callback(item.ctx);
                    }
                    catch (error) {
                        item.ctx.log('warn', `Callback Error: ${String(error)}`);
                        this.logger.problem(`analytics.${item.event.type}()`, `callback threw: ${String(error)}`, false);
                    }
                }
                item.done(item.ctx);
                item.emit();
            }, remaining);
        });
    }
    runMiddleware(chain, event, integration) {
        let current = Promise.resolve(event);
        for (const fn of chain) {
            current = current.then((ev) => ev &&
                new Promise((resolve) => {
                    const timer = setTimeout(() => {
                        this.logger.problem('middleware', `did not call next() within ${MAX_CALLBACK_WAIT_MS} ms; the event was dropped`, true);
                        resolve(null);
                    }, MAX_CALLBACK_WAIT_MS);
                    const next = (payload) => {
                        clearTimeout(timer);
                        // Source middleware: next(null) passes the event through; destination middleware: it drops it.
                        if (payload === null || payload === undefined)
                            resolve(integration ? null : ev);
                        else
                            resolve(isPlainObject(payload.obj) ? payload.obj : ev);
                    };
                    try {
                        fn({ payload: makePayload(ev), integrations: ev.integrations, integration, next });
                    }
                    catch (error) {
                        clearTimeout(timer);
                        this.logger.problem('middleware', `threw: ${String(error)}; the event continues unchanged`, false);
                        resolve(ev);
                    }
                }));
        }
        return current;
    }
    addSourceMiddleware(fn) {
        if (typeof fn === 'function')
            this.sourceMiddleware.push(fn);
        else
            this.logger.problem('analytics.addSourceMiddleware()', 'expects a function', false);
    }
    addDestinationMiddleware(name, fns) {
        const target = typeof name === 'string' ? name.toLowerCase() : '';
        if (target !== 'amplitude' && target !== '*') {
            this.logger.problem('analytics.addDestinationMiddleware()', `only the "Amplitude" destination exists here; "${String(name)}" was ignored`, false);
            return;
        }
        for (const fn of fns)
            if (typeof fn === 'function')
                this.destinationMiddleware.push(fn);
    }
    // ----------------------------------------------------------------------------------- auto-tracking
    trackLink(call, args) {
        trackLink(this.autoTrackDeps(), call, args[0], args[1], args[2], args[3]);
    }
    trackForm(call, args) {
        trackForm(this.autoTrackDeps(), call, args[0], args[1], args[2], args[3]);
    }
    autoTrackDeps() {
        return {
            track: (event, properties, options) => this.track(event, properties, options),
            timeout: () => this.timeoutMs,
            navigate: (href) => {
                window.location.href = href;
            },
            warn: (call, message) => this.logger.problem(call, message, true),
        };
    }
    // ------------------------------------------------------------------------------------ page exit
    /**
     * Leaving the page: the SDK sends what it holds by beacon (and keeps it persisted until acknowledged);
     * calls it does not hold yet are journaled for the next page. Should one of them still reach Amplitude
     * from this page, the copy from the journal carries the same insert_id and is deduplicated.
     */
    onPageExit() {
        this.adapter.flushForExit();
        this.writeJournal();
    }
    onPageShown() {
        this.adapter.resumeAfterExit();
        // Back from the back/forward cache: the journaled calls are still here and will be sent from memory.
        this.withdrawJournal();
    }
    journalKey() {
        return JOURNAL_PREFIX + this.writeKey.slice(0, 10);
    }
    readJournal() {
        var _a;
        try {
            const parsed = JSON.parse((_a = localGet(this.journalKey())) !== null && _a !== void 0 ? _a : '[]');
            return Array.isArray(parsed) ? parsed : [];
        }
        catch (_b) {
            return [];
        }
    }
    writeJournal() {
        if (!this.loadCalled || this.unsafe.size === 0)
            return;
        const mine = [...this.unsafe].map((item) => { var _a; return ({ event: item.event, deviceId: (_a = item.deviceId) !== null && _a !== void 0 ? _a : this.deviceId, referrer: item.referrer }); });
        // Exit fires more than once (visibilitychange, then pagehide): merge by messageId.
        const ids = new Set(mine.map((m) => m.event.messageId));
        const others = this.readJournal().filter((entry) => { var _a; return !ids.has((_a = entry.event) === null || _a === void 0 ? void 0 : _a.messageId); });
        const entries = [...others, ...mine].slice(-200);
        if (localSet(this.journalKey(), JSON.stringify(entries)))
            this.journaled = mine.map((m) => m.event.messageId);
    }
    withdrawJournal() {
        if (this.journaled.length === 0)
            return;
        const withdrawn = new Set(this.journaled);
        this.journaled = [];
        const rest = this.readJournal().filter((entry) => { var _a; return !withdrawn.has((_a = entry.event) === null || _a === void 0 ? void 0 : _a.messageId); });
        if (rest.length)
            localSet(this.journalKey(), JSON.stringify(rest));
        else
            localRemove(this.journalKey());
    }
    /** Sends, in order and under their original IDs and time, the calls a previous page could not. */
    restoreJournal() {
        const entries = this.readJournal();
        if (entries.length === 0)
            return;
        localRemove(this.journalKey());
        for (const entry of entries) {
            const event = entry === null || entry === void 0 ? void 0 : entry.event;
            if (!event || typeof event.type !== 'string' || typeof event.messageId !== 'string' || !isPlainObject(event.context))
                continue;
            const restored = Object.assign(Object.assign({}, event), { timestamp: new Date(event.timestamp) });
            if (Number.isNaN(restored.timestamp.getTime()))
                continue;
            const item = {
                event: restored,
                deviceId: typeof entry.deviceId === 'string' ? entry.deviceId : null,
                referrer: typeof entry.referrer === 'string' ? entry.referrer : '',
                ctx: new Context(restored),
                startedAt: Date.now(),
                done: () => undefined,
                emit: () => undefined,
            };
            this.pendingItems.push(item);
            this.unsafe.add(item);
            this.enqueue(() => this.deliver(item));
        }
    }
}
function makePayload(event) {
    return {
        obj: event,
        type: () => event.type,
        event: () => event.event,
    };
}
/**
 * Amplitude's own copy: destination middleware may edit it without touching the event the caller's ctx
 * holds, and values middleware added (cyclic, BigInt, ...) are made safe for the wire (P9).
 */
function cloneEvent(event) {
    const { value } = sanitizeProperties(event);
    return Object.assign(Object.assign({}, value), { timestamp: event.timestamp });
}

export { AnalyticsCore };
