import { splitPageContext, resolveTrackArguments, resolvePageArguments, resolveEntityArguments, resolveAliasArguments } from './arguments.js';
import { buildEvent, isAmplitudeEnabled } from './events.js';
import { pageContextFromSnapshot } from './page-context.js';
import { normalizeSettings } from './settings.js';
import { isNonEmptyString, isPlainObject, sanitizeProperties } from './values.js';
import { localStore, browserTransport, randomUUID, readStoredAmplitudeSession, readStoredAmplitudeDeviceIds, getCookie, currentReferrer, locationHash, locationSearch, memoryStore, isHttps, postJson, readPageSnapshot } from './browser-env.js';
import { UserStore, GroupStore } from './identity.js';
import { AmplitudeAdapter } from './amplitude-adapter.js';
import { Context } from './context.js';
import { Emitter } from './emitter.js';
import { Logger } from './log.js';
import { trackLink, trackForm } from './auto-track.js';
import { systemClock } from './clock.js';
import { CallQueue } from './call-queue.js';
import { Delivery } from './delivery.js';
import { runChain } from './middleware.js';
import { describe, callPageFunction } from './page-code.js';
import { Outbox } from './outbox.js';
import { ExitJournal } from './exit-journal.js';
import { planLoad } from './load-plan.js';
import { outboxConfig } from './sdk-options.js';
import { envelopeFacts } from './envelope.js';
import { SessionClock } from './session.js';
import { VERSION, SHIM_NAME, LIBRARY } from './version.js';

