import { Context } from './context.js';
import { VERSION } from './version.js';
import { describe, callPageFunction } from './page-code.js';
import { isPlainObject, sanitizeProperties } from './values.js';

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
            core.logger.problem(call(name), `could not be carried out and was ignored (${describe(error)})`, true);
            return fallback();
        }
    };
    const failedCtx = (type) => () => {
        const ctx = new Context({ type });
        ctx.setFailedDelivery({ reason: 'internal error' });
        return Promise.resolve(ctx);
    };
    const self = () => target;
    /**
     * An id argument: a string, a finite number (as a string) or null. Anything else is refused with a
     * warning and reads as "no argument" (undefined), so the current value is returned unchanged.
     */
    const idArgument = (name, value) => {
        if (value === undefined || value === null)
            return value;
        if (typeof value === 'string')
            return value;
        if (typeof value === 'number' && Number.isFinite(value))
            return String(value);
        core.logger.problem(call(name), `expects a string or null, got ${kind(value)}; the value was ignored`, true);
        return undefined;
    };
    const traitsArgument = (name, value) => {
        if (value === undefined || value === null)
            return value;
        if (!isPlainObject(value)) {
            core.logger.problem(call(name), `expects an object, got ${kind(value)}; the value was ignored`, true);
            return undefined;
        }
        const { value: clean, problems } = sanitizeProperties(value);
        if (problems.length)
            core.logger.problem(call(name), problems.slice(0, 5).join('; '), true);
        return clean;
    };
    /** user() and group(): analytics-next hands out the store itself; these are the same methods, guarded. */
    const entity = (prefix, store, extra) => (Object.assign({ id: guard(`${prefix}.id`, () => null, (...a) => {
            const id = idArgument(`${prefix}.id`, a[0]);
            return a.length === 0 || id === undefined ? store.id() : store.id(id);
        }), traits: guard(`${prefix}.traits`, () => ({}), (...a) => {
            const traits = traitsArgument(`${prefix}.traits`, a[0]);
            return a.length === 0 || traits === undefined ? store.traits() : store.traits(traits);
        }), load: () => undefined, save: () => true }, extra));
    const user = entity('user()', core.userStore, {
        anonymousId: guard('user().anonymousId', () => null, (...a) => {
            const id = idArgument('user().anonymousId', a[0]);
            return a.length === 0 || id === undefined ? core.userStore.anonymousId() : core.userStore.anonymousId(id);
        }),
        logout: guard('user().logout', () => undefined, () => core.userStore.logout()),
        reset: guard('user().reset', () => undefined, () => core.userStore.reset()),
    });
    const group = entity('group()', core.groupStore, {
        anonymousId: () => undefined,
    });
    const members = {
        track: guard('track', failedCtx('track'), (...a) => core.track(...a)),
        page: guard('page', failedCtx('page'), (...a) => core.page(...a)),
        screen: guard('screen', failedCtx('screen'), (...a) => core.screen(...a)),
        identify: guard('identify', failedCtx('identify'), (...a) => core.identify(...a)),
        group: guard('group', failedCtx('group'), (...a) => {
            const result = core.group(...a);
            return result instanceof Promise ? result : group;
        }),
        alias: guard('alias', failedCtx('alias'), (...a) => core.alias(...a)),
        reset: guard('reset', () => undefined, () => {
            core.reset();
        }),
        ready: guard('ready', () => Promise.resolve([]), (cb) => core.ready(cb)),
        user: guard('user', () => user, () => user),
        setAnonymousId: guard('setAnonymousId', () => null, (...a) => {
            const id = idArgument('setAnonymousId', a[0]);
            return id === undefined ? core.userStore.anonymousId() : core.userStore.anonymousId(id);
        }),
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
            let method;
            let rest = [];
            try {
                if (isArray(entry)) {
                    method = entry[0];
                    rest = entry.slice(1);
                }
            }
            catch (_a) {
                method = undefined;
            }
            if (typeof method !== 'string') {
                core.logger.problem(call('push'), 'expects an array whose first item is a method name', false);
                return;
            }
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
                callPageFunction(fn, undefined, [target], (error) => core.logger.problem(call('use'), `the function failed: ${describe(error)}`, false));
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
/** Array.isArray, which throws for a revoked Proxy. */
function isArray(value) {
    try {
        return Array.isArray(value);
    }
    catch (_a) {
        return false;
    }
}
function kind(value) {
    if (value === null)
        return 'null';
    try {
        if (Array.isArray(value))
            return 'an array';
    }
    catch (_a) {
        return 'a revoked Proxy';
    }
    return `a ${typeof value}`;
}
function defineValue(target, name, value) {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: true });
}

export { attachPublicApi };
