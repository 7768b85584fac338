import { Context } from './context.js';
import { VERSION } from './version.js';

/** Members the snippet stubs, in the order analytics-next's snippet lists them (plus the rest of the API). */
const DEPRECATED_WARN_ONLY = [
    'log',
    'addIntegrationMiddleware',
    'listeners',
    'addEventListener',
    'removeAllListeners',
    'removeListener',
    'removeEventListener',
    'hasListeners',
    'add',
    'addIntegration',
];
function attachPublicApi(core, target) {
    const call = (name) => `analytics.${name}()`;
    /** Wraps a member so any internal failure becomes a warning and a harmless return value. */
    const guard = (name, fallback, fn) => function guarded(...args) {
        try {
            return fn(...args);
        }
        catch (error) {
            core.logger.problem(call(name), `failed internally and was ignored: ${String(error)}`, true);
            return fallback();
        }
    };
    const failedCtx = (type) => () => {
        const ctx = new Context({ type });
        ctx.setFailedDelivery({ reason: 'internal error' });
        return Promise.resolve(ctx);
    };
    const self = () => target;
    const members = {
        track: guard('track', failedCtx('track'), (...a) => core.track(...a)),
        page: guard('page', failedCtx('page'), (...a) => core.page(...a)),
        screen: guard('screen', failedCtx('screen'), (...a) => core.screen(...a)),
        identify: guard('identify', failedCtx('identify'), (...a) => core.identify(...a)),
        group: guard('group', failedCtx('group'), (...a) => core.group(...a)),
        alias: guard('alias', failedCtx('alias'), (...a) => core.alias(...a)),
        reset: guard('reset', () => undefined, () => {
            core.reset();
        }),
        ready: guard('ready', () => Promise.resolve([]), (cb) => core.ready(cb)),
        user: guard('user', () => core.userStore, () => core.userStore),
        setAnonymousId: guard('setAnonymousId', () => null, (...a) => a.length === 0 || a[0] === undefined ? core.userStore.anonymousId() : core.userStore.anonymousId(a[0] === null ? null : String(a[0]))),
        on: guard('on', self, (event, fn) => {
            if (typeof event === 'string' && typeof fn === 'function')
                core.emitter.on(event, fn);
            else
                core.logger.problem(call('on'), 'expects (eventName, function)', false);
            return target;
        }),
        once: guard('once', self, (event, fn) => {
            if (typeof event === 'string' && typeof fn === 'function')
                core.emitter.once(event, fn);
            return target;
        }),
        off: guard('off', self, (event, fn) => {
            if (typeof event === 'string' && typeof fn === 'function')
                core.emitter.off(event, fn);
            return target;
        }),
        debug: guard('debug', self, (on) => {
            core.logger.debugEnabled = on !== false;
            return target;
        }),
        timeout: guard('timeout', () => undefined, (ms) => {
            if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)
                core.timeoutMs = ms;
            else
                core.logger.problem(call('timeout'), 'expects a number of milliseconds', false);
        }),
        trackLink: guard('trackLink', () => Promise.resolve(target), (...a) => {
            core.trackLink(call('trackLink'), a);
            return Promise.resolve(target);
        }),
        trackClick: guard('trackClick', () => Promise.resolve(target), (...a) => {
            core.trackLink(call('trackClick'), a);
            return Promise.resolve(target);
        }),
        trackForm: guard('trackForm', () => Promise.resolve(target), (...a) => {
            core.trackForm(call('trackForm'), a);
            return Promise.resolve(target);
        }),
        trackSubmit: guard('trackSubmit', () => Promise.resolve(target), (...a) => {
            core.trackForm(call('trackSubmit'), a);
            return Promise.resolve(target);
        }),
        addSourceMiddleware: guard('addSourceMiddleware', () => Promise.resolve(target), (fn) => {
            core.addSourceMiddleware(fn);
            return Promise.resolve(target);
        }),
        addDestinationMiddleware: guard('addDestinationMiddleware', () => Promise.resolve(target), (name, ...fns) => {
            core.addDestinationMiddleware(name, fns);
            return Promise.resolve(target);
        }),
        pageview: guard('pageview', () => Promise.resolve(target), (url) => {
            core.logger.problem(call('pageview'), 'is deprecated; use analytics.page()', false);
            void core.page({ path: typeof url === 'string' ? url : undefined });
            return Promise.resolve(target);
        }),
        push: guard('push', () => undefined, (entry) => {
            if (!Array.isArray(entry) || typeof entry[0] !== 'string') {
                core.logger.problem(call('push'), 'expects an array whose first item is a method name', false);
                return;
            }
            const [method, ...rest] = entry;
            const member = members[method];
            if (typeof member === 'function' && method !== 'push')
                member(...rest);
            else
                core.logger.problem(call('push'), `unknown method "${method}" was ignored`, false);
        }),
        load: guard('load', () => undefined, (key, options) => {
            core.load(key, options);
        }),
        initialize: guard('initialize', () => Promise.resolve(target), () => {
            core.logger.problem(call('initialize'), 'is deprecated and does nothing', false);
            return Promise.resolve(target);
        }),
        register: guard('register', () => Promise.resolve(new Context({ type: 'register' })), () => {
            core.logger.problem(call('register'), 'analytics.js plugins are not supported; use addSourceMiddleware', false);
            return Promise.resolve(new Context({ type: 'register' }));
        }),
        deregister: guard('deregister', () => Promise.resolve(new Context({ type: 'deregister' })), () => Promise.resolve(new Context({ type: 'deregister' }))),
        use: guard('use', self, (fn) => {
            if (typeof fn === 'function')
                fn(target);
            return target;
        }),
        noConflict: guard('noConflict', self, () => {
            core.logger.problem(call('noConflict'), 'is deprecated and does nothing', false);
            return target;
        }),
        normalize: guard('normalize', () => ({}), (msg) => msg),
        queryString: guard('queryString', () => Promise.resolve([]), () => Promise.resolve([])),
    };
    members.init = members.initialize;
    for (const name of DEPRECATED_WARN_ONLY) {
        members[name] = guard(name, () => undefined, () => {
            core.logger.problem(call(name), 'is deprecated in analytics.js 2.0 and does nothing', false);
        });
    }
    const amplitude = {
        get instance() {
            return core.adapter.client;
        },
        getDeviceId: guard('amplitude.getDeviceId', () => undefined, () => { var _a; return (_a = core.deviceId) !== null && _a !== void 0 ? _a : undefined; }),
        getSessionId: guard('amplitude.getSessionId', () => undefined, () => core.adapter.getSessionId()),
        getDeviceIdSource: guard('amplitude.getDeviceIdSource', () => undefined, () => { var _a; return (_a = core.deviceIdSource) !== null && _a !== void 0 ? _a : undefined; }),
    };
    for (const name of Object.keys(members)) {
        defineValue(target, name, members[name]);
    }
    defineValue(target, 'VERSION', VERSION);
    defineValue(target, 'amplitude', amplitude);
    Object.defineProperty(target, 'initialized', { get: () => core.initialized, configurable: true, enumerable: true });
    Object.defineProperty(target, 'settings', {
        get: () => ({ writeKey: core.writeKey, timeout: core.timeoutMs, amplitude: core.settings }),
        configurable: true,
        enumerable: true,
    });
    Object.defineProperty(target, 'integrations', { get: () => { var _a; return (_a = core.loadOptions.integrations) !== null && _a !== void 0 ? _a : {}; }, configurable: true });
    return target;
}
function defineValue(target, name, value) {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: true });
}

export { attachPublicApi };