class AnalyticsCore {
    constructor(self, env = {}) {
        var _a, _b, _c, _d, _e;
        this.self = self;
        this.logger = new Logger();
        this.settings = normalizeSettings(undefined).settings;
        this.writeKey = '';
        this.timeoutMs = 300;
        this.loadOptions = {};
        this.initialized = false;
        this.deviceId = null;
        this.deviceIdSource = null;
        this.loadCalled = false;
        this.loadIntegrations = {};
        this.readyCallbacks = [];
        this.readyFired = false;
        this.sourceMiddleware = [];
        this.destinationMiddleware = [];
        this.sdkReady = false;
        this.env = {
            adapter: (_a = env.adapter) !== null && _a !== void 0 ? _a : new AmplitudeAdapter(),
            clock: (_b = env.clock) !== null && _b !== void 0 ? _b : systemClock,
            newId: (_c = env.newId) !== null && _c !== void 0 ? _c : randomUUID,
            transport: (_d = env.transport) !== null && _d !== void 0 ? _d : browserTransport,
            store: (_e = env.store) !== null && _e !== void 0 ? _e : localStore,
        };
        this.adapter = this.env.adapter;
        this.emitter = new Emitter(self, (event, error) => this.logger.problem(`analytics.on('${event}')`, `listener failed: ${describe(error)}`, false));
        this.userStore = new UserStore({ persist: true, cookie: {} }, this.env.newId, (anon) => this.onAnonymousIdChanged(anon));
        this.groupStore = new GroupStore({ persist: true, cookie: {} });
        const deps = {
            clock: this.env.clock,
            prepare: (item) => this.prepare(item),
            handOver: (calls) => {
                this.delivery.handOver(calls);
                this.syncIdentity();
            },
            fail: (error, item) => {
                this.logger.problem('analytics', `internal error: ${describe(error)}`, true);
                if (item) {
                    item.ctx.setFailedDelivery({ reason: 'internal error' });
                    this.delivery.settle(item);
                }
            },
        };
        this.queue = new CallQueue(deps);
        this.delivery = new Delivery({
            clock: this.env.clock,
            settings: () => this.settings,
            facts: () => this.facts,
            openSession: (now) => this.session.open(now),
            outbox: () => this.outbox,
            deviceId: () => { var _a; return (_a = this.deviceId) !== null && _a !== void 0 ? _a : this.env.newId(); },
            warn: (call, message, dropped) => this.logger.problem(call, message, dropped),
            debug: (message) => this.logger.debug(message),
        });
    }
    // ------------------------------------------------------------------------------------------ loading
    /**
     * Initializes once. Identity (querystring ajs_aid, then the device ID) is settled before the SDK
     * starts, so the first event already carries the final IDs.
     */
    load(writeKey, options, replay = () => undefined) {
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
        const { clock, newId } = this.env;
        const persist = !(this.loadOptions.disableClientPersistence === true || (isPlainObject(this.loadOptions.user) && this.loadOptions.user.persist === false));
        const cookie = isPlainObject(this.loadOptions.cookie) ? this.loadOptions.cookie : {};
        this.userStore.configure({ persist, cookie });
        this.groupStore.configure({ persist, cookie });
        const plan = planLoad({
            options: this.loadOptions,
            search: locationSearch(),
            hash: locationHash(),
            referrer: currentReferrer(),
            utmz: getCookie('__utmz'),
            storedDeviceIds: readStoredAmplitudeDeviceIds(writeKey),
            storedSession: readStoredAmplitudeSession(writeKey),
            anonymousId: this.userStore.anonymousId(),
            now: clock.now(),
            newId,
        });
        for (const w of plan.warnings)
            this.logger.problem(w.call, w.message, w.dropped);
        this.settings = plan.settings;
        this.loadIntegrations = plan.loadIntegrations;
        if (plan.anonymousId !== this.userStore.peekAnonymousId())
            this.userStore.anonymousId(plan.anonymousId);
        this.deviceId = plan.deviceId;
        this.deviceIdSource = plan.deviceIdSource;
        const store = persist ? this.env.store : memoryStore();
        const outbox = new Outbox(outboxConfig(writeKey, plan.settings, plan.sdkOptions), {
            clock,
            transport: this.env.transport,
            onChange: () => { var _a; return (_a = this.journal) === null || _a === void 0 ? void 0 : _a.changed(); },
            reconcile: () => { var _a; return (_a = this.journal) === null || _a === void 0 ? void 0 : _a.takenOver(); },
            warn: (message) => this.logger.problem('Amplitude', message, true),
        });
        this.outbox = outbox;
        const journal = new ExitJournal(store, clock, writeKey, newId(), () => ({
            calls: this.queue.pendingItems().map(toJournaled),
            events: outbox.unsent(),
        }));
        this.journal = journal;
        this.facts = envelopeFacts(plan.sdkOptions, typeof navigator !== 'undefined' ? navigator : undefined, LIBRARY, { name: SHIM_NAME, version: VERSION });
        this.session = new SessionClock(plan.session, plan.sessionTimeoutMs, (state) => {
            if (this.sdkReady)
                this.adapter.persistSession(state);
        });
        // What earlier pages could not send goes first: their stamped events, then their calls.
        const left = journal.claim();
        outbox.restore(left.events);
        for (const call of left.calls)
            this.restoreCall(call);
        this.sendAttribution(plan.attribution);
        if (this.loadOptions.initialPageview)
            this.page();
        if (plan.query.identify)
            this.identify(plan.query.identify.userId, plan.query.identify.traits);
        if (plan.query.track)
            this.track(plan.query.track.event, plan.query.track.properties);
        replay();
        this.initialized = true;
        this.emitter.emit('initialize', { writeKey }, this.loadOptions);
        // Events are complete without the SDK (envelope, session), so they do not wait for it to start.
        this.queue.start();
        this.adapter
            .init({
            apiKey: writeKey,
            deviceId: plan.deviceId,
            userId: this.userStore.id(),
            sessionId: plan.session.sessionId,
            settings: plan.settings,
            sdkOptions: plan.sdkOptions,
            https: isHttps(),
            warn: (m) => this.logger.problem('analytics.load()', m, false),
        }, outbox)
            .then(() => {
            this.sdkReady = true;
            this.adapter.persistSession(this.session.snapshot());
            this.syncIdentity();
            this.queue.push({ kind: 'task', run: () => this.fireReady() });
        }, (error) => {
            this.logger.once(`Amplitude SDK failed to initialize: ${describe(error)}; events are kept for the next page but cannot be sent`, 'error');
            this.fireReady();
        });
    }
    /** amplitude-js's session-start user properties (UTM, gclid, referrer), sent before any queued call. */
    sendAttribution(ops) {
        if (ops.length === 0)
            return;
        const stamp = { userId: this.userStore.id(), deviceId: this.deviceId, time: this.env.clock.now(), messageId: `shim-${this.env.newId()}` };
        this.queue.push({ kind: 'task', run: () => this.withSession((ticket) => this.delivery.send(ops, stamp, ticket)) });
    }
    withSession(fn) {
        const ticket = this.session.open(this.env.clock.now());
        try {
            fn(ticket);
        }
        finally {
            ticket.close();
        }
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
                if (typeof callback === 'function')
                    this.runPageCode('analytics.ready()', () => callback([]));
                resolve([]);
            };
            if (this.readyFired)
                run();
            else
                this.readyCallbacks.push(run);
        });
    }
    /** Runs a function the page gave us; a throw or a rejected promise becomes one warning. */
    runPageCode(call, fn) {
        callPageFunction(fn, undefined, [], (error) => this.logger.problem(call, `callback failed: ${describe(error)}`, false));
    }
    // ----------------------------------------------------------------------------------------- identity
    onAnonymousIdChanged(anonymousId) {
        if (!anonymousId || !this.settings.preferAnonymousIdForDeviceId || !this.loadCalled)
            return;
        this.deviceId = anonymousId;
        this.deviceIdSource = 'anonymousId';
        const deviceId = anonymousId;
        this.queue.push({ kind: 'task', run: () => this.adapter.setDeviceId(deviceId) });
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
            this.deviceId = this.settings.preferAnonymousIdForDeviceId ? anonymousId : this.env.newId();
            this.deviceIdSource = this.settings.preferAnonymousIdForDeviceId ? 'anonymousId' : 'new';
            const deviceId = this.deviceId;
            // In call order: events made before reset() have already been stamped with the old identity.
            this.queue.push({
                kind: 'task',
                run: () => {
                    var _a;
                    this.adapter.reset(deviceId);
                    (_a = this.session) === null || _a === void 0 ? void 0 : _a.restart(this.env.clock.now());
                },
            });
        }
        this.emitter.emit('reset');
    }
    // ------------------------------------------------------------------------------------- event calls
    track(...rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveTrackArguments(args);
        if (!isNonEmptyString(r.name)) {
            return this.rejectCall('analytics.track()', 'the event name is missing or not a string; the call was dropped', 'track');
        }
        const properties = this.clean('analytics.track()', r.properties);
        return this.dispatch({ type: 'track', event: r.name, properties }, r.options, snapshot, r.callback, (ev) => [ev.event, ev.properties, undefined]);
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
        const options = this.clean('analytics.identify()', r.options);
        this.applyAnonymousIdOption(options);
        this.userStore.identify(r.id, traits);
        const body = { type: 'identify', traits: this.userStore.traits(), userId: this.userStore.id() };
        return this.dispatch(body, options, snapshot, r.callback, (ev) => { var _a; return [(_a = ev.userId) !== null && _a !== void 0 ? _a : null, ev.traits, undefined]; });
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
            this.queue.push({
                kind: 'task',
                run: () => void postJson(aliasUrl, mapping).then((ok) => {
                    if (!ok)
                        this.logger.problem('analytics.alias()', `the alias endpoint ${aliasUrl} did not accept the mapping`, true);
                }),
            });
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
    rejectCall(call, message, type) {
        this.logger.problem(call, message, true);
        const ctx = new Context({ type });
        ctx.setFailedDelivery({ reason: message });
        // analytics-next does not call back for a rejected call either.
        return Promise.resolve(ctx);
    }
    dispatch(body, rawOptions, snapshot, callback, emitArgs) {
        const options = body.type === 'identify' ? rawOptions : this.clean(`analytics.${body.type}()`, rawOptions);
        if (body.type !== 'identify')
            this.applyAnonymousIdOption(options);
        const snap = snapshot !== null && snapshot !== void 0 ? snapshot : readPageSnapshot();
        const anonymousId = this.userStore.anonymousId();
        const now = this.env.clock.now();
        const event = buildEvent(body, options, {
            page: pageContextFromSnapshot(snap),
            userId: this.userStore.id(),
            anonymousId,
            now: new Date(now),
            messageId: `ajs-next-${now}-${this.env.newId()}`,
            loadIntegrations: this.loadIntegrations,
        });
        return new Promise((resolve) => {
            var _a;
            const item = {
                event,
                deviceId: this.currentDeviceId((_a = event.anonymousId) !== null && _a !== void 0 ? _a : null),
                referrer: snapshot ? snap.referrer : currentReferrer(),
                ctx: new Context(event),
                callback,
                finish: (ctx) => {
                    resolve(ctx);
                    this.emitter.emit(body.type, ...emitArgs(event));
                },
            };
            this.delivery.watch(item, this.timeoutMs);
            this.queue.push({ kind: 'call', item });
        });
    }
    // ---------------------------------------------------------------------------------------- middleware
    prepare(item) {
        const source = runChain(this.sourceMiddleware, item.event, undefined, this.chainDeps('source middleware'));
        if (source instanceof Promise)
            return source.then((event) => this.toDestination(event));
        return this.toDestination(source);
    }
    toDestination(event) {
        if (!event)
            return { event: null, forAmplitude: null };
        if (!isAmplitudeEnabled(isPlainObject(event.integrations) ? event.integrations : {}))
            return { event, forAmplitude: null };
        const forAmplitude = this.destinationMiddleware.length
            ? runChain(this.destinationMiddleware, cloneEvent(event), 'Amplitude', this.chainDeps('destination middleware'))
            : // Middleware may have put unsafe values on the event; translation needs a JSON-safe copy anyway (P9).
                this.sourceMiddleware.length
                    ? cloneEvent(event)
                    : event;
        if (forAmplitude instanceof Promise)
            return forAmplitude.then((a) => ({ event, forAmplitude: a }));
        return { event, forAmplitude };
    }
    chainDeps(call) {
        return { clock: this.env.clock, warn: (message, dropped) => this.logger.problem(call, message, dropped) };
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
            this.logger.problem('analytics.addDestinationMiddleware()', `only the "Amplitude" destination exists here; "${safeString(name)}" was ignored`, false);
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
            clock: this.env.clock,
            navigate: (href) => {
                window.location.href = href;
            },
            warn: (call, message) => this.logger.problem(call, message, true),
        };
    }
    // ------------------------------------------------------------------------------------ page exit
    /**
     * The page is being left or hidden. Everything the SDK is ready for is handed over now, and the
     * browser takes what it can (beacon); the journal keeps the rest for the next page.
     */
    onPageExit() {
        if (!this.loadCalled || !this.outbox || !this.journal)
            return;
        if (this.queue.started)
            this.queue.drain();
        this.outbox.exit();
        this.journal.pageLeft();
    }
    onPageShown() {
        var _a;
        (_a = this.journal) === null || _a === void 0 ? void 0 : _a.pageShown();
        // Another tab may have changed the visitor's IDs while this one was hidden.
        this.userStore.invalidate();
        this.groupStore.invalidate();
    }
    /** The browser is back online: send what waited. */
    onOnline() {
        var _a;
        (_a = this.outbox) === null || _a === void 0 ? void 0 : _a.flush();
    }
    /** Another tab changed storage: re-read identity on next use. */
    onStorageChanged() {
        this.userStore.invalidate();
        this.groupStore.invalidate();
    }
    restoreCall(call) {
        const timestamp = new Date(call.event.timestamp);
        if (Number.isNaN(timestamp.getTime()) || !isPlainObject(call.event.context))
            return;
        const event = Object.assign(Object.assign({}, call.event), { timestamp });
        const item = {
            event,
            deviceId: typeof call.deviceId === 'string' ? call.deviceId : null,
            referrer: typeof call.referrer === 'string' ? call.referrer : '',
            ctx: new Context(event),
            finish: () => undefined,
        };
        this.queue.push({ kind: 'call', item });
    }
}
function toJournaled(item) {
    return { event: item.event, deviceId: item.deviceId, referrer: item.referrer };
}
/**
 * Amplitude's own copy: destination middleware may edit it without touching the event the caller's ctx
 * holds, and values middleware added (cyclic, BigInt, ...) are made safe for the wire (P9).
 */
function cloneEvent(event) {
    const { value } = sanitizeProperties(event);
    return Object.assign(Object.assign({}, value), { timestamp: event.timestamp });
}
/** String(x) that cannot throw (hostile toString, revoked Proxy, symbols). */
function safeString(value) {
    try {
        return String(value);
    }
    catch (_a) {
        return '[unprintable]';
    }
}

export { AnalyticsCore, safeString };
