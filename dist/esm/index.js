import { i as isPlainObject, a as attempt, p as parseCookieHeader, v as v2CookieName, d as decodeV2Identity, s as stringField, b as parseStoredValue, c as isNonEmptyString, w as withErrorTexts, t as truncateStrings, e as isUnsafeKey, r as readKey, f as sanitizeProperties, g as copyReplacing } from './stored-value.js';

function _mergeNamespaces(n, m) {
    m.forEach(function (e) {
        e && typeof e !== 'string' && !Array.isArray(e) && Object.keys(e).forEach(function (k) {
            if (k !== 'default' && !(k in n)) {
                var d = Object.getOwnPropertyDescriptor(e, k);
                Object.defineProperty(n, k, d.get ? d : {
                    enumerable: true,
                    get: function () { return e[k]; }
                });
            }
        });
    });
    return Object.freeze(n);
}

/**
 * How both destinations read their entry in `integrations`: absent, null, true or false (the destination turned
 * off, which leaves its settings as they are) is the defaults; anything but an object warns and is the defaults;
 * each key is read on its own, so one bad setting never disables the shim. Pure.
 */
/** Reads `input` key by key into `settings` (whose defaults it already holds); returns the warnings. */
function readSettingsEntry(input, settings, entry) {
    const warnings = [];
    if (input === undefined || input === null || typeof input === 'boolean')
        return warnings;
    if (!isPlainObject(input)) {
        warnings.push(`${entry.name} must be an object of settings; using the defaults`);
        return warnings;
    }
    for (const key of Object.keys(input)) {
        const value = input[key];
        if (key === 'consentSettings') {
            const categories = isPlainObject(value) ? value.categories : undefined;
            if (Array.isArray(categories) && categories.every((c) => typeof c === 'string'))
                settings.consentCategories = categories.slice();
            else
                warnings.push(`setting "consentSettings" must be {categories: string[]}${entry.badConsentNote}`);
        }
        else if (!entry.read(key, value, warnings) && !entry.ignored.includes(key)) {
            warnings.push(`unknown setting "${key}" is ignored`);
        }
    }
    return warnings;
}

const DEFAULT_SETTINGS$1 = Object.freeze({
    trackAllPages: false,
    trackNamedPages: true,
    trackCategorizedPages: true,
    trackUtmProperties: true,
    trackReferrer: true,
    useAmplitudeReferral: false,
    batchEvents: false,
    eventUploadThreshold: 30,
    eventUploadPeriodMillis: 30000,
    useLogRevenueV2: true,
    forceHttps: false,
    trackGclid: false,
    saveParamsReferrerOncePerSession: true,
    unsetParamsReferrerOnNewSession: false,
    deviceIdFromUrlParam: false,
    preferAnonymousIdForDeviceId: false,
    mapQueryParams: {},
    trackRevenuePerProduct: false,
    trackProductsOnce: false,
    traitsToIncrement: [],
    traitsToSetOnce: [],
    appendFieldsToEventProps: {},
    versionName: '',
    groupTypeTrait: '',
    groupValueTrait: '',
    consentCategories: [],
    honorGlobalPrivacyControl: false,
});
/** Catalog settings that Segment accepted but that never changed web device-mode behaviour. */
const IGNORED_SETTINGS = [
    'apiKey',
    'enableLocationListening',
    'endpoint',
    'secretKey',
    'sendAlias',
    'sendToBatchEndpoint',
    'trackAllPagesV2',
    'trackSessionEvents',
    'traitsToAppend',
    'traitsToPrepend',
    'useAdvertisingIdForDeviceId',
    'useCustomAmplitudeProperties',
];
/**
 * Accepts whatever a page put in `integrations.Amplitude` and returns complete settings.
 * A value of the wrong type falls back to the default with a warning, so one typo never disables the shim.
 */
function normalizeSettings(input) {
    // A fresh copy: its lists and maps are the page's own.
    const settings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS$1));
    const warnings = readSettingsEntry(input, settings, {
        name: 'integrations.Amplitude',
        ignored: IGNORED_SETTINGS,
        badConsentNote: '; Amplitude is then mapped to no category',
        read(key, value, warnings) {
            if (key === 'consentCategories' || !(key in DEFAULT_SETTINGS$1))
                return false;
            const coerced = coerceSetting(DEFAULT_SETTINGS$1[key], value);
            if (coerced === undefined)
                warnings.push(`setting "${key}" has the wrong type (${describe$2(value)}); using the default`);
            else
                settings[key] = coerced;
            return true;
        },
    });
    return { settings, warnings };
}
function coerceSetting(expected, value) {
    if (typeof expected === 'boolean')
        return typeof value === 'boolean' ? value : undefined;
    if (typeof expected === 'number') {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
    }
    if (typeof expected === 'string')
        return typeof value === 'string' ? value : undefined;
    if (Array.isArray(expected)) {
        if (!Array.isArray(value))
            return undefined;
        return value.filter((v) => typeof v === 'string');
    }
    if (isPlainObject(expected)) {
        // Segment's UI stores maps either as objects or as [{key, value}] pairs.
        const entries = Array.isArray(value)
            ? value.filter(isPlainObject).map((pair) => [pair.key, pair.value])
            : isPlainObject(value)
                ? Object.entries(value)
                : undefined;
        if (!entries)
            return undefined;
        const out = {};
        for (const [k, v] of entries)
            if (typeof k === 'string' && typeof v === 'string')
                out[k] = v;
        return out;
    }
    return undefined;
}
function describe$2(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}

var IdentifyOperation$1;
(function (IdentifyOperation) {
    // Base Operations to set values
    IdentifyOperation["SET"] = "$set";
    IdentifyOperation["SET_ONCE"] = "$setOnce";
    // Operations around modifying existing values
    IdentifyOperation["ADD"] = "$add";
    IdentifyOperation["APPEND"] = "$append";
    IdentifyOperation["PREPEND"] = "$prepend";
    IdentifyOperation["REMOVE"] = "$remove";
    // Operations around appending values *if* they aren't present
    IdentifyOperation["PREINSERT"] = "$preInsert";
    IdentifyOperation["POSTINSERT"] = "$postInsert";
    // Operations around removing properties/values
    IdentifyOperation["UNSET"] = "$unset";
    IdentifyOperation["CLEAR_ALL"] = "$clearAll";
})(IdentifyOperation$1 || (IdentifyOperation$1 = {}));
/**
 * Strings that have special meaning when used as an event's type
 * and have different specifications.
 */
var SpecialEventType;
(function (SpecialEventType) {
    SpecialEventType["IDENTIFY"] = "$identify";
    SpecialEventType["GROUP_IDENTIFY"] = "$groupidentify";
    SpecialEventType["REVENUE"] = "revenue_amount";
})(SpecialEventType || (SpecialEventType = {}));

var UNSET_VALUE = '-';
var AMPLITUDE_PREFIX = 'AMP';
var DEFAULT_INSTANCE_NAME = '$default_instance';
var AMPLITUDE_SERVER_URL = 'https://api2.amplitude.com/2/httpapi';
var EU_AMPLITUDE_SERVER_URL = 'https://api.eu.amplitude.com/2/httpapi';
var AMPLITUDE_BATCH_SERVER_URL = 'https://api2.amplitude.com/batch';
var EU_AMPLITUDE_BATCH_SERVER_URL = 'https://api.eu.amplitude.com/batch';

const MAX_PROPERTY_KEYS = 1000;
const isValidObject = (properties) => {
    if (Object.keys(properties).length > MAX_PROPERTY_KEYS) {
        return false;
    }
    for (const key in properties) {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
        const value = properties[key];
        if (!isValidProperties(key, value))
            return false;
    }
    return true;
};
const isValidProperties = (property, value) => {
    if (typeof property !== 'string')
        return false;
    if (Array.isArray(value)) {
        let isValid = true;
        for (const valueElement of value) {
            if (Array.isArray(valueElement)) {
                return false;
            }
            else if (typeof valueElement === 'object') {
                isValid = isValid && isValidObject(valueElement);
            }
            else if (!['number', 'string'].includes(typeof valueElement)) {
                return false;
            }
            if (!isValid) {
                return false;
            }
        }
    }
    else if (value === null || value === undefined) {
        return false;
    }
    else if (typeof value === 'object') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
        return isValidObject(value);
    }
    else if (!['number', 'string', 'boolean'].includes(typeof value)) {
        return false;
    }
    return true;
};

class Identify {
    constructor() {
        this._propertySet = new Set();
        this._properties = {};
    }
    getUserProperties() {
        return Object.assign({}, this._properties);
    }
    set(property, value) {
        this._safeSet(IdentifyOperation.SET, property, value);
        return this;
    }
    setOnce(property, value) {
        this._safeSet(IdentifyOperation.SET_ONCE, property, value);
        return this;
    }
    append(property, value) {
        this._safeSet(IdentifyOperation.APPEND, property, value);
        return this;
    }
    prepend(property, value) {
        this._safeSet(IdentifyOperation.PREPEND, property, value);
        return this;
    }
    postInsert(property, value) {
        this._safeSet(IdentifyOperation.POSTINSERT, property, value);
        return this;
    }
    preInsert(property, value) {
        this._safeSet(IdentifyOperation.PREINSERT, property, value);
        return this;
    }
    remove(property, value) {
        this._safeSet(IdentifyOperation.REMOVE, property, value);
        return this;
    }
    add(property, value) {
        this._safeSet(IdentifyOperation.ADD, property, value);
        return this;
    }
    unset(property) {
        this._safeSet(IdentifyOperation.UNSET, property, UNSET_VALUE);
        return this;
    }
    clearAll() {
        // When clear all happens, all properties are unset. Reset the entire object.
        this._properties = {};
        this._properties[IdentifyOperation.CLEAR_ALL] = UNSET_VALUE;
        return this;
    }
    // Returns whether or not this set actually worked.
    _safeSet(operation, property, value) {
        if (this._validate(operation, property, value)) {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
            let userPropertyMap = this._properties[operation];
            if (userPropertyMap === undefined) {
                userPropertyMap = {};
                // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
                this._properties[operation] = userPropertyMap;
            }
            // eslint-disable-next-line @typescript-eslint/no-unsafe-member-access
            userPropertyMap[property] = value;
            this._propertySet.add(property);
            return true;
        }
        return false;
    }
    _validate(operation, property, value) {
        if (this._properties[IdentifyOperation.CLEAR_ALL] !== undefined) {
            // clear all already set. Skipping operation;
            return false;
        }
        if (this._propertySet.has(property)) {
            // Property already used. Skipping operation
            return false;
        }
        if (operation === IdentifyOperation.ADD) {
            return typeof value === 'number';
        }
        if (operation !== IdentifyOperation.UNSET && operation !== IdentifyOperation.REMOVE) {
            return isValidProperties(property, value);
        }
        return true;
    }
}
var IdentifyOperation;
(function (IdentifyOperation) {
    // Base Operations to set values
    IdentifyOperation["SET"] = "$set";
    IdentifyOperation["SET_ONCE"] = "$setOnce";
    // Operations around modifying existing values
    IdentifyOperation["ADD"] = "$add";
    IdentifyOperation["APPEND"] = "$append";
    IdentifyOperation["PREPEND"] = "$prepend";
    IdentifyOperation["REMOVE"] = "$remove";
    // Operations around appending values *if* they aren't present
    IdentifyOperation["PREINSERT"] = "$preInsert";
    IdentifyOperation["POSTINSERT"] = "$postInsert";
    // Operations around removing properties/values
    IdentifyOperation["UNSET"] = "$unset";
    IdentifyOperation["CLEAR_ALL"] = "$clearAll";
})(IdentifyOperation || (IdentifyOperation = {}));
/**
 * Note that the order of operations should align with https://github.com/amplitude/nova/blob/7701b5986b565d4b2fb53b99a9f2175df055dea8/src/main/java/com/amplitude/ingestion/core/UserPropertyUtils.java#L210
 */
const OrderedIdentifyOperations = [
    IdentifyOperation.CLEAR_ALL,
    IdentifyOperation.UNSET,
    IdentifyOperation.SET,
    IdentifyOperation.SET_ONCE,
    IdentifyOperation.ADD,
    IdentifyOperation.APPEND,
    IdentifyOperation.PREPEND,
    IdentifyOperation.PREINSERT,
    IdentifyOperation.POSTINSERT,
    IdentifyOperation.REMOVE,
];

var OPT_OUT_MESSAGE = 'Event skipped due to optOut config';
var EMPTY_EVENT_TYPE_MESSAGE = 'Event skipped due to empty event type';
var CLIENT_NOT_INITIALIZED = 'Client not initialized';

/** The status of an event. */
var Status;
(function (Status) {
    /** The status could not be determined. */
    Status["Unknown"] = "unknown";
    /** The event was skipped due to configuration or callbacks. */
    Status["Skipped"] = "skipped";
    /** The event was sent successfully. */
    Status["Success"] = "success";
    /** A user or device in the payload is currently rate limited and should try again later. */
    Status["RateLimit"] = "rate_limit";
    /** The sent payload was too large to be processed. */
    Status["PayloadTooLarge"] = "payload_too_large";
    /** The event could not be processed. */
    Status["Invalid"] = "invalid";
    /** A server-side error ocurred during submission. */
    Status["Failed"] = "failed";
    /** a server or client side error occuring when a request takes too long and is cancelled */
    Status["Timeout"] = "Timeout";
    /** NodeJS runtime environment error.. E.g. disconnected from network */
    Status["SystemError"] = "SystemError";
})(Status || (Status = {}));

const buildResult = (event, code = 0, message = Status.Unknown) => {
    return { event, code, message };
};

/* eslint-disable no-restricted-globals */
/* Only file allowed to access to globalThis, window, self */
const getGlobalScope = () => {
    // This should only be used for integrations with Amplitude that are not running in a browser environment
    //   We need to specify the name of the global variable as a string to prevent it from being minified
    const ampIntegrationContextName = 'ampIntegrationContext';
    if (typeof globalThis !== 'undefined' && typeof globalThis[ampIntegrationContextName] !== 'undefined') {
        return globalThis[ampIntegrationContextName];
    }
    if (typeof globalThis !== 'undefined') {
        return globalThis;
    }
    if (typeof window !== 'undefined') {
        return window;
    }
    if (typeof self !== 'undefined') {
        return self;
    }
    if (typeof global !== 'undefined') {
        return global;
    }
    return undefined;
};

/**
 * Source: [jed's gist's comment]{@link https://gist.github.com/jed/982883?permalink_comment_id=3223002#gistcomment-3223002}.
 * Returns a random v4 UUID of the form xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx,
 * where each x is replaced with a random hexadecimal digit from 0 to f, and
 * y is replaced with a random hexadecimal digit from 8 to b.
 * Used to generate UUIDs for deviceIds.
 * @private
 */
const legacyUUID = function (a) {
    return a // if the placeholder was passed, return
        ? // a random number from 0 to 15
            (a ^ // unless b is 8,
                ((Math.random() * // in which case
                    16) >> // a random number from
                    (a / 4))) // 8 to 11
                .toString(16) // in hexadecimal
        : // or otherwise a concatenated string:
            (String(1e7) + // 10000000 +
                String(-1e3) + // -1000 +
                String(-4e3) + // -4000 +
                String(-8e3) + // -80000000 +
                String(-1e11)) // -100000000000,
                .replace(
            // replacing
            /[018]/g, // zeroes, ones, and eights with
            UUID);
};
const hex = [...Array(256).keys()].map((index) => index.toString(16).padStart(2, '0'));
const UUID = (a) => {
    var _a;
    const globalScope = getGlobalScope();
    /* istanbul ignore next */
    if (!((_a = globalScope === null || globalScope === void 0 ? void 0 : globalScope.crypto) === null || _a === void 0 ? void 0 : _a.getRandomValues)) {
        // Fallback to legacy UUID generation if crypto is not available
        return legacyUUID(a);
    }
    const r = globalScope.crypto.getRandomValues(new Uint8Array(16));
    r[6] = (r[6] & 0x0f) | 0x40;
    r[8] = (r[8] & 0x3f) | 0x80;
    return [...r.entries()].map(([index, int]) => ([4, 6, 8, 10].includes(index) ? `-${hex[int]}` : hex[int])).join('');
};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var safeJsonStringify$1 = {exports: {}};

var hasRequiredSafeJsonStringify;

function requireSafeJsonStringify () {
	if (hasRequiredSafeJsonStringify) return safeJsonStringify$1.exports;
	hasRequiredSafeJsonStringify = 1;
	var hasProp = Object.prototype.hasOwnProperty;

	function throwsMessage(err) {
		return '[Throws: ' + (err ? err.message : '?') + ']';
	}

	function safeGetValueFromPropertyOnObject(obj, property) {
		if (hasProp.call(obj, property)) {
			try {
				return obj[property];
			}
			catch (err) {
				return throwsMessage(err);
			}
		}

		return obj[property];
	}

	function ensureProperties(obj) {
		var seen = [ ]; // store references to objects we have seen before

		function visit(obj) {
			if (obj === null || typeof obj !== 'object') {
				return obj;
			}

			if (seen.indexOf(obj) !== -1) {
				return '[Circular]';
			}
			seen.push(obj);

			if (typeof obj.toJSON === 'function') {
				try {
					var fResult = visit(obj.toJSON());
					seen.pop();
					return fResult;
				} catch(err) {
					return throwsMessage(err);
				}
			}

			if (Array.isArray(obj)) {
				var aResult = obj.map(visit);
				seen.pop();
				return aResult;
			}

			var result = Object.keys(obj).reduce(function(result, prop) {
				// prevent faulty defined getter properties
				result[prop] = visit(safeGetValueFromPropertyOnObject(obj, prop));
				return result;
			}, {});
			seen.pop();
			return result;
		}
		return visit(obj);
	}

	safeJsonStringify$1.exports = function(data, replacer, space) {
		return JSON.stringify(ensureProperties(data), replacer, space);
	};

	safeJsonStringify$1.exports.ensureProperties = ensureProperties;
	return safeJsonStringify$1.exports;
}

var safeJsonStringifyExports = requireSafeJsonStringify();
var index = /*@__PURE__*/getDefaultExportFromCjs(safeJsonStringifyExports);

var safeJsonStringifyModule = /*#__PURE__*/_mergeNamespaces({
    __proto__: null,
    default: index
}, [safeJsonStringifyExports]);

/* eslint-disable @typescript-eslint/no-unsafe-assignment */
/* eslint-disable @typescript-eslint/no-unsafe-member-access */
/* istanbul ignore next */
var safeJsonStringify = index || safeJsonStringifyModule;

class Timeline {
    constructor(client) {
        this.client = client;
        this.queue = [];
        // Flag to guarantee one schedule apply is running
        this.applying = false;
        this.plugins = [];
        // Locks plugin names synchronously before `await plugin.setup?.()` so a concurrent
        // register() with the same name bails. plugins[] only contains fully-installed plugins,
        // so this map is the only source of truth for in-flight installs. Cleared per-name by
        // deregister() and en masse by reset().
        this.pluginStatus = new Map();
        this._optOutListeners = [];
    }
    async register(plugin, config) {
        var _a, _b;
        if (plugin.name === undefined) {
            plugin.name = UUID();
            this.loggerProvider.warn(`Plugin name is undefined.
      Generating a random UUID for plugin name: ${plugin.name}.
      Set a name for the plugin to prevent it from being added multiple times.`);
        }
        const name = plugin.name;
        if (this.pluginStatus.has(name)) {
            this.loggerProvider.warn(`Plugin with name ${name} already exists, skipping registration`);
            return;
        }
        plugin.type = (_a = plugin.type) !== null && _a !== void 0 ? _a : 'enrichment';
        // Lock the name synchronously to close the TOCTOU window across `await setup`.
        // If setup throws, the entry stays as 'locked' and blocks future re-registration —
        // a same-named plugin would just fail again, so retry isn't useful.
        this.pluginStatus.set(name, 'locked');
        await ((_b = plugin.setup) === null || _b === void 0 ? void 0 : _b.call(plugin, config, this.client));
        // reset() may have cleared the status map while setup was awaiting.
        if (this.pluginStatus.get(name) !== 'locked') {
            return;
        }
        this.plugins.push(plugin);
        this.pluginStatus.set(name, 'installed');
    }
    async deregister(pluginName, config) {
        var _a;
        // Clear the status first so a name stuck in 'locked' (mid-install, or setup() threw)
        // can be unlocked via deregister(). Map.delete is a no-op if the key is missing.
        this.pluginStatus.delete(pluginName);
        const index = this.plugins.findIndex((plugin) => plugin.name === pluginName);
        if (index === -1) {
            config.loggerProvider.warn(`Plugin with name ${pluginName} does not exist, skipping deregistration`);
            return;
        }
        const plugin = this.plugins[index];
        this.plugins.splice(index, 1);
        await ((_a = plugin.teardown) === null || _a === void 0 ? void 0 : _a.call(plugin));
    }
    reset(client) {
        this._clearOptOutListeners();
        this.applying = false;
        const plugins = this.plugins;
        plugins.map((plugin) => { var _a; return (_a = plugin.teardown) === null || _a === void 0 ? void 0 : _a.call(plugin); });
        this.plugins = [];
        this.pluginStatus.clear();
        this.client = client;
    }
    push(event) {
        return new Promise((resolve) => {
            this.queue.push([event, resolve]);
            this.scheduleApply(0);
        });
    }
    scheduleApply(timeout) {
        if (this.applying)
            return;
        this.applying = true;
        setTimeout(() => {
            void this.apply(this.queue.shift()).then(() => {
                this.applying = false;
                if (this.queue.length > 0) {
                    this.scheduleApply(0);
                }
            });
        }, timeout);
    }
    async apply(item) {
        if (!item) {
            return;
        }
        let [event] = item;
        const [, resolve] = item;
        // Log initial event
        this.loggerProvider.log('Timeline.apply: Initial event', event);
        const before = this.plugins.filter((plugin) => plugin.type === 'before');
        for (const plugin of before) {
            /* istanbul ignore if */
            if (!plugin.execute) {
                // do nothing
                continue;
            }
            const e = await plugin.execute(Object.assign({}, event));
            if (e === null) {
                this.loggerProvider.log(`Timeline.apply: Event filtered out by before plugin '${String(plugin.name)}', event: ${safeJsonStringify(event)}`);
                resolve({ event, code: 0, message: '' });
                return;
            }
            else {
                event = e;
                this.loggerProvider.log(`Timeline.apply: Event after before plugin '${String(plugin.name)}', event: ${safeJsonStringify(event)}`);
            }
        }
        const enrichment = this.plugins.filter((plugin) => plugin.type === 'enrichment' || plugin.type === undefined);
        for (const plugin of enrichment) {
            /* istanbul ignore if */
            if (!plugin.execute) {
                // do nothing
                continue;
            }
            const e = await plugin.execute(Object.assign({}, event));
            if (e === null) {
                this.loggerProvider.log(`Timeline.apply: Event filtered out by enrichment plugin '${String(plugin.name)}', event: ${safeJsonStringify(event)}`);
                resolve({ event, code: 0, message: '' });
                return;
            }
            else {
                event = e;
                this.loggerProvider.log(`Timeline.apply: Event after enrichment plugin '${String(plugin.name)}', event: ${safeJsonStringify(event)}`);
            }
        }
        const destination = this.plugins.filter((plugin) => plugin.type === 'destination');
        // Log final event before sending to destinations
        this.loggerProvider.log(`Timeline.apply: Final event before destinations, event: ${safeJsonStringify(event)}`);
        const executeDestinations = destination.map((plugin) => {
            const eventClone = Object.assign({}, event);
            return plugin.execute(eventClone).catch((e) => buildResult(eventClone, 0, String(e)));
        });
        void Promise.all(executeDestinations).then(([result]) => {
            const resolveResult = result || buildResult(event, 100, 'Event not tracked, no destination plugins on the instance');
            resolve(resolveResult);
        });
        return;
    }
    async flush() {
        const queue = this.queue;
        this.queue = [];
        await Promise.all(queue.map((item) => this.apply(item)));
        const destination = this.plugins.filter((plugin) => plugin.type === 'destination');
        const executeDestinations = destination.map((plugin) => {
            return plugin.flush && plugin.flush();
        });
        await Promise.all(executeDestinations);
    }
    addOptOutListener(cb) {
        this._optOutListeners.push(cb);
    }
    _clearOptOutListeners() {
        this._optOutListeners = [];
    }
    onIdentityChanged(identity) {
        this.plugins.forEach((plugin) => {
            var _a;
            // Intentionally to not await plugin.onIdentityChanged() for non-blocking.
            // Ignore optional channing next line for test coverage.
            // If the plugin doesn't implement it, it won't be called.
            /* istanbul ignore next */
            void ((_a = plugin.onIdentityChanged) === null || _a === void 0 ? void 0 : _a.call(plugin, identity));
        });
    }
    onSessionIdChanged(sessionId) {
        this.plugins.forEach((plugin) => {
            var _a;
            // Intentionally to not await plugin.onSessionIdChanged() for non-blocking.
            // Ignore optional channing next line for test coverage.
            // If the plugin doesn't implement it, it won't be called.
            /* istanbul ignore next */
            void ((_a = plugin.onSessionIdChanged) === null || _a === void 0 ? void 0 : _a.call(plugin, sessionId));
        });
    }
    onOptOutChanged(optOut) {
        this.plugins.forEach((plugin) => {
            var _a;
            // Intentionally to not await plugin.onOptOutChanged() for non-blocking.
            // Ignore optional channing next line for test coverage.
            // If the plugin doesn't implement it, it won't be called.
            /* istanbul ignore next */
            void ((_a = plugin.onOptOutChanged) === null || _a === void 0 ? void 0 : _a.call(plugin, optOut));
        });
        void this._callOptOutListeners(optOut);
    }
    async _callOptOutListeners(optOut) {
        for (const listener of this._optOutListeners) {
            try {
                await listener(optOut);
            }
            catch (e) {
                /* istanbul ignore next */
                this.loggerProvider.error('Error calling optOut listener', e);
            }
        }
    }
    onReset() {
        this.plugins.forEach((plugin) => {
            var _a;
            // Intentionally to not await plugin.onReset() for non-blocking.
            // Ignore optional channing next line for test coverage.
            // If the plugin doesn't implement it, it won't be called.
            /* istanbul ignore next */
            void ((_a = plugin.onReset) === null || _a === void 0 ? void 0 : _a.call(plugin));
        });
    }
}

const createTrackEvent = (eventInput, eventProperties, eventOptions) => {
    const baseEvent = typeof eventInput === 'string' ? { event_type: eventInput } : eventInput;
    return Object.assign(Object.assign(Object.assign({}, baseEvent), eventOptions), (eventProperties && { event_properties: eventProperties }));
};
const createIdentifyEvent = (identify, eventOptions) => {
    const identifyEvent = Object.assign(Object.assign({}, eventOptions), { event_type: SpecialEventType.IDENTIFY, user_properties: identify.getUserProperties() });
    return identifyEvent;
};
const createGroupIdentifyEvent = (groupType, groupName, identify, eventOptions) => {
    const groupIdentify = Object.assign(Object.assign({}, eventOptions), { event_type: SpecialEventType.GROUP_IDENTIFY, group_properties: identify.getUserProperties(), groups: {
            [groupType]: groupName,
        } });
    return groupIdentify;
};
const createGroupEvent = (groupType, groupName, eventOptions) => {
    const identify = new Identify();
    identify.set(groupType, groupName);
    const groupEvent = Object.assign(Object.assign({}, eventOptions), { event_type: SpecialEventType.IDENTIFY, user_properties: identify.getUserProperties(), groups: {
            [groupType]: groupName,
        } });
    return groupEvent;
};
const createRevenueEvent = (revenue, eventOptions) => {
    return Object.assign(Object.assign({}, eventOptions), { event_type: SpecialEventType.REVENUE, event_properties: revenue.getEventProperties() });
};

const returnWrapper = (awaitable) => ({
    promise: awaitable || Promise.resolve(),
});

class AmplitudeCore {
    constructor(name = '$default') {
        this.initializing = false;
        this.isReady = false;
        this.q = [];
        this.dispatchQ = [];
        this.logEvent = this.track.bind(this);
        this.timeline = new Timeline(this);
        this.name = name;
    }
    async _init(config) {
        this.config = config;
        this.timeline.reset(this);
        this.timeline.loggerProvider = this.config.loggerProvider;
        await this.runQueuedFunctions('q', () => (this.isReady = true));
    }
    async runQueuedFunctions(queueName, onQueueEmpty) {
        const queuedFunctions = this[queueName];
        this[queueName] = [];
        for (const queuedFunction of queuedFunctions) {
            // eslint-disable-next-line @typescript-eslint/ban-ts-comment
            // @ts-ignore
            // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
            const val = queuedFunction();
            if (val && 'promise' in val) {
                await val.promise;
            }
            else {
                await val;
            }
        }
        // Rerun queued functions if the queue has accrued more while awaiting promises
        if (this[queueName].length) {
            await this.runQueuedFunctions(queueName, onQueueEmpty);
        }
        else {
            onQueueEmpty === null || onQueueEmpty === void 0 ? void 0 : onQueueEmpty();
        }
    }
    track(eventInput, eventProperties, eventOptions) {
        const event = createTrackEvent(eventInput, eventProperties, eventOptions);
        // Update client user properties immediately and synchronously
        this.userProperties = this.getOperationAppliedUserProperties(event.user_properties);
        return returnWrapper(this.dispatch(event));
    }
    identify(identify, eventOptions) {
        const event = createIdentifyEvent(identify, eventOptions);
        // Update client user properties immediately and synchronously
        this.userProperties = this.getOperationAppliedUserProperties(event.user_properties);
        return returnWrapper(this.dispatch(event));
    }
    groupIdentify(groupType, groupName, identify, eventOptions) {
        const event = createGroupIdentifyEvent(groupType, groupName, identify, eventOptions);
        return returnWrapper(this.dispatch(event));
    }
    setGroup(groupType, groupName, eventOptions) {
        const event = createGroupEvent(groupType, groupName, eventOptions);
        // Update client user properties immediately and synchronously
        this.userProperties = this.getOperationAppliedUserProperties(event.user_properties);
        return returnWrapper(this.dispatch(event));
    }
    revenue(revenue, eventOptions) {
        const event = createRevenueEvent(revenue, eventOptions);
        return returnWrapper(this.dispatch(event));
    }
    add(plugin) {
        if (!this.isReady) {
            this.q.push(this._addPlugin.bind(this, plugin));
            return returnWrapper();
        }
        return this._addPlugin(plugin);
    }
    _addPlugin(plugin) {
        return returnWrapper(this.timeline.register(plugin, this.config));
    }
    remove(pluginName) {
        if (!this.isReady) {
            this.q.push(this._removePlugin.bind(this, pluginName));
            return returnWrapper();
        }
        return this._removePlugin(pluginName);
    }
    _removePlugin(pluginName) {
        return returnWrapper(this.timeline.deregister(pluginName, this.config));
    }
    dispatchWithCallback(event, callback) {
        if (!this.isReady) {
            return callback(buildResult(event, 0, CLIENT_NOT_INITIALIZED));
        }
        void this.process(event).then(callback);
    }
    async dispatch(event) {
        if (!this.isReady) {
            return new Promise((resolve) => {
                this.dispatchQ.push(this.dispatchWithCallback.bind(this, event, resolve));
            });
        }
        return this.process(event);
    }
    /**
     *
     * This method applies identify operations to user properties and
     * returns a single object representing the final user property state.
     *
     * This is a best-effort api that only supports $set, $clearAll, and $unset.
     * Other operations are not supported and are ignored.
     *
     * Operations are applied on top of current client state (this.userProperties).
     *
     * @param userProperties The new user properties object from identify() or setIdentity().
     * @returns A key-value object user properties without operations.
     *
     * @example
     * Input:
     * {
     *   $set: { plan: 'premium' },
     *   custom_flag: true
     * }
     *
     * Output:
     * {
     *   plan: 'premium',
     *   custom_flag: true
     * }
     */
    getOperationAppliedUserProperties(userProperties) {
        var _a;
        const base = (_a = this.userProperties) !== null && _a !== void 0 ? _a : {};
        const updatedProperties = Object.assign({}, base);
        if (userProperties === undefined) {
            return updatedProperties;
        }
        // Keep non-operation keys for later merge
        const nonOpProperties = {};
        Object.keys(userProperties).forEach((key) => {
            if (!Object.values(IdentifyOperation$1).includes(key)) {
                // eslint-disable-next-line @typescript-eslint/ban-ts-comment
                // @ts-ignore
                // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
                nonOpProperties[key] = userProperties[key];
            }
        });
        OrderedIdentifyOperations.forEach((operation) => {
            // Skip when key is an operation.
            if (!Object.keys(userProperties).includes(operation))
                return;
            // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
            const opProperties = userProperties[operation];
            switch (operation) {
                case IdentifyOperation$1.CLEAR_ALL:
                    // Due to operation order, the following line will never execute.
                    /* istanbul ignore next */
                    Object.keys(updatedProperties).forEach((prop) => {
                        delete updatedProperties[prop];
                    });
                    break;
                case IdentifyOperation$1.UNSET:
                    Object.keys(opProperties).forEach((prop) => {
                        delete updatedProperties[prop];
                    });
                    break;
                case IdentifyOperation$1.SET:
                    Object.assign(updatedProperties, opProperties);
                    break;
            }
        });
        // Merge non-operation properties.
        // Custom properties should not be affected by operations.
        // https://github.com/amplitude/nova/blob/343f678ded83c032e83b189796b3c2be161b48f5/src/main/java/com/amplitude/userproperty/model/ModifyUserPropertiesIdent.java#L79-L83
        Object.assign(updatedProperties, nonOpProperties);
        return updatedProperties;
    }
    async process(event) {
        try {
            // skip event processing if opt out
            if (this.config.optOut) {
                return buildResult(event, 0, OPT_OUT_MESSAGE);
            }
            // The event server 400s a blank event type, which also forces the rest of its
            // upload batch to be retried, so drop it before it ever reaches a destination.
            const eventType = event.event_type;
            if (typeof eventType !== 'string' || eventType.trim().length === 0) {
                this.config.loggerProvider.error(EMPTY_EVENT_TYPE_MESSAGE);
                return buildResult(event, 0, EMPTY_EVENT_TYPE_MESSAGE);
            }
            if (event.event_type === SpecialEventType.IDENTIFY) {
                // Do not update this.userProperties here.
                // It is only set synchronously in identify() or setIdentity()
                this.timeline.onIdentityChanged({ userProperties: this.userProperties });
            }
            const result = await this.timeline.push(event);
            result.code === 200
                ? this.config.loggerProvider.log(result.message)
                : result.code === 100
                    ? this.config.loggerProvider.warn(result.message)
                    : this.config.loggerProvider.error(result.message);
            return result;
        }
        catch (e) {
            const message = String(e);
            this.config.loggerProvider.error(message);
            const result = buildResult(event, 0, message);
            return result;
        }
    }
    setOptOut(optOut) {
        if (!this.isReady) {
            this.q.push(this._setOptOut.bind(this, Boolean(optOut)));
            return;
        }
        this._setOptOut(optOut);
    }
    _setOptOut(optOut) {
        if (this.config.optOut !== optOut) {
            this.config.optOut = Boolean(optOut);
            this.timeline.onOptOutChanged(optOut);
        }
    }
    flush() {
        return returnWrapper(this.timeline.flush());
    }
    plugin(name) {
        const plugin = this.timeline.plugins.find((plugin) => plugin.name === name);
        if (plugin === undefined) {
            this.config.loggerProvider.debug(`Cannot find plugin with name ${name}`);
            return undefined;
        }
        return plugin;
    }
    plugins(pluginClass) {
        return this.timeline.plugins.filter((plugin) => plugin instanceof pluginClass);
    }
}

var LogLevel;
(function (LogLevel) {
    LogLevel[LogLevel["None"] = 0] = "None";
    LogLevel[LogLevel["Error"] = 1] = "Error";
    LogLevel[LogLevel["Warn"] = 2] = "Warn";
    LogLevel[LogLevel["Verbose"] = 3] = "Verbose";
    LogLevel[LogLevel["Debug"] = 4] = "Debug";
})(LogLevel || (LogLevel = {}));

const PREFIX$1 = 'Amplitude Logger ';
let Logger$1 = class Logger {
    constructor() {
        this.logLevel = LogLevel.None;
    }
    disable() {
        this.logLevel = LogLevel.None;
    }
    enable(logLevel = LogLevel.Warn) {
        this.logLevel = logLevel;
    }
    log(...args) {
        if (this.logLevel < LogLevel.Verbose) {
            return;
        }
        console.log(`${PREFIX$1}[Log]: ${args.join(' ')}`);
    }
    warn(...args) {
        if (this.logLevel < LogLevel.Warn) {
            return;
        }
        console.warn(`${PREFIX$1}[Warn]: ${args.join(' ')}`);
    }
    error(...args) {
        if (this.logLevel < LogLevel.Error) {
            return;
        }
        console.error(`${PREFIX$1}[Error]: ${args.join(' ')}`);
    }
    debug(...args) {
        if (this.logLevel < LogLevel.Debug) {
            return;
        }
        // console.debug output is hidden by default in chrome
        console.log(`${PREFIX$1}[Debug]: ${args.join(' ')}`);
    }
};

const normalizeInstanceName = (instanceName) => {
    return instanceName === undefined || instanceName === '' ? DEFAULT_INSTANCE_NAME : instanceName;
};

const getDefaultConfig = () => ({
    flushMaxRetries: 12,
    flushQueueSize: 200,
    flushIntervalMillis: 10000,
    instanceName: DEFAULT_INSTANCE_NAME,
    logLevel: LogLevel.Warn,
    loggerProvider: new Logger$1(),
    offline: false,
    optOut: false,
    serverUrl: AMPLITUDE_SERVER_URL,
    serverZone: 'US',
    useBatch: false,
});
class Config {
    get optOut() {
        return this._optOut;
    }
    set optOut(optOut) {
        this._optOut = optOut;
    }
    constructor(options) {
        var _a, _b, _c, _d;
        this._optOut = false;
        const defaultConfig = getDefaultConfig();
        this.apiKey = options.apiKey;
        this.flushIntervalMillis = (_a = options.flushIntervalMillis) !== null && _a !== void 0 ? _a : defaultConfig.flushIntervalMillis;
        this.flushMaxRetries = options.flushMaxRetries || defaultConfig.flushMaxRetries;
        this.flushQueueSize = options.flushQueueSize || defaultConfig.flushQueueSize;
        this.instanceName = normalizeInstanceName(options.instanceName);
        this.loggerProvider = options.loggerProvider || defaultConfig.loggerProvider;
        this.logLevel = (_b = options.logLevel) !== null && _b !== void 0 ? _b : defaultConfig.logLevel;
        this.minIdLength = options.minIdLength;
        this.plan = options.plan;
        this.ingestionMetadata = options.ingestionMetadata;
        this.offline = options.offline !== undefined ? options.offline : defaultConfig.offline;
        this.optOut = (_c = options.optOut) !== null && _c !== void 0 ? _c : defaultConfig.optOut;
        this.serverUrl = options.serverUrl;
        this.serverZone = options.serverZone || defaultConfig.serverZone;
        this.storageProvider = options.storageProvider;
        this.transportProvider = options.transportProvider;
        this.useBatch = (_d = options.useBatch) !== null && _d !== void 0 ? _d : defaultConfig.useBatch;
        this.loggerProvider.enable(this.logLevel);
        const serverConfig = createServerConfig(options.serverUrl, options.serverZone, options.useBatch);
        this.serverZone = serverConfig.serverZone;
        this.serverUrl = serverConfig.serverUrl;
    }
}
const getServerUrl = (serverZone, useBatch) => {
    if (serverZone === 'EU') {
        return useBatch ? EU_AMPLITUDE_BATCH_SERVER_URL : EU_AMPLITUDE_SERVER_URL;
    }
    return useBatch ? AMPLITUDE_BATCH_SERVER_URL : AMPLITUDE_SERVER_URL;
};
const createServerConfig = (serverUrl = '', serverZone = getDefaultConfig().serverZone, useBatch = getDefaultConfig().useBatch) => {
    if (serverUrl) {
        return { serverUrl, serverZone: undefined };
    }
    const _serverZone = ['US', 'EU'].includes(serverZone) ? serverZone : getDefaultConfig().serverZone;
    return {
        serverZone: _serverZone,
        serverUrl: getServerUrl(_serverZone, useBatch),
    };
};

class ApplicationContextProviderImpl {
  getApplicationContext() {
    return {
      versionName: this.versionName,
      language: getLanguage(),
      platform: 'Web',
      os: undefined,
      deviceModel: undefined
    };
  }
}
const getLanguage = () => {
  return typeof navigator !== 'undefined' && (navigator.languages && navigator.languages[0] || navigator.language) || '';
};

class EventBridgeImpl {
  constructor() {
    this.queue = [];
  }
  logEvent(event) {
    if (!this.receiver) {
      if (this.queue.length < 512) {
        this.queue.push(event);
      }
    } else {
      this.receiver(event);
    }
  }
  setEventReceiver(receiver) {
    this.receiver = receiver;
    if (this.queue.length > 0) {
      this.queue.forEach(event => {
        receiver(event);
      });
      this.queue = [];
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const isEqual = (obj1, obj2) => {
  const primitive = ['string', 'number', 'boolean', 'undefined'];
  const typeA = typeof obj1;
  const typeB = typeof obj2;
  if (typeA !== typeB) {
    return false;
  }
  for (const p of primitive) {
    if (p === typeA) {
      return obj1 === obj2;
    }
  }
  // check null
  if (obj1 == null && obj2 == null) {
    return true;
  } else if (obj1 == null || obj2 == null) {
    return false;
  }
  // if got here - objects
  if (obj1.length !== obj2.length) {
    return false;
  }
  //check if arrays
  const isArrayA = Array.isArray(obj1);
  const isArrayB = Array.isArray(obj2);
  if (isArrayA !== isArrayB) {
    return false;
  }
  if (isArrayA && isArrayB) {
    //arrays
    for (let i = 0; i < obj1.length; i++) {
      if (!isEqual(obj1[i], obj2[i])) {
        return false;
      }
    }
  } else {
    //objects
    const sorted1 = Object.keys(obj1).sort();
    const sorted2 = Object.keys(obj2).sort();
    if (!isEqual(sorted1, sorted2)) {
      return false;
    }
    //compare object values
    let result = true;
    Object.keys(obj1).forEach(key => {
      if (!isEqual(obj1[key], obj2[key])) {
        result = false;
      }
    });
    return result;
  }
  return true;
};

const ID_OP_SET = '$set';
const ID_OP_UNSET = '$unset';
const ID_OP_CLEAR_ALL = '$clearAll';
// Polyfill for Object.entries
if (!Object.entries) {
  Object.entries = function (obj) {
    const ownProps = Object.keys(obj);
    let i = ownProps.length;
    const resArray = new Array(i);
    while (i--) {
      resArray[i] = [ownProps[i], obj[ownProps[i]]];
    }
    return resArray;
  };
}
class IdentityStoreImpl {
  constructor() {
    this.identity = {
      userProperties: {}
    };
    this.listeners = new Set();
  }
  editIdentity() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const actingUserProperties = Object.assign({}, this.identity.userProperties);
    const actingIdentity = Object.assign(Object.assign({}, this.identity), {
      userProperties: actingUserProperties
    });
    return {
      setUserId: function (userId) {
        actingIdentity.userId = userId;
        return this;
      },
      setDeviceId: function (deviceId) {
        actingIdentity.deviceId = deviceId;
        return this;
      },
      setUserProperties: function (userProperties) {
        actingIdentity.userProperties = userProperties;
        return this;
      },
      setOptOut(optOut) {
        actingIdentity.optOut = optOut;
        return this;
      },
      updateUserProperties: function (actions) {
        let actingProperties = actingIdentity.userProperties || {};
        for (const [action, properties] of Object.entries(actions)) {
          switch (action) {
            case ID_OP_SET:
              for (const [key, value] of Object.entries(properties)) {
                actingProperties[key] = value;
              }
              break;
            case ID_OP_UNSET:
              for (const key of Object.keys(properties)) {
                delete actingProperties[key];
              }
              break;
            case ID_OP_CLEAR_ALL:
              actingProperties = {};
              break;
          }
        }
        actingIdentity.userProperties = actingProperties;
        return this;
      },
      commit: function () {
        self.setIdentity(actingIdentity);
        return this;
      }
    };
  }
  getIdentity() {
    return Object.assign({}, this.identity);
  }
  setIdentity(identity) {
    const originalIdentity = Object.assign({}, this.identity);
    this.identity = Object.assign({}, identity);
    if (!isEqual(originalIdentity, this.identity)) {
      this.listeners.forEach(listener => {
        listener(identity);
      });
    }
  }
  addIdentityListener(listener) {
    this.listeners.add(listener);
  }
  removeIdentityListener(listener) {
    this.listeners.delete(listener);
  }
}

/* eslint-disable no-restricted-globals -- standalone global shim; cannot depend on experiment-core */
const safeGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof global !== 'undefined' ? global : self;

class AnalyticsConnector {
  constructor() {
    this.identityStore = new IdentityStoreImpl();
    this.eventBridge = new EventBridgeImpl();
    this.applicationContextProvider = new ApplicationContextProviderImpl();
  }
  static getInstance(instanceName) {
    if (!safeGlobal['analyticsConnectorInstances']) {
      safeGlobal['analyticsConnectorInstances'] = {};
    }
    if (!safeGlobal['analyticsConnectorInstances'][instanceName]) {
      safeGlobal['analyticsConnectorInstances'][instanceName] = new AnalyticsConnector();
    }
    return safeGlobal['analyticsConnectorInstances'][instanceName];
  }
}

const getAnalyticsConnector = (instanceName) => {
    return AnalyticsConnector.getInstance(normalizeInstanceName(instanceName));
};
const setConnectorUserId = (userId, instanceName) => {
    // eslint-disable-next-line @typescript-eslint/ban-ts-comment
    // @ts-ignore
    getAnalyticsConnector(instanceName).identityStore.editIdentity().setUserId(userId).commit();
};
const setConnectorDeviceId = (deviceId, instanceName) => {
    getAnalyticsConnector(instanceName).identityStore.editIdentity().setDeviceId(deviceId).commit();
};

class IdentityEventSender {
    constructor() {
        this.name = 'identity';
        this.type = 'before';
        this.identityStore = getAnalyticsConnector().identityStore;
    }
    async execute(context) {
        const userProperties = context.user_properties;
        if (userProperties) {
            this.identityStore.editIdentity().updateUserProperties(userProperties).commit();
        }
        return context;
    }
    async setup(config) {
        if (config.instanceName) {
            this.identityStore = getAnalyticsConnector(config.instanceName).identityStore;
        }
    }
}

const isNewSession = (sessionTimeout, lastEventTime = Date.now()) => {
    const currentTime = Date.now();
    const timeSinceLastEvent = currentTime - lastEventTime;
    return timeSinceLastEvent > sessionTimeout;
};

const getCookieName = (apiKey, postKey = '', limit = 10) => {
    return [AMPLITUDE_PREFIX, postKey, apiKey.substring(0, limit)].filter(Boolean).join('_');
};
const getOldCookieName = (apiKey) => {
    return `${AMPLITUDE_PREFIX.toLowerCase()}_${apiKey.substring(0, 6)}`;
};

const getQueryParams = () => {
    var _a;
    const globalScope = getGlobalScope();
    /* istanbul ignore if */
    if (!((_a = globalScope === null || globalScope === void 0 ? void 0 : globalScope.location) === null || _a === void 0 ? void 0 : _a.search)) {
        return {};
    }
    const pairs = globalScope.location.search.substring(1).split('&').filter(Boolean);
    const params = pairs.reduce((acc, curr) => {
        const query = curr.split('=', 2);
        const key = tryDecodeURIComponent(query[0]);
        const value = tryDecodeURIComponent(query[1]);
        if (!value) {
            return acc;
        }
        acc[key] = value;
        return acc;
    }, {});
    return params;
};
const tryDecodeURIComponent = (value = '') => {
    try {
        return decodeURIComponent(value);
    }
    catch (_a) {
        return '';
    }
};

class MemoryStorage {
    constructor() {
        this.memoryStorage = new Map();
    }
    async isEnabled() {
        return true;
    }
    async get(key) {
        return this.memoryStorage.get(key);
    }
    async getRaw(key) {
        const value = await this.get(key);
        return value ? JSON.stringify(value) : undefined;
    }
    async set(key, value) {
        this.memoryStorage.set(key, value);
    }
    async remove(key) {
        this.memoryStorage.delete(key);
    }
    async reset() {
        this.memoryStorage.clear();
    }
}

/* istanbul ignore next */
const getLocks = () => {
    var _a;
    const globalScope = getGlobalScope();
    return (_a = globalScope === null || globalScope === void 0 ? void 0 : globalScope.navigator) === null || _a === void 0 ? void 0 : _a.locks;
};
class CookieStorage {
    constructor(options, config = {}) {
        this.options = Object.assign({}, options);
        this.config = config;
    }
    async isEnabled() {
        const testKey = 'AMP_TEST';
        const testCookieOptions = Object.assign({}, this.options);
        const testStorage = new CookieStorage(testCookieOptions);
        const testValue = String(Date.now());
        return await testStorage.transaction(testKey, (storage) => {
            var _a, _b;
            try {
                storage.set(testValue);
                const value = storage.get();
                const result = value === testValue;
                /* istanbul ignore next */
                if (!result && this.config.diagnosticsClient) {
                    (_a = this.config.diagnosticsClient) === null || _a === void 0 ? void 0 : _a.recordEvent('cookies.isEnabled.failure', {
                        reason: 'Test Value mismatch',
                        testKey,
                        testValue,
                        sync: true,
                    });
                }
                return result;
            }
            catch (e) {
                /* istanbul ignore next */
                if (this.config.diagnosticsClient) {
                    const errMessage = e instanceof Error ? e.message : String(e);
                    (_b = this.config.diagnosticsClient) === null || _b === void 0 ? void 0 : _b.recordEvent('cookies.isEnabled.failure', {
                        reason: 'Cookie getter/setter failed',
                        testKey,
                        testValue,
                        error: errMessage,
                        sync: true,
                    });
                }
                return false;
            }
            finally {
                // clean-up the AMP_TEST cookie behind us
                storage.set(null);
            }
        });
    }
    async get(key) {
        const value = await this.getRaw(key);
        return this.decodeCookieValue(key, value);
    }
    decodeCookieValue(key, value) {
        if (!value) {
            return undefined;
        }
        try {
            const decodedValue = decodeCookieValue(value);
            if (decodedValue === undefined) {
                console.error(`Amplitude Logger [Error]: Failed to decode cookie value for key: ${key}, value: ${value}`);
                return undefined;
            }
            // eslint-disable-next-line @typescript-eslint/no-unsafe-return
            return JSON.parse(decodedValue);
        }
        catch (_a) {
            console.error(`Amplitude Logger [Error]: Failed to parse cookie value for key: ${key}, value: ${value}`);
            return undefined;
        }
    }
    getSync(key) {
        const value = this.getRawSync(key);
        return this.decodeCookieValue(key, value);
    }
    async getRaw(key) {
        var _a, _b;
        const globalScope = getGlobalScope();
        // use CookieStore if available and enabled
        const globalScopeWithCookiesStore = globalScope;
        try {
            const cookieStore = globalScopeWithCookiesStore === null || globalScopeWithCookiesStore === void 0 ? void 0 : globalScopeWithCookiesStore.cookieStore;
            if (cookieStore) {
                const cookies = await cookieStore.getAll(key);
                if (cookies) {
                    /* istanbul ignore if */
                    if (cookies.length > 1) {
                        (_a = this.config.diagnosticsClient) === null || _a === void 0 ? void 0 : _a.recordEvent('cookies.duplicate', {
                            cookies: cookies.map((cookie) => cookie.domain),
                        });
                        (_b = this.config.diagnosticsClient) === null || _b === void 0 ? void 0 : _b.increment('cookies.duplicate.occurrence.cookieStore');
                    }
                    for (const cookie of cookies) {
                        if (isDomainEqual(cookie.domain, this.options.domain)) {
                            return cookie.value;
                        }
                    }
                }
            }
        }
        catch (ignoreError) {
            /* istanbul ignore next */
            // if cookieStore had a surprise failure, fallback to document.cookie
        }
        return this.getRawSync(key);
    }
    getRawSync(key) {
        var _a, _b;
        const globalScope = getGlobalScope();
        const cookies = ((_b = (_a = globalScope === null || globalScope === void 0 ? void 0 : globalScope.document) === null || _a === void 0 ? void 0 : _a.cookie.split('; ')) !== null && _b !== void 0 ? _b : []).filter((c) => c.indexOf(key + '=') === 0);
        let match = undefined;
        // if matcher function is provided, use it to de-duplicate when there's more than one cookie
        /* istanbul ignore if */
        const duplicateResolverFn = this.config.duplicateResolverFn;
        if (typeof duplicateResolverFn === 'function' && cookies.length > 1) {
            match = cookies.find((c) => {
                var _a;
                try {
                    const res = duplicateResolverFn(c.substring(key.length + 1));
                    if (!res) {
                        (_a = this.config.diagnosticsClient) === null || _a === void 0 ? void 0 : _a.increment('cookies.duplicate.occurrence.document.cookie');
                    }
                    return res;
                }
                catch (ignoreError) {
                    /* istanbul ignore next */
                    return false;
                }
            });
        }
        // if match was not found, just get the first one that matches the key
        if (!match) {
            match = cookies[0];
        }
        if (!match) {
            return undefined;
        }
        return match.substring(key.length + 1);
    }
    async set(key, value) {
        this.setSync(key, value);
    }
    setSync(key, value) {
        var _a;
        try {
            const globalScope = getGlobalScope();
            // typeguard for non-browser environments
            if (!globalScope ||
                !globalScope.document ||
                typeof globalScope.btoa !== 'function' ||
                typeof globalScope.encodeURIComponent !== 'function') {
                return;
            }
            const expirationDays = (_a = this.options.expirationDays) !== null && _a !== void 0 ? _a : 0;
            const expires = value !== null ? expirationDays : -1;
            let expireDate = undefined;
            if (expires) {
                const date = new Date();
                date.setTime(date.getTime() + expires * 24 * 60 * 60 * 1000);
                expireDate = date;
            }
            let str = `${key}=${globalScope.btoa(globalScope.encodeURIComponent(JSON.stringify(value)))}`;
            if (expireDate) {
                str += `; expires=${expireDate.toUTCString()}`;
            }
            str += '; path=/';
            if (this.options.domain) {
                str += `; domain=${this.options.domain}`;
            }
            if (this.options.secure) {
                str += '; Secure';
            }
            if (this.options.sameSite) {
                str += `; SameSite=${this.options.sameSite}`;
            }
            globalScope.document.cookie = str;
        }
        catch (error) {
            const errorMessage = error instanceof Error ? error.message : String(error);
            console.error(`Amplitude Logger [Error]: Failed to set cookie for key: ${key}. Error: ${errorMessage}`);
        }
    }
    async remove(key) {
        await this.set(key, null);
    }
    async reset() {
        return;
    }
    static async isDomainWritable(domain) {
        if (CookieStorage.cachedTlds[domain]) {
            return true;
        }
        const options = {
            domain: '.' + domain,
        };
        const storageKey = 'AMP_TLDTEST';
        const storage = new CookieStorage(options);
        try {
            const res = await storage.transaction(storageKey, (storageSync) => {
                if (CookieStorage.cachedTlds[domain]) {
                    return true;
                }
                try {
                    storageSync.set(1);
                    const result = !!storageSync.get();
                    if (result) {
                        CookieStorage.cachedTlds[domain] = true;
                    }
                    return result;
                }
                finally {
                    storageSync.set(null);
                }
            });
            return !!res;
        }
        catch (error) {
            return false;
        }
    }
    async transaction(key, callback) {
        const locks = getLocks();
        const callbackWrapper = () => {
            // construct a sync storage object that is scoped to
            // Cookie with name <key>
            const storageSync = {
                get: () => this.getSync(key),
                set: (value) => this.setSync(key, value),
            };
            return callback(storageSync);
        };
        // if 'locks' is missing, it is a legacy browser, just call the callback directly
        // and settle for a transaction that isn't isolated across tabs
        if (!locks) {
            return callbackWrapper();
        }
        try {
            return (await locks.request(`com.amplitude:cookie-lock:${key}`, callbackWrapper));
        }
        catch (error) {
            return callbackWrapper();
        }
    }
}
CookieStorage.cachedTlds = {};
const decodeCookiesAsDefault = (value) => {
    try {
        return decodeURIComponent(atob(value));
    }
    catch (_a) {
        return undefined;
    }
};
const decodeCookiesWithDoubleUrlEncoding = (value) => {
    // Modern Ruby (v7+) automatically encodes cookies with URL encoding by
    // https://api.rubyonrails.org/classes/ActionDispatch/Cookies.html
    try {
        return decodeURIComponent(atob(decodeURIComponent(value)));
    }
    catch (_a) {
        return undefined;
    }
};
/**
 * Decodes a cookie value that was encoded with btoa(encodeURIComponent(...)).
 * Handles both standard encoding and double URL encoding (used by Ruby Rails v7+).
 */
const decodeCookieValue = (value) => {
    var _a;
    return (_a = decodeCookiesAsDefault(value)) !== null && _a !== void 0 ? _a : decodeCookiesWithDoubleUrlEncoding(value);
};
/**
 * Compares two domain strings for equality, ignoring leading dots.
 * This is useful for comparing cookie domains since ".example.com" and "example.com"
 * are effectively equivalent for cookie scoping.
 */
const isDomainEqual = (domain1, domain2) => {
    if (domain1 === '' && domain2 === '') {
        return true;
    }
    if (!domain1 || !domain2) {
        return false;
    }
    const normalized1 = domain1.startsWith('.') ? domain1.substring(1) : domain1;
    const normalized2 = domain2.startsWith('.') ? domain2.substring(1) : domain2;
    return normalized1.toLowerCase() === normalized2.toLowerCase();
};

class BrowserStorage {
    constructor(storage) {
        this.storage = storage;
    }
    async isEnabled() {
        /* istanbul ignore if */
        if (!this.storage) {
            return false;
        }
        const random = String(Date.now());
        const testStorage = new BrowserStorage(this.storage);
        const testKey = 'AMP_TEST';
        try {
            await testStorage.set(testKey, random);
            const value = await testStorage.get(testKey);
            return value === random;
        }
        catch (_a) {
            /* istanbul ignore next */
            return false;
        }
        finally {
            await testStorage.remove(testKey);
        }
    }
    async get(key) {
        try {
            const value = await this.getRaw(key);
            if (!value) {
                return undefined;
            }
            // eslint-disable-next-line @typescript-eslint/no-unsafe-return
            return JSON.parse(value);
        }
        catch (_a) {
            console.error(`[Amplitude] Error: Could not get value from storage`);
            return undefined;
        }
    }
    async getRaw(key) {
        var _a;
        return ((_a = this.storage) === null || _a === void 0 ? void 0 : _a.getItem(key)) || undefined;
    }
    async set(key, value) {
        var _a;
        try {
            (_a = this.storage) === null || _a === void 0 ? void 0 : _a.setItem(key, JSON.stringify(value));
        }
        catch (_b) {
            //
        }
    }
    async remove(key) {
        var _a;
        try {
            (_a = this.storage) === null || _a === void 0 ? void 0 : _a.removeItem(key);
        }
        catch (_b) {
            //
        }
    }
    async reset() {
        var _a;
        try {
            (_a = this.storage) === null || _a === void 0 ? void 0 : _a.clear();
        }
        catch (_b) {
            //
        }
    }
}

var OfflineDisabled = null;

class DiagnosticsClient {
  setTag() {}
  increment() {}
  recordHistogram() {}
  recordEvent() {}
  isStorageAndTrackEnabled() { return false; }
  startTimersIfNeeded() {}
  saveAllDataToStorage() { return Promise.resolve(); }
  _flush() { return Promise.resolve(); }
  fetch() { return Promise.resolve(); }
  initializeFlushInterval() { return Promise.resolve(); }
  _setSampleRate() {}
}
// The shim's outbox replaces the SDK's destination (src/amplitude/adapter.ts removes this one at init).
class Destination {
  constructor() { this.name = 'amplitude'; this.type = 'destination'; }
  setup() { return Promise.resolve(); }
  execute(event) { return Promise.resolve({ event, code: 0, message: 'not sent: the shim sends events' }); }
  flush() { return Promise.resolve(); }
}
// The SDK's revenue() API; the shim books revenue as events of its own.
class Revenue {}
class RemoteConfigClient {
  subscribe() {}
  unsubscribe() { return false; }
  updateConfigs() {}
}

function isAttributionTrackingEnabled() { return false; }
function isSessionTrackingEnabled() { return false; }
function isFileDownloadTrackingEnabled() { return false; }
function isFormInteractionTrackingEnabled() { return false; }
function isElementInteractionsEnabled() { return false; }
function isPageViewTrackingEnabled() { return false; }
function isNetworkTrackingEnabled() { return false; }
function isWebVitalsEnabled() { return false; }
function isFrustrationInteractionsEnabled() { return false; }
function isPerformanceTrackingEnabled() { return false; }
function isPageUrlEnrichmentEnabled() { return false; }
function isCustomEnrichmentEnabled() { return false; }
function getAttributionTrackingConfig() { return {}; }

/**
 * Applies the proxied functions on the proxied amplitude snippet to an instance of the real object.
 * @ignore
 */
/**
 * Applies the proxied functions on the proxied object to an instance of the real object.
 * Used to convert proxied Identify and Revenue objects.
 */
const convertProxyObjectToRealObject = (instance, queue) => {
    for (let i = 0; i < queue.length; i++) {
        const { name, args, resolve } = queue[i];
        const fn = instance && instance[name];
        if (typeof fn === 'function') {
            const result = fn.apply(instance, args);
            if (typeof resolve === 'function') {
                resolve(result === null || result === void 0 ? void 0 : result.promise);
            }
        }
    }
    return instance;
};
/**
 * Check if the param is snippet proxy
 */
const isInstanceProxy = (instance) => {
    const instanceProxy = instance;
    return instanceProxy && instanceProxy._q !== undefined;
};

function getRuntimeEnvironment() { return 'browser'; }

var BROWSER_PLATFORM = 'Web'; let Context$1 = class Context { constructor() { this.name = '@amplitude/plugin-context-browser'; this.type = 'before'; } setup() { return Promise.resolve(); } execute(e) { return Promise.resolve(e); } };

const MAX_ARRAY_LENGTH = 1000;
class LocalStorage extends BrowserStorage {
    constructor(config) {
        var _a, _b;
        let localStorage;
        try {
            localStorage = (_a = getGlobalScope()) === null || _a === void 0 ? void 0 : _a.localStorage;
        }
        catch (e) {
            (_b = config === null || config === void 0 ? void 0 : config.loggerProvider) === null || _b === void 0 ? void 0 : _b.debug(`Failed to access localStorage. error=${JSON.stringify(e)}`);
            localStorage = undefined;
        }
        super(localStorage);
        this.loggerProvider = config === null || config === void 0 ? void 0 : config.loggerProvider;
    }
    async set(key, value) {
        var _a;
        if (Array.isArray(value) && value.length > MAX_ARRAY_LENGTH) {
            const droppedEventsCount = value.length - MAX_ARRAY_LENGTH;
            await super.set(key, value.slice(0, MAX_ARRAY_LENGTH));
            (_a = this.loggerProvider) === null || _a === void 0 ? void 0 : _a.error(`Failed to save ${droppedEventsCount} events because the queue length exceeded ${MAX_ARRAY_LENGTH}.`);
        }
        else {
            await super.set(key, value);
        }
    }
}

class SessionStorage extends BrowserStorage {
    constructor() {
        var _a;
        super((_a = getGlobalScope()) === null || _a === void 0 ? void 0 : _a.sessionStorage);
    }
}

class XHRTransport { send() { return Promise.resolve(null); } }

class FetchTransport { send() { return Promise.resolve(null); } }

class SendBeaconTransport { send() { return Promise.resolve(null); } }

const parseLegacyCookies = async (apiKey, cookieStorage, deleteLegacyCookies = true) => {
    const cookieName = getOldCookieName(apiKey);
    const cookies = await cookieStorage.getRaw(cookieName);
    if (!cookies) {
        return {
            optOut: false,
        };
    }
    if (deleteLegacyCookies) {
        await cookieStorage.remove(cookieName);
    }
    const [deviceId, userId, optOut, sessionId, lastEventTime, lastEventId] = cookies.split('.');
    return {
        deviceId,
        userId: decode(userId),
        sessionId: parseTime(sessionId),
        lastEventId: parseTime(lastEventId),
        lastEventTime: parseTime(lastEventTime),
        optOut: Boolean(optOut),
    };
};
const parseTime = (num) => {
    const integer = parseInt(num, 32);
    if (isNaN(integer)) {
        return undefined;
    }
    return integer;
};
const decode = (value) => {
    if (!atob || !escape || !value) {
        return undefined;
    }
    try {
        return decodeURIComponent(escape(atob(value)));
    }
    catch (_a) {
        return undefined;
    }
};

var DEFAULT_SESSION_START_EVENT = 'session_start';
var DEFAULT_SESSION_END_EVENT = 'session_end';
var DEFAULT_IDENTITY_STORAGE = 'cookie';
var DEFAULT_SERVER_ZONE = 'US';

var VERSION$1 = '2.48.1';

(undefined && undefined.__rest) || function (s, e) {
    var t = {};
    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
        t[p] = s[p];
    if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
            if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                t[p[i]] = s[p[i]];
        }
    return t;
};
// list of domains that are known ccTLDs that are commonly used
// and are in the Public Suffix List (https://publicsuffix.org/)
const KNOWN_2LDS = [
    'ac.in',
    'ac.jp',
    'ac.kr',
    'ac.th',
    'ac.uk',
    'ac.za',
    'appspot.com',
    'asn.au',
    'azurewebsites.net',
    'cloudfront.net',
    'myshopify.com',
    'blogspot.com',
    'co.ca',
    'co.in',
    'co.jp',
    'co.kr',
    'co.nz',
    'co.th',
    'co.uk',
    'co.za',
    'com.ar',
    'com.au',
    'com.br',
    'com.cn',
    'com.hk',
    'com.in',
    'com.jp',
    'com.kr',
    'com.mx',
    'com.pl',
    'com.sg',
    'com.tr',
    'com.tw',
    'ed.jp',
    'edu.au',
    'edu.br',
    'edu.cn',
    'edu.hk',
    'edu.sg',
    'edu.th',
    'edu.tr',
    'edu.tw',
    'firebaseapp.com',
    'fly.dev',
    'gc.ca',
    'geek.nz',
    'github.io',
    'gitlab.io',
    'go.jp',
    'go.kr',
    'go.th',
    'gob.ar',
    'gob.mx',
    'gov.au',
    'gov.br',
    'gov.cn',
    'gov.hk',
    'gov.in',
    'gov.pl',
    'gov.sg',
    'gov.tr',
    'gov.tw',
    'gov.uk',
    'gov.za',
    'govt.nz',
    'gr.jp',
    'herokuapp.com',
    'id.au',
    'idv.hk',
    'iwi.nz',
    'lg.jp',
    'ltd.uk',
    'maori.nz',
    'me.uk',
    'mil.kr',
    'ne.jp',
    'ne.kr',
    'net.au',
    'net.br',
    'net.cn',
    'net.hk',
    'net.in',
    'net.nz',
    'net.pl',
    'net.sg',
    'net.tr',
    'net.tw',
    'net.za',
    'onrender.com',
    'or.jp',
    'or.kr',
    'or.th',
    'org.ar',
    'org.au',
    'org.br',
    'org.cn',
    'org.hk',
    'org.in',
    'org.mx',
    'org.nz',
    'org.pl',
    'org.sg',
    'org.tw',
    'org.uk',
    'org.za',
    'pages.dev',
    'pe.kr',
    'plc.uk',
    're.kr',
    'res.in',
    'sch.uk',
    'vercel.app',
    'netlify.app',
    'workers.dev',
];
const getDomain = (hostnameParam) => {
    var _a, _b;
    /* istanbul ignore next */
    const hostname = hostnameParam || ((_b = (_a = getGlobalScope()) === null || _a === void 0 ? void 0 : _a.location) === null || _b === void 0 ? void 0 : _b.hostname);
    if (!hostname) {
        return '';
    }
    const parts = hostname.split('.');
    let tld = parts[parts.length - 1];
    let name = parts[parts.length - 2];
    if (KNOWN_2LDS.find((tld) => hostname.endsWith(`.${tld}`))) {
        tld = parts[parts.length - 2] + '.' + parts[parts.length - 1];
        name = parts[parts.length - 3];
    }
    if (!name)
        return tld;
    return `${name}.${tld}`;
};

// Exported for testing purposes only. Do not expose to public interface.
class BrowserConfig extends Config {
    constructor(apiKey, appVersion, cookieStorage = new MemoryStorage(), cookieOptions = {
        domain: '',
        expiration: 365,
        sameSite: 'Lax',
        secure: false,
        upgrade: true,
    }, defaultTracking, autocapture, deviceId, flushIntervalMillis = 1000, flushMaxRetries = 5, flushQueueSize = 30, identityStorage = DEFAULT_IDENTITY_STORAGE, ingestionMetadata, instanceName, lastEventId, lastEventTime, loggerProvider = new Logger$1(), logLevel = LogLevel.Warn, minIdLength, offline = false, optOut = false, partnerId, plan, serverUrl = '', serverZone = DEFAULT_SERVER_ZONE, sessionId, deferredSessionId, sessionTimeout = 30 * 60 * 1000, storageProvider = new LocalStorage({ loggerProvider }), trackingOptions = {
        ipAddress: true,
        language: true,
        platform: true,
    }, transport = 'fetch', useBatch = false, fetchRemoteConfig = true, userId, pageCounter, debugLogsEnabled, networkTrackingOptions, identify, enableDiagnostics = true, diagnosticsSampleRate = 0, diagnosticsClient, remoteConfig, topLevelDomain, enableRequestBodyCompression = false, customEnrichment) {
        var _a;
        super({ apiKey, instanceName, storageProvider, transportProvider: createTransport(transport) });
        this.apiKey = apiKey;
        this.appVersion = appVersion;
        this.cookieOptions = cookieOptions;
        this.defaultTracking = defaultTracking;
        this.autocapture = autocapture;
        this.flushIntervalMillis = flushIntervalMillis;
        this.flushMaxRetries = flushMaxRetries;
        this.flushQueueSize = flushQueueSize;
        this.identityStorage = identityStorage;
        this.ingestionMetadata = ingestionMetadata;
        this.loggerProvider = loggerProvider;
        this.logLevel = logLevel;
        this.minIdLength = minIdLength;
        this.offline = offline;
        this.partnerId = partnerId;
        this.plan = plan;
        this.serverUrl = serverUrl;
        this.serverZone = serverZone;
        this.sessionTimeout = sessionTimeout;
        this.storageProvider = storageProvider;
        this.trackingOptions = trackingOptions;
        this.transport = transport;
        this.useBatch = useBatch;
        this.fetchRemoteConfig = fetchRemoteConfig;
        this.networkTrackingOptions = networkTrackingOptions;
        this.identify = identify;
        this.enableDiagnostics = enableDiagnostics;
        this.diagnosticsSampleRate = diagnosticsSampleRate;
        this.diagnosticsClient = diagnosticsClient;
        this.remoteConfig = remoteConfig;
        this.topLevelDomain = topLevelDomain;
        this.enableRequestBodyCompression = enableRequestBodyCompression;
        this.customEnrichment = customEnrichment;
        this.version = VERSION$1;
        this._optOut = false;
        this._cookieStorage = cookieStorage;
        this.deviceId = deviceId;
        this.lastEventId = lastEventId;
        this.lastEventTime = lastEventTime;
        this.optOut = optOut;
        this.deferredSessionId = deferredSessionId;
        this.sessionId = sessionId;
        this.pageCounter = pageCounter;
        this.userId = userId;
        this.debugLogsEnabled = debugLogsEnabled;
        this.loggerProvider.enable(debugLogsEnabled ? LogLevel.Debug : this.logLevel);
        this.networkTrackingOptions = networkTrackingOptions;
        this.identify = identify;
        this.enableDiagnostics = enableDiagnostics;
        this.diagnosticsSampleRate = diagnosticsSampleRate;
        this.diagnosticsClient = diagnosticsClient;
        // Note: The canonical logic for determining fetchRemoteConfig is in shouldFetchRemoteConfig().
        // This logic is duplicated here to maintain the BrowserConfig constructor contract and ensure
        // the config object has the correct fetchRemoteConfig value set on its properties.
        // The value passed to this constructor should already be computed via shouldFetchRemoteConfig().
        const _fetchRemoteConfig = (_a = remoteConfig === null || remoteConfig === void 0 ? void 0 : remoteConfig.fetchRemoteConfig) !== null && _a !== void 0 ? _a : fetchRemoteConfig;
        this.remoteConfig = this.remoteConfig || {};
        this.remoteConfig.fetchRemoteConfig = _fetchRemoteConfig;
        this.fetchRemoteConfig = _fetchRemoteConfig;
        this.topLevelDomain = topLevelDomain || getDomain();
    }
    get cookieStorage() {
        return this._cookieStorage;
    }
    set cookieStorage(cookieStorage) {
        if (this._cookieStorage !== cookieStorage) {
            this._cookieStorage = cookieStorage;
            this.updateStorage();
        }
    }
    get deviceId() {
        return this._deviceId;
    }
    set deviceId(deviceId) {
        if (this._deviceId !== deviceId) {
            this._deviceId = deviceId;
            this.updateStorage();
        }
    }
    get userId() {
        return this._userId;
    }
    set userId(userId) {
        if (this._userId !== userId) {
            this._userId = userId;
            this.updateStorage();
        }
    }
    get sessionId() {
        return this._sessionId;
    }
    set sessionId(sessionId) {
        if (this._sessionId !== sessionId) {
            this._sessionId = sessionId;
            // Clear deferredSessionId when sessionId is set to prevent stale values
            // from overriding legitimate sessionIds on subsequent page loads
            if (sessionId !== undefined && this._deferredSessionId !== undefined) {
                this._deferredSessionId = undefined;
            }
            this.updateStorage();
        }
    }
    get deferredSessionId() {
        return this._deferredSessionId;
    }
    set deferredSessionId(deferredSessionId) {
        if (this._deferredSessionId !== deferredSessionId && deferredSessionId !== this.sessionId) {
            this._deferredSessionId = deferredSessionId;
            this.updateStorage();
        }
    }
    get optOut() {
        return this._optOut;
    }
    set optOut(optOut) {
        if (this._optOut !== optOut) {
            this._optOut = optOut;
            this.updateStorage();
        }
    }
    get lastEventTime() {
        return this._lastEventTime;
    }
    set lastEventTime(lastEventTime) {
        if (this._lastEventTime !== lastEventTime) {
            this._lastEventTime = lastEventTime;
            this.updateStorage();
        }
    }
    get lastEventId() {
        return this._lastEventId;
    }
    set lastEventId(lastEventId) {
        if (this._lastEventId !== lastEventId) {
            this._lastEventId = lastEventId;
            this.updateStorage();
        }
    }
    get pageCounter() {
        return this._pageCounter;
    }
    set pageCounter(pageCounter) {
        if (this._pageCounter !== pageCounter) {
            this._pageCounter = pageCounter;
            this.updateStorage();
        }
    }
    set debugLogsEnabled(debugLogsEnabled) {
        if (this._debugLogsEnabled !== debugLogsEnabled) {
            this._debugLogsEnabled = debugLogsEnabled;
            this.updateStorage();
        }
    }
    updateStorage() {
        const cache = {
            deviceId: this._deviceId,
            userId: this._userId,
            sessionId: this._sessionId,
            deferredSessionId: this._deferredSessionId,
            optOut: this._optOut,
            lastEventTime: this._lastEventTime,
            lastEventId: this._lastEventId,
            pageCounter: this._pageCounter,
            debugLogsEnabled: this._debugLogsEnabled,
            cookieDomain: undefined,
        };
        if (this.cookieStorage instanceof CookieStorage) {
            cache.cookieDomain = this.cookieStorage.options.domain;
        }
        void this.cookieStorage.set(getCookieName(this.apiKey), cache);
    }
}
const useBrowserConfig = async (apiKey, options = {}, amplitudeInstance, diagnosticsClient, earlyConfig) => {
    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0, _1, _2, _3, _4, _5;
    // Step 1: Create identity storage instance
    const identityStorage = options.identityStorage || DEFAULT_IDENTITY_STORAGE;
    let defaultCookieDomain = '';
    // use the getTopLevelDomain function to find the TLD only if identity storage
    // is cookie (because getTopLevelDomain() uses cookies) AND cookie option domain is not set
    if (identityStorage === DEFAULT_IDENTITY_STORAGE &&
        !((_a = options.cookieOptions) === null || _a === void 0 ? void 0 : _a.domain) &&
        ((_b = options.cookieOptions) === null || _b === void 0 ? void 0 : _b.domain) !== '') {
        defaultCookieDomain = await getTopLevelDomain(undefined, diagnosticsClient);
    }
    const cookieOptions = Object.assign({ domain: (_d = (_c = options.cookieOptions) === null || _c === void 0 ? void 0 : _c.domain) !== null && _d !== void 0 ? _d : defaultCookieDomain, expiration: 365, sameSite: 'Lax', secure: false, upgrade: true }, options.cookieOptions);
    const cookieConfig = {
        // if more than one cookie with the same key exists,
        // look for the cookie that has the domain attribute set to cookieOptions.domain
        duplicateResolverFn: (value) => {
            const decodedValue = decodeCookieValue(value);
            if (!decodedValue) {
                return false;
            }
            const parsed = JSON.parse(decodedValue);
            return isDomainEqual(parsed.cookieDomain, cookieOptions.domain);
        },
        diagnosticsClient: diagnosticsClient,
    };
    const cookieStorage = createCookieStorage(options.identityStorage, cookieOptions, cookieConfig);
    // Step 1: Parse cookies using identity storage instance
    const legacyCookies = await parseLegacyCookies(apiKey, cookieStorage, (_f = (_e = options.cookieOptions) === null || _e === void 0 ? void 0 : _e.upgrade) !== null && _f !== void 0 ? _f : true);
    const previousCookies = await cookieStorage.get(getCookieName(apiKey));
    const queryParams = getQueryParams();
    // Check if ampTimestamp is present and valid
    const ampTimestamp = queryParams.ampTimestamp ? Number(queryParams.ampTimestamp) : undefined;
    const isWithinTimeLimit = ampTimestamp ? Date.now() < ampTimestamp : true;
    // Step 3: Reconcile user identity
    const deviceId = (_l = (_k = (_j = (_g = options.deviceId) !== null && _g !== void 0 ? _g : (isWithinTimeLimit ? (_h = queryParams.ampDeviceId) !== null && _h !== void 0 ? _h : queryParams.deviceId : undefined)) !== null && _j !== void 0 ? _j : previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.deviceId) !== null && _k !== void 0 ? _k : legacyCookies.deviceId) !== null && _l !== void 0 ? _l : UUID();
    const lastEventId = (_m = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.lastEventId) !== null && _m !== void 0 ? _m : legacyCookies.lastEventId;
    const lastEventTime = (_o = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.lastEventTime) !== null && _o !== void 0 ? _o : legacyCookies.lastEventTime;
    const optOut = (_q = (_p = options.optOut) !== null && _p !== void 0 ? _p : previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.optOut) !== null && _q !== void 0 ? _q : legacyCookies.optOut;
    const sessionId = (_r = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.sessionId) !== null && _r !== void 0 ? _r : legacyCookies.sessionId;
    const deferredSessionId = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.deferredSessionId;
    const userId = (_t = (_s = options.userId) !== null && _s !== void 0 ? _s : previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.userId) !== null && _t !== void 0 ? _t : legacyCookies.userId;
    amplitudeInstance.previousSessionDeviceId = (_u = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.deviceId) !== null && _u !== void 0 ? _u : legacyCookies.deviceId;
    amplitudeInstance.previousSessionUserId = (_v = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.userId) !== null && _v !== void 0 ? _v : legacyCookies.userId;
    const trackingOptions = {
        ipAddress: (_x = (_w = options.trackingOptions) === null || _w === void 0 ? void 0 : _w.ipAddress) !== null && _x !== void 0 ? _x : true,
        language: (_z = (_y = options.trackingOptions) === null || _y === void 0 ? void 0 : _y.language) !== null && _z !== void 0 ? _z : true,
        platform: (_1 = (_0 = options.trackingOptions) === null || _0 === void 0 ? void 0 : _0.platform) !== null && _1 !== void 0 ? _1 : true,
    };
    const pageCounter = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.pageCounter;
    const debugLogsEnabled = previousCookies === null || previousCookies === void 0 ? void 0 : previousCookies.debugLogsEnabled;
    // Override default tracking options if autocapture is set
    if (options.autocapture !== undefined) {
        options.defaultTracking = options.autocapture;
    }
    const browserConfig = new BrowserConfig(apiKey, options.appVersion, cookieStorage, cookieOptions, options.defaultTracking, options.autocapture, deviceId, options.flushIntervalMillis, options.flushMaxRetries, options.flushQueueSize, identityStorage, options.ingestionMetadata, options.instanceName, lastEventId, lastEventTime, 
    // Use earlyConfig.loggerProvider to ensure consistent logger across DiagnosticsClient/RemoteConfigClient/BrowserConfig
    (_2 = earlyConfig === null || earlyConfig === void 0 ? void 0 : earlyConfig.loggerProvider) !== null && _2 !== void 0 ? _2 : options.loggerProvider, options.logLevel, options.minIdLength, options.offline, optOut, options.partnerId, options.plan, options.serverUrl, 
    // Use earlyConfig.serverZone to ensure consistent serverZone
    (_3 = earlyConfig === null || earlyConfig === void 0 ? void 0 : earlyConfig.serverZone) !== null && _3 !== void 0 ? _3 : options.serverZone, sessionId, deferredSessionId, options.sessionTimeout, options.storageProvider, trackingOptions, options.transport, options.useBatch, options.fetchRemoteConfig, userId, pageCounter, debugLogsEnabled, options.networkTrackingOptions, options.identify, 
    // Use earlyConfig values (already has remote config applied), otherwise fall back to options
    (_4 = earlyConfig === null || earlyConfig === void 0 ? void 0 : earlyConfig.enableDiagnostics) !== null && _4 !== void 0 ? _4 : options.enableDiagnostics, (_5 = earlyConfig === null || earlyConfig === void 0 ? void 0 : earlyConfig.diagnosticsSampleRate) !== null && _5 !== void 0 ? _5 : amplitudeInstance._diagnosticsSampleRate, diagnosticsClient, options.remoteConfig, defaultCookieDomain, options.enableRequestBodyCompression, options.customEnrichment);
    if (!(await browserConfig.storageProvider.isEnabled())) {
        browserConfig.loggerProvider.warn(`Storage provider ${browserConfig.storageProvider.constructor.name} is not enabled. Falling back to MemoryStorage.`);
        browserConfig.storageProvider = new MemoryStorage();
    }
    return browserConfig;
};
const createCookieStorage = (identityStorage = DEFAULT_IDENTITY_STORAGE, cookieOptions = {}, cookieConfig) => {
    switch (identityStorage) {
        case 'localStorage':
            return new LocalStorage();
        case 'sessionStorage':
            return new SessionStorage();
        case 'none':
            return new MemoryStorage();
        case 'cookie':
        default:
            return new CookieStorage(Object.assign(Object.assign({}, cookieOptions), { expirationDays: cookieOptions.expiration }), cookieConfig);
    }
};
/**
 * Determines whether to fetch remote config based on options.
 * Extracted to allow early determination before useBrowserConfig is called.
 */
const shouldFetchRemoteConfig = (options = {}) => {
    var _a, _b;
    if (((_a = options.remoteConfig) === null || _a === void 0 ? void 0 : _a.fetchRemoteConfig) === true) {
        // set to true if remoteConfig explicitly set to true
        return true;
    }
    else if (((_b = options.remoteConfig) === null || _b === void 0 ? void 0 : _b.fetchRemoteConfig) === false || options.fetchRemoteConfig === false) {
        // set to false if either are set to false explicitly
        return false;
    }
    else {
        // default to true if both undefined
        return true;
    }
};
const createTransport = (transport) => {
    const type = typeof transport === 'object' ? transport.type : transport;
    const headers = typeof transport === 'object' ? transport.headers : undefined;
    const enableKeepalive = typeof transport === 'object' ? transport.enableKeepalive : undefined;
    const referrerPolicy = typeof transport === 'object' ? transport.referrerPolicy : undefined;
    if (type === 'xhr') {
        return new XHRTransport(headers);
    }
    if (type === 'beacon') {
        // SendBeacon does not support custom headers
        return new SendBeaconTransport();
    }
    // Keep a browser-local fetch transport for gzip support.
    // TODO: Merge back to core FetchTransport after React Native supports gzip.
    return new FetchTransport(headers, enableKeepalive, referrerPolicy);
};
const getTopLevelDomain = async (url, diagnosticsClient) => {
    if (!(await new CookieStorage(undefined, { diagnosticsClient }).isEnabled()) ||
        ((typeof location === 'undefined' || !location.hostname))) {
        return '';
    }
    const host = location.hostname;
    const parts = host.split('.');
    // if hostname has less than 2 parts, it's not a registrable domain
    // and the browser won't allow setting domain-scoped cookies for it so return empty string
    if (parts.length === 1) {
        return '';
    }
    const levels = [];
    let skipLevel = 1;
    // if the hostname ends with a TLD we know is in the Public Suffix List
    // then the last two parts are definitely not writable as a domain
    if (KNOWN_2LDS.find((tld) => host.endsWith(`.${tld}`))) {
        skipLevel = 2;
    }
    for (let i = parts.length - skipLevel - 1; i >= 0; --i) {
        levels.push(parts.slice(i).join('.'));
    }
    for (let i = 0; i < levels.length; i++) {
        const domain = levels[i];
        try {
            const result = await CookieStorage.isDomainWritable(domain);
            // if the transaction succeeded, the domain is valid
            if (result) {
                return '.' + domain;
            }
        }
        catch (e) {
            /* istanbul ignore if */
            if (diagnosticsClient) {
                diagnosticsClient.recordEvent('cookies.tld.failure', {
                    reason: `Unexpected exception checking domain is writable: ${domain}`,
                    error: e instanceof Error ? e.message : String(e),
                });
            }
        }
    }
    // if the transaction failed, the domain is invalid
    // record a diagnostic event
    if (diagnosticsClient) {
        diagnosticsClient.recordEvent('cookies.tld.failure', {
            reason: `Could not determine TLD for host ${host}`,
        });
    }
    // return an empty string to indicate that we couldn't determine the TLD
    // so fallback to host-only cookies (scoped to the current host)
    return '';
};

function detNotify() {}

function networkConnectivityCheckerPlugin() { return { name: 'segment-amplitude-shim/disabled-networkConnectivityCheckerPlugin', type: 'enrichment', setup: function () { return Promise.resolve(); }, execute: function (e) { return Promise.resolve(e); } }; }

var LIBPREFIX = 'amplitude-ts';

function isUserPropertyAttributionEnabled() { return false; }

var __rest = (undefined && undefined.__rest) || function (s, e) {
    var t = {};
    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
        t[p] = s[p];
    if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
            if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                t[p[i]] = s[p[i]];
        }
    return t;
};
const UNSPECIFIED_SESSION_ID = -1;
/**
 * Exported for `@amplitude/unified` or integration with blade plugins.
 * If you only use `@amplitude/analytics-browser`, use `amplitude.init()` or `amplitude.createInstance()` instead.
 */
class AmplitudeBrowser extends AmplitudeCore {
    constructor() {
        super(...arguments);
        // Backdoor to set diagnostics sample rate
        // by calling amplitude._setDiagnosticsSampleRate(1); before amplitude.init()
        this._diagnosticsSampleRate = 0;
    }
    init(apiKey = '', userIdOrOptions, maybeOptions) {
        let userId;
        let options;
        if (arguments.length > 2) {
            userId = userIdOrOptions;
            options = maybeOptions;
        }
        else {
            if (typeof userIdOrOptions === 'string') {
                userId = userIdOrOptions;
                options = undefined;
            }
            else {
                userId = userIdOrOptions === null || userIdOrOptions === void 0 ? void 0 : userIdOrOptions.userId;
                options = userIdOrOptions;
            }
        }
        return returnWrapper(this._init(Object.assign(Object.assign({}, options), { userId, apiKey })));
    }
    async _init(options) {
        var _a, _b, _c, _d, _e, _f, _g, _h;
        // Step 1: Block concurrent initialization
        if (this.initializing) {
            return;
        }
        this.initializing = true;
        // Step 2: Create browser config
        // Step 2.1: Determine if we should fetch remote config BEFORE creating browser config
        // This allows us to get diagnostics settings before creating the DiagnosticsClient
        const fetchRemoteConfig = shouldFetchRemoteConfig(options);
        // Set up early dependencies needed for remote config client
        // These use options directly or fall back to defaults
        const loggerProvider = (_a = options.loggerProvider) !== null && _a !== void 0 ? _a : new Logger$1();
        if (!options.loggerProvider) {
            loggerProvider.enable((_b = options.logLevel) !== null && _b !== void 0 ? _b : LogLevel.Warn);
        }
        const serverZone = (_c = options.serverZone) !== null && _c !== void 0 ? _c : DEFAULT_SERVER_ZONE;
        let remoteConfigClient;
        let diagnosticsSampleRate = this._diagnosticsSampleRate;
        let enableDiagnostics = (_d = options.enableDiagnostics) !== null && _d !== void 0 ? _d : true;
        // Step 2.2: Fetch diagnostics config FIRST to get sample rate for DiagnosticsClient
        // We want to create DiagnosticsClient as early as possible so it can track more data
        /* istanbul ignore next */
        if (fetchRemoteConfig) {
            remoteConfigClient = new RemoteConfigClient(options.apiKey, loggerProvider, serverZone, 
            /* istanbul ignore next */ (_e = options.remoteConfig) === null || _e === void 0 ? void 0 : _e.serverUrl);
            // Fetch diagnostics config first to get sample rate
            await new Promise((resolve) => {
                // Disable coverage for this line because remote config client will always be defined in this case.
                // istanbul ignore next
                remoteConfigClient === null || remoteConfigClient === void 0 ? void 0 : remoteConfigClient.subscribe('configs.diagnostics.browserSDK', 'all', (remoteConfig, source, lastFetch) => {
                    loggerProvider.debug('Diagnostics remote configuration received:', JSON.stringify({
                        remoteConfig,
                        source,
                        lastFetch,
                    }, null, 2));
                    if (remoteConfig) {
                        // Validate and set sampleRate (must be a valid number)
                        const sampleRate = remoteConfig.sampleRate;
                        if (typeof sampleRate === 'number' && !isNaN(sampleRate)) {
                            diagnosticsSampleRate = sampleRate;
                        }
                        // Validate and set enabled (must be a boolean)
                        const enabled = remoteConfig.enabled;
                        if (typeof enabled === 'boolean') {
                            enableDiagnostics = enabled;
                        }
                    }
                    resolve();
                });
            });
        }
        // Step 2.3: Initialize diagnostics client as early as possible
        // Now we have the sample rate from remote config (if fetched)
        const diagnosticsClient = new DiagnosticsClient(options.apiKey, loggerProvider, serverZone, {
            enabled: enableDiagnostics,
            sampleRate: diagnosticsSampleRate,
        });
        diagnosticsClient.setTag('library', `${LIBPREFIX}/${VERSION$1}`);
        diagnosticsClient.setTag('platform', BROWSER_PLATFORM);
        diagnosticsClient.setTag('web_environment', getRuntimeEnvironment());
        if (typeof navigator !== 'undefined') {
            diagnosticsClient.setTag('user_agent', navigator.userAgent);
        }
        // Step 2.4: Create browser config with diagnosticsClient and earlyConfig
        // earlyConfig ensures consistent logger/serverZone/diagnostics settings across all components
        const browserOptions = await useBrowserConfig(options.apiKey, options, this, diagnosticsClient, {
            loggerProvider,
            serverZone,
            enableDiagnostics,
            diagnosticsSampleRate,
        });
        // Step 2.5: Fetch analytics SDK remote config
        // This is fetched after DiagnosticsClient is created so diagnostics can track any issues
        /* istanbul ignore next */
        if (fetchRemoteConfig && remoteConfigClient) {
            await new Promise((resolve) => {
                // Disable coverage for this line because remote config client will always be defined in this case.
                // istanbul ignore next
                remoteConfigClient === null || remoteConfigClient === void 0 ? void 0 : remoteConfigClient.subscribe('configs.analyticsSDK.browserSDK', 'all', (remoteConfig, source, lastFetch) => {
                    browserOptions.loggerProvider.debug('Remote configuration received:', JSON.stringify({
                        remoteConfig,
                        source,
                        lastFetch,
                    }, null, 2));
                    // Resolve the promise on first callback (initial config)
                    resolve();
                });
            });
        }
        await super._init(browserOptions);
        this.logBrowserOptions(browserOptions);
        this.config.remoteConfigClient = remoteConfigClient;
        getAttributionTrackingConfig(this.config);
        // Add web attribution plugin
        if (isAttributionTrackingEnabled(this.config.defaultTracking)) ;
        // Step 3: Set session ID
        // Priority 1: `options.sessionId`
        // Priority 2: sessionId from url if it's Number and ampTimestamp is valid
        // Priority 3: last known sessionId from user identity storage
        // Default: `Date.now()`
        // Session ID is handled differently than device ID and user ID due to session events
        const queryParams = getQueryParams();
        // Check if ampTimestamp is present and valid
        const ampTimestamp = queryParams.ampTimestamp ? Number(queryParams.ampTimestamp) : undefined;
        const isWithinTimeLimit = ampTimestamp ? Date.now() < ampTimestamp : true;
        // check if we need to set the sessionId
        const querySessionId = isWithinTimeLimit && !Number.isNaN(Number(queryParams.ampSessionId))
            ? Number(queryParams.ampSessionId)
            : undefined;
        let deferredSessionId = this.config.deferredSessionId;
        if (deferredSessionId === UNSPECIFIED_SESSION_ID && !this.config.optOut) {
            deferredSessionId = Date.now();
        }
        this.setSessionId((_h = (_g = (_f = options.sessionId) !== null && _f !== void 0 ? _f : querySessionId) !== null && _g !== void 0 ? _g : deferredSessionId) !== null && _h !== void 0 ? _h : this.config.sessionId);
        if (this.config.optOut) {
            this.timeline.addOptOutListener(async (optOut) => {
                if (!optOut && this.config.deferredSessionId) {
                    if (this.config.deferredSessionId === UNSPECIFIED_SESSION_ID) {
                        this.setSessionId(undefined);
                    }
                    else {
                        this.setSessionId(this.config.deferredSessionId);
                    }
                }
            });
        }
        // Set up the analytics connector to integrate with the experiment SDK.
        // Send events from the experiment SDK and forward identifies to the
        // identity store.
        const connector = getAnalyticsConnector(this.config.instanceName);
        connector.identityStore.setIdentity({
            userId: this.config.userId,
            deviceId: this.config.deviceId,
        });
        // Step 4: Install plugins
        // Do not track any events before this
        if (this.config.offline !== OfflineDisabled) {
            await this.add(networkConnectivityCheckerPlugin()).promise;
        }
        await this.add(new Destination({ diagnosticsClient })).promise;
        await this.add(new Context$1()).promise;
        await this.add(new IdentityEventSender()).promise;
        // Notify if DET is enabled
        detNotify(this.config);
        if (isFileDownloadTrackingEnabled(this.config.defaultTracking)) ;
        if (isFormInteractionTrackingEnabled(this.config.defaultTracking)) ;
        // Add page view plugin
        if (isPageViewTrackingEnabled(this.config.defaultTracking)) ;
        if (isAttributionTrackingEnabled(this.config.defaultTracking)) ;
        if (isElementInteractionsEnabled(this.config.autocapture)) ;
        if (isFrustrationInteractionsEnabled(this.config.autocapture)) ;
        if (isNetworkTrackingEnabled(this.config.autocapture)) ;
        if (isWebVitalsEnabled(this.config.autocapture)) ;
        if (isPerformanceTrackingEnabled(this.config.autocapture)) ;
        if (isPageUrlEnrichmentEnabled(this.config.autocapture)) ;
        if (isCustomEnrichmentEnabled(this.config.customEnrichment)) ;
        this.initializing = false;
        // Step 6: Run queued dispatch functions
        await this.runQueuedFunctions('dispatchQ');
        // Step 7: Add the event receiver after running remaining queued functions.
        connector.eventBridge.setEventReceiver((event) => {
            const _a = event.eventProperties || {}, { time } = _a, cleanEventProperties = __rest(_a, ["time"]);
            const eventOptions = Object.assign(Object.assign({}, (typeof time === 'number' && { time })), (event.groups && { groups: event.groups }));
            void this.track(event.eventType, cleanEventProperties, Object.keys(eventOptions).length ? eventOptions : undefined);
        });
    }
    getUserId() {
        var _a;
        return (_a = this.config) === null || _a === void 0 ? void 0 : _a.userId;
    }
    setUserId(userId) {
        if (!this.config) {
            this.q.push(this.setUserId.bind(this, userId));
            return;
        }
        this.config.loggerProvider.debug('function setUserId: ', userId);
        if (userId !== this.config.userId || userId === undefined) {
            this.config.userId = userId;
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            this.timeline.onIdentityChanged({ userId: userId });
            setConnectorUserId(userId, this.config.instanceName);
        }
    }
    getDeviceId() {
        var _a;
        return (_a = this.config) === null || _a === void 0 ? void 0 : _a.deviceId;
    }
    setDeviceId(deviceId) {
        if (!this.config) {
            this.q.push(this.setDeviceId.bind(this, deviceId));
            return;
        }
        this.config.loggerProvider.debug('function setDeviceId: ', deviceId);
        if (deviceId !== this.config.deviceId) {
            this.config.deviceId = deviceId;
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            this.timeline.onIdentityChanged({ deviceId: deviceId });
            setConnectorDeviceId(deviceId, this.config.instanceName);
        }
    }
    reset() {
        this.setDeviceId(UUID());
        this.setUserId(undefined);
        this.timeline.onReset();
    }
    getIdentity() {
        var _a, _b;
        return {
            deviceId: (_a = this.config) === null || _a === void 0 ? void 0 : _a.deviceId,
            userId: (_b = this.config) === null || _b === void 0 ? void 0 : _b.userId,
            userProperties: this.userProperties,
        };
    }
    setIdentity(identity) {
        var _a;
        // Handle userId change
        if ('userId' in identity) {
            this.setUserId(identity.userId);
        }
        // Handle deviceId change
        if ('deviceId' in identity && identity.deviceId) {
            this.setDeviceId(identity.deviceId);
        }
        // Handle userProperties change - auto-send identify
        if ('userProperties' in identity) {
            this.userProperties = identity.userProperties;
            // Auto-send identify event with $set operations
            const identifyObj = new Identify();
            // istanbul ignore next
            const userProperties = (_a = identity.userProperties) !== null && _a !== void 0 ? _a : {};
            for (const [key, value] of Object.entries(userProperties)) {
                // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
                // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
                identifyObj.set(key, value);
            }
            // The identify event processing in core-client already calls onIdentityChanged,
            // so we don't need to call it explicitly here to avoid duplicate notifications.
            this.identify(identifyObj);
        }
    }
    getOptOut() {
        var _a;
        return (_a = this.config) === null || _a === void 0 ? void 0 : _a.optOut;
    }
    getSessionId() {
        var _a;
        return (_a = this.config) === null || _a === void 0 ? void 0 : _a.sessionId;
    }
    setSessionId(sessionId) {
        var _a;
        const promises = [];
        if (!this.config) {
            this.q.push(this.setSessionId.bind(this, sessionId));
            return returnWrapper(Promise.resolve());
        }
        // do not start a new session if optOut is true
        if (this.config.optOut) {
            // save the sessionId to storage to be used when optOut is false
            this.config.deferredSessionId = sessionId !== null && sessionId !== void 0 ? sessionId : UNSPECIFIED_SESSION_ID;
            return returnWrapper(Promise.resolve());
        }
        // default sessionId to current time
        if (sessionId === undefined) {
            sessionId = Date.now();
        }
        // Prevents starting a new session with the same session ID
        if (sessionId === this.config.sessionId) {
            return returnWrapper(Promise.resolve());
        }
        this.config.loggerProvider.debug('function setSessionId: ', sessionId);
        const previousSessionId = this.getSessionId();
        if (previousSessionId !== sessionId) {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            this.timeline.onSessionIdChanged(sessionId);
        }
        this.config.lastEventTime;
        let lastEventId = (_a = this.config.lastEventId) !== null && _a !== void 0 ? _a : -1;
        this.config.sessionId = sessionId;
        this.config.lastEventTime = undefined;
        this.config.pageCounter = 0;
        if (isSessionTrackingEnabled(this.config.defaultTracking)) ;
        // Fire web attribution event when enable webAttribution tracking
        // 1. has new campaign (call setSessionId from init function)
        // 2. or shouldTrackNewCampaign (call setSessionId from async process(event) when there has new campaign and resetSessionOnNewCampaign = true )
        this.trackCampaignEventIfNeeded(++lastEventId, promises);
        // track the identify event if an Identify object is provided in the config
        if (this.config.identify) {
            promises.push(this.track(createIdentifyEvent(this.config.identify)).promise);
        }
        if (isSessionTrackingEnabled(this.config.defaultTracking)) ;
        this.previousSessionDeviceId = this.config.deviceId;
        this.previousSessionUserId = this.config.userId;
        return returnWrapper(Promise.all(promises));
    }
    extendSession() {
        if (!this.config) {
            this.q.push(this.extendSession.bind(this));
            return;
        }
        this.config.lastEventTime = Date.now();
    }
    setTransport(transport) {
        if (!this.config) {
            this.q.push(this.setTransport.bind(this, transport));
            return;
        }
        this.config.transportProvider = createTransport(transport);
    }
    identify(identify, eventOptions) {
        if (isInstanceProxy(identify)) {
            const queue = identify._q;
            identify._q = [];
            identify = convertProxyObjectToRealObject(new Identify(), queue);
        }
        if (eventOptions === null || eventOptions === void 0 ? void 0 : eventOptions.user_id) {
            this.setUserId(eventOptions.user_id);
        }
        if (eventOptions === null || eventOptions === void 0 ? void 0 : eventOptions.device_id) {
            this.setDeviceId(eventOptions.device_id);
        }
        return super.identify(identify, eventOptions);
    }
    groupIdentify(groupType, groupName, identify, eventOptions) {
        if (isInstanceProxy(identify)) {
            const queue = identify._q;
            identify._q = [];
            identify = convertProxyObjectToRealObject(new Identify(), queue);
        }
        return super.groupIdentify(groupType, groupName, identify, eventOptions);
    }
    revenue(revenue, eventOptions) {
        if (isInstanceProxy(revenue)) {
            const queue = revenue._q;
            revenue._q = [];
            revenue = convertProxyObjectToRealObject(new Revenue(), queue);
        }
        return super.revenue(revenue, eventOptions);
    }
    trackCampaignEventIfNeeded(lastEventId, promises) {
        if (!this.webAttribution ||
            !this.webAttribution.shouldTrackNewCampaign ||
            !isUserPropertyAttributionEnabled(this.webAttribution.options)) {
            return false;
        }
    }
    async process(event) {
        const currentTime = Date.now();
        const isEventInNewSession = isNewSession(this.config.sessionTimeout, this.config.lastEventTime);
        const shouldSetSessionIdOnNewCampaign = this.webAttribution && this.webAttribution.shouldSetSessionIdOnNewCampaign();
        if (event.event_type !== DEFAULT_SESSION_START_EVENT &&
            event.event_type !== DEFAULT_SESSION_END_EVENT &&
            (!event.session_id || event.session_id === this.getSessionId())) {
            if (isEventInNewSession || shouldSetSessionIdOnNewCampaign) {
                this.setSessionId(currentTime);
                if (shouldSetSessionIdOnNewCampaign) {
                    this.config.loggerProvider.log('Created a new session for new campaign.');
                }
            }
            else if (!isEventInNewSession) {
                // Web attribution should be tracked during the middle of a session
                // if there has been a chance in the campaign information.
                this.trackCampaignEventIfNeeded();
            }
        }
        return super.process(event);
    }
    logBrowserOptions(browserConfig) {
        try {
            const browserConfigCopy = Object.assign(Object.assign({}, browserConfig), { apiKey: browserConfig.apiKey.substring(0, 10) + '********' });
            this.config.loggerProvider.debug('Initialized Amplitude with BrowserConfig:', safeJsonStringify(browserConfigCopy));
        }
        catch (e) {
            /* istanbul ignore next */
            this.config.loggerProvider.error('Error logging browser config', e);
        }
    }
    /**
     * @experimental
     * WARNING: This method is for internal testing only and is not part of the public API.
     * It may be changed or removed at any time without notice.
     *
     * Sets the diagnostics sample rate before amplitude.init()
     * @param sampleRate - The sample rate to set
     */
    _setDiagnosticsSampleRate(sampleRate) {
        if (sampleRate > 1 || sampleRate < 0) {
            return;
        }
        // Set diagnostics sample rate before initializing the config
        if (!this.config) {
            this._diagnosticsSampleRate = sampleRate;
            return;
        }
    }
}

/** Kept in step with package.json by scripts/build.mjs (it fails the build when they differ). */
const VERSION = '0.1.0';
const SHIM_NAME = 'segment-amplitude-shim';
const LIBRARY = `${SHIM_NAME}/${VERSION}`;

/** SDK options the shim owns; a page may not override them through the raw options key. */
const OWNED_OPTIONS = [
    'deviceId',
    'userId',
    'sessionId',
    'autocapture',
    'defaultTracking',
    'fetchRemoteConfig',
    'remoteConfig',
    'instanceName',
];
function sdkInitOptions(options) {
    var _a;
    // Sending (batching, intervals, retries, min_id_length) is the outbox's: see outboxConfig.
    const config = {
        identityStorage: 'cookie',
        ingestionMetadata: { sourceName: SHIM_NAME, sourceVersion: VERSION },
        cookieOptions: { sameSite: 'Lax', secure: options.https },
    };
    for (const key of Object.keys(options.sdkOptions)) {
        const value = options.sdkOptions[key];
        if (OWNED_OPTIONS.includes(key))
            options.warn(`the Amplitude SDK option "${key}" is managed by the shim and was ignored`);
        else if (key === 'cookieOptions' && value && typeof value === 'object')
            config.cookieOptions = Object.assign({}, config.cookieOptions, value);
        else
            config[key] = value;
    }
    if (options.clientPersistence === false) {
        config.identityStorage = 'none';
        config.cookieOptions = Object.assign({}, config.cookieOptions, { upgrade: false });
    }
    // The shim decides every event and every ID: no remote config, no autocapture, no URL-derived IDs.
    return Object.assign(config, {
        deviceId: options.deviceId,
        userId: (_a = options.userId) !== null && _a !== void 0 ? _a : undefined,
        sessionId: options.sessionId,
        autocapture: false,
        fetchRemoteConfig: false,
        remoteConfig: { fetchRemoteConfig: false },
    });
}
/**
 * How the outbox sends, from the destination settings and the page's raw SDK options, with the
 * SDK's own defaults and rules (serverUrl wins over serverZone; useBatch picks the batch endpoint).
 */
function outboxConfig(apiKey, settings, sdkOptions) {
    const batching = settings.batchEvents;
    const host = sdkOptions.serverZone === 'EU' ? 'https://api.eu.amplitude.com' : 'https://api2.amplitude.com';
    const serverUrl = typeof sdkOptions.serverUrl === 'string' && sdkOptions.serverUrl
        ? sdkOptions.serverUrl
        : host + (sdkOptions.useBatch === true ? '/batch' : '/2/httpapi');
    const positive = (value, fallback) => typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
    return {
        apiKey,
        serverUrl,
        batchSize: positive(sdkOptions.flushQueueSize, batching ? settings.eventUploadThreshold : 30),
        flushIntervalMs: positive(sdkOptions.flushIntervalMillis, batching ? settings.eventUploadPeriodMillis : 10),
        // batchEvents off: each call's events leave at once, as amplitude-js did, unless the page set its
        // own interval (it asked for its events to wait).
        sendNewEventsAtOnce: !batching && positive(sdkOptions.flushIntervalMillis, 0) === 0,
        uploadThreshold: batching ? settings.eventUploadThreshold : 0,
        // Short ids such as "42" are common in Segment installs; Amplitude's API rejects them without this.
        minIdLength: positive(sdkOptions.minIdLength, 1),
        // flushMaxRetries is not honoured: an event is given up only for a reason that will not change (outbox.ts).
        throttleMs: 30000,
    };
}

/** Names of the plugins the SDK adds to itself at init; the shim does their work itself. */
const SDK_OWN = new Set(['amplitude', 'identity', '@amplitude/plugin-context-browser']);
class PagePlugins {
    constructor(now = Date.now) {
        this.now = now;
        this.list = [];
    }
    /** Before plugins, then enrichment plugins, each in the order added (the SDK's own order). */
    inOrder() {
        return [...this.list.filter((p) => p.type === 'before'), ...this.list.filter((p) => p.type === 'enrichment')];
    }
    get size() {
        return this.list.length;
    }
    /**
     * `client.add(plugin)` was called: a page plugin of a type that sees events (before, enrichment) is
     * recorded, and its setup is wrapped so the runtime knows when the SDK has set it up.
     */
    added(value) {
        var _a;
        if (!value || typeof value !== 'object')
            return;
        const plugin = value;
        let name;
        let type;
        try {
            name = typeof plugin.name === 'string' ? plugin.name : '';
            type = (_a = plugin.type) !== null && _a !== void 0 ? _a : 'enrichment';
        }
        catch (_b) {
            return;
        }
        if (SDK_OWN.has(name) || name.startsWith('segment-amplitude-shim/'))
            return;
        if (type !== 'before' && type !== 'enrichment')
            return;
        // The SDK skips a second plugin of the same name; so do we.
        if (name && this.list.some((p) => p.name === name))
            return;
        let settle = () => undefined;
        const entry = {
            plugin,
            name,
            type,
            addedAt: this.now(),
            setUp: new Promise((resolve) => (settle = resolve)),
            ready: false,
            abandoned: false,
        };
        entry.setUp.then((ok) => {
            entry.ready = ok && !entry.abandoned;
            if (!ok)
                entry.abandoned = true;
        }, undefined);
        const setup = plugin.setup;
        try {
            plugin.setup = function wrappedSetup(config, client) {
                let returned;
                try {
                    returned = typeof setup === 'function' ? setup.call(plugin, config, client) : undefined;
                }
                catch (error) {
                    settle(false);
                    throw error;
                }
                return Promise.resolve(returned).then((result) => {
                    settle(true);
                    return result;
                }, (error) => {
                    settle(false);
                    throw error;
                });
            };
        }
        catch (_c) {
            return; // a frozen plugin: the SDK runs it on its own events only
        }
        this.list.push(entry);
    }
    /** `client.remove(name)`: it no longer sees events. */
    removed(name) {
        this.list = this.list.filter((p) => p.name !== name);
    }
}

/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what servers and the next page
 * read: the device, user and session in its `AMP_` cookie (with its legacy-cookie migration and cookie
 * domain rules). The shim decides the rest before the SDK has started: no remote config and no
 * autocapture, the session (src/runtime/session.ts, the SDK's rules), and delivery: the SDK's destination is
 * replaced by the shim's outbox, so an event is complete and on its way the moment it is handed over.
 * Events the SDK produces itself are taken at its entrance (`process`) and sent the same way, and the
 * plugins a page adds to the client are followed (page-plugins.ts) so the runtime runs them on every event.
 */
/** The SDK reads and writes its unsent queue here; the outbox keeps its own, so this holds nothing. */
const nothing = () => Promise.resolve(undefined);
const NO_EVENT_STORAGE = {
    isEnabled: () => Promise.resolve(true),
    get: nothing,
    getRaw: nothing,
    set: nothing,
    remove: nothing,
    reset: nothing,
};
class AmplitudeAdapter {
    constructor() {
        this.client = new AmplitudeBrowser();
        this.pagePlugins = new PagePlugins();
        this.started = false;
        // The page's add() and remove() are followed from the start, before the SDK has been initialized.
        const client = this.client;
        const add = client.add.bind(client);
        const remove = client.remove.bind(client);
        client.add = (plugin) => {
            this.pagePlugins.added(plugin);
            return add(plugin);
        };
        client.remove = (name) => {
            this.pagePlugins.removed(name);
            return remove(name);
        };
    }
    async init(options, sink) {
        const config = sdkInitOptions(options);
        config.storageProvider = NO_EVENT_STORAGE;
        // Every event the SDK produces is taken at its entrance and sent by the shim like its own: the
        // shim's identity, session and envelope, then the page's plugins, the outbox and the exit journal.
        // (The SDK's own session and context rules would otherwise stamp it, or, in the lean build, not.)
        const send = (event) => sink.sdkEvent(event).then((outcome) => ({ event, code: outcome.code, message: outcome.message }));
        this.client.process = send;
        await this.client.init(options.apiKey, undefined, config).promise;
        await this.client.remove('amplitude').promise;
        await this.client.add({
            name: 'amplitude',
            type: 'destination',
            setup: () => Promise.resolve(undefined),
            // Nothing reaches the timeline (process is the shim's), but should anything, it is sent the same way.
            execute: send,
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

const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';
let lastSnapshot;
/**
 * The page as a call sees it. A call on the same URL, title and referrer as the previous one reuses its
 * snapshot (the canonical link is assumed to change only with the URL or title), which saves the canonical
 * link's DOM query in a burst.
 */
function readPageSnapshot() {
    if (!hasWindow)
        return { pathname: '', href: '', search: '', title: '', referrer: '' };
    const href = attempt(() => location.href, '');
    const title = attempt(() => document.title, '');
    const referrer = currentReferrer();
    if (lastSnapshot && lastSnapshot.href === href && lastSnapshot.title === title && lastSnapshot.referrer === referrer)
        return Object.assign({}, lastSnapshot);
    const snap = {
        pathname: attempt(() => location.pathname, ''),
        href,
        search: attempt(() => location.search, ''),
        title,
        referrer,
    };
    const canonical = attempt(() => {
        const el = document.querySelector('link[rel="canonical"]');
        return (el && el.getAttribute('href')) || undefined;
    }, undefined);
    if (canonical)
        snap.canonical = canonical;
    lastSnapshot = snap;
    return Object.assign({}, snap);
}
function locationSearch() {
    return hasWindow ? attempt(() => location.search, '') : '';
}
function locationHash() {
    return hasWindow ? attempt(() => location.hash, '') : '';
}
function currentReferrer() {
    return hasWindow ? attempt(() => document.referrer, '') : '';
}
/** The browser's Global Privacy Control signal (`navigator.globalPrivacyControl`), if it sends one. */
function globalPrivacyControl() {
    return attempt(() => typeof navigator === 'undefined'
        ? undefined
        : navigator.globalPrivacyControl, undefined);
}
function isHttps() {
    return hasWindow && attempt(() => location.protocol === 'https:', false);
}
/** What the browser says of itself that events carry (user agent, language). Read once per page by callers. */
function navigatorFacts() {
    if (typeof navigator === 'undefined')
        return {};
    return attempt(() => ({
        userAgent: navigator.userAgent || undefined,
        language: navigator.language || undefined,
    }), {});
}
function navigate(href) {
    attempt(() => {
        window.location.href = href;
    }, undefined);
}

/** The page's cookies, read and written the way analytics-next does (domain detection included). */
function readCookies() {
    return parseCookieHeader(hasWindow ? attempt(() => document.cookie, '') : '');
}
function getCookie(name) {
    const value = readCookies()[name];
    return value === undefined ? undefined : attempt(() => decodeURIComponent(value), value);
}
let detectedDomain;
/**
 * The registrable domain, found the way analytics-next does: the broadest `.domain` a test cookie
 * sticks on. localhost, single-label hosts and IPs get host-only cookies.
 */
function topLevelCookieDomain() {
    if (detectedDomain !== undefined)
        return detectedDomain || undefined;
    detectedDomain = null;
    if (!hasWindow)
        return undefined;
    const host = attempt(() => location.hostname, '');
    if (!host || !host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':'))
        return undefined;
    const labels = host.split('.');
    for (let i = labels.length - 2; i >= 0; i--) {
        const candidate = labels.slice(i).join('.');
        const probe = `__tld__=1; domain=.${candidate}; path=/`;
        attempt(() => {
            document.cookie = probe;
        }, undefined);
        if (readCookies().__tld__ !== undefined) {
            attempt(() => {
                document.cookie = `__tld__=; domain=.${candidate}; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
            }, undefined);
            detectedDomain = candidate;
            return candidate;
        }
    }
    return undefined;
}
function setCookie(name, value, options = {}) {
    var _a, _b, _c, _d, _e;
    if (!hasWindow)
        return;
    const days = (_a = options.maxage) !== null && _a !== void 0 ? _a : 365;
    const parts = [`${name}=${encodeURIComponent(value)}`, `path=${(_b = options.path) !== null && _b !== void 0 ? _b : '/'}`];
    parts.push(`expires=${new Date(Date.now() + days * 864e5).toUTCString()}`);
    const domain = (_c = options.domain) !== null && _c !== void 0 ? _c : topLevelCookieDomain();
    if (domain)
        parts.push(`domain=.${domain.replace(/^\./, '')}`);
    parts.push(`SameSite=${(_d = options.sameSite) !== null && _d !== void 0 ? _d : 'Lax'}`);
    if ((_e = options.secure) !== null && _e !== void 0 ? _e : isHttps())
        parts.push('Secure');
    attempt(() => {
        document.cookie = parts.join('; ');
    }, undefined);
}
function removeCookie(name, options = {}) {
    var _a, _b;
    if (!hasWindow)
        return;
    const domain = (_a = options.domain) !== null && _a !== void 0 ? _a : topLevelCookieDomain();
    const base = `${name}=; path=${(_b = options.path) !== null && _b !== void 0 ? _b : '/'}; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    attempt(() => {
        document.cookie = domain ? `${base}; domain=.${domain.replace(/^\./, '')}` : base;
        document.cookie = base;
    }, undefined);
}

function storage() {
    if (!hasWindow)
        return undefined;
    return attempt(() => window.localStorage || undefined, undefined);
}
function localGet(key) {
    const s = storage();
    return s ? attempt(() => s.getItem(key), null) : null;
}
/** Returns false when storage is unavailable or full. */
function localSet(key, value) {
    const s = storage();
    if (!s)
        return false;
    return attempt(() => {
        s.setItem(key, value);
        return true;
    }, false);
}
function localRemove(key) {
    const s = storage();
    if (s)
        attempt(() => s.removeItem(key), undefined);
}
function localKeys() {
    const s = storage();
    if (!s)
        return [];
    return attempt(() => {
        const keys = [];
        for (let i = 0; i < s.length; i++) {
            const key = s.key(i);
            if (key !== null)
                keys.push(key);
        }
        return keys;
    }, []);
}
const localStore = { get: localGet, set: localSet, remove: localRemove, keys: localKeys };
/** A store that forgets with the page (disableClientPersistence, tests). */
function memoryStore() {
    const data = new Map();
    return {
        get: (key) => { var _a; return (_a = data.get(key)) !== null && _a !== void 0 ? _a : null; },
        set: (key, value) => {
            data.set(key, value);
            return true;
        },
        remove: (key) => {
            data.delete(key);
        },
        keys: () => [...data.keys()],
    };
}

/** Device IDs any Amplitude SDK generation left for this API key. */
function readStoredAmplitudeDeviceIds(apiKey) {
    var _a;
    const cookies = readCookies();
    const stored = {};
    const v2 = cookies[v2CookieName(apiKey)];
    if (v2)
        stored.v2 = (_a = decodeV2Identity(v2)) === null || _a === void 0 ? void 0 : _a.deviceId;
    if (!stored.v2) {
        const fromStorage = localGet(v2CookieName(apiKey));
        if (fromStorage)
            stored.v2 = attempt(() => stringField(JSON.parse(fromStorage), 'deviceId'), undefined);
    }
    const amplitudeJs = cookies[`amp_${apiKey.slice(0, 6)}`];
    if (amplitudeJs)
        stored.amplitudeJs = attempt(() => decodeURIComponent(amplitudeJs).split('.')[0] || undefined, undefined);
    const v5Name = Object.keys(cookies).find((name) => name.indexOf(`amplitude_id_${apiKey}`) === 0);
    if (v5Name)
        stored.amplitudeJs5 = attempt(() => stringField(JSON.parse(atob(decodeURIComponent(cookies[v5Name]))), 'deviceId'), undefined);
    return stored;
}
/** The v2 SDK's stored session, to tell whether this page load starts a new Amplitude session. */
function readStoredAmplitudeSession(apiKey) {
    const raw = readCookies()[v2CookieName(apiKey)];
    return (raw && decodeV2Identity(raw)) || {};
}
const SEGMENT_SESSION_KEYS = ['analytics_session_id', 'analytics_session_id.last_access'];
/** Segment's session plugin keys, localStorage first, then the cookie (analytics.js storage order). */
function readSegmentSession() {
    const read = (key) => {
        var _a;
        // Neither there: Number(undefined) is NaN, so no value.
        const n = Number((_a = localGet(key)) !== null && _a !== void 0 ? _a : getCookie(key));
        return Number.isFinite(n) && n > 0 ? n : null;
    };
    return { id: read(SEGMENT_SESSION_KEYS[0]), lastAccess: read(SEGMENT_SESSION_KEYS[1]) };
}
/** Writes them where analytics.js keeps them (localStorage and cookie), so Segment's plugin would continue too. */
function writeSegmentSession(id, lastAccess, cookie) {
    const values = [id, lastAccess];
    SEGMENT_SESSION_KEYS.forEach((key, i) => {
        localSet(key, String(values[i]));
        setCookie(key, String(values[i]), cookie);
    });
}

function responseCode(response) {
    const code = response.body.code;
    return typeof code === 'number' ? code : response.status;
}
/** A 400 about the request as a whole (no API key, or a wrong one): its error, else undefined. */
function requestRejected(body) {
    const error = errorOf(body);
    return body.missing_field || error.startsWith('Invalid API key') ? error || 'invalid request' : undefined;
}
function errorOf(body) {
    return typeof body.error === 'string' ? body.error : '';
}
/** Indexes, in the request, of the events a 400 names as invalid. */
function invalidIndexes(body) {
    const bad = new Set();
    for (const field of ['events_with_invalid_fields', 'events_with_missing_fields', 'events_with_invalid_id_lengths']) {
        const byField = body[field];
        if (byField && typeof byField === 'object')
            for (const list of Object.values(byField))
                addIndexes(bad, list);
    }
    addIndexes(bad, body.silenced_events);
    return bad;
}
/** A 429: who is over the daily quota (for good, today), and which events are only throttled. */
function throttling(body) {
    const users = new Set(Object.keys(asDict(body.exceeded_daily_quota_users)));
    const devices = new Set(Object.keys(asDict(body.exceeded_daily_quota_devices)));
    const throttled = new Set();
    addIndexes(throttled, body.throttled_events);
    return { overQuota: (event) => users.has(String(event.user_id)) || devices.has(String(event.device_id)), throttled };
}
/** `value` when it is an object (not an array), else an empty one. */
function asDict(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function addIndexes(into, list) {
    if (Array.isArray(list))
        for (const i of list)
            if (typeof i === 'number')
                into.add(i);
}

/** POSTs JSON to the site's own server (same-origin credentials), surviving a navigation that follows. */
function postJson(url, body) {
    if (!hasWindow || typeof fetch !== 'function')
        return Promise.resolve(false);
    try {
        return fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
            credentials: 'same-origin',
            keepalive: true,
        }).then((response) => response.ok, () => false);
    }
    catch (_a) {
        return Promise.resolve(false);
    }
}
/** The outbox's way to the wire: fetch (keepalive while small enough) and, at exit, sendBeacon. */
const browserTransport = {
    post(url, body, keepalive) {
        if (!hasWindow || typeof fetch !== 'function')
            return Promise.resolve(null);
        try {
            return fetch(url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: '*/*' },
                body,
                keepalive,
            }).then((response) => response.text().then((text) => ({ status: response.status, body: parseObject(text) }), () => ({ status: response.status, body: {} })), () => null);
        }
        catch (_a) {
            return Promise.resolve(null);
        }
    },
    beacon(url, body) {
        if (!hasWindow)
            return false;
        return attempt(() => typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body), false);
    },
    online() {
        return !hasWindow || attempt(() => navigator.onLine !== false, true);
    },
};
function parseObject(text) {
    return asDict(attempt(() => JSON.parse(text), undefined));
}

/** The site-wide lock that pages of one site take turns through (Web Locks), for the journal's takeover. */
/** false when the browser has no Web Locks: records then wait for the next page load. */
const webLock = (name, work) => attempt(() => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks || typeof locks.request !== 'function')
        return false;
    const held = locks.request(name, work);
    held.then(undefined, () => undefined);
    return true;
}, false);

const browserPort = {
    snapshot: readPageSnapshot,
    search: locationSearch,
    hash: locationHash,
    referrer: currentReferrer,
    isHttps,
    globalPrivacyControl,
    navigatorFacts,
    navigate,
    localGet,
    localSet,
    localRemove,
    getCookie,
    setCookie,
    removeCookie,
    storedAmplitudeDeviceIds: readStoredAmplitudeDeviceIds,
    storedAmplitudeSession: readStoredAmplitudeSession,
    segmentSession: readSegmentSession,
    keepSegmentSession: writeSegmentSession,
    postJson,
    siteLock: webLock,
};

const systemClock = {
    now: () => Date.now(),
    monotonic: () => typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle),
};

/** Random v4 UUIDs for anonymousIds, device IDs and message IDs. */
const webCrypto = hasWindow ? attempt(() => window.crypto, undefined) : undefined;
const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
/** Random bytes fetched 4 KiB at a time: one call into the browser's generator per 256 ids, not one per id. */
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
function randomBytes16() {
    if (poolOffset + 16 > pool.length) {
        if (!webCrypto || !attempt(() => (webCrypto.getRandomValues(pool), true), false)) {
            for (let i = 0; i < pool.length; i++)
                pool[i] = Math.floor(Math.random() * 256);
        }
        poolOffset = 0;
    }
    const at = poolOffset;
    poolOffset += 16;
    return at;
}
/** A v4 UUID from cryptographic randomness (per call it costs a fraction of crypto.randomUUID). */
function randomUUID() {
    const at = randomBytes16();
    let id = '';
    for (let i = 0; i < 16; i++) {
        // The version (4) and the variant (10xx) bits.
        const byte = i === 6 ? (pool[at + i] & 0x0f) | 0x40 : i === 8 ? (pool[at + i] & 0x3f) | 0x80 : pool[at + i];
        id += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[byte];
    }
    return id;
}

class EntityStore {
    constructor(keys, options, storage) {
        this.keys = keys;
        this.options = options;
        this.storage = storage;
        /**
         * The values in force, read from storage once and then kept here: a call then costs no cookie or
         * storage access, and storage is written only when a value changes. invalidate() re-reads, for when
         * another tab may have changed them.
         */
        this.cache = new Map();
        /**
         * Keys written by the page before the store was opened (identify, setAnonymousId, user().id(...)
         * before load): they win over stored values when it opens. Other cached values were only made up
         * in memory, and give way to what the visitor already has.
         */
        this.explicit = new Set();
        this.opened = false;
    }
    /**
     * Applies load's decision: persisted (cookies and localStorage) or memory only. Until then the store
     * lives in memory and touches no storage, so nothing is read or written before consent.
     */
    open(options) {
        const first = !this.opened;
        this.opened = true;
        this.options = options;
        if (!first || !options.persist)
            return;
        const pending = this.cache;
        this.cache = new Map();
        for (const [key, value] of pending) {
            const cookieToo = key !== this.keys.traits;
            if (this.explicit.has(key) || this.readStored(key, cookieToo) === null)
                this.writeValue(key, value, cookieToo);
        }
        this.explicit.clear();
    }
    /** Forget what was read, so the next read sees changes other tabs made. */
    invalidate() {
        if (this.options.persist)
            this.cache = new Map();
    }
    readValue(key, cookieToo) {
        if (this.cache.has(key))
            return this.cache.get(key);
        const value = this.options.persist ? this.readStored(key, cookieToo) : null;
        this.cache.set(key, value);
        // Get-and-sync, once: a value found in one store is written back to the others, as analytics-next does.
        if (value !== null)
            this.persist(key, value, cookieToo);
        return value;
    }
    writeValue(key, value, cookieToo, madeUp = false) {
        const next = value === undefined ? null : value;
        if (!this.opened && !madeUp)
            this.explicit.add(key);
        if (this.cache.has(key) && sameValue(this.cache.get(key), next))
            return;
        this.cache.set(key, next);
        this.persist(key, next, cookieToo);
    }
    persist(key, value, cookieToo) {
        if (!this.options.persist)
            return;
        if (value === null) {
            this.storage.localRemove(key);
            if (cookieToo)
                this.storage.removeCookie(key, this.options.cookie);
            return;
        }
        this.storage.localSet(key, JSON.stringify(value));
        if (cookieToo)
            this.storage.setCookie(key, typeof value === 'string' ? value : JSON.stringify(value), this.options.cookie);
    }
    readStored(key, cookieToo) {
        const local = this.storage.localGet(key);
        if (local !== null) {
            const parsed = parseStoredValue(local);
            if (parsed !== null)
                return parsed;
        }
        if (cookieToo) {
            const cookie = this.storage.getCookie(key);
            if (cookie !== undefined)
                return parseStoredValue(cookie);
        }
        return null;
    }
    id(value) {
        if (value !== undefined) {
            this.writeValue(this.keys.id, value === null ? null : String(value), true);
        }
        return storedId(this.readValue(this.keys.id, true));
    }
    traits(value) {
        if (value !== undefined)
            this.writeValue(this.keys.traits, isPlainObject(value) ? value : {}, false);
        const stored = this.readValue(this.keys.traits, false);
        return isPlainObject(stored) ? stored : {};
    }
    /** Same id (or none yet): traits merge. A different id: traits are replaced. */
    identify(id, traits) {
        const current = this.id();
        const sameEntity = current === null || id === null || id === undefined || id === current;
        const next = Object.assign(Object.assign({}, (sameEntity ? this.traits() : {})), traits);
        if (id)
            this.id(id);
        this.traits(next);
    }
    reset() {
        this.writeValue(this.keys.id, null, true);
        this.writeValue(this.keys.traits, null, false);
    }
}
const ANON_KEY = 'ajs_anonymous_id';
class UserStore extends EntityStore {
    constructor(options, storage, newId, 
    /** Told whenever the anonymousId takes a new value, so the Amplitude device ID can follow it. */
    onAnonymousIdChange = () => undefined) {
        super({ id: 'ajs_user_id', traits: 'ajs_user_traits' }, options, storage);
        this.newId = newId;
        this.onAnonymousIdChange = onAnonymousIdChange;
    }
    id(value) {
        if (value !== undefined && value !== null) {
            const previous = super.id();
            // analytics-next: a different, non-null user on this browser gets a fresh anonymousId.
            if (previous !== null && previous !== String(value))
                this.anonymousId(null);
        }
        return super.id(value);
    }
    /** Lazily created: the first read makes and persists a UUID, as analytics-next does. */
    anonymousId(value) {
        if (value !== undefined) {
            const next = value === null ? null : String(value);
            const changed = next !== this.peekAnonymousId();
            this.writeValue(ANON_KEY, next, true);
            if (changed && next !== null)
                this.onAnonymousIdChange(next);
            if (next === null)
                return null;
        }
        const stored = this.peekAnonymousId();
        if (stored !== null)
            return stored;
        const fresh = this.newId();
        this.writeValue(ANON_KEY, fresh, true, true);
        this.onAnonymousIdChange(fresh);
        return fresh;
    }
    /** Reads without creating one (for deciding whether a visitor is new). */
    peekAnonymousId() {
        return storedId(this.readValue(ANON_KEY, true));
    }
    logout() {
        this.anonymousId(null);
        super.id(null);
        this.traits({});
    }
    reset() {
        this.logout();
        super.reset();
        this.writeValue(ANON_KEY, null, true);
    }
}
class GroupStore extends EntityStore {
    constructor(options, storage) {
        super({ id: 'ajs_group_id', traits: 'ajs_group_properties' }, options, storage);
    }
}
/** An id as read back: nothing stored, or an empty string, is no id. */
function storedId(stored) {
    return stored === null || stored === undefined || stored === '' ? null : String(stored);
}
function sameValue(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    try {
        return JSON.stringify(a) === JSON.stringify(b);
    }
    catch (_a) {
        return false;
    }
}

/**
 * Calling code the page gave us (callbacks, listeners, middleware, `use`, trackLink resolvers) and
 * reading what it returns, without letting a throw, a rejected promise or a hostile thenable reach
 * the page as an uncaught error.
 */
function isThenable(value) {
    try {
        return (!!value &&
            (typeof value === 'object' || typeof value === 'function') &&
            typeof value.then === 'function');
    }
    catch (_a) {
        return false;
    }
}
/** Subscribes to a page-supplied thenable without letting its `then` throw into us. */
function safeThen(value, onFulfilled, onRejected) {
    try {
        value.then.call(value, onFulfilled, onRejected);
    }
    catch (error) {
        onRejected(error);
    }
}
/**
 * Waits for a thenable the page gave us (a plugin's load or hook, a middleware, a tracked call) for at
 * most `ms`, and resolves with the answer of whichever comes first: its value, its rejection (a `then`
 * that throws included) or the time running out. Only the first counts: a hostile thenable that settles
 * twice, or late, changes nothing and is not reported twice. Never rejects.
 */
function raceTimeout(thenable, ms, clock, onValue, onError, onTimeout) {
    return new Promise((resolve) => {
        let done = false;
        const finish = (answer) => {
            if (done)
                return;
            done = true;
            clock.clearTimeout(timer);
            resolve(answer());
        };
        const timer = clock.setTimeout(() => finish(onTimeout), ms);
        safeThen(thenable, (value) => finish(() => onValue(value)), (error) => finish(() => onError(error)));
    });
}
/** Resolves when `promise` settles or `ms` have passed, whichever comes first; never rejects. */
function settledWithin(promise, ms, clock) {
    const nothing = () => undefined;
    return raceTimeout(promise, ms, clock, nothing, nothing, nothing);
}
/** A message for any thrown value, even one whose toString throws. */
function describe$1(error) {
    try {
        if (error instanceof Error)
            return `${error.name}: ${error.message}`;
        return String(error);
    }
    catch (_a) {
        return 'an unprintable value';
    }
}
/**
 * Calls a page function. A throw, or a promise it returns that rejects, becomes `onError`; the result
 * is returned (undefined after a throw).
 */
function callPageFunction(fn, thisArg, args, onError) {
    try {
        const returned = fn.apply(thisArg, args);
        if (isThenable(returned))
            safeThen(returned, undefined, onError);
        return returned;
    }
    catch (error) {
        onError(error);
        return undefined;
    }
}
/** String(x) that cannot throw (hostile toString, revoked Proxy, symbols). */
function safeString(value) {
    return attempt(() => String(value), '[unprintable]');
}

/** analytics-next's emitter: listeners run synchronously with `this` bound to the analytics object. */
class Emitter {
    constructor(self, onListenerError) {
        this.self = self;
        this.onListenerError = onListenerError;
        this.listeners = {};
    }
    on(event, fn) {
        var _a;
        ((_a = this.listeners)[event] || (_a[event] = [])).push(fn);
    }
    once(event, fn) {
        const wrapper = (...args) => {
            this.off(event, wrapper);
            return fn.apply(this.self(), args); // errors are contained by emit()
        };
        this.on(event, wrapper);
    }
    off(event, fn) {
        const list = this.listeners[event];
        if (list)
            this.listeners[event] = list.filter((l) => l !== fn);
    }
    emit(event, ...args) {
        for (const fn of (this.listeners[event] || []).slice()) {
            // An async listener that rejects must not surface as an unhandled rejection on the page either.
            callPageFunction(fn, this.self(), args, (error) => this.onListenerError(event, error));
        }
    }
}

/**
 * Console output. A problem that drops data is always shown; anything else only in debug mode.
 * Each distinct message is printed once, so a hot loop with bad input cannot flood the console.
 */
const PREFIX = '[segment-amplitude-shim]';
const MAX_REMEMBERED = 500;
class Logger {
    constructor() {
        this.debugEnabled = false;
        this.seen = new Set();
        this.muted = false;
    }
    /** `call` names the public method, e.g. "analytics.track()". */
    problem(call, message, dataDropped) {
        if (!dataDropped && !this.debugEnabled)
            return;
        this.once(`${call}: ${message}`, 'warn');
    }
    debug(message, ...details) {
        if (!this.debugEnabled)
            return;
        try {
            console.debug(PREFIX, message, ...details);
        }
        catch (_a) {
            /* a page that replaced console must not break us */
        }
    }
    once(message, level = 'warn') {
        if (this.muted || this.seen.has(message))
            return;
        if (this.seen.size >= MAX_REMEMBERED) {
            // This many distinct messages means a page looping over bad input: say so once, then stay quiet.
            this.muted = true;
            this.print(`${MAX_REMEMBERED} distinct warnings so far; further ones are not shown`, 'warn');
            return;
        }
        this.seen.add(message);
        this.print(message, level);
    }
    print(message, level) {
        try {
            console[level](`${PREFIX} ${message}`);
        }
        catch (_a) {
            /* a page that replaced console must not break us */
        }
    }
}

/**
 * The page's elements that trackLink and trackForm are given: what they are, where a link goes, and their
 * events. auto-track.ts keeps analytics-next's rules (what is tracked, when navigation goes on); this file
 * is their only contact with the DOM. Reads are defensive: a page may hand over anything.
 */
/** An element, an array of them or a jQuery-like object, as elements; anything else as none. */
function toElements(input) {
    if (!input)
        return [];
    try {
        if (typeof Element !== 'undefined' && input instanceof Element)
            return [input];
        const maybe = input;
        const list = Array.isArray(input) ? input : typeof maybe.toArray === 'function' ? maybe.toArray() : [];
        return Array.isArray(list)
            ? list.filter((el) => typeof Element !== 'undefined' && el instanceof Element)
            : [];
    }
    catch (_a) {
        // A Proxy whose traps throw, or a jQuery-like whose toArray throws: nothing we can bind to.
        return [];
    }
}
function toForms(input) {
    return toElements(input).filter((el) => el.tagName === 'FORM');
}
/** Where a link goes: its own href (or SVG xlink:href), else that of the first link inside it. */
function linkHref(el) {
    var _a, _b;
    const direct = (_b = (_a = el.getAttribute('href')) !== null && _a !== void 0 ? _a : el.getAttributeNS('http://www.w3.org/1999/xlink', 'href')) !== null && _b !== void 0 ? _b : el.getAttribute('xlink:href');
    if (direct)
        return direct;
    const nested = el.getElementsByTagName('a')[0];
    return nested ? nested.getAttribute('href') : null;
}
/** The click opens its link elsewhere (a new tab or window), so this page is not left and need not wait. */
function opensElsewhere(el, href, click) {
    const mouse = click;
    return ((el.getAttribute('target') === '_blank' && Boolean(href)) ||
        mouse.metaKey ||
        mouse.ctrlKey ||
        mouse.shiftKey ||
        mouse.button === 1);
}
function onElementEvent(el, type, listener) {
    el.addEventListener(type, listener);
}

/** An event name or properties given as a function of the element; what it throws or rejects is reported. */
function resolve(value, el, onError) {
    return typeof value === 'function'
        ? callPageFunction(value, undefined, [el], onError)
        : value;
}
function trackLink(deps, call, links, event, properties, options) {
    const elements = toElements(links);
    if (links && elements.length === 0)
        deps.warn(call, 'expects an element, an array of elements or a jQuery object; nothing was bound');
    for (const el of elements) {
        onElementEvent(el, 'click', (e) => {
            var _a;
            try {
                const failed = (error) => deps.warn(call, `a function given to it failed: ${describe$1(error)}`);
                const ev = resolve(event, el, failed);
                const props = resolve(properties, el, failed);
                const href = linkHref(el);
                const newTab = opensElsewhere(el, href, e);
                const tracked = deps.track(ev, props, (_a = options) !== null && _a !== void 0 ? _a : {});
                if (!newTab && href) {
                    e.preventDefault();
                    void settledWithin(tracked, deps.timeout(), deps.clock).then(() => deps.navigate(href));
                }
            }
            catch (error) {
                deps.warn(call, `click handler failed: ${describe$1(error)}`);
            }
        });
    }
}
function trackForm(deps, call, forms, event, properties, options) {
    const elements = toForms(forms);
    if (forms && elements.length === 0)
        deps.warn(call, 'expects a form element or an array of forms; nothing was bound');
    for (const form of elements) {
        onElementEvent(form, 'submit', (e) => {
            var _a;
            try {
                e.preventDefault();
                const failed = (error) => deps.warn(call, `a function given to it failed: ${describe$1(error)}`);
                const tracked = deps.track(resolve(event, form, failed), resolve(properties, form, failed), (_a = options) !== null && _a !== void 0 ? _a : {});
                void settledWithin(tracked, deps.timeout(), deps.clock).then(() => form.submit());
            }
            catch (error) {
                deps.warn(call, `submit handler failed: ${describe$1(error)}`);
            }
        });
    }
}

class CallQueue {
    constructor(deps) {
        this.deps = deps;
        /** Not drained yet. */
        this.waiting = [];
        /** Drained, in order; the head may still be in asynchronous middleware. */
        this.inOrder = [];
        this.open = false;
        this.scheduled = false;
        /** While load decides what it sends first, new steps collect here (see sendFirst). */
        this.front = null;
    }
    push(step) {
        if (this.front) {
            this.front.push(step);
            return;
        }
        this.waiting.push(step);
        this.schedule();
    }
    /** Whatever `decide` queues goes ahead of every step queued so far (what load sends first). */
    sendFirst(decide) {
        this.front = [];
        try {
            decide();
        }
        finally {
            const steps = this.front;
            this.front = null;
            this.waiting.unshift(...steps);
            this.schedule();
        }
    }
    /** The SDK is ready: from now on calls are handed over. */
    start() {
        this.open = true;
        this.schedule();
    }
    get started() {
        return this.open;
    }
    schedule() {
        if (!this.open || this.scheduled)
            return;
        this.scheduled = true;
        this.deps.clock.setTimeout(() => this.drain(), 0);
    }
    /** Hands over everything that can be, now (also called synchronously when the page is left). */
    drain() {
        this.scheduled = false;
        if (!this.open)
            return;
        const batch = this.waiting;
        this.waiting = [];
        for (const step of batch) {
            if (step.kind === 'call')
                this.prepare(step);
            this.inOrder.push(step);
        }
        this.advance();
    }
    prepare(step) {
        let result;
        try {
            result = this.deps.prepare(step.item);
        }
        catch (error) {
            this.deps.fail(error, step.item);
            return;
        }
        if (result instanceof Promise) {
            step.pending = true;
            result.then((prepared) => {
                step.prepared = prepared;
                step.pending = false;
                this.advance();
            }, (error) => {
                this.deps.fail(error, step.item);
                step.pending = false;
                this.advance();
            });
        }
        else {
            step.prepared = result;
        }
    }
    advance() {
        let ready = [];
        const flush = () => {
            if (!ready.length)
                return;
            const calls = ready;
            ready = [];
            try {
                this.deps.handOver(calls);
            }
            catch (error) {
                this.deps.fail(error);
            }
        };
        let i = 0;
        for (; i < this.inOrder.length; i++) {
            const step = this.inOrder[i];
            if (step.kind === 'task') {
                flush();
                try {
                    step.run();
                }
                catch (error) {
                    this.deps.fail(error);
                }
                continue;
            }
            if (step.pending)
                break;
            if (step.prepared !== undefined)
                ready.push({ item: step.item, prepared: step.prepared });
        }
        this.inOrder = i === this.inOrder.length ? [] : this.inOrder.slice(i);
        flush();
    }
    /** Calls not handed over yet, in order (for the exit journal). */
    pendingItems() {
        const out = [];
        for (const step of this.inOrder)
            if (step.kind === 'call')
                out.push(step.item);
        for (const step of this.waiting)
            if (step.kind === 'call')
                out.push(step.item);
        return out;
    }
}

/** The envelope's constant fields, from the page's raw SDK options (as the SDK would read them). */
function envelopeFacts(sdkOptions, nav, library, source) {
    const tracking = (sdkOptions.trackingOptions && typeof sdkOptions.trackingOptions === 'object' ? sdkOptions.trackingOptions : {});
    return {
        library,
        userAgent: nav === null || nav === void 0 ? void 0 : nav.userAgent,
        language: tracking.language === false ? undefined : nav === null || nav === void 0 ? void 0 : nav.language,
        appVersion: typeof sdkOptions.appVersion === 'string' && sdkOptions.appVersion ? sdkOptions.appVersion : undefined,
        platform: tracking.platform !== false,
        ipAddress: tracking.ipAddress !== false,
        sourceName: source.name,
        sourceVersion: source.version,
    };
}
function wireEvent(event, stamp, session, facts) {
    const wire = Object.assign(Object.assign({ device_id: stamp.deviceId, session_id: session.sessionId, time: stamp.time, insert_id: stamp.insertId, ingestion_metadata: { source_name: facts.sourceName, source_version: facts.sourceVersion } }, event), { event_id: session.eventId, library: facts.library });
    if (stamp.userId && wire.user_id === undefined)
        wire.user_id = stamp.userId;
    if (facts.appVersion && wire.app_version === undefined)
        wire.app_version = facts.appVersion;
    if (facts.platform)
        wire.platform = 'Web';
    if (facts.language)
        wire.language = facts.language;
    if (facts.ipAddress)
        wire.ip = '$remote';
    if (facts.userAgent)
        wire.user_agent = facts.userAgent;
    return wire;
}

class Delivery {
    constructor(deps) {
        this.deps = deps;
    }
    /** Starts the callback clock for a call with a callback: it runs at hand-over, or at `timeoutMs` at the latest. */
    watch(item, timeoutMs) {
        if (!item.callback)
            return;
        item.timer = this.deps.clock.setTimeout(() => {
            item.timer = undefined;
            this.callBack(item);
        }, timeoutMs);
    }
    handOver(calls) {
        const pipeline = this.deps.pipeline();
        const ticket = pipeline ? pipeline.session.open(this.deps.clock.now()) : NO_SESSION;
        try {
            for (const { item, prepared } of calls) {
                try {
                    this.handOverOne(item, prepared, ticket, pipeline);
                }
                catch (error) {
                    this.deps.warn(`analytics.${item.event.type}()`, `delivery failed: ${describe$1(error)}`, true);
                    item.ctx.setFailedDelivery({ reason: 'internal error' });
                }
                this.settle(item);
            }
        }
        finally {
            ticket.close();
        }
    }
    handOverOne(item, prepared, ticket, pipeline) {
        var _a, _b;
        if (!prepared.event) {
            item.ctx.setFailedDelivery({
                reason: ((_a = prepared.plugins) === null || _a === void 0 ? void 0 : _a.cancelled) ? 'cancelled by a before plugin' : 'dropped by source middleware',
            });
            return;
        }
        if (!prepared.forAmplitude || !pipeline)
            return;
        const event = prepared.forAmplitude;
        const userId = userIdFor(event, pipeline);
        const ops = pipeline.mode.translate({ event, referrer: item.referrer, sessionId: ticket.sessionId, now: this.deps.clock.now() }, this.deps.debug);
        if (ops.length === 0)
            this.deps.debug(`${event.type} produced no Amplitude event with the current settings`);
        this.send(ops, {
            userId,
            deviceId: (_b = item.deviceId) !== null && _b !== void 0 ? _b : this.deps.deviceId(),
            time: event.timestamp.getTime(),
            messageId: event.messageId,
        }, ticket, pipeline, item.ctx);
    }
    /** Stamps and queues operations; the first event's insert_id is the messageId, later ones get a suffix. */
    send(ops, stamp, ticket, pipeline, ctx) {
        let n = 0;
        for (const op of ops) {
            if (op.op === 'mapUser')
                this.deps.mapUser({ userId: op.userId, previousId: op.previousId });
            if (op.op !== 'event')
                continue;
            const insertId = n === 0 ? stamp.messageId : `${stamp.messageId}-${n}`;
            n++;
            const wire = stamped(op.event, { userId: stamp.userId, deviceId: stamp.deviceId, time: stamp.time, insertId }, ticket, pipeline);
            pipeline.accept(wire, ctx
                ? (outcome) => {
                    if (outcome.code < 200 || outcome.code >= 300)
                        ctx.log('warn', `Amplitude answered ${outcome.code}: ${outcome.message}`);
                }
                : undefined);
        }
    }
    /**
     * An event the SDK produced itself (Experiment's exposure, an SDK plugin's event): stamped like the
     * shim's own, with the identity and session in force now, then the same plugins, outbox and journal.
     */
    sendSdkEvent(event) {
        const pipeline = this.deps.pipeline();
        if (!pipeline)
            return Promise.resolve({ code: 0, message: 'Amplitude is off for this page' });
        const now = this.deps.clock.now();
        // The SDK leaves fields it has no value for as undefined; they must not hide the envelope's.
        const own = {};
        for (const key of Object.keys(event))
            if (event[key] !== undefined && key !== 'extra')
                own[key] = event[key];
        const ticket = pipeline.session.open(now);
        try {
            const wire = stamped(own, {
                userId: this.deps.userId(),
                deviceId: this.deps.deviceId(),
                time: typeof own.time === 'number' ? own.time : now,
                insertId: typeof own.insert_id === 'string' ? own.insert_id : `sdk-${this.deps.newId()}`,
            }, ticket, pipeline);
            return new Promise((resolve) => pipeline.accept(wire, resolve));
        }
        finally {
            ticket.close();
        }
    }
    /** The call is done (handed over, or dropped): callback, promise, emitted event. */
    settle(item) {
        if (item.settled)
            return;
        item.settled = true;
        if (item.timer !== undefined) {
            this.deps.clock.clearTimeout(item.timer);
            item.timer = undefined;
        }
        this.callBack(item);
        item.finish(item.ctx);
    }
    callBack(item) {
        if (!item.callback || item.calledBack)
            return;
        item.calledBack = true;
        const call = `analytics.${item.event.type}()`;
        callPageFunction(item.callback, undefined, [item.ctx], (error) => {
            item.ctx.log('warn', `Callback Error: ${describe$1(error)}`);
            this.deps.warn(call, `callback failed: ${describe$1(error)}`, false);
        });
    }
}
/** An Amplitude event in its envelope: the identity and time it goes out with, the session in force. */
function stamped(event, stamp, ticket, pipeline) {
    return wireEvent(event, stamp, { sessionId: ticket.sessionId, eventId: ticket.nextEventId() }, pipeline.facts);
}
/** Hand-overs on a page that sends nothing to Amplitude have no session. */
const NO_SESSION = { sessionId: undefined, nextEventId: () => -1, close: () => undefined };
/** The user ID an event handed to Amplitude goes out with (mode.userId); an identify sets it first. */
function userIdFor(event, pipeline) {
    var _a;
    if (pipeline.mode.userId === 'event')
        return (_a = event.userId) !== null && _a !== void 0 ? _a : null;
    if (event.type === 'identify' && isNonEmptyString(event.userId))
        pipeline.amplitudeUserId = event.userId;
    return pipeline.amplitudeUserId;
}

function mapUser$1(mapping, deps) {
    if (mapping.userId === mapping.previousId)
        return;
    const aliasUrl = deps.aliasUrl();
    if (typeof aliasUrl !== 'string' || !aliasUrl) {
        deps.warn('Amplitude maps users only through its server API; set the load option aliasUrl to your server endpoint ' +
            '(nothing was sent to Amplitude)', false);
        return;
    }
    void deps.post(aliasUrl, mapping).then((ok) => {
        if (!ok)
            deps.warn(`the alias endpoint ${aliasUrl} did not accept the mapping`, true);
    });
}

function createCallFlow(deps) {
    const { logger } = deps;
    const warn = (call, message, dropped) => logger.problem(call, message, dropped);
    // Delivery takes the clock, pipeline and identity from the call flow's own deps.
    const delivery = new Delivery(Object.assign(Object.assign({}, deps), { mapUser: (mapping) => mapUser$1(mapping, { aliasUrl: deps.aliasUrl, post: deps.post, warn: (m, d) => warn('analytics.alias()', m, d) }), warn, debug: (message) => logger.debug(message) }));
    const queue = new CallQueue({
        clock: deps.clock,
        prepare: (item) => deps.stages.prepare(item),
        handOver: (calls) => {
            delivery.handOver(calls);
            deps.afterHandOver();
            for (const call of calls)
                deps.stages.afterHandOver(call.prepared);
        },
        fail: (error, item) => {
            warn('analytics', `internal error: ${describe$1(error)}`, true);
            if (item) {
                item.ctx.setFailedDelivery({ reason: 'internal error' });
                delivery.settle(item);
            }
        },
    });
    return { queue, delivery };
}

function eventOperation(event) {
    return { op: 'event', event };
}
function identifyOperation(userProperties) {
    return eventOperation({ event_type: '$identify', user_properties: userProperties });
}
/** Referrer and campaign values as both destinations record them: `$setOnce initial_<key>` and `$set <key>`. */
function firstAndLatest(values) {
    const setOnce = {};
    const set = {};
    for (const key of Object.keys(values)) {
        setOnce[`initial_${key}`] = values[key];
        set[key] = values[key];
    }
    return { $setOnce: setOnce, $set: set };
}
/**
 * The classic identify of referrer or campaign values: every non-empty text that `accept` takes, first and latest;
 * nothing when none is left.
 */
function firstAndLatestIdentify(values, accept = () => true) {
    const kept = {};
    for (const key of Object.keys(values)) {
        const value = values[key];
        if (typeof value === 'string' && value !== '' && accept(key, value))
            kept[key] = value;
    }
    return Object.keys(kept).length > 0 ? [identifyOperation(firstAndLatest(kept))] : [];
}
/** A referrer and its host, as amplitude-js took it (the third `/`-separated part), when it has one. */
function referrerValues(referrer) {
    return { referrer, referring_domain: referrer.split('/')[2] || undefined };
}

/** The destination's name in Segment's `integrations` object, and the key that selects this mode. */
const ACTIONS_DESTINATION = 'Actions Amplitude';
const path = (p) => ({ '@path': p });
const campaign = (field) => path(`$.context.campaign.${field}`);
const REFERRER = path('$.context.page.referrer');
const UTM_PROPERTIES = {
    utm_source: campaign('source'),
    utm_medium: campaign('medium'),
    utm_campaign: campaign('name'),
    utm_term: campaign('term'),
    utm_content: campaign('content'),
};
/** Who and when, on every action. */
const IDENTITY_FIELDS = {
    user_id: path('$.userId'),
    device_id: {
        '@if': { exists: path('$.context.device.id'), then: path('$.context.device.id'), else: path('$.anonymousId') },
    },
    time: path('$.timestamp'),
};
/** Fields every event action shares (Segment's event-schema defaults). */
const EVENT_FIELDS = Object.assign(Object.assign({}, IDENTITY_FIELDS), { event_type: path('$.event'), session_id: path(`$.integrations['${ACTIONS_DESTINATION}'].session_id`), event_properties: path('$.properties'), user_properties: path('$.traits'), app_version: path('$.context.app.version') });
/** logEventV2: referrer and UTM as $setOnce / $set on every event. */
const { $setOnce: setOnce, $set: setAlways } = firstAndLatest(Object.assign({ referrer: REFERRER }, UTM_PROPERTIES));
const LOG_EVENT_FIELDS = Object.assign(Object.assign({}, EVENT_FIELDS), { setOnce, setAlways });
const VIEWED_FIELDS = Object.assign(Object.assign({}, LOG_EVENT_FIELDS), { event_type: { '@template': 'Viewed {{name}}' } });
/** utm_properties and referrer, as logPurchase and identifyUser take them. */
const ATTRIBUTION_FIELDS = { utm_properties: UTM_PROPERTIES, referrer: REFERRER };
/** A purchase's revenue fields, in the order a product lists them. */
const REVENUE_FIELDS = ['price', 'revenue', 'quantity', 'productId', 'revenueType'];
const revenueFieldsAt = (prefix) => Object.fromEntries(REVENUE_FIELDS.map((f) => [f, path(prefix + f)]));
const PURCHASE_FIELDS = Object.assign(Object.assign(Object.assign(Object.assign({}, EVENT_FIELDS), ATTRIBUTION_FIELDS), revenueFieldsAt('$.properties.')), { products: { '@arrayPath': ['$.properties.products', revenueFieldsAt('')] } });
const DEFAULTS = {
    'Track Calls': LOG_EVENT_FIELDS,
    'Order Completed Calls': PURCHASE_FIELDS,
    'Page Calls': VIEWED_FIELDS,
    'Screen Calls': VIEWED_FIELDS,
    'Identify Calls': Object.assign(Object.assign(Object.assign({}, IDENTITY_FIELDS), { user_properties: EVENT_FIELDS.user_properties, app_version: EVENT_FIELDS.app_version }), ATTRIBUTION_FIELDS),
    'Group Calls': Object.assign(Object.assign({}, IDENTITY_FIELDS), { group_properties: path('$.traits') }),
    'Alias Calls': { user_id: path('$.previousId'), global_user_id: path('$.userId') },
};
/** Fields a site may map for each preset: the preset's own, plus those Segment's UI offers without a default. */
const EVENT_EXTRAS = ['groups', 'add'];
const EXTRA_FIELDS = {
    'Track Calls': EVENT_EXTRAS,
    'Page Calls': EVENT_EXTRAS,
    'Screen Calls': EVENT_EXTRAS,
    'Order Completed Calls': ['groups', 'trackRevenuePerProduct'],
    'Group Calls': ['group_type', 'group_value'],
};
/** Which preset a Segment event triggers (Group and Alias only when the site mapped them). */
function presetFor(event, mapped) {
    switch (event.type) {
        case 'track':
            return event.event === 'Order Completed' ? 'Order Completed Calls' : 'Track Calls';
        case 'page':
            return 'Page Calls';
        case 'screen':
            return 'Screen Calls';
        case 'identify':
            return 'Identify Calls';
        case 'group':
            return mapped['Group Calls'] ? 'Group Calls' : undefined;
        case 'alias':
            return mapped['Alias Calls'] ? 'Alias Calls' : undefined;
        default:
            return undefined;
    }
}

const SUPPORTED = ['@path', '@template', '@if', '@arrayPath'];
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];
/** An object with exactly one key, starting with "@": a directive. */
function directiveName(value) {
    if (!isPlainObject(value))
        return undefined;
    const keys = Object.keys(value);
    return keys.length === 1 && keys[0].startsWith('@') ? keys[0] : undefined;
}
/**
 * What in a mapping cannot be evaluated here: each unsupported directive by name, or a malformed one.
 * An empty list means `resolveMapping` understands all of it.
 */
function mappingProblems(mapping) {
    const problems = [];
    // A text, a number or nothing has nothing to check.
    const visit = (node) => {
        const name = directiveName(node);
        if (name) {
            const arg = node[name];
            if (!SUPPORTED.includes(name))
                problems.push(`the directive ${name} is not supported`);
            else if ((name === '@path' || name === '@template') && typeof arg !== 'string')
                problems.push(`${name} needs a string`);
            else if (name === '@if') {
                if (!isPlainObject(arg) || (arg.exists === undefined && arg.blank === undefined))
                    problems.push('@if needs an "exists" or a "blank" key');
                else
                    for (const key of ['exists', 'blank', 'then', 'else'])
                        visit(arg[key]);
            }
            else if (name === '@arrayPath') {
                if (!Array.isArray(arg) || arg.length < 1 || arg.length > 2)
                    problems.push('@arrayPath needs [path] or [path, item mapping]');
                else
                    arg.forEach(visit);
            }
            return;
        }
        if (Array.isArray(node) || isPlainObject(node))
            Object.values(node).forEach(visit);
    };
    visit(mapping);
    return problems;
}
/**
 * Evaluates a mapping against `data` (the Segment event, or one array item inside `@arrayPath`). Keys
 * whose value resolves to undefined are left out, as Segment's mapping kit leaves them out of a payload.
 */
function resolveMapping(mapping, data) {
    const name = directiveName(mapping);
    if (name)
        return runDirective(name, mapping[name], data);
    if (Array.isArray(mapping))
        return mapping.map((item) => resolveMapping(item, data));
    if (isPlainObject(mapping)) {
        const out = {};
        for (const key of Object.keys(mapping)) {
            if (UNSAFE_KEYS.includes(key))
                continue;
            const value = resolveMapping(mapping[key], data);
            if (value !== undefined)
                out[key] = value;
        }
        return out;
    }
    return mapping;
}
function runDirective(name, arg, data) {
    switch (name) {
        case '@path':
            return typeof arg === 'string' ? lookupPath(data, arg) : undefined;
        case '@template':
            return typeof arg === 'string' ? renderTemplate(arg, data) : undefined;
        case '@if': {
            if (!isPlainObject(arg))
                return undefined;
            const exists = arg.exists !== undefined;
            const tested = exists ? arg.exists : arg.blank;
            if (tested === undefined)
                return undefined;
            // As Segment's kit: `exists` holds when the value is present, `blank` when it is present and not blank.
            const value = resolveMapping(tested, data);
            const holds = value !== undefined && value !== null && (exists || value !== '');
            return resolveMapping(holds ? arg.then : arg.else, data);
        }
        case '@arrayPath': {
            if (!Array.isArray(arg))
                return undefined;
            const [path, shape] = arg;
            const root = typeof path === 'string' ? lookupPath(data, path) : resolveMapping(path, data);
            const hasShape = isPlainObject(shape) && Object.keys(shape).length > 0;
            if (!hasShape || (!Array.isArray(root) && !isPlainObject(root)))
                return root;
            return (Array.isArray(root) ? root : [root]).map((item) => resolveMapping(shape, item));
        }
        default:
            return undefined;
    }
}
/** `{{path}}` placeholders (and `{{{path}}}`) filled from `data`; a missing value renders as "". */
function renderTemplate(template, data) {
    const fill = (braces) => (match) => {
        const value = lookupPath(data, match.slice(braces, -braces).trim());
        return value === undefined || value === null ? '' : String(value);
    };
    return template.replace(/\{\{\{([^}]+)\}\}\}/g, fill(3)).replace(/\{\{([^}]+)\}\}/g, fill(2));
}
/** `$.a.b`, `a.b`, `a['b c'].d`: the value at that path, or undefined. */
function lookupPath(data, path) {
    const segments = [];
    const source = path.startsWith('$.') ? path.slice(2) : path === '$' ? '' : path;
    const pattern = /\[(?:'([^']*)'|"([^"]*)"|(\d+))\]|([^.[\]]+)/g;
    let match;
    // The one alternative that matched ('' for an empty quoted key).
    while ((match = pattern.exec(source)) !== null)
        segments.push(match.slice(1).find((group) => group !== undefined));
    let node = data;
    for (const segment of segments) {
        if (node === null || typeof node !== 'object' || UNSAFE_KEYS.includes(segment))
            return undefined;
        if (!Object.prototype.hasOwnProperty.call(node, segment))
            return undefined;
        node = node[segment];
    }
    return node;
}

/** Accepts whatever a page put in `integrations['Actions Amplitude']`; a bad part warns and keeps the default. */
function normalizeActionsSettings(input) {
    const settings = {
        trackRevenuePerProduct: false,
        mappings: {},
        consentCategories: [],
        honorGlobalPrivacyControl: false,
    };
    const warnings = readSettingsEntry(input, settings, {
        name: `integrations['${ACTIONS_DESTINATION}']`,
        ignored: ['apiKey', 'secretKey', 'endpoint'],
        badConsentNote: '',
        read(key, value, warnings) {
            if (key === 'trackRevenuePerProduct' || key === 'honorGlobalPrivacyControl') {
                if (typeof value === 'boolean')
                    settings[key] = value;
                else
                    warnings.push(`setting "${key}" must be a boolean; using the default`);
            }
            else if (key === 'mappings')
                normalizeMappings(value, settings, warnings);
            else
                return false;
            return true;
        },
    });
    return { settings, warnings };
}
function normalizeMappings(value, settings, warnings) {
    if (!isPlainObject(value)) {
        warnings.push('setting "mappings" must be {"<preset name>": {<field>: <mapping>}}; the presets keep their defaults');
        return;
    }
    for (const preset of Object.keys(value)) {
        const fields = value[preset];
        const presets = Object.keys(DEFAULTS);
        if (!presets.includes(preset)) {
            warnings.push(`mappings: there is no preset "${preset}" (presets: ${presets.join(', ')}); it was ignored`);
            continue;
        }
        if (!isPlainObject(fields)) {
            warnings.push(`mappings["${preset}"] must be an object of field mappings; it was ignored`);
            continue;
        }
        const name = preset;
        const known = [...Object.keys(DEFAULTS[name]), ...(EXTRA_FIELDS[name] || [])];
        const kept = {};
        for (const field of Object.keys(fields)) {
            if (!known.includes(field)) {
                warnings.push(`mappings["${preset}"]: the field "${field}" does not exist in this preset; it was ignored`);
                continue;
            }
            const problems = mappingProblems(fields[field]);
            if (problems.length)
                warnings.push(`mappings["${preset}"].${field}: ${problems.join('; ')}; the preset's default stays in force`);
            else
                kept[field] = fields[field];
        }
        settings.mappings[name] = kept;
    }
}

/** Field types, as the actions declare them: s(tring), n(umber), i(nteger), p(roduct list). */
const TYPES$1 = {};
for (const group of [
    's user_id global_user_id device_id event_type app_version productId revenueType referrer group_type group_value',
    'n price revenue',
    'i quantity',
    'p products',
]) {
    const [type, ...fields] = group.split(' ');
    for (const field of fields)
        TYPES$1[field] = type;
}
/** The typed members of a product (typed as the payload's fields of those names); its others pass as they are. */
const PRODUCT_FIELDS = ['price', 'quantity', 'revenue', 'productId', 'revenueType'];
/** One value to a type by the coercion rules of Segment's validator; the value as given when they do not allow it. */
function coerce(value, type) {
    const v = Array.isArray(value) && value.length === 1 && type !== 'p' ? value[0] : value;
    if (type === 's')
        return typeof v === 'string'
            ? v
            : typeof v === 'number' || typeof v === 'boolean'
                ? String(v)
                : v === null
                    ? ''
                    : value;
    if (type === 'n' || type === 'i') {
        // A boolean, null, or a non-empty string that reads as a number as the unary plus reads it (' 3 ', '1e3').
        const n = typeof v === 'boolean' || v === null || (typeof v === 'string' && v !== '') ? +v : v;
        return typeof n === 'number' && Number.isFinite(n) && (type === 'n' || n % 1 === 0) ? n : value;
    }
    if (type === 'p') {
        // Inside the list Segment drops nothing: a null member is coerced like any other (0 for a number).
        return (Array.isArray(v) ? v : [v])
            .filter((item) => item !== null)
            .map((item) => {
            if (!isPlainObject(item))
                return item;
            const product = {};
            for (const key of Object.keys(item))
                product[key] = PRODUCT_FIELDS.includes(key) ? coerce(item[key], TYPES$1[key]) : item[key];
            return product;
        });
    }
    return value;
}
/** The payload as the action receives it. */
function conformPayload(raw) {
    const payload = {};
    for (const key of Object.keys(raw)) {
        const value = raw[key];
        if (value === undefined || value === '' || (value === null && key !== 'user_id'))
            continue;
        payload[key] = value === null ? null : coerce(value, TYPES$1[key]);
    }
    return payload;
}

/** The preset's payload for an event: its defaults with the site's overrides, evaluated. */
function presetPayload(preset, event, settings) {
    const mapping = Object.assign({}, DEFAULTS[preset], settings.mappings[preset]);
    if (preset === 'Order Completed Calls' && mapping.trackRevenuePerProduct === undefined)
        mapping.trackRevenuePerProduct = settings.trackRevenuePerProduct;
    return conformPayload(resolveMapping(mapping, eventData(event)));
}
/** The event as Segment's servers see it: JSON, with the timestamp as an ISO string. */
function eventData(event) {
    return Object.assign(Object.assign({}, event), { timestamp: event.timestamp instanceof Date ? event.timestamp.toISOString() : event.timestamp });
}
/** Segment's session plugin runs on these types; screen events carry no session. */
const SESSION_TYPES = ['track', 'identify', 'group', 'page', 'alias'];
/**
 * The session plugin's enrichment: `integrations['Actions Amplitude'].session_id`, unless the call routes
 * everything away from the destination.
 */
function withSessionId(event, sessionId) {
    const integrations = isPlainObject(event.integrations) ? event.integrations : {};
    const own = integrations[ACTIONS_DESTINATION];
    if (sessionId === undefined || !SESSION_TYPES.includes(event.type) || (integrations.All === false && !own))
        return event;
    return Object.assign(Object.assign({}, event), { integrations: Object.assign(Object.assign({}, integrations), { [ACTIONS_DESTINATION]: Object.assign(Object.assign({}, (isPlainObject(own) ? own : {})), { session_id: sessionId }) }) });
}
/** The action each preset runs. */
const ACTIONS = {
    'Track Calls': logEvent,
    'Order Completed Calls': logPurchase,
    'Page Calls': logEvent,
    'Screen Calls': logEvent,
    'Identify Calls': identifyUser,
    'Group Calls': groupIdentifyUser,
    'Alias Calls': mapUser,
};
function translateActions(event, settings) {
    const preset = presetFor(event, settings.mappings);
    if (!preset)
        return [];
    const payload = presetPayload(preset, event, settings);
    const action = ACTIONS[preset];
    // Segment's schema requires an event name on the event actions: without one it sends nothing.
    if ((action === logEvent || action === logPurchase) && typeof payload.event_type !== 'string')
        return [];
    return action(payload);
}
/** mapUser: the user mapping (through the server hand-off), when the mapping gives both ids. */
function mapUser(payload) {
    const { user_id: previousId, global_user_id: userId } = payload;
    if (!isNonEmptyString(previousId) || !isNonEmptyString(userId))
        return [];
    return [{ op: 'mapUser', userId, previousId }];
}
/**
 * The fields every event carries, as Actions sends them. The identify and group presets map no event type,
 * session or event properties (and a site can map only a preset's own fields), so theirs go out as the
 * action names them, out of session.
 */
function envelope(payload, eventType = payload.event_type) {
    const event = { event_type: String(eventType !== null && eventType !== void 0 ? eventType : '') };
    event.user_id = typeof payload.user_id === 'string' ? payload.user_id : null;
    if (typeof payload.device_id === 'string')
        event.device_id = payload.device_id;
    const time = toMillis(payload.time);
    if (time !== undefined)
        event.time = time;
    event.session_id = sessionIdOf(payload.session_id);
    if (payload.event_properties !== undefined)
        event.event_properties = isPlainObject(payload.event_properties) ? payload.event_properties : {};
    if (isPlainObject(payload.user_properties))
        event.user_properties = Object.assign({}, payload.user_properties);
    if (isPlainObject(payload.groups))
        event.groups = payload.groups;
    if (typeof payload.app_version === 'string' && payload.app_version)
        event.app_version = payload.app_version;
    return event;
}
/** A $set / $setOnce / $add object counts when one of its values is not an empty string (empty ones are then kept). */
function hasValue(obj) {
    return isPlainObject(obj) && Object.keys(obj).some((k) => obj[k] !== '');
}
function logEvent(payload) {
    const event = envelope(payload);
    for (const [name, key] of [
        ['$setOnce', 'setOnce'],
        ['$set', 'setAlways'],
        ['$add', 'add'],
    ]) {
        const value = payload[key];
        if (hasValue(value))
            event.user_properties = Object.assign(Object.assign({}, event.user_properties), { [name]: value });
    }
    return [eventOperation(event)];
}
/** utm_properties and referrer as user-property operations (merged over the payload's own). */
function withAttribution(base, payload) {
    const values = Object.assign({}, (isPlainObject(payload.utm_properties) ? payload.utm_properties : {}));
    if (payload.referrer)
        values.referrer = payload.referrer;
    if (Object.keys(values).length === 0)
        return base;
    const added = firstAndLatest(values);
    const merged = Object.assign({}, base);
    for (const key of ['$set', '$setOnce'])
        merged[key] = Object.assign(Object.assign({}, (isPlainObject(merged[key]) ? merged[key] : {})), added[key]);
    return merged;
}
/** Actions' revenue rule: price × quantity when both are numbers, else `revenue`; nothing when falsy. */
function revenueFields(source) {
    let revenue = source.revenue;
    if (typeof source.quantity === 'number' && typeof source.price === 'number')
        revenue = source.quantity * source.price;
    if (!revenue || typeof revenue !== 'number')
        return {};
    const out = {
        revenue,
        revenueType: typeof source.revenueType === 'string' ? source.revenueType : 'Purchase',
    };
    if (typeof source.quantity === 'number')
        out.quantity = Math.round(source.quantity);
    if (typeof source.price === 'number')
        out.price = source.price;
    if (typeof source.productId === 'string')
        out.productId = source.productId;
    return out;
}
function logPurchase(payload) {
    const order = envelope(payload);
    const userProperties = withAttribution(order.user_properties, payload);
    if (userProperties)
        order.user_properties = userProperties;
    const products = Array.isArray(payload.products) ? payload.products.filter(isPlainObject) : [];
    const perProduct = payload.trackRevenuePerProduct === true;
    // What each product event shares with the order: all but the order's revenue.
    const shared = Object.assign({}, order);
    if (!products.length || !perProduct)
        Object.assign(order, revenueFields(payload));
    const ops = [eventOperation(order)];
    for (const product of products) {
        ops.push(eventOperation(Object.assign(Object.assign(Object.assign({}, shared), (perProduct ? revenueFields(product) : {})), { event_properties: product, event_type: 'Product Purchased' })));
    }
    return ops;
}
function identifyUser(payload) {
    const traits = isPlainObject(payload.user_properties) ? payload.user_properties : {};
    const merged = withAttribution({ $set: Object.assign({}, traits) }, payload);
    const event = envelope(payload, '$identify');
    event.user_properties = merged;
    return [eventOperation(event)];
}
function groupIdentifyUser(payload) {
    const type = payload.group_type;
    const value = payload.group_value;
    if (typeof type !== 'string' || !type || (typeof value !== 'string' && typeof value !== 'number'))
        return [];
    const association = { [type]: String(value) };
    const ops = [];
    if (payload.user_id || payload.device_id) {
        const identify = envelope(payload, '$identify');
        identify.groups = association;
        identify.user_properties = { $set: association };
        ops.push(eventOperation(identify));
    }
    const groupIdentify = envelope(payload, '$groupidentify');
    groupIdentify.groups = association;
    groupIdentify.group_properties = { $set: isPlainObject(payload.group_properties) ? payload.group_properties : {} };
    ops.push(eventOperation(groupIdentify));
    return ops;
}
function toMillis(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string') {
        const ms = Date.parse(value);
        return Number.isNaN(ms) ? undefined : ms;
    }
    return undefined;
}
/**
 * Actions' rule: a numeric string is the id itself; anything else is read as a date. Without a positive one
 * Actions sends none, which Amplitude stores as -1 (out of session).
 */
function sessionIdOf(value) {
    if (typeof value === 'string' && /^\d+$/.test(value))
        return Number(value);
    const ms = toMillis(value);
    return ms !== undefined && ms > 0 ? ms : -1;
}

function actionsMode(actions, settings) {
    return {
        kind: 'actions',
        name: ACTIONS_DESTINATION,
        settings,
        session: { rules: 'segment-plugin', keptInSegmentStorage: true, restartsOnReset: false },
        userId: 'event',
        beforePlugins: withSessionId,
        translate: ({ event, sessionId }, debug) => {
            if (event.type === 'alias' && !actions.mappings['Alias Calls'])
                debug('alias() sends nothing in Actions mode unless mappings["Alias Calls"] is set');
            return translateActions(withSessionId(event, sessionId), actions);
        },
    };
}

/** obj-case comparison: keys match after dropping non-alphanumerics and lowercasing. */
function objCaseKey(key) {
    return key.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}
function objCaseGet(obj, key) {
    if (!obj || typeof obj !== 'object')
        return undefined;
    const record = obj;
    if (Object.prototype.hasOwnProperty.call(record, key))
        return record[key];
    const wanted = objCaseKey(key);
    for (const k of Object.keys(record))
        if (objCaseKey(k) === wanted)
            return record[k];
    return undefined;
}
/**
 * The facade's `proxy(path)`: the first segment names a facade accessor (context, properties, traits,
 * or a top-level field), the rest is an obj-case path.
 */
function lookupField(event, path) {
    var _a;
    const [head, ...rest] = path.split('.');
    let node;
    switch (head) {
        case 'context':
        case 'options':
            node = event.context;
            break;
        case 'properties':
            node = event.properties;
            break;
        case 'traits':
            node = (_a = event.traits) !== null && _a !== void 0 ? _a : event.context.traits;
            break;
        default:
            node = objCaseGet(event, head);
    }
    for (const part of rest)
        node = objCaseGet(node, part);
    return node;
}

/** The lax ISO grammar the facade accepted: date, optional time (T or space), fraction, zone. */
const ISO_PARTS = new RegExp(
// date: YYYY[-MM[-DD]]; time: [ T]HH[:MM[:SS[.fraction]]]; zone: Z or ±HH[:MM]
String.raw `^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?` +
    String.raw `(?:([ T])(\d{2}):?(\d{2})(?::?(\d{2})(?:[,.](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$`);
const STRICT_PREFIX = /^\d{4}-\d{2}-\d{2}/;
/**
 * The timestamp the classic stack sent for `value`, or undefined when it left the value alone. A space
 * before the time meant local time (the zone written after it was ignored); otherwise UTC unless a zone
 * is given. Out-of-range fields roll over, as Date.UTC does.
 */
function facadeTimestamp(value, localOffsetMinutes) {
    if (!STRICT_PREFIX.test(value))
        return undefined;
    const m = ISO_PARTS.exec(value);
    if (!m)
        return undefined;
    const int = (s) => (s ? parseInt(s, 10) || 0 : 0);
    let offset = 0;
    if (m[4] === ' ')
        offset = localOffsetMinutes;
    else if (m[9] !== 'Z' && m[10])
        offset = (m[10] === '+' ? -1 : 1) * (int(m[11]) * 60 + int(m[12]));
    const millis = m[8] ? int(`${m[8]}00`.slice(0, 3)) : 0;
    const time = Date.UTC(int(m[1]), (int(m[2]) || 1) - 1, int(m[3]) || 1, int(m[5]), int(m[6]) + offset, int(m[7]), millis);
    if (!Number.isFinite(time))
        return undefined;
    try {
        return new Date(time).toISOString();
    }
    catch (_a) {
        return undefined;
    }
}
/**
 * Whether the classic stack held `value` as a Date: a date string the facade converted. Its readers of numbers
 * (revenue, quantity, Identify.add) refused a Date, so such a value counts as no number. The zone offset does
 * not matter: it moves the time, never whether the text is a date.
 */
function wasFacadeDate(value) {
    return typeof value === 'string' && facadeTimestamp(value, 0) !== undefined;
}
/** A copy of `value` with every facade date string replaced by its timestamp, at any depth. */
function withFacadeDates(value, localOffsetMinutes) {
    if (typeof value === 'string')
        return (facadeTimestamp(value, localOffsetMinutes) || value);
    if (Array.isArray(value))
        return value.map((v) => withFacadeDates(v, localOffsetMinutes));
    if (isPlainObject(value)) {
        const out = {};
        for (const key of Object.keys(value))
            out[key] = withFacadeDates(value[key], localOffsetMinutes);
        return out;
    }
    return value;
}

/** `integrations.Amplitude.groups` -> one setGroup (`$identify` with groups) per group type. */
function groupOperations(groups) {
    const normalized = normalizeGroups(groups);
    if (!normalized)
        return [];
    const given = groups;
    return Object.keys(normalized).map((type) => setGroup(type, normalized[type], userPropertyValue(given[type])));
}
/**
 * amplitude-js's setGroup made the name a string for `groups` only; the user property it set alongside kept
 * the value as given, so a chart on that property sees the number the page sent.
 */
function setGroup(type, value, property = value) {
    return eventOperation({
        event_type: '$identify',
        user_properties: { $set: { [type]: property } },
        groups: value === undefined ? {} : { [type]: value },
    });
}
function userPropertyValue(value) {
    return Array.isArray(value) ? value.filter(isScalar) : value;
}
/** Group values as amplitude-js accepted them: strings or arrays of strings; scalars become strings. */
function normalizeGroups(groups) {
    if (!isPlainObject(groups))
        return undefined;
    const out = {};
    for (const type of Object.keys(groups)) {
        const name = groupName(groups[type]);
        // A list without one usable name names no group.
        if (type && name !== undefined && (typeof name === 'string' || name.length > 0))
            out[type] = name;
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
function isScalar(value) {
    return (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean');
}
/**
 * group(): the classic code read the traits named by groupTypeTrait / groupValueTrait exactly as set, so an
 * empty setting (the catalog's default) reads a trait named "". When both were truthy it called setGroup with
 * them and nothing else, and amplitude-js refused a type that is not text; only otherwise did it fall back to
 * `[Segment] Group` = groupId.
 */
function translateGroup(event, settings) {
    const traits = Object.assign({}, event.traits);
    if (isNonEmptyString(event.groupId))
        traits.id = event.groupId;
    const type = traits[settings.groupTypeTrait];
    const value = traits[settings.groupValueTrait];
    if (type && value)
        return typeof type === 'string' ? [setGroup(type, groupName(value), userPropertyValue(value))] : [];
    if (isNonEmptyString(event.groupId))
        return [setGroup('[Segment] Group', event.groupId)];
    return [];
}
/** amplitude-js's check of one group name: text kept, scalars as text, arrays of them; anything else none. */
function groupName(value) {
    if (Array.isArray(value))
        return value.filter(isScalar).map(String);
    return isScalar(value) ? String(value) : undefined;
}

/** Loaded a Page, Viewed {category} Page, Viewed {full name} Page: in that order, each if enabled. */
function pageEventNames(category, name, settings, noun = 'Page') {
    const names = [];
    const fullName = category && name ? `${category} ${name}` : name;
    if (settings.trackAllPages)
        names.push(`Loaded a ${noun}`);
    if (category && settings.trackCategorizedPages)
        names.push(`Viewed ${category} ${noun}`);
    if (fullName && settings.trackNamedPages)
        names.push(`Viewed ${fullName} ${noun}`);
    return names;
}
/** The per-page referrer identify of `trackReferrer`. */
function referrerOperations(referrer) {
    return firstAndLatestIdentify(referrerValues(referrer));
}

/**
 * Builds `$set` / `$setOnce` / `$add` as the classic setTraits did: a trait to increment and set once is added
 * when it can be, and set once only when it cannot; any other trait is set.
 */
function traitOperations(traits, settings) {
    const ops = { $set: {}, $setOnce: {}, $add: {} };
    for (const key of Object.keys(traits)) {
        const value = traits[key];
        if (value === undefined)
            continue;
        const increment = settings.traitsToIncrement.includes(key);
        const setOnce = settings.traitsToSetOnce.includes(key);
        if (increment && canAdd(value))
            ops.$add[key] = value;
        else if (setOnce)
            ops.$setOnce[key] = value;
        else if (!increment)
            ops.$set[key] = value;
    }
    for (const k of Object.keys(ops))
        if (Object.keys(ops[k]).length === 0)
            delete ops[k];
    return ops;
}
/**
 * amplitude-js's Identify.add took a number or a text and refused anything else, NaN and Dates included; the
 * facade had made every date string a Date.
 */
function canAdd(value) {
    if (typeof value === 'number')
        return !Number.isNaN(value);
    return typeof value === 'string' && !wasFacadeDate(value);
}

/** Segment's spec events routed to orderCompleted: "Order Completed", "Completed Order" and variants. */
const ORDER_COMPLETED = /^[ _]?completed[ _]?order[ _]?|^[ _]?order[ _]?completed[ _]?$/i;
const PURCHASE_EVENTS = ['order completed', 'completed order', 'product purchased'];
function isOrderCompleted(eventName) {
    return ORDER_COMPLETED.test(eventName);
}
/** Track.revenue(): `revenue` (or `total` for order events); `$`-strings parsed; 0 and junk mean none. */
function extractRevenue(eventName, properties) {
    let raw = objCaseGet(properties, 'revenue');
    if (!raw && isOrderCompleted(eventName))
        raw = objCaseGet(properties, 'total');
    const value = toNumber(raw);
    return value ? value : undefined;
}
function toNumber(raw) {
    if (typeof raw === 'number')
        return Number.isFinite(raw) ? raw : undefined;
    // A date string was a Date by the time the classic code read it, and its currency parser gave up on a Date:
    // `revenue: "2021-03-04"` booked nothing, where reading the text would book 2021.
    if (typeof raw === 'string' && !wasFacadeDate(raw)) {
        const parsed = parseFloat(raw.replace(/\$/g, ''));
        return Number.isFinite(parsed) ? parsed : undefined;
    }
    return undefined;
}
/** The `revenueType` property, when it is a non-empty text. */
function explicitRevenueType(properties) {
    const value = objCaseGet(properties, 'revenueType');
    return typeof value === 'string' && value ? value : undefined;
}
/** mapRevenueAttributes: what the classic integration read from a (possibly product-level) track. */
function revenueAttributes(eventName, properties) {
    const productId = objCaseGet(properties, 'productId');
    const quantity = parseQuantity(properties.quantity);
    return {
        price: objCaseGet(properties, 'price'),
        quantity,
        givenQuantity: properties.quantity,
        productId: typeof productId === 'string' && productId
            ? productId
            : typeof productId === 'number'
                ? String(productId)
                : undefined,
        revenueType: explicitRevenueType(properties) || (PURCHASE_EVENTS.includes(eventName.toLowerCase()) ? 'Purchase' : undefined),
        revenue: extractRevenue(eventName, properties),
        eventProperties: properties,
    };
}
/**
 * V1: logRevenue checked the quantity with a number test that parses text, and passed it on as it was: numeric
 * text such as "2" went through as 2 units where V2's Revenue refused it, and a fraction stayed a fraction
 * (V2 kept its whole part); anything else counts as in V2.
 */
function v1Quantity(raw) {
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    return Number.isFinite(value) && value !== 0 ? value : parseQuantity(raw);
}
/**
 * logRevenue refused the whole revenue unless the quantity (the facade's `quantity || 1`) passed its number
 * test, parseFloat and isFinite both: a list, an object, a text that is not a number, or a date (the facade had
 * made date strings Dates) booked nothing.
 */
function v1AcceptsQuantity(raw) {
    const quantity = raw || 1;
    if (wasFacadeDate(quantity))
        return false;
    return !Number.isNaN(parseFloat(String(quantity))) && Number.isFinite(Number(quantity));
}
function parseQuantity(raw) {
    // The facade read a missing or zero quantity as 1; amplitude-js's Revenue.setQuantity refused anything but a
    // number (text included, so "2" counted 1) and kept the whole part of the rest, sign included: -1 is a refund.
    return typeof raw === 'number' && Number.isFinite(raw) && raw !== 0 ? Math.trunc(raw) : 1;
}
/**
 * One `revenue_amount` event, carrying Amplitude's revenue fields both as the `$`-properties the SDK's
 * Revenue class writes and as the HTTP API's top-level `price`/`quantity`/`revenue` fields, so revenue
 * charts (Revenue LTV, ARPU) read it either way. Returns undefined when nothing is to be booked.
 */
function revenueEvent(attrs, useLogRevenueV2) {
    let price;
    let quantity = attrs.quantity;
    let eventProperties;
    if (useLogRevenueV2) {
        // Classic V2 tested the price as given: a falsy one (none, 0, '', null) gave way to the revenue, for a
        // quantity of one; any other went to amplitude-js, which dropped the revenue unless it was a number
        // (text such as "10" or "0x10" included).
        if (!attrs.price) {
            price = attrs.revenue;
            quantity = 1;
        }
        else {
            price = typeof attrs.price === 'number' ? attrs.price : undefined;
        }
        eventProperties = attrs.eventProperties;
    }
    else {
        // Difference: classic V1 sent logRevenue(revenue || price*quantity, quantity), which Amplitude booked
        // as price x quantity, so {revenue: 20, quantity: 2} became 40. Here the booked total is the revenue.
        if (!v1AcceptsQuantity(attrs.givenQuantity))
            return undefined;
        quantity = v1Quantity(attrs.givenQuantity);
        // The revenue is never 0 (none is undefined), and toNumber gives a finite number or none.
        const total = attrs.revenue || (toNumber(attrs.price) || 0) * quantity;
        price = total ? total / quantity : undefined;
        eventProperties = {};
    }
    if (price === undefined || !Number.isFinite(price) || price === 0)
        return undefined;
    const revenue = round(price * quantity);
    const props = Object.assign(Object.assign({}, eventProperties), { $price: price, $quantity: quantity, $revenue: revenue });
    const event = { event_type: 'revenue_amount', event_properties: props, price, quantity, revenue };
    if (attrs.productId) {
        props.$productId = attrs.productId;
        event.productId = attrs.productId;
    }
    if (useLogRevenueV2 && attrs.revenueType) {
        props.$revenueType = attrs.revenueType;
        event.revenueType = attrs.revenueType;
    }
    return event;
}
/** Avoids 3 * 19.99 = 59.970000000000006 on the wire. */
function round(n) {
    return Math.round(n * 1e6) / 1e6;
}
/** trackProductsOnce: each product reduced to exactly these keys. */
function reduceProduct(product) {
    const productId = objCaseGet(product, 'productId');
    const out = {
        productId,
        sku: product.sku,
        name: product.name,
        price: product.price,
        // The facade's quantity() is `quantity || 1`: a zero, empty or null quantity is listed as 1.
        quantity: product.quantity || 1,
        category: product.category,
    };
    for (const key of Object.keys(out))
        if (out[key] === undefined)
            delete out[key];
    return out;
}
function productsOf(properties) {
    const products = properties.products;
    if (!Array.isArray(products))
        return [];
    return products.filter((p) => p !== null && typeof p === 'object' && !Array.isArray(p));
}

function translate({ event: raw, settings, referrer, timezoneOffsetMinutes = 0, }) {
    // As the classic stack's facade did before the destination saw the message. amplitude-js was handed the page's
    // own property values, so an Error went out as its text; traits it read back from Segment's JSON storage.
    const event = Object.assign(Object.assign({}, raw), { properties: withFacadeDates(withErrorTexts(raw.properties), timezoneOffsetMinutes), traits: withFacadeDates(raw.traits, timezoneOffsetMinutes), context: withFacadeDates(raw.context, timezoneOffsetMinutes) });
    if (!raw.properties)
        delete event.properties;
    if (!raw.traits)
        delete event.traits;
    return stampVersion(operationsFor(event, settings, referrer), settings.versionName).map(cutLongStrings);
}
function operationsFor(event, settings, referrer) {
    switch (event.type) {
        case 'identify':
            return translateIdentify(event, settings);
        case 'track': {
            const name = event.event || '';
            return isOrderCompleted(name)
                ? translateOrderCompleted(name, event, settings)
                : trackPath(name, event.properties || {}, event, settings);
        }
        case 'page':
        case 'screen':
            return translatePageOrScreen(event, settings, referrer);
        case 'group':
            return translateGroup(event, settings);
        case 'alias':
            return translateAlias(event);
        default:
            return [];
    }
}
/** amplitude-js cut every string value to 4096 characters as it uploaded it; what Segment stored stays whole. */
function cutLongStrings(op) {
    if (op.op !== 'event')
        return op;
    const event = Object.assign({}, op.event);
    for (const key of ['event_properties', 'user_properties', 'groups', 'group_properties']) {
        const value = event[key];
        if (value !== undefined)
            event[key] = truncateStrings(value);
    }
    return eventOperation(event);
}
/** alias(to, from): a user mapping, when both sides are known (no event is sent). */
function translateAlias(event) {
    const { userId, previousId } = event;
    if (!isNonEmptyString(userId) || !isNonEmptyString(previousId))
        return [];
    return [{ op: 'mapUser', userId, previousId }];
}
/** versionName: amplitude-js's setVersionName, which put the version on every event. */
function stampVersion(ops, versionName) {
    if (versionName)
        for (const op of ops)
            if (op.op === 'event')
                op.event.app_version = versionName;
    return ops;
}
/** `integrations.Amplitude` when it is an object (the facade's options('Amplitude')), else {}. */
function amplitudeOptions(event) {
    const own = event.integrations.Amplitude;
    if (isPlainObject(own))
        return own;
    const fromContext = event.context.Amplitude;
    return isPlainObject(fromContext) ? fromContext : {};
}
// ---------------------------------------------------------------------------------------------- identify
function translateIdentify(event, settings) {
    const ops = [];
    const userId = event.userId;
    const traits = Object.assign({}, event.traits);
    if (isNonEmptyString(userId))
        traits.id = userId;
    const search = pageSearch(event);
    // The classic integration copied the query string into traits for every mapQueryParams entry,
    // whichever side the entry named.
    for (const name of Object.keys(settings.mapQueryParams))
        traits[name] = search;
    const userProperties = traitOperations(traits, settings);
    if (Object.keys(userProperties).length > 0)
        ops.push(identifyOperation(userProperties));
    ops.push(...groupOperations(amplitudeOptions(event).groups));
    return ops;
}
// ------------------------------------------------------------------------------------------------- track
/**
 * The classic `logEvent` path, shared by track and by every page-derived event: mapQueryParams,
 * appendFieldsToEventProps, the event with or without per-event groups, then a revenue event when the
 * properties carry revenue (any event, not only purchases) and `skipRevenue` is false.
 */
function trackPath(eventType, properties, event, settings, skipRevenue = false) {
    const ops = [];
    const props = Object.assign({}, properties);
    const search = pageSearch(event);
    const userSide = {};
    for (const name of Object.keys(settings.mapQueryParams)) {
        if (settings.mapQueryParams[name] === 'user_properties')
            userSide[name] = search;
        else
            props[name] = search;
    }
    // Difference: the classic integration sent the user side only when the *last* entry named
    // user_properties, silently dropping it in mixed configurations. It is always sent here.
    if (search !== undefined && Object.keys(userSide).length > 0)
        ops.push(identifyOperation({ $set: userSide }));
    for (const path of Object.keys(settings.appendFieldsToEventProps)) {
        const value = lookupField(event, path);
        if (value !== undefined)
            props[settings.appendFieldsToEventProps[path]] = value;
    }
    const amplitudeEvent = { event_type: eventType, event_properties: props };
    const groups = normalizeGroups(amplitudeOptions(event).groups);
    if (groups)
        amplitudeEvent.groups = groups;
    ops.push(eventOperation(amplitudeEvent));
    // The revenue event's properties are the caller's, without the mapQueryParams/appendFields additions.
    if (!skipRevenue && extractRevenue(eventType, properties) !== undefined) {
        ops.push(...revenueOperation(revenueEvent(revenueAttributes(eventType, properties), settings.useLogRevenueV2)));
    }
    return ops;
}
function revenueOperation(event) {
    return event ? [eventOperation(event)] : [];
}
// --------------------------------------------------------------------------------------- Order Completed
/**
 * The classic orderCompleted: the order event, then (unless trackProductsOnce) one "Product Purchased"
 * per product. The order's revenue is booked for the order, or per product with trackRevenuePerProduct;
 * without it, a product's own `revenue` property is booked as well.
 */
function translateOrderCompleted(name, event, settings) {
    const properties = event.properties || {};
    const products = productsOf(properties);
    const perProduct = settings.trackRevenuePerProduct;
    if (settings.trackProductsOnce) {
        const reduced = products.map(reduceProduct);
        // The facade's products() is [] when there is no list, and the classic integration sent that.
        const orderProps = Object.assign(Object.assign({}, properties), { products: reduced });
        const ops = trackPath(name, orderProps, event, settings, perProduct);
        // Difference: with both settings on, the classic integration booked no revenue at all.
        if (perProduct)
            for (const product of reduced)
                ops.push(...productRevenue(product, properties, settings, false));
        return ops;
    }
    const orderProps = Object.assign({}, properties);
    delete orderProps.products;
    const ops = trackPath(name, orderProps, event, settings, perProduct);
    const orderRevenue = extractRevenue(name, properties);
    const orderRevenueType = explicitRevenueType(properties);
    for (const product of products) {
        const productProps = Object.assign({}, product);
        if (perProduct && product.price !== null && product.price !== undefined && product.quantity) {
            // As the classic integration did, the product event carries the order's revenueType and revenue.
            if (orderRevenueType)
                productProps.revenueType = orderRevenueType;
            if (orderRevenue !== undefined)
                productProps.revenue = orderRevenue;
            ops.push(...productRevenue(productProps, properties, settings, orderRevenue === undefined));
        }
        // Each product is logged as a track of its own: with trackRevenuePerProduct off, a product that carries a
        // `revenue` property books it after its event, as the classic integration did (its figures are the page's).
        ops.push(...trackPath('Product Purchased', productProps, event, settings, perProduct));
    }
    return ops;
}
/**
 * A product's own revenue: its price x quantity, or in V1 the product's own `revenue` as its total when the
 * order has none (V1's logRevenue took `revenue || price * quantity`).
 * Difference: the classic integration booked the *order's* revenue for each product in V1 mode, and the
 * order's revenue in place of a zero price in V2 mode; both counted the order more than once.
 */
function productRevenue(product, order, settings, ownRevenueCounts) {
    const attrs = revenueAttributes('Product Purchased', product);
    attrs.revenueType = explicitRevenueType(order) || attrs.revenueType;
    if (settings.useLogRevenueV2 || !ownRevenueCounts)
        attrs.revenue = undefined;
    return revenueOperation(revenueEvent(attrs, settings.useLogRevenueV2));
}
// -------------------------------------------------------------------------------------------------- page
/**
 * Difference: the classic web integration had no screen method, so screen() sent nothing. Here it is
 * named the way Segment's mobile Amplitude integrations named screens ("Viewed X Screen"), governed
 * by the same page settings ("Loaded a Screen" for trackAllPages), without the page's referrer identify.
 */
function translatePageOrScreen(event, settings, referrer) {
    const isPage = event.type === 'page';
    const ops = isPage && settings.trackReferrer && !settings.useAmplitudeReferral ? referrerOperations(referrer) : [];
    for (const eventType of pageEventNames(event.category, event.name, settings, isPage ? 'Page' : 'Screen'))
        ops.push(...trackPath(eventType, event.properties || {}, event, settings));
    return ops;
}
// --------------------------------------------------------------------------------------------- lookups
function pageSearch(event) {
    var _a;
    const search = (_a = event.context.page) === null || _a === void 0 ? void 0 : _a.search;
    return typeof search === 'string' ? search : undefined;
}

const CLASSIC_DESTINATION = 'Amplitude';
function classicMode(settings) {
    return {
        kind: 'classic',
        name: CLASSIC_DESTINATION,
        settings,
        session: { rules: 'sdk', keptInSegmentStorage: false, restartsOnReset: true },
        userId: 'last-identify',
        translate: ({ event, referrer, now }) => translate({ event, settings, referrer, timezoneOffsetMinutes: new Date(now).getTimezoneOffset() }),
    };
}

function chooseMode(rawIntegrations) {
    const integrations = isPlainObject(rawIntegrations) ? rawIntegrations : {};
    const warnings = [];
    if (!Object.prototype.hasOwnProperty.call(integrations, ACTIONS_DESTINATION)) {
        return Object.assign({ mode: 'classic', name: CLASSIC_DESTINATION }, normalizeSettings(integrations[CLASSIC_DESTINATION]));
    }
    const classic = integrations[CLASSIC_DESTINATION];
    if (classic !== undefined && classic !== false) {
        warnings.push(`both integrations.Amplitude (Classic) and integrations['${ACTIONS_DESTINATION}'] were given; ` +
            'Actions mode is used');
    }
    const normalized = normalizeActionsSettings(integrations[ACTIONS_DESTINATION]);
    warnings.push(...normalized.warnings);
    return {
        mode: 'actions',
        name: ACTIONS_DESTINATION,
        settings: classicRulesForActions(normalized.settings),
        actions: normalized.settings,
        warnings,
    };
}
/**
 * Actions sends the anonymousId as the device ID and puts referrer and UTM on every event, so none of
 * Classic's separate attribution identifies apply; the consent settings are the Actions entry's.
 */
function classicRulesForActions(actions) {
    return Object.assign(normalizeSettings(undefined).settings, {
        preferAnonymousIdForDeviceId: true,
        trackUtmProperties: false,
        trackReferrer: false,
        trackRevenuePerProduct: actions.trackRevenuePerProduct,
        consentCategories: actions.consentCategories,
        honorGlobalPrivacyControl: actions.honorGlobalPrivacyControl,
    });
}
/** The mode the runtime runs, for a choice. */
function destinationMode(choice) {
    return choice.actions ? actionsMode(choice.actions, choice.settings) : classicMode(choice.settings);
}

function pageContextFromSnapshot(snap) {
    return {
        path: canonicalPath(snap),
        referrer: snap.referrer,
        search: snap.search,
        title: snap.title,
        url: canonicalUrl(snap),
    };
}
function canonicalPath(snap) {
    if (!snap.canonical)
        return snap.pathname;
    try {
        return new URL(snap.canonical).pathname;
    }
    catch (_a) {
        // analytics-next keeps an unparseable canonical href as the path, made absolute.
        return snap.canonical.charAt(0) === '/' ? snap.canonical : `/${snap.canonical}`;
    }
}
function canonicalUrl(snap) {
    if (snap.canonical) {
        return snap.canonical.includes('?') ? snap.canonical : snap.canonical + snap.search;
    }
    const hash = snap.href.indexOf('#');
    return hash === -1 ? snap.href : snap.href.slice(0, hash);
}
const PAGE_KEYS = ['path', 'referrer', 'search', 'title', 'url'];
/**
 * context.page for an event: detected values, then (page events only) page keys the caller put in the
 * properties, then an explicit `options.context.page` / `options.page`.
 */
function eventPageContext(detected, isPageEvent, properties, explicit) {
    const page = Object.assign({}, detected);
    if (isPageEvent && properties) {
        for (const key of PAGE_KEYS)
            if (key in properties)
                page[key] = properties[key];
    }
    if (explicit && typeof explicit === 'object')
        Object.assign(page, explicit);
    return page;
}
/**
 * `context.campaign` as analytics.js fills it from the URL: every `utm_*` parameter without its prefix,
 * `utm_campaign` as `name`. Undefined when the URL has none.
 */
function campaignFromSearch(query) {
    let campaign;
    for (const key of Object.keys(query)) {
        if (!key.startsWith('utm_') || key.length === 4)
            continue;
        const field = key.slice(4) === 'campaign' ? 'name' : key.slice(4);
        campaign = campaign || {};
        campaign[field] = query[key];
    }
    return campaign;
}

const TOP_LEVEL_OPTIONS = ['integrations', 'userId', 'anonymousId', 'timestamp', 'messageId', 'context'];
function buildEvent(body, options, env) {
    var _a;
    const callContext = isPlainObject(options.context) ? options.context : {};
    const context = Object.assign(Object.assign({}, env.context), callContext);
    // Any other option (undefined ones aside) lands in the context, at its dotted path.
    for (const key of Object.keys(options)) {
        if (options[key] !== undefined && !TOP_LEVEL_OPTIONS.includes(key))
            setPath(context, key, options[key]);
    }
    let properties = body.properties;
    if (body.type === 'page') {
        properties = Object.assign(Object.assign({}, env.page), body.properties);
        if (body.category != null)
            properties.category = body.category;
        if (body.name)
            properties.name = body.name;
    }
    else if (body.type === 'screen') {
        properties = Object.assign({}, body.properties);
    }
    const explicitPage = (_a = callContext.page) !== null && _a !== void 0 ? _a : options.page;
    context.page = eventPageContext(env.page, body.type === 'page', body.properties, explicitPage);
    const integrations = Object.assign({}, env.loadIntegrations);
    if (isPlainObject(options.integrations))
        Object.assign(integrations, options.integrations);
    const event = {
        type: body.type,
        messageId: typeof options.messageId === 'string' && options.messageId ? options.messageId : env.messageId,
        timestamp: parseTimestamp(options.timestamp) || env.now,
        context: context,
        integrations,
    };
    if (body.event !== undefined)
        event.event = body.event;
    if (body.type === 'page' || body.type === 'screen') {
        if (body.category != null)
            event.category = body.category;
        if (body.name != null)
            event.name = body.name;
    }
    if (properties !== undefined)
        event.properties = properties;
    if (body.traits !== undefined)
        event.traits = body.traits;
    if (body.groupId !== undefined)
        event.groupId = body.groupId;
    if (body.previousId != null)
        event.previousId = body.previousId;
    event.userId = body.userId !== undefined ? body.userId : typeof options.userId === 'string' ? options.userId : null;
    // The current user wins, as in analytics-next, except over the new ID an alias names (Segment's spec;
    // the user mapping is made from it).
    if (env.userId && (body.type !== 'alias' || !body.userId))
        event.userId = env.userId;
    const anon = typeof options.anonymousId === 'string' && options.anonymousId ? options.anonymousId : env.anonymousId;
    if (anon)
        event.anonymousId = anon;
    return event;
}
/** Load options' integrations as analytics-next keeps them on events: every value coerced to a boolean. */
function coerceIntegrations(value) {
    const out = {};
    if (!isPlainObject(value))
        return out;
    for (const key of Object.keys(value))
        out[key] = Boolean(value[key]);
    return out;
}
/** Whether Segment's routing rules would hand this event to the Amplitude destination. */
function isAmplitudeEnabled(integrations, name) {
    const own = integrations[name];
    if (own === false)
        return false;
    if (own === undefined && integrations.All === false)
        return false;
    return true;
}
function parseTimestamp(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime()))
        return value;
    if (typeof value === 'string' || typeof value === 'number') {
        const d = new Date(value);
        if (!Number.isNaN(d.getTime()))
            return d;
    }
    return undefined;
}
function setPath(target, path, value) {
    const parts = path.split('.');
    let node = target;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (isUnsafeKey(part))
            return;
        if (i === parts.length - 1)
            node[part] = value;
        else {
            if (!isPlainObject(node[part]))
                node[part] = {};
            node = node[part];
        }
    }
}

/**
 * The one policy for values taken from a URL (querystring calls, UTM, gclid): anyone can craft a link,
 * so values longer than this, or with markup or control characters (DEL included), are refused. Pure.
 */
const MAX_URL_VALUE_LENGTH = 512;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_URL_VALUE = /[\u0000-\u001f\u007f<>]/;
function isSafeUrlValue(value) {
    return value.length <= MAX_URL_VALUE_LENGTH && !UNSAFE_URL_VALUE.test(value);
}

/** Segment's querystring API (ajs_aid, ajs_uid + ajs_trait_*, ajs_event + ajs_prop_*). Pure. */
/** Parses `?a=1&b=2` (or the `?…` part of a hash) leniently; for repeated keys the last value wins. */
function parseQuery(search) {
    const out = {};
    const q = search.charAt(0) === '?' ? search.slice(1) : search;
    if (!q)
        return out;
    for (const part of q.split('&')) {
        if (!part)
            continue;
        const eq = part.indexOf('=');
        const key = safeDecode(eq === -1 ? part : part.slice(0, eq));
        const value = eq === -1 ? '' : safeDecode(part.slice(eq + 1));
        if (key)
            out[key] = value;
    }
    return out;
}
function safeDecode(s) {
    return attempt(() => decodeURIComponent(s.replace(/\+/g, ' ')), s);
}
function queryStringCalls(search, hash) {
    const warnings = [];
    const hashQuery = hash.indexOf('?');
    // The hash's parameters win over the search's.
    const params = Object.assign(parseQuery(search), hashQuery === -1 ? {} : parseQuery(hash.slice(hashQuery)));
    const calls = {};
    const valid = (name, value) => {
        if (value === undefined || value === '')
            return false;
        if (!isSafeUrlValue(value)) {
            warnings.push(`the URL parameter ${name} was ignored: it is longer than ${MAX_URL_VALUE_LENGTH} characters ` +
                'or contains markup or control characters');
            return false;
        }
        return true;
    };
    const prefixed = (prefix) => {
        const out = {};
        for (const key of Object.keys(params)) {
            if (key.indexOf(prefix) === 0 && key.length > prefix.length && valid(key, params[key]))
                out[key.slice(prefix.length)] = params[key];
        }
        return out;
    };
    if (valid('ajs_aid', params.ajs_aid))
        calls.anonymousId = params.ajs_aid;
    if (valid('ajs_uid', params.ajs_uid))
        calls.identify = { userId: params.ajs_uid, traits: prefixed('ajs_trait_') };
    if (valid('ajs_event', params.ajs_event))
        calls.track = { event: params.ajs_event, properties: prefixed('ajs_prop_') };
    return { calls, warnings };
}

/**
 * Amplitude device ID precedence, decided before the SDK starts so that no event ever leaves under a
 * provisional ID. Segment's documented order:
 *   1. Prefer Anonymous ID for Device ID (setting on) -> Segment's anonymousId
 *   2. amp_device_id from the URL (deviceIdFromUrlParam on; Amplitude's own `ampDeviceId` too)
 *   3. the ID Amplitude already stored for this visitor (v2 AMP_*, amplitude-js 6+ amp_*, 5.x amplitude_id_*)
 *   4. a new ID
 * The SDK's own URL handling (which also honours an unrelated `?deviceId=`) is never reached, because
 * the shim always passes the resolved ID explicitly. Pure.
 */
/** Amplitude IDs are UUIDs, UUID+"R", or base64-ish tokens: 5 to 128 characters, no markup or spaces. */
const PLAUSIBLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:+=/-]{4,127}$/;
function isPlausibleDeviceId(value) {
    return typeof value === 'string' && PLAUSIBLE_ID.test(value);
}
function resolveDeviceId(input) {
    const warnings = [];
    const decided = (deviceId, source) => ({ deviceId, source, warnings });
    if (input.preferAnonymousId && input.anonymousId)
        return decided(input.anonymousId, 'anonymousId');
    if (input.deviceIdFromUrlParam) {
        const fromUrl = urlDeviceId(input.query, input.now, warnings);
        if (fromUrl)
            return decided(fromUrl, 'url');
    }
    const stored = [input.stored.v2, input.stored.amplitudeJs, input.stored.amplitudeJs5].find(isPlausibleDeviceId);
    return stored ? decided(stored, 'stored') : decided(input.generate(), 'new');
}
function urlDeviceId(query, now, warnings) {
    for (const name of ['amp_device_id', 'ampDeviceId']) {
        const value = query[name];
        if (value === undefined || value === '')
            continue;
        if (!isPlausibleDeviceId(value)) {
            warnings.push(`the URL parameter ${name} is not a plausible device ID (${describe(value)}) and was ignored`);
            continue;
        }
        if (name === 'ampDeviceId' && query.ampTimestamp !== undefined) {
            const expiry = Number(query.ampTimestamp);
            if (!Number.isFinite(expiry) || now >= expiry) {
                warnings.push('the URL parameter ampDeviceId has expired (ampTimestamp) and was ignored');
                continue;
            }
        }
        return value;
    }
    return undefined;
}
function describe(value) {
    if (value.length > 128)
        return `${value.length} characters`;
    return `"${value.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}"`;
}

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];
/** Google Analytics' legacy __utmz cookie fields, in UTM_KEYS order. */
const UTMZ_KEYS = ['utmcsr', 'utmcmd', 'utmccn', 'utmctr', 'utmcct'];
const UNSET_ON_NEW_SESSION = ['referrer', 'referring_domain', ...UTM_KEYS];
/** The `$identify` operations sent at load, before any queued call, in amplitude-js's order. */
function attribution(input) {
    const { settings, isNewSession } = input;
    const warnings = [];
    const operations = [];
    const setOnceAndSet = (values) => firstAndLatestIdentify(values, (key, value) => {
        // Campaign values come from URLs anyone can craft.
        if (isSafeUrlValue(value))
            return true;
        warnings.push(`${key} was ignored: longer than ${MAX_URL_VALUE_LENGTH} characters, or markup or control characters`);
        return false;
    });
    if (settings.unsetParamsReferrerOnNewSession && isNewSession) {
        const unset = {};
        for (const key of UNSET_ON_NEW_SESSION)
            unset[key] = '-';
        operations.push(identifyOperation({ $unset: unset }));
    }
    if (isNewSession || !settings.saveParamsReferrerOncePerSession) {
        if (settings.trackUtmProperties)
            operations.push(...setOnceAndSet(utmValues(input.query, input.utmz)));
        if (settings.useAmplitudeReferral)
            operations.push(...setOnceAndSet(referrerValues(input.referrer)));
        if (settings.trackGclid)
            operations.push(...setOnceAndSet({ gclid: input.query.gclid }));
    }
    return { operations, warnings };
}
/** URL values first, then the __utmz cookie, key by key. */
function utmValues(query, utmz) {
    const fromCookie = parseUtmz(utmz);
    const out = {};
    UTM_KEYS.forEach((key, i) => {
        out[key] = query[key] || fromCookie[UTMZ_KEYS[i]];
    });
    return out;
}
function parseUtmz(raw) {
    const out = {};
    if (!raw)
        return out;
    for (const part of raw.split('|')) {
        const match = /(utm[a-z]{2,3})=(.*)$/.exec(part);
        if (match)
            out[match[1]] = match[2];
    }
    return out;
}

/** The SDK's (and amplitude-js's) session timeout. */
const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60 * 1000;
/** Whether identity may be stored, and with which cookie attributes (needed before the plan: it reads identity). */
function storageOptions(rawOptions) {
    const options = isPlainObject(rawOptions) ? rawOptions : {};
    return {
        persist: !(options.disableClientPersistence === true ||
            (isPlainObject(options.user) && options.user.persist === false)),
        cookie: isPlainObject(options.cookie) ? options.cookie : {},
    };
}
function planLoad(env) {
    const warnings = [];
    const warn = (call, messages, dropped = true) => {
        for (const message of messages)
            warnings.push({ call, message, dropped });
    };
    const options = isPlainObject(env.options) ? env.options : {};
    const { persist, cookie } = storageOptions(options);
    const integrations = isPlainObject(options.integrations) ? options.integrations : {};
    const choice = chooseMode(integrations);
    const mode = destinationMode(choice);
    // The destination entries carry settings, not routing decisions: only an explicit false routes.
    const loadIntegrations = coerceIntegrations(integrations);
    for (const name of [CLASSIC_DESTINATION, ACTIONS_DESTINATION]) {
        delete loadIntegrations[name];
        if (integrations[name] === false)
            loadIntegrations[name] = false;
    }
    const settings = choice.settings;
    warn('analytics.load()', choice.warnings, false);
    const sdkOptions = isPlainObject(options.amplitude) ? options.amplitude : {};
    // The querystring API runs before buffered calls, as in analytics-next.
    const query = options.useQueryString === false ? { calls: {}, warnings: [] } : queryStringCalls(env.search, env.hash);
    warn('querystring', query.warnings);
    const anonymousId = query.calls.anonymousId || env.anonymousId;
    const urlParams = parseQuery(env.search);
    const decision = resolveDeviceId({
        preferAnonymousId: settings.preferAnonymousIdForDeviceId,
        anonymousId: settings.preferAnonymousIdForDeviceId ? anonymousId : null,
        deviceIdFromUrlParam: settings.deviceIdFromUrlParam,
        query: urlParams,
        stored: env.storedDeviceIds,
        now: env.now,
        generate: env.newId,
    });
    warn('device ID', decision.warnings);
    const timeout = typeof sdkOptions.sessionTimeout === 'number' ? sdkOptions.sessionTimeout : DEFAULT_SESSION_TIMEOUT_MS;
    // Actions mode continues the session Segment's plugin kept; Classic the one in Amplitude's cookie.
    const actionsSession = env.storedActionsSession;
    const stored = mode.session.keptInSegmentStorage
        ? { sessionId: (actionsSession === null || actionsSession === void 0 ? void 0 : actionsSession.id) || undefined, lastEventTime: (actionsSession === null || actionsSession === void 0 ? void 0 : actionsSession.lastAccess) || undefined }
        : env.storedSession;
    const isNewSession = !stored.sessionId || !stored.lastEventTime || env.now - stored.lastEventTime > timeout;
    const session = {
        sessionId: isNewSession ? env.now : stored.sessionId,
        lastEventTime: isNewSession ? env.now : stored.lastEventTime,
        lastEventId: typeof stored.lastEventId === 'number' ? stored.lastEventId : -1,
    };
    // Amplitude's cross-domain session hand-off (?ampSessionId, valid until ?ampTimestamp), as the SDK honours it.
    // Without the parameter, Number() gives NaN, which is no session.
    const handedSession = Number(urlParams.ampSessionId);
    const handOffValid = urlParams.ampTimestamp === undefined || env.now < Number(urlParams.ampTimestamp);
    if (Number.isFinite(handedSession) && handedSession > 0 && handOffValid) {
        session.sessionId = handedSession;
        session.lastEventTime = env.now;
    }
    const captured = attribution({ settings, query: urlParams, utmz: env.utmz, referrer: env.referrer, isNewSession });
    warn('attribution', captured.warnings);
    return {
        mode,
        settings,
        sdkOptions,
        loadIntegrations,
        persist,
        clientPersistence: options.disableClientPersistence !== true,
        cookie,
        query: query.calls,
        anonymousId,
        deviceId: decision.deviceId,
        deviceIdSource: decision.source,
        isNewSession,
        session,
        sessionTimeoutMs: timeout,
        attribution: stampVersion(captured.operations, settings.versionName),
        warnings,
    };
}

/**
 * What Segment's CDN would have delivered for a source whose only destination is Amplitude. A
 * destination mapped to no category counts as unmapped, as Segment's CDN reports it: consent tools
 * then leave it on instead of disabling everything for want of a category.
 */
function cdnSettingsFor(amplitudeEntry, settings, name) {
    const categories = settings.consentCategories.slice();
    const destination = isPlainObject(amplitudeEntry) ? Object.assign({}, amplitudeEntry) : {};
    destination.consentSettings = { categories };
    return {
        integrations: { [name]: destination },
        remotePlugins: [],
        consentSettings: { allCategories: categories.slice(), hasUnmappedDestinations: categories.length === 0 },
    };
}
/** Whether settings returned by `updateCDNSettings` still carry the Amplitude destination. */
function keepsAmplitude(updated, name) {
    if (!isPlainObject(updated) || !isPlainObject(updated.integrations))
        return false;
    const entry = updated.integrations[name];
    return entry !== undefined && entry !== null && entry !== false;
}
/**
 * Load-level routing that means the destination is never loaded: `{Amplitude: false}`, or `{All: false}`
 * without `Amplitude` turned back on. (Per-event routing is applied to each event instead.)
 */
function isRoutedOff(integrations, name) {
    // The per-event rule, on the load-level values coerced to booleans as analytics-next keeps them.
    return !isAmplitudeEnabled(coerceIntegrations(integrations), name);
}
/** Global Privacy Control, honoured only where the site opted in. */
function gpcTurnsOff(settings, globalPrivacyControl) {
    return settings.honorGlobalPrivacyControl && globalPrivacyControl === true;
}
/**
 * The page's state once every gate has answered. Identity is stored only for a visitor who may be
 * tracked: a disabled page, a consent refusal or GPC keep it in memory; load-level routing does not,
 * because a site that merely routes Amplitude off still relies on analytics.js keeping `user()`.
 */
function gateOutcome(input) {
    const amplitude = input.disabled
        ? 'disabled'
        : !input.consentKept
            ? 'consent-off'
            : input.gpc
                ? 'gpc-off'
                : input.routedOff
                    ? 'routed-off'
                    : 'on';
    const storeIdentity = input.persist && (amplitude === 'on' || amplitude === 'routed-off');
    return { amplitude, storeIdentity };
}

/** The page's answer now, or a promise of it when its `disable` hook answers later. */
function askLoadGate(options, gpcSignal, warn) {
    const integrations = isPlainObject(options.integrations) ? options.integrations : {};
    const { name, settings } = chooseMode(integrations);
    let cdn = cdnSettingsFor(integrations[name], settings, name);
    let consentKept = true;
    const update = options.updateCDNSettings;
    if (typeof update === 'function') {
        try {
            const updated = update(cdn);
            consentKept = keepsAmplitude(updated, name);
            if (isPlainObject(updated))
                cdn = updated;
        }
        catch (error) {
            warn(`updateCDNSettings threw (${describe$1(error)}); Amplitude is off for this page`, true);
            consentKept = false;
        }
    }
    else if (update !== undefined) {
        warn('the option updateCDNSettings must be a function; it was ignored', false);
    }
    const decide = (disabled) => gateOutcome({
        disabled,
        routedOff: isRoutedOff(integrations, name),
        consentKept,
        gpc: gpcTurnsOff(settings, gpcSignal),
        persist: storageOptions(options).persist,
    });
    const disable = options.disable;
    if (disable === undefined || disable === false || disable === true)
        return decide(disable === true);
    if (typeof disable !== 'function') {
        warn('the option disable must be a boolean or a function; it was ignored', false);
        return decide(false);
    }
    const refused = (error) => {
        warn(`the disable option failed (${describe$1(error)}); analytics stays disabled`, true);
        return decide(true);
    };
    let answer;
    try {
        answer = disable(cdn);
    }
    catch (error) {
        return refused(error);
    }
    if (!isThenable(answer))
        return decide(Boolean(answer));
    return new Promise((resolve) => safeThen(answer, (value) => resolve(decide(Boolean(value))), (error) => resolve(refused(error))));
}

class Context {
    constructor(event) {
        this.event = event;
        this.attempts = 1;
        this.stats = { metrics: [] };
        this.logLines = [];
    }
    get id() {
        var _a;
        return (_a = this.event.messageId) !== null && _a !== void 0 ? _a : '';
    }
    setFailedDelivery(failure) {
        this.failure = failure;
    }
    failedDelivery() {
        return this.failure;
    }
    log(level, message) {
        this.logLines.push({ level, message });
    }
    logs() {
        return this.logLines.slice();
    }
    isSame(other) {
        return other.id === this.id;
    }
    toJSON() {
        return { id: this.id, event: this.event };
    }
}
/** What a call that could not be carried out resolves with (analytics-next calls no callback either). */
function failedContext(type, reason) {
    const ctx = new Context({ type });
    ctx.setFailedDelivery({ reason });
    return Promise.resolve(ctx);
}

/**
 * When to try again after the endpoint failed, and when an event is too old to send at all. Pure, so
 * the schedule is tested on its own; the outbox applies it on the monotonic clock.
 *
 * The endpoint, not each event, backs off: while it fails, new events wait with the old ones for the
 * next attempt, so an outage costs one request per wait whatever the page tracks meanwhile.
 */
/** The wait after the first failure. */
const RETRY_BASE_MS = 1000;
/**
 * The longest wait between two attempts. An open tab notices a recovery within this time, and a tab
 * waiting on a failing endpoint sends it at most one request per 30 to 60 s.
 */
const RETRY_CAP_MS = 60 * 1000;
/**
 * An event older than this is dropped instead of sent. Amplitude ignores a repeated insert_id for
 * seven days; an event sent again after an exit during an outage may repeat one that did arrive, so
 * it must reach Amplitude inside that window. A day of margin covers a device clock set wrong
 * between the call and the send.
 */
const MAX_EVENT_AGE_MS = 6 * 24 * 60 * 60 * 1000;
/**
 * The wait after `failures` failures in a row (1 or more): doubling from RETRY_BASE_MS up to
 * RETRY_CAP_MS, then a random point in its upper half, so that pages which failed together (an
 * outage fails them all at once) do not all come back at the same instant.
 */
function retryDelay(failures, random = Math.random) {
    const exponent = Math.min(Math.max(failures, 1) - 1, 30);
    const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
    const r = Math.min(Math.max(random(), 0), 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
/** The endpoint's state of failure, on a monotonic clock: how many failures in a row, and when to try next. */
class Backoff {
    constructor(random = Math.random) {
        this.random = random;
        this.failures = 0;
        this.retryAt = 0;
    }
    /** Records a failure at `now`; returns the wait before the next attempt. */
    failed(now) {
        this.failures += 1;
        const wait = retryDelay(this.failures, this.random);
        this.retryAt = now + wait;
        return wait;
    }
    /** The endpoint answered: the next attempt may go at once, and a later failure starts from the base again. */
    succeeded() {
        this.failures = 0;
        this.retryAt = 0;
    }
    /** Something changed (the browser came back online): try at once, still counting the failures. */
    skipWait() {
        this.retryAt = 0;
    }
    /** How long from `now` until an attempt may go (0: now). */
    remaining(now) {
        return Math.max(0, this.retryAt - now);
    }
    get failing() {
        return this.failures > 0;
    }
}

/** Browsers cap keepalive bodies at 64 KiB in flight; larger requests go without keepalive. */
const KEEPALIVE_BODY_LIMIT = 60000;

/** What the events of one request may weigh in all: 1 MiB less a tenth, for the envelope and margin. */
const MAX_REQUEST_BYTES = 900 * 1024;
const MAX_EVENTS_PER_REQUEST = 2000;
/** Values of an oversized event are cut to this many characters, the largest first, until it fits. */
const REDUCED_STRING_LENGTH = 1024;
/** UTF-8 length of a string, without encoding it. */
function utf8Length(text) {
    let bytes = text.length;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80)
            continue;
        if (code < 0x800)
            bytes += 1;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            bytes += 2; // a surrogate pair: 4 bytes for 2 code units
            i++;
        }
        else
            bytes += 2;
    }
    return bytes;
}
function sized(value) {
    const json = JSON.stringify(value);
    return { value, json, bytes: utf8Length(json) };
}
/**
 * The event reduced to at most `limit` bytes by cutting its largest string values (in properties,
 * not its identity or type) to REDUCED_STRING_LENGTH characters, largest first; undefined when even
 * that is not enough. The event given is not changed.
 */
function reduceToFit(event, limit) {
    const copy = JSON.parse(JSON.stringify(event));
    const leaves = [];
    for (const value of Object.values(copy))
        if (value && typeof value === 'object')
            collectStrings(value, leaves);
    leaves.sort((a, b) => b.length - a.length);
    let bytes = sized(copy).bytes;
    for (const leaf of leaves) {
        if (bytes <= limit || leaf.length <= REDUCED_STRING_LENGTH)
            break;
        const value = leaf.holder[leaf.key];
        const cut = value.slice(0, REDUCED_STRING_LENGTH);
        leaf.holder[leaf.key] = cut;
        // JSON escapes aside, the request shrinks by what was cut; measured exactly at the end.
        bytes -= utf8Length(value) - utf8Length(cut);
    }
    const reduced = sized(copy);
    return reduced.bytes <= limit ? reduced : undefined;
}
function collectStrings(node, into) {
    for (const key of Object.keys(node)) {
        const value = node[key];
        if (typeof value === 'string')
            into.push({ holder: node, key, length: value.length });
        else if (value && typeof value === 'object')
            collectStrings(value, into);
    }
}

/** Settles entries and takes them out; one no longer in the outbox (already settled, or taken over) is left alone. */
function finish(box, entries, outcome) {
    for (const entry of entries) {
        if (box.entries.get(entry.key) !== entry)
            continue;
        box.entries.delete(entry.key);
        if (entry.settle)
            entry.settle(outcome);
    }
}
/** Gives up on events for a reason that will not change, with one warning naming each. */
function giveUp(box, entries, code, reason) {
    for (const entry of entries)
        box.deps.warn(`the event "${entry.event.event_type}" (insert_id ${entry.event.insert_id}) ${reason}; it was dropped`);
    finish(box, entries, { code, message: reason });
}
/** The request body, from the events' JSON measured when they were batched (serialized once). */
function requestBody(box, batch) {
    const { config } = box;
    const events = batch.map((e) => e.json || JSON.stringify(e.event)).join(',');
    const options = config.minIdLength !== undefined ? `,"options":${JSON.stringify({ min_id_length: config.minIdLength })}` : '';
    const uploadTime = JSON.stringify(new Date(box.deps.clock.now()).toISOString());
    const key = JSON.stringify(config.apiKey);
    return `{"api_key":${key},"events":[${events}]${options},"client_upload_time":${uploadTime}}`;
}

/** The answer to the request that carried `batch` (`bytes` of events); null: it failed below HTTP. */
function applyAnswer(box, batch, response, bytes) {
    let live = batch.filter((entry) => box.entries.get(entry.key) === entry);
    // The page tearing down its own request says nothing about the endpoint.
    const abortedByExit = !response && batch.some((entry) => entry.leftWithBrowser);
    if (!response) {
        // A page being left sees its keepalive requests fail while the browser still completes them:
        // those were handed over at exit and count as sent (a real HTTP error still retries below).
        const left = live.filter((entry) => entry.leftWithBrowser);
        finish(box, left, { code: 200, message: 'handed to the browser at exit' });
        live = live.filter((entry) => !entry.leftWithBrowser);
    }
    for (const entry of live) {
        entry.inflight = false;
        entry.handed = false;
    }
    const code = response ? responseCode(response) : 0;
    const body = (response && response.body) || {};
    // An answer about the events themselves (2xx, 400, 413) means the endpoint is up.
    const answered = (code >= 200 && code < 300) || code === 400 || code === 413;
    if (answered)
        box.backoff.succeeded();
    if (!abortedByExit)
        setHealthy(box, answered);
    if (code >= 200 && code < 300) {
        finish(box, live, { code, message: 'success' });
    }
    else if (code === 400) {
        onInvalid(box, batch, live, body);
    }
    else if (code === 413) {
        // Not the events' fault, and not counted against them: smaller requests, at once.
        if (batch.length === 1)
            giveUp(box, live, 413, 'is more than the endpoint accepts in a request');
        else
            shrink(box, batch.length, bytes);
    }
    else if (code === 429) {
        onThrottled(box, batch, live, body);
    }
    else {
        // Server error or no answer: the endpoint backs off; every event stays.
        if (!abortedByExit || live.length)
            box.backoff.failed(box.deps.clock.monotonic());
    }
    box.deps.onChange();
}
function setHealthy(box, healthy) {
    if (healthy === box.healthy)
        return;
    box.healthy = healthy;
    if (box.deps.onHealth)
        box.deps.onHealth(healthy);
}
function shrink(box, count, bytes) {
    box.batchSize = Math.max(1, Math.floor(count / 2));
    if (bytes !== undefined)
        box.byteBudget = Math.max(1024, Math.floor(bytes / 2));
}
function onInvalid(box, batch, live, body) {
    const error = errorOf(body);
    const rejected = requestRejected(body);
    if (rejected) {
        finish(box, live, { code: 400, message: rejected });
        box.deps.warn(`Amplitude rejected a request: ${rejected}`);
        return;
    }
    const bad = invalidIndexes(body);
    if (bad.size === 0) {
        // A 400 that names no event: alone in its request, the event is the problem; otherwise split and find it.
        if (batch.length === 1)
            giveUp(box, live, 400, `was rejected by Amplitude: ${error || 'invalid request'}`);
        else
            shrink(box, batch.length);
        return;
    }
    const dropped = batch.filter((_, i) => bad.has(i)).filter((e) => live.includes(e));
    if (dropped.length) {
        finish(box, dropped, { code: 400, message: error || 'invalid event' });
        box.deps.warn(`Amplitude rejected ${dropped.length} event(s): ${error || 'invalid event'}`);
    }
}
function onThrottled(box, batch, live, body) {
    const { overQuota, throttled } = throttling(body);
    const over = live.filter((e) => overQuota(e.event));
    if (over.length)
        finish(box, over, { code: 429, message: 'daily quota exceeded' });
    const rest = live.filter((e) => !over.includes(e));
    const now = box.deps.clock.monotonic();
    let named = false;
    for (const entry of rest)
        if (throttled.has(batch.indexOf(entry))) {
            entry.notBefore = now + box.config.throttleMs;
            named = true;
        }
    // Throttled without naming the events: the endpoint as a whole backs off.
    if (!named && rest.length)
        box.backoff.failed(now);
}

/**
 * The page is being left (or hidden, which may be the last chance): what the browser takes over, and what
 * must survive in the exit journal because it did not. Synchronous, as page exit allows nothing else.
 */
/**
 * Hands every waiting event to sendBeacon; requests already issued with keepalive are the browser's too.
 * What the browser does not take stays in the outbox and in the journal.
 */
function handOverAtExit(box) {
    const { transport } = box.deps;
    if (!transport.online())
        return;
    // While the endpoint fails, a beacon the browser accepts may be refused: what it carries stays
    // journaled too, and the next page sends it again under the same insert_id (Amplitude ignores
    // the repeat if the beacon did arrive). While it answers, what the browser took counts as sent.
    const healthy = box.healthy;
    if (healthy)
        for (const entry of box.entries.values())
            if (entry.inflight && entry.handed)
                entry.leftWithBrowser = true;
    let chunk = [];
    let bytes = 0;
    const send = () => {
        if (!chunk.length)
            return;
        const body = requestBody(box, chunk);
        let accepted;
        try {
            accepted = transport.beacon(box.config.serverUrl, body);
        }
        catch (_a) {
            accepted = false;
        }
        if (accepted && healthy)
            finish(box, chunk, { code: 200, message: 'handed to the browser at exit' });
        else if (accepted)
            for (const entry of chunk)
                entry.beaconed = true;
        chunk = [];
        bytes = 0;
    };
    for (const entry of [...box.entries.values()]) {
        if (entry.inflight || entry.beaconed)
            continue;
        const size = (entry.bytes || sized(entry.event).bytes) + 1;
        if (chunk.length && (bytes + size > KEEPALIVE_BODY_LIMIT || chunk.length >= Math.max(box.batchSize, 100)))
            send();
        chunk.push(entry);
        bytes += size;
    }
    send();
    box.deps.onChange();
}
/**
 * What must survive if the page dies now: everything the browser has not taken over (all of it while the
 * endpoint fails).
 */
function unsentEvents(box) {
    const out = [];
    for (const entry of box.entries.values())
        if (!entry.handed || !box.healthy || entry.beaconed)
            out.push(entry.event);
    return out;
}

/**
 * The last step before the wire: Amplitude-ready events wait here until the endpoint acknowledges them.
 * It stands in the SDK's timeline as its destination plugin, in place of the SDK's own, because the
 * shim must know, at the instant a page is left, exactly which events the browser has taken over
 * (beacon accepted, or a keepalive request already issued) and which it has not: the first count as
 * sent, the second go to the exit journal.
 *
 * While the page lives, an event the endpoint cannot take is kept and tried again (retry-policy.ts),
 * and given up only for a reason that will not change (outbox-answers.ts), or because it is too large
 * for any request or too old to send (here). This file is the queue: what goes into a request, and when.
 */
function createOutbox(config, deps) {
    const { clock } = deps;
    const box = {
        config,
        deps,
        entries: new Map(),
        batchSize: Math.min(MAX_EVENTS_PER_REQUEST, Math.max(1, config.batchSize)),
        byteBudget: MAX_REQUEST_BYTES,
        backoff: new Backoff(deps.random),
        healthy: true,
    };
    const { entries } = box;
    let nextKey = 0;
    /** Only one request is in flight at a time (as in the SDK), so this is that request's size (0: none). */
    let inflightCount = 0;
    let timer = undefined;
    let timerDue = Infinity;
    const enqueue = (event, settle, age = 0) => {
        const key = nextKey++;
        entries.set(key, {
            key,
            event,
            bornAt: clock.monotonic() - age,
            notBefore: 0,
            inflight: false,
            handed: false,
            settle,
        });
    };
    const waitingCount = () => entries.size - inflightCount;
    const schedule = (delayMs) => {
        const due = clock.monotonic() + delayMs;
        if (timer !== undefined && timerDue <= due)
            return;
        if (timer !== undefined)
            clock.clearTimeout(timer);
        timerDue = due;
        timer = clock.setTimeout(() => {
            timer = undefined;
            timerDue = Infinity;
            pump();
        }, delayMs);
    };
    const pump = () => {
        if (inflightCount || entries.size === 0)
            return;
        if (!deps.transport.online())
            return; // the page's `online` event calls flush()
        const taken = deps.reconcile && deps.reconcile();
        if (taken && taken.size)
            dropTaken(box, taken);
        const now = clock.monotonic();
        dropExpired(box, now);
        const wait = box.backoff.remaining(now);
        if (wait > 0) {
            if (entries.size)
                schedule(wait);
            return;
        }
        const batch = [];
        let bytes = 0;
        let nextDue = Infinity;
        for (const entry of [...entries.values()]) {
            if (entry.inflight)
                continue;
            if (entry.notBefore > now) {
                nextDue = Math.min(nextDue, entry.notBefore);
                continue;
            }
            const size = measure(box, entry);
            if (size === undefined)
                continue;
            // In order: a request ends at the first event that would take it over the limit.
            if (batch.length && bytes + size > box.byteBudget)
                break;
            batch.push(entry);
            bytes += size;
            if (batch.length >= box.batchSize)
                break;
        }
        if (batch.length === 0) {
            if (nextDue !== Infinity)
                schedule(nextDue - now);
            return;
        }
        const body = requestBody(box, batch);
        const keepalive = utf8Length(body) <= KEEPALIVE_BODY_LIMIT;
        for (const entry of batch) {
            entry.inflight = true;
            entry.handed = keepalive;
            entry.beaconed = false;
        }
        if (keepalive)
            deps.onChange();
        inflightCount = batch.length;
        let settled = false;
        const done = (response) => {
            if (settled)
                return;
            settled = true;
            inflightCount = 0;
            applyAnswer(box, batch, response, bytes);
            // A full batch still waiting goes on at once (a burst drains back to back); a partial one waits
            // its interval like any new event, as the SDK schedules what is left after a flush.
            const waiting = waitingCount();
            if (waiting >= box.batchSize || (config.uploadThreshold > 0 && waiting >= config.uploadThreshold))
                schedule(0);
            else if (waiting > 0)
                schedule(config.flushIntervalMs);
        };
        try {
            deps.transport.post(config.serverUrl, body, keepalive).then(done, () => done(null));
        }
        catch (_a) {
            done(null);
        }
    };
    return {
        get size() {
            return entries.size;
        },
        add(event, settled) {
            enqueue(event, settled);
            deps.onChange();
            if (config.sendNewEventsAtOnce || (config.uploadThreshold > 0 && waitingCount() >= config.uploadThreshold))
                schedule(0);
            else
                schedule(config.flushIntervalMs);
        },
        restore(events) {
            // Their age so far is all the wall clock can tell; from here on it is measured on the monotonic clock.
            const now = clock.now();
            for (const event of events)
                enqueue(event, undefined, typeof event.time === 'number' ? Math.max(0, now - event.time) : 0);
            if (events.length) {
                deps.onChange();
                schedule(0);
            }
        },
        flush() {
            box.backoff.skipWait();
            schedule(0);
        },
        assumeFailing() {
            box.healthy = false;
        },
        exit: () => handOverAtExit(box),
        unsent: () => unsentEvents(box),
    };
}
/**
 * The event's size on the wire, measured once. One too large for any request is reduced (its largest
 * values cut) or, failing that, dropped; either way with one warning that names it. undefined: dropped.
 */
function measure(box, entry) {
    if (entry.bytes === undefined || entry.json === undefined) {
        const measured = sized(entry.event);
        entry.json = measured.json;
        entry.bytes = measured.bytes;
    }
    if (entry.bytes <= box.byteBudget)
        return entry.bytes;
    const name = `"${entry.event.event_type}" (insert_id ${entry.event.insert_id})`;
    const reduced = reduceToFit(entry.event, box.byteBudget);
    if (!reduced) {
        box.deps.warn(`the event ${name} is ${entry.bytes} bytes, ` +
            'more than a request may carry even with its largest values cut; it was dropped');
        finish(box, [entry], { code: 413, message: 'event too large' });
        return undefined;
    }
    box.deps.warn(`the event ${name} was ${entry.bytes} bytes, more than a request may carry; ` +
        `its largest values were cut to ${REDUCED_STRING_LENGTH} characters`);
    entry.event = reduced.value;
    entry.json = reduced.json;
    entry.bytes = reduced.bytes;
    return entry.bytes;
}
/** Events older than Amplitude's window for recognizing a repeat are dropped, with one warning. */
function dropExpired(box, now) {
    const expired = [];
    for (const entry of box.entries.values())
        if (!entry.inflight && now - entry.bornAt > MAX_EVENT_AGE_MS)
            expired.push(entry);
    if (!expired.length)
        return;
    finish(box, expired, { code: 0, message: 'too old to send' });
    box.deps.warn(`${expired.length} event(s) older than ${MAX_EVENT_AGE_MS / 86400000} days ` +
        'could not be delivered in time and were dropped');
}
/** Events another page has sent (it took over this page's journal record) leave without a request. */
function dropTaken(box, ids) {
    const taken = [];
    for (const entry of box.entries.values())
        if (!entry.inflight && ids.has(entry.event.insert_id))
            taken.push(entry);
    finish(box, taken, { code: 200, message: 'sent by another page' });
}

const JOURNAL_PREFIX = 'segment_amplitude_shim_unsent_';
/** Present while the endpoint's last answer, seen by any page of the site, was a failure. */
const FAILING_PREFIX = 'segment_amplitude_shim_failing_';
/** A record whose page has not written for this long, and never said it left, belonged to a page that died. */
const STALE_RECORD_MS = 10 * 60 * 1000;
/** While the page is visible, at most one write per this many ms: persisting a long queue costs O(queue). */
const WRITE_INTERVAL_MS = 250;
/** A visible page with something pending rewrites its record this often, so no other page thinks it died. */
const HEARTBEAT_MS = 60 * 1000;
class ExitJournal {
    constructor(store, clock, apiKey, pageId, contents) {
        this.store = store;
        this.clock = clock;
        this.contents = contents;
        this.timer = undefined;
        this.heartbeat = undefined;
        this.left = false;
        this.gone = false;
        /** insert_ids and messageIds in the record this page last wrote (to notice a takeover). */
        this.written = new Set();
        this.writtenLeft = false;
        this.site = apiKey.slice(0, 10);
        this.prefix = JOURNAL_PREFIX + this.site;
        this.key = `${this.prefix}_${pageId}`;
    }
    /** Something pending changed: write soon (at once when the page has been left). */
    changed() {
        if (this.timer !== undefined)
            return;
        this.timer = this.clock.setTimeout(() => {
            this.timer = undefined;
            this.write();
        }, this.left ? 0 : WRITE_INTERVAL_MS);
    }
    /** The page is being left or hidden (`gone`: left, by pagehide): write now, synchronously. */
    pageLeft(gone = false) {
        this.left = true;
        this.gone = this.gone || gone;
        this.write();
    }
    /** The page is visible again: its record goes back to being a live page's. */
    pageShown() {
        this.left = false;
        this.gone = false;
        this.changed();
    }
    /** Writes the record now (removes it when nothing is pending). */
    write() {
        if (this.timer !== undefined) {
            this.clock.clearTimeout(this.timer);
            this.timer = undefined;
        }
        const { calls, events } = this.contents();
        if (calls.length === 0 && events.length === 0) {
            if (this.written.size || this.writtenLeft)
                this.store.remove(this.key);
            this.written = new Set();
            this.writtenLeft = false;
            this.stopHeartbeat();
            return;
        }
        const record = {
            v: 1,
            at: this.clock.now(),
            left: this.left,
            // Written only when true: JSON leaves an undefined key out.
            gone: this.gone || undefined,
            calls: calls.slice(-500),
            events: events.slice(-1e3),
        };
        if (this.store.set(this.key, JSON.stringify(record))) {
            this.written = new Set([...record.calls.map((c) => c.event.messageId), ...record.events.map((e) => e.insert_id)]);
            this.writtenLeft = this.left;
        }
        this.startHeartbeat();
    }
    startHeartbeat() {
        if (this.heartbeat !== undefined)
            return;
        this.heartbeat = this.clock.setTimeout(() => {
            this.heartbeat = undefined;
            this.write();
        }, HEARTBEAT_MS);
    }
    stopHeartbeat() {
        if (this.heartbeat === undefined)
            return;
        this.clock.clearTimeout(this.heartbeat);
        this.heartbeat = undefined;
    }
    /**
     * Ids another page has taken over since this page last wrote its record as left (they must not be
     * sent again from here). Empty when the record is still there.
     */
    takenOver() {
        if (!this.writtenLeft || this.written.size === 0)
            return undefined;
        if (this.store.get(this.key) !== null)
            return undefined;
        const taken = this.written;
        this.written = new Set();
        this.writtenLeft = false;
        return taken;
    }
    /** The name under which pages of the site take turns to take over records (see takeover.ts). */
    get lockName() {
        return `${this.prefix}_takeover`;
    }
    /** Remembers, for the pages that follow, whether the endpoint's last answer was a failure. */
    noteEndpoint(healthy) {
        const key = FAILING_PREFIX + this.site;
        if (healthy)
            this.store.remove(key);
        else
            this.store.set(key, String(this.clock.now()));
    }
    endpointFailing() {
        return this.store.get(FAILING_PREFIX + this.site) !== null;
    }
    /**
     * Takes over the records of pages that were left or died, and of the previous storage formats
     * (the shim's single journal key, and the SDK's own unsent queue). Removes what it took.
     * With `goneFor` (a page still open looking for orphans): only records of pages gone for at least
     * that long, or dead, so that a page's own next page, which claims at once, is not raced.
     */
    claim(goneFor) {
        const now = this.clock.now();
        const calls = [];
        const events = [];
        const prefix = this.prefix;
        const legacySdkKey = `AMP_unsent_${this.site}`;
        for (const key of this.store.keys()) {
            if (key === this.key)
                continue;
            const isRecord = key.startsWith(`${prefix}_`);
            const isLegacyJournal = key === prefix;
            if (!isRecord && !isLegacyJournal && key !== legacySdkKey)
                continue;
            if (goneFor !== undefined && !isRecord)
                continue;
            const parsed = parse(this.store.get(key));
            if (isRecord) {
                const record = parsed;
                if (!record || typeof record !== 'object') {
                    this.store.remove(key);
                    continue;
                }
                const stale = typeof record.at !== 'number' || now - record.at > STALE_RECORD_MS;
                const dead = goneFor === undefined
                    ? record.left === true || stale
                    : stale || (record.gone === true && now - record.at >= goneFor);
                if (!dead)
                    continue;
                calls.push(...validCalls(record.calls));
                events.push(...validEvents(record.events));
            }
            else if (isLegacyJournal) {
                calls.push(...validCalls(parsed));
            }
            else {
                events.push(...validEvents(parsed));
            }
            this.store.remove(key);
        }
        return { calls, events };
    }
}
function parse(raw) {
    return raw === null ? undefined : attempt(() => JSON.parse(raw), undefined);
}
function validCalls(list) {
    if (!Array.isArray(list))
        return [];
    return list.filter((c) => isPlainObject(c) &&
        isPlainObject(c.event) &&
        typeof c.event.messageId === 'string' &&
        typeof c.event.type === 'string');
}
function validEvents(list) {
    if (!Array.isArray(list))
        return [];
    return list.filter((e) => isPlainObject(e) && typeof e.event_type === 'string' && typeof e.insert_id === 'string');
}

/** A gone page's record is left this long to the page that follows it, which claims at once on load. */
const TAKEOVER_GRACE_MS = 3000;
class Takeover {
    constructor(clock, journal, outbox, adopt, lock) {
        this.clock = clock;
        this.journal = journal;
        this.adopt = adopt;
        this.lock = lock;
        this.timer = undefined;
        if (journal.endpointFailing())
            outbox.assumeFailing();
    }
    /** Another page of the site wrote its record (it may have gone): look once the grace has passed. */
    noticed() {
        if (this.timer !== undefined)
            return;
        this.timer = this.clock.setTimeout(() => {
            this.timer = undefined;
            this.look();
        }, TAKEOVER_GRACE_MS + 100);
    }
    /** The endpoint answered, or stopped answering: remembered for other pages; an answer is the moment to look. */
    endpointAnswered(healthy) {
        this.journal.noteEndpoint(healthy);
        if (healthy)
            this.look();
    }
    look() {
        this.lock(this.journal.lockName, () => {
            const left = this.journal.claim(TAKEOVER_GRACE_MS);
            if (left.calls.length || left.events.length)
                this.adopt(left);
        });
    }
}

/**
 * The Amplitude session, kept by the shim so an event is complete the moment it is handed over, before
 * the SDK has even started. The SDK's own rules: a new session once the previous event is older than
 * the timeout, its id the start time in ms, event ids counting up; the SDK is told the result so its
 * cookie (read by servers and by the next page) stays the same. In Actions mode the rules are Segment's
 * session plugin's: the same, except that a session is stale once exactly the timeout has passed.
 */
class SessionClock {
    constructor(state, timeoutMs, 
    /** Called once per hand-over with the state to persist (the SDK's cookie). */
    persist, rules = 'sdk') {
        this.state = state;
        this.timeoutMs = timeoutMs;
        this.persist = persist;
        this.rules = rules;
    }
    get sessionId() {
        return this.state.sessionId;
    }
    snapshot() {
        return Object.assign({}, this.state);
    }
    /** The session a hand-over at `now` would be in, without extending it. */
    peek(now) {
        const idle = now - this.state.lastEventTime;
        return idle > this.timeoutMs || (this.rules === 'segment-plugin' && idle === this.timeoutMs)
            ? now
            : this.state.sessionId;
    }
    /** A hand-over at `now`: starts a new session if the last one expired, and extends it. */
    open(now) {
        this.state.sessionId = this.peek(now);
        this.state.lastEventTime = Math.max(this.state.lastEventTime, now);
        let eventId = this.state.lastEventId;
        return {
            sessionId: this.state.sessionId,
            nextEventId: () => ++eventId,
            close: () => {
                this.state.lastEventId = eventId;
                this.persist(this.snapshot());
            },
        };
    }
    /** reset(): a new session from now. */
    restart(now) {
        this.state.sessionId = now;
        this.state.lastEventTime = now;
        this.persist(this.snapshot());
    }
}

const PAGE_PLUGIN_SETUP_TIMEOUT_MS = 5000;
const PAGE_PLUGIN_EXECUTE_TIMEOUT_MS = 1000;
const TIMED_OUT = Symbol('timed out');
class SdkPluginStage {
    constructor(deps) {
        this.deps = deps;
        this.waiting = [];
        this.running = false;
    }
    accept(event, settled) {
        if (!this.running && this.deps.plugins.size === 0) {
            this.deps.send(event, settled);
            return;
        }
        this.waiting.push({ event, settled });
        this.deps.changed();
        if (this.running)
            return;
        this.running = true;
        // After the current hand-over has finished, so the SDK already has the session and identity it set.
        void Promise.resolve().then(() => this.next());
    }
    /** Events waiting for plugins, in order (the exit journal keeps them). */
    pending() {
        return this.waiting.map((w) => w.event);
    }
    /** The page is being left: whatever waits goes to the outbox now, as it is. */
    release() {
        const waiting = this.waiting;
        this.waiting = [];
        for (const w of waiting) {
            w.forced = true;
            this.deps.send(w.event, w.settled);
        }
    }
    async next() {
        while (this.waiting.length > 0) {
            const head = this.waiting[0];
            let event = head.event;
            try {
                event = await this.runPlugins(head.event);
            }
            catch (error) {
                this.deps.warn(`internal error: ${describe$1(error)}`);
            }
            if (head.forced)
                continue; // release() sent it already, and emptied the queue
            this.waiting.shift();
            if (event)
                this.deps.send(event, head.settled);
            else if (head.settled)
                head.settled({ code: 0, message: 'dropped by a plugin added to the Amplitude SDK' });
            this.deps.changed();
        }
        this.running = false;
    }
    async runPlugins(original) {
        let event = original;
        for (const entry of this.deps.plugins.inOrder()) {
            if (!(await this.isSetUp(entry)))
                continue;
            const result = await this.execute(entry, event);
            if (result === null)
                return null;
            event = result;
        }
        return event;
    }
    isSetUp(entry) {
        if (entry.ready || entry.abandoned)
            return entry.ready;
        const left = entry.addedAt + PAGE_PLUGIN_SETUP_TIMEOUT_MS - this.deps.clock.now();
        return this.bounded(entry.setUp, Math.max(0, left)).then((ok) => {
            if (ok === TIMED_OUT && !entry.ready) {
                entry.abandoned = true;
                this.deps.warn(`${label(entry)} was not set up within ${PAGE_PLUGIN_SETUP_TIMEOUT_MS} ms; events go on without it`);
            }
            else if (ok === false)
                this.deps.warn(`${label(entry)} setup failed; events go on without it`);
            // A task more: work a plugin's setup started without awaiting it (Session Replay's capture decision
            // after its remote config) has then run, as it has for an event made after setup resolved.
            return new Promise((resolve) => this.deps.clock.setTimeout(() => resolve(entry.ready), 0));
        });
    }
    async execute(entry, event) {
        var _a, _b;
        let returned;
        try {
            returned = (_b = (_a = entry.plugin).execute) === null || _b === void 0 ? void 0 : _b.call(_a, Object.assign({}, event));
        }
        catch (error) {
            this.deps.warn(`${label(entry)} execute() threw ${describe$1(error)}; the event continues`);
            return event;
        }
        const answer = isThenable(returned)
            ? await this.bounded(returned, PAGE_PLUGIN_EXECUTE_TIMEOUT_MS, entry)
            : returned;
        if (answer === TIMED_OUT) {
            this.deps.warn(`${label(entry)} execute() did not answer within ${PAGE_PLUGIN_EXECUTE_TIMEOUT_MS} ms; ` +
                'the event went on without it');
            return event;
        }
        if (answer === null)
            return null;
        if (answer && typeof answer === 'object' && typeof answer.event_type === 'string')
            return answer;
        if (answer !== undefined)
            this.deps.warn(`${label(entry)} execute() answered with something that is not an event; the event continues`);
        return event;
    }
    /** The value `thenable` settles with, TIMED_OUT after `ms`; a rejection is a warning and undefined. */
    bounded(thenable, ms, entry) {
        return raceTimeout(thenable, ms, this.deps.clock, (value) => value, (error) => {
            if (entry)
                this.deps.warn(`${label(entry)} execute() rejected: ${describe$1(error)}; the event continues`);
            return undefined;
        }, () => TIMED_OUT);
    }
}
function label(entry) {
    return `Amplitude SDK plugin "${entry.name}" (${entry.type})`;
}

class Pipeline {
    constructor(plan, deps) {
        /** The user ID Amplitude was last given, for a mode whose events carry it (mode.userId 'last-identify'). */
        this.amplitudeUserId = null;
        const { env } = deps;
        const { clock } = env;
        this.mode = plan.mode;
        const persisted = plan.persist && plan.clientPersistence;
        const outbox = createOutbox(outboxConfig(deps.writeKey, plan.settings, plan.sdkOptions), {
            clock,
            transport: env.transport,
            onChange: () => this.journal.changed(),
            reconcile: () => this.journal.takenOver(),
            onHealth: (healthy) => this.takeover.endpointAnswered(healthy),
            warn: deps.warn,
        });
        this.outbox = outbox;
        this.sdkStage = new SdkPluginStage({
            plugins: env.adapter.pagePlugins,
            clock,
            send: (event, settled) => outbox.add(event, settled),
            changed: () => this.journal.changed(),
            warn: deps.warn,
        });
        // Events still in the SDK plugin stage are the journal's too: they follow the outbox's, in order.
        this.journal = new ExitJournal(persisted ? env.store : memoryStore(), clock, deps.writeKey, env.newId(), () => ({
            calls: deps.pendingCalls(),
            events: [...outbox.unsent(), ...this.sdkStage.pending()],
        }));
        // A page still open sends what gone pages of the site left (their records), once the endpoint answers.
        this.takeover = new Takeover(clock, this.journal, outbox, deps.restore, env.browser.siteLock);
        this.facts = envelopeFacts(plan.sdkOptions, env.browser.navigatorFacts(), LIBRARY, {
            name: SHIM_NAME,
            version: VERSION,
        });
        const keepSegmentSession = plan.mode.session.keptInSegmentStorage && persisted;
        this.session = new SessionClock(plan.session, plan.sessionTimeoutMs, (state) => {
            deps.persistSession(state);
            // Segment's session plugin keys, so the visitor's session also survives a switch back.
            if (keepSegmentSession)
                env.browser.keepSegmentSession(state.sessionId, state.lastEventTime, plan.cookie);
        }, plan.mode.session.rules);
    }
    /**
     * What the mode's Segment plugins add before the page's plugins see an event, with the session a hand-over
     * now would have.
     */
    beforePlugins(event, now) {
        return this.mode.beforePlugins ? this.mode.beforePlugins(event, this.session.peek(now)) : event;
    }
    /** A stamped event: through the page's SDK plugins into the outbox (at once when there is none). */
    accept(event, settled) {
        this.sdkStage.accept(event, settled);
    }
    /** The page is being left (`gone`) or hidden: the browser takes what it can, the journal keeps the rest. */
    exit(gone) {
        this.sdkStage.release();
        this.outbox.exit();
        this.journal.pageLeft(gone);
    }
}

function startUp(outcome, deps) {
    const { env, state, userStore: user, groupStore: group, queue, logger } = deps;
    state.outcome = outcome;
    const sending = outcome.amplitude === 'on';
    const provisional = { anonymousId: user.peekAnonymousId(), userId: user.id() };
    const storage = Object.assign(Object.assign({}, storageOptions(state.options)), { persist: outcome.storeIdentity });
    user.open(storage);
    group.open(storage);
    const { browser } = env;
    const plan = planLoad({
        writeKey: state.writeKey,
        options: state.options,
        search: browser.search(),
        hash: browser.hash(),
        referrer: browser.referrer(),
        // Amplitude's cookies are read only for a page that may send to Amplitude.
        utmz: sending ? browser.getCookie('__utmz') : undefined,
        storedDeviceIds: sending ? browser.storedAmplitudeDeviceIds(state.writeKey) : {},
        storedSession: sending ? browser.storedAmplitudeSession(state.writeKey) : {},
        storedActionsSession: sending ? browser.segmentSession() : undefined,
        anonymousId: user.anonymousId(),
        now: env.clock.now(),
        newId: env.newId,
    });
    for (const w of plan.warnings)
        logger.problem(w.call, w.message, w.dropped);
    state.plan = plan;
    if (plan.anonymousId !== user.peekAnonymousId())
        user.anonymousId(plan.anonymousId);
    restampEarlyCalls(deps, provisional);
    if (!sending)
        logger.debug(`Amplitude is off for this page (${outcome.amplitude}); ` +
            `nothing is sent${outcome.storeIdentity ? '' : ' or stored'}`);
    queue.sendFirst(() => {
        if (sending)
            startSending(plan, deps);
        if (state.options.initialPageview)
            deps.page();
        if (plan.query.identify)
            deps.identify(plan.query.identify.userId, plan.query.identify.traits);
        if (plan.query.track)
            deps.track(plan.query.track.event, plan.query.track.properties);
    });
    deps.announce(sending, outcome.storeIdentity);
    queue.start();
    const pipeline = state.pipeline;
    // Events are complete without the SDK (envelope, session), so they do not wait for it to start.
    if (pipeline)
        deps.deferred.add(() => startSdk(plan, pipeline, deps));
    else
        queue.push({ kind: 'task', run: () => deps.readySignal.fire() });
}
/** `ready` fires once the SDK has started, in call order; or at once if it failed (events still leave). */
function startSdk(plan, pipeline, deps) {
    const { env, state, userStore: user, device, sdk, logger } = deps;
    sdk.start({
        apiKey: state.writeKey,
        deviceId: plan.deviceId,
        userId: user.id(),
        sessionId: plan.session.sessionId,
        settings: plan.settings,
        sdkOptions: plan.sdkOptions,
        https: env.browser.isHttps(),
        clientPersistence: plan.clientPersistence,
        warn: (m) => logger.problem('analytics.load()', m, false),
    }, { sdkEvent: (event) => deps.delivery.sendSdkEvent(event), flush: () => pipeline.outbox.flush() }, () => pipeline.session.snapshot(), () => sdk.syncIdentity(device.id, user.id()), (error) => {
        if (error === undefined)
            return deps.queue.push({ kind: 'task', run: () => deps.readySignal.fire() });
        logger.once(`Amplitude SDK failed to initialize: ${error}; events are still sent, ` +
            "but the visitor's IDs may not persist in its AMP_ cookie", 'error');
        deps.readySignal.fire();
    });
}
/**
 * Calls made before load were stamped with identity kept in memory; the visitor's stored identity,
 * read only now, takes the place of what was made up meanwhile.
 */
function restampEarlyCalls({ userStore: user, queue }, provisional) {
    const anonymousId = user.anonymousId();
    const userId = user.id();
    for (const item of queue.pendingItems()) {
        const event = item.event;
        if (provisional.anonymousId &&
            event.anonymousId === provisional.anonymousId &&
            anonymousId !== provisional.anonymousId) {
            event.anonymousId = anonymousId !== null && anonymousId !== void 0 ? anonymousId : undefined;
            if (item.deviceId === provisional.anonymousId)
                item.deviceId = null;
        }
        if (provisional.userId === null && !event.userId && userId)
            event.userId = userId;
    }
}
function startSending(plan, deps) {
    const { env, state, queue, logger } = deps;
    deps.device.settle(plan.deviceId, plan.deviceIdSource);
    const pipeline = new Pipeline(plan, {
        writeKey: state.writeKey,
        env,
        pendingCalls: () => queue.pendingItems().map(toJournaled),
        persistSession: (s) => deps.sdk.persistSession(s),
        restore: (left) => restore(left, pipeline, queue),
        warn: (message) => logger.problem('Amplitude', message, true),
    });
    state.pipeline = pipeline;
    pipeline.amplitudeUserId = deps.userStore.id();
    // What earlier pages could not send goes first.
    restore(pipeline.journal.claim(), pipeline, queue);
    sendAttribution(plan.attribution, deps, pipeline);
}
/** What a page of the site left: its stamped events, then its calls. */
function restore(left, pipeline, queue) {
    pipeline.outbox.restore(left.events);
    for (const call of left.calls)
        restoreCall(call, queue);
}
function restoreCall(call, queue) {
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
    queue.push({ kind: 'call', item });
}
/** amplitude-js's session-start user properties (UTM, gclid, referrer), sent before any queued call. */
function sendAttribution(ops, deps, pipeline) {
    if (ops.length === 0)
        return;
    const { env, userStore: user, delivery } = deps;
    const stamp = {
        userId: user.id(),
        deviceId: deps.device.id,
        time: env.clock.now(),
        messageId: `shim-${env.newId()}`,
    };
    const step = {
        kind: 'task',
        run: () => {
            const ticket = pipeline.session.open(env.clock.now());
            try {
                delivery.send(ops, stamp, ticket, pipeline);
            }
            finally {
                ticket.close();
            }
        },
    };
    deps.queue.push(step);
}
function toJournaled(item) {
    return { event: item.event, deviceId: item.deviceId, referrer: item.referrer };
}

/** A load that went ahead keeps its key in `state.writeKey`: a later call finds it there and is ignored. */
function loadOnce(deps, writeKey, options, replay) {
    const { logger, state } = deps;
    if (state.writeKey) {
        logger.once('analytics.load() was called again; the second call is ignored (is the snippet on the page twice?)');
        return;
    }
    if (!isNonEmptyString(writeKey)) {
        logger.once('analytics.load(): no Amplitude API key was given; nothing will be sent until load(KEY) is called', 'error');
        replay();
        return;
    }
    state.writeKey = writeKey;
    state.options = isPlainObject(options) ? options : {};
    const start = (outcome, replayNow = () => undefined) => {
        startUp(outcome, deps);
        replayNow();
        // Deferred start-up work runs once the calls queued at load have been handed over.
        deps.queue.push({ kind: 'task', run: () => deps.deferred.release() });
    };
    const gate = askLoadGate(state.options, deps.env.browser.globalPrivacyControl(), (m, d) => logger.problem('analytics.load()', m, d));
    if (gate instanceof Promise) {
        // The page decides later: its queued calls wait (in memory) behind what load sends first.
        replay();
        gate
            .then((outcome) => start(outcome))
            .catch((error) => logger.problem('analytics.load()', `internal error: ${describe$1(error)}`, true));
        return;
    }
    start(gate, replay);
}

class PageLifecycle {
    constructor(pipeline, queue, identityStores, 
    /** Events stop waiting for registered plugins' loads (what waits is journaled as calls). */
    plugins) {
        this.pipeline = pipeline;
        this.queue = queue;
        this.identityStores = identityStores;
        this.plugins = plugins;
    }
    /** The page is being left (`gone`: pagehide) or hidden. */
    exit(gone = false) {
        const pipeline = this.pipeline();
        this.plugins.release();
        if (!pipeline)
            return;
        if (this.queue.started)
            this.queue.drain();
        pipeline.exit(gone);
    }
    /** Another page of the site wrote its journal record: it may have gone, leaving events to send. */
    otherPageJournal() {
        var _a;
        (_a = this.pipeline()) === null || _a === void 0 ? void 0 : _a.takeover.noticed();
    }
    shown() {
        var _a;
        (_a = this.pipeline()) === null || _a === void 0 ? void 0 : _a.journal.pageShown();
        // Another tab may have changed the visitor's IDs while this one was hidden.
        this.storageChanged();
    }
    /** The browser is back online: send what waited. */
    online() {
        var _a;
        (_a = this.pipeline()) === null || _a === void 0 ? void 0 : _a.outbox.flush();
    }
    /** Another tab changed storage: re-read identity on next use. */
    storageChanged() {
        for (const store of this.identityStores)
            store.invalidate();
    }
}

const isFunction = (v) => typeof v === 'function';
const isString = (v) => typeof v === 'string';
const isNil = (v) => v === null || v === undefined;
const BPC_KEYS = ['__t', 'c', 'p', 'u', 's', 't', 'r'];
/** The 5.x snippet's buffered page context: `{__t:'bpc', ...}` with no other keys. */
function isBufferedPageContext(value) {
    try {
        if (!isPlainObject(value) || value.__t !== 'bpc')
            return false;
        return Object.keys(value).every((k) => BPC_KEYS.includes(k));
    }
    catch (_a) {
        return false;
    }
}
function pageSnapshotFromBpc(bpc) {
    const str = (v) => (typeof v === 'string' ? v : '');
    return {
        canonical: typeof bpc.c === 'string' ? bpc.c : undefined,
        pathname: str(bpc.p),
        href: str(bpc.u),
        search: str(bpc.s),
        title: str(bpc.t),
        referrer: str(bpc.r),
    };
}
/** Removes a trailing buffered page context, returning it separately. */
function splitPageContext(args) {
    if (args.length > 0 && isBufferedPageContext(args[args.length - 1])) {
        return { args: args.slice(0, -1), snapshot: pageSnapshotFromBpc(args[args.length - 1]) };
    }
    return { args };
}
function resolveTrackArguments(args) {
    const [eventName, properties, options, callback] = args;
    const objectForm = isPlainObject(eventName);
    const name = objectForm ? readKey(eventName, 'event') : eventName;
    let props = {};
    if (objectForm) {
        const p = readKey(eventName, 'properties');
        props = isPlainObject(p) ? p : {};
    }
    else if (isPlainObject(properties))
        props = properties;
    let opts = {};
    if (!isFunction(options) && isPlainObject(options))
        opts = options;
    if (objectForm && !isFunction(properties) && isPlainObject(properties))
        opts = properties;
    const cb = [eventName, properties, options, callback].find(isFunction);
    return { name, properties: props, options: opts, callback: cb };
}
function resolvePageArguments(input) {
    const args = input.slice(0, 5);
    let category = null;
    let name = null;
    const strings = args.filter(isString);
    if (strings.length === 1) {
        name = strings[0];
    }
    else if (strings.length === 2) {
        if (isString(args[0]))
            category = args[0];
        if (isString(args[1]))
            name = args[1];
    }
    const objects = args.filter(isPlainObject);
    let properties = {};
    let options = {};
    if (objects.length === 1) {
        // The only object is the options when it comes fourth, else the properties.
        if (isPlainObject(args[3]))
            options = objects[0];
        else
            properties = objects[0];
    }
    else if (objects.length === 2) {
        properties = objects[0];
        options = objects[1];
    }
    return { category, name, properties, options, callback: args.find(isFunction) };
}
/** identify([id], [traits], [options], [cb]) and group([id], [traits], [options], [cb]). */
function resolveEntityArguments(args) {
    let id;
    let traits;
    let options;
    let callback;
    // The slot the next argument may fill: 0 the id, 1 the traits, 2 the options.
    let slot = 0;
    for (const arg of args) {
        if (isFunction(arg)) {
            callback = arg;
            break;
        }
        if (slot === 0) {
            slot = 1;
            if (isString(arg) || (typeof arg === 'number' && Number.isFinite(arg))) {
                id = String(arg);
                continue;
            }
            if (isNil(arg)) {
                id = null;
                continue;
            }
            // the id was omitted: the same argument is considered for traits
        }
        if (slot > 2)
            break;
        if (isNil(arg) || isPlainObject(arg)) {
            if (slot === 1)
                traits = arg;
            else
                options = arg;
        }
        slot++;
    }
    return { id, traits: traits || undefined, options: options || {}, callback };
}
function resolveAliasArguments(input) {
    const args = input.map((a) => (typeof a === 'number' && Number.isFinite(a) ? String(a) : a));
    const [to, from = null] = args.filter(isString);
    return {
        to,
        from,
        options: args.find(isPlainObject) || {},
        callback: args.find(isFunction),
    };
}

class Calls {
    constructor(deps) {
        this.deps = deps;
        this.cache = {};
    }
    track(rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveTrackArguments(args);
        if (!isNonEmptyString(r.name))
            return this.reject('analytics.track()', 'the event name is missing or not a string; the call was dropped', 'track');
        const properties = this.clean('analytics.track()', r.properties);
        return this.dispatch({ type: 'track', event: r.name, properties }, r.options, snapshot, r.callback, (ev) => [
            ev.event,
            ev.properties,
            undefined,
        ]);
    }
    page(type, rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolvePageArguments(args);
        const properties = this.clean(`analytics.${type}()`, r.properties);
        const body = { type, category: r.category, name: r.name, properties };
        return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [
            orNull(ev.category),
            orNull(ev.name),
            ev.properties,
            undefined,
        ]);
    }
    identify(rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveEntityArguments(args);
        const user = this.deps.userStore;
        const traits = r.traits ? withClearedKeys(this.clean('analytics.identify()', r.traits), r.traits) : undefined;
        const options = this.clean('analytics.identify()', r.options);
        // In this order, as analytics-next: a new user ID first drops the old anonymousId, and then an anonymousId
        // given in the options becomes the new one.
        user.identify(r.id, traits);
        this.applyAnonymousIdOption(options);
        const body = { type: 'identify', traits: user.traits(), userId: user.id() };
        return this.dispatch(body, options, snapshot, r.callback, (ev) => [orNull(ev.userId), ev.traits, undefined]);
    }
    /** group() with no arguments is the group store itself, as in analytics-next. */
    group(rawArgs) {
        const { args, snapshot } = splitPageContext(rawArgs);
        const group = this.deps.groupStore;
        if (args.length === 0)
            return group;
        const r = resolveEntityArguments(args);
        const traits = r.traits ? this.clean('analytics.group()', r.traits) : undefined;
        group.identify(r.id, traits);
        const body = { type: 'group', groupId: group.id(), traits: group.traits() };
        return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [orNull(ev.groupId), ev.traits, undefined]);
    }
    /** The user mapping goes out at hand-over, like any event: after middleware, routing and consent. */
    alias(rawArgs) {
        var _a, _b, _c;
        const { args, snapshot } = splitPageContext(rawArgs);
        const r = resolveAliasArguments(args);
        const user = this.deps.userStore;
        const body = {
            type: 'alias',
            userId: (_a = r.to) !== null && _a !== void 0 ? _a : user.id(),
            previousId: (_c = (_b = r.from) !== null && _b !== void 0 ? _b : user.id()) !== null && _c !== void 0 ? _c : user.anonymousId(),
        };
        return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [
            orNull(ev.userId),
            orNull(ev.previousId),
            undefined,
        ]);
    }
    /** A JSON-safe copy of page-given values; what had to go is said once, naming the call. */
    clean(call, value) {
        const { value: clean, problems } = sanitizeProperties(value);
        if (problems.length > 0)
            this.deps.logger.problem(call, problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : ''), true);
        return clean;
    }
    /** A call that cannot be carried out: one warning, and a failed Context. */
    reject(call, message, type) {
        this.deps.logger.problem(call, message, true);
        return failedContext(type, message);
    }
    /** `options.anonymousId` on a call sets the visitor's anonymousId, as analytics-next does. */
    applyAnonymousIdOption(options) {
        if (isNonEmptyString(options.anonymousId))
            this.deps.userStore.anonymousId(options.anonymousId);
    }
    dispatch(body, rawOptions, snapshot, callback, emitArgs) {
        const { deps } = this;
        let options = rawOptions;
        if (body.type !== 'identify') {
            options = this.clean(`analytics.${body.type}()`, rawOptions);
            this.applyAnonymousIdOption(options);
        }
        const snap = snapshot !== null && snapshot !== void 0 ? snapshot : deps.env.browser.snapshot();
        const anonymousId = deps.userStore.anonymousId();
        const now = deps.env.clock.now();
        const event = buildEvent(body, options, {
            page: pageContextFromSnapshot(snap),
            userId: deps.userStore.id(),
            anonymousId,
            now: new Date(now),
            messageId: `ajs-next-${now}-${deps.env.newId()}`,
            loadIntegrations: deps.state.plan ? deps.state.plan.loadIntegrations : {},
            context: this.contextFromPage(snap),
        });
        return new Promise((resolve) => {
            deps.enqueue({
                event,
                deviceId: deps.device.forCall(orNull(event.anonymousId)),
                referrer: snap.referrer,
                ctx: new Context(event),
                callback,
                finish: (ctx) => {
                    resolve(ctx);
                    deps.emitter.emit(body.type, ...emitArgs(event));
                },
            });
        });
    }
    /**
     * What analytics.js adds to every event's context besides the page (the Actions presets read it).
     * navigator.userAgent alone costs a single call microseconds to read, and it does not change on a page.
     */
    contextFromPage(snap) {
        const cache = this.cache;
        const context = { library: { name: 'analytics.js', version: `${SHIM_NAME}-${VERSION}` } };
        if (cache.search !== snap.search) {
            cache.search = snap.search;
            cache.campaign = campaignFromSearch(parseQuery(snap.search));
        }
        // Each event gets its own copy: middleware may edit it.
        if (cache.campaign)
            context.campaign = Object.assign({}, cache.campaign);
        if (!cache.agent) {
            const facts = this.deps.env.browser.navigatorFacts();
            cache.agent = { userAgent: facts.userAgent, locale: facts.language };
        }
        const { userAgent, locale } = cache.agent;
        if (userAgent)
            context.userAgent = userAgent;
        if (locale)
            context.locale = locale;
        return context;
    }
}
/** What a listener gets for a field the event does not have. */
function orNull(value) {
    return value !== null && value !== void 0 ? value : null;
}
/**
 * A trait given as undefined removes the stored trait, as analytics-next's shallow merge of the user's traits
 * did; the JSON-safe copy alone would have dropped the key and kept the old value.
 */
function withClearedKeys(clean, given) {
    // The page's object is read again: one that cannot be read (its problem is already told) clears nothing.
    attempt(() => {
        for (const key of Object.keys(given))
            if (!(key in clean) && given[key] === undefined)
                clean[key] = undefined;
    }, undefined);
    return clean;
}

/** The longest a middleware's returned promise may hold its event. */
const MIDDLEWARE_TIMEOUT_MS = 1000;
const CANCELLED$1 = Symbol('cancelled');
/**
 * Runs `chain` over `event`. Source middleware (no `integration`): next(null) passes the event through
 * unchanged. Destination middleware: next(null) drops the event for that destination.
 */
function runChain(chain, event, integration, deps) {
    let current = event;
    for (let i = 0; i < chain.length; i++) {
        const step = runOne(chain[i], current, integration, deps);
        if (step === null)
            return null;
        if (isThenable(step))
            return continueAsync(step, chain, i + 1, integration, deps);
        current = step;
    }
    return current;
}
async function continueAsync(pending, chain, from, integration, deps) {
    let current = await pending;
    for (let i = from; i < chain.length && current; i++) {
        const step = runOne(chain[i], current, integration, deps);
        current = isThenable(step) ? await step : step;
    }
    return current;
}
function runOne(fn, event, integration, deps) {
    let outcome = CANCELLED$1;
    const next = (payload) => {
        if (outcome !== CANCELLED$1)
            return;
        if (payload === null || payload === undefined)
            outcome = integration ? null : event;
        else
            outcome = isPlainObject(payload.obj) ? payload.obj : event;
    };
    let returned;
    try {
        returned = fn({ payload: makePayload(event), integrations: event.integrations, integration, next });
    }
    catch (error) {
        deps.warn(`threw: ${describe$1(error)}; the event continues unchanged`, false);
        return event;
    }
    if (outcome !== CANCELLED$1) {
        if (isThenable(returned))
            safeThen(returned, undefined, (error) => deps.warn(`rejected after next(): ${describe$1(error)}`, false));
        return outcome;
    }
    if (!isThenable(returned))
        return null; // returned without calling next: cancelled, silently
    const settled = () => (outcome === CANCELLED$1 ? null : outcome);
    return raceTimeout(returned, MIDDLEWARE_TIMEOUT_MS, deps.clock, settled, (error) => {
        deps.warn(`rejected: ${describe$1(error)}`, outcome === CANCELLED$1);
        return settled();
    }, () => {
        deps.warn(`did not call next() within ${MIDDLEWARE_TIMEOUT_MS} ms; the event was dropped`, true);
        return null;
    });
}
function makePayload(event) {
    return { obj: event, type: () => event.type, event: () => event.event };
}

/** What `ctx.cancel()` throws. A plugin may also throw its own copy of analytics-next's class. */
class ContextCancelation {
    constructor({ retry = true, type = 'plugin Error', reason = '', } = {}) {
        this.retry = retry;
        this.type = type;
        this.reason = reason;
    }
}
/**
 * True for our ContextCancelation and for one from a plugin's own bundle of analytics-next, which
 * `instanceof` cannot recognise: both are plain objects with a boolean `retry` and a string `type`.
 */
function isCancelation(value) {
    if (value instanceof ContextCancelation)
        return true;
    try {
        return (!!value &&
            typeof value === 'object' &&
            !(value instanceof Error) &&
            typeof value.retry === 'boolean' &&
            typeof value.type === 'string');
    }
    catch (_a) {
        return false;
    }
}
function metricNow(metric, value, type, tags) {
    return { metric, value, type, tags, timestamp: Date.now() };
}
/** Per-event counters and gauges, kept on the context as analytics-next keeps them; never sent. */
class ContextStats {
    constructor() {
        this.metrics = [];
    }
    increment(metric, by = 1, tags = []) {
        this.metrics.push(metricNow(metric, by, 'counter', tags));
    }
    gauge(metric, value, tags = []) {
        this.metrics.push(metricNow(metric, value, 'gauge', tags));
    }
    flush() {
        this.metrics = [];
    }
    serialize() {
        return this.metrics;
    }
}
let contextCount = 0;
function newId() {
    try {
        const crypto = globalThis.crypto;
        if (crypto === null || crypto === void 0 ? void 0 : crypto.randomUUID)
            return crypto.randomUUID();
    }
    catch (_a) {
        /* fall through */
    }
    contextCount += 1;
    return `ctx-${Date.now().toString(36)}-${contextCount}`;
}
class SegmentContext {
    constructor(event, id) {
        this.stats = new ContextStats();
        /** 1 once the event has been dispatched; analytics-next counts retries here, we never retry. */
        this.attempts = 0;
        this.messages = [];
        this.event = event;
        this.ctxId = id;
    }
    /** The context `register` and `deregister` resolve to: not an event anyone sends. */
    static system() {
        return new SegmentContext({ type: 'track', event: 'system' });
    }
    // Made on first read: most contexts are never asked for their id.
    get id() {
        return (this.ctxId || (this.ctxId = newId()));
    }
    isSame(other) {
        return other.id === this.id;
    }
    /** Throws, as analytics-next's does: a `before` plugin that calls it cancels the event. */
    cancel(error) {
        if (error)
            throw error;
        throw new ContextCancelation({ reason: 'Context Cancel' });
    }
    log(level, message, extras) {
        this.messages.push({ level, message, time: new Date(), extras });
    }
    logs() {
        return this.messages;
    }
    /**
     * Sets `value` at a dotted path, creating objects (or arrays, before a numeric key) on the way.
     * A path into an integration that the event turned off (`integrations.X` is false) is ignored, so a
     * plugin cannot switch a destination back on with its settings.
     */
    updateEvent(path, value) {
        const keys = String(path).split('.');
        if (keys[0] === 'integrations' && (this.event.integrations || {})[keys[1]] === false)
            return this.event;
        if (keys.some(isUnsafeKey))
            return this.event;
        let target = this.event;
        for (let i = 0; i < keys.length - 1; i++) {
            const next = target[keys[i]];
            if (next !== null && typeof next === 'object') {
                target = next;
            }
            else {
                const created = /^\d+$/.test(keys[i + 1]) ? [] : {};
                target[keys[i]] = created;
                target = created;
            }
        }
        target[keys[keys.length - 1]] = value;
        return this.event;
    }
    failedDelivery() {
        return this.failure;
    }
    setFailedDelivery(options) {
        this.failure = options;
    }
    flush() {
        this.messages.length = 0;
        this.stats.flush();
    }
    toJSON() {
        return { id: this.id, event: this.event, logs: this.messages, metrics: this.stats.metrics };
    }
}

const CANCELLED = Symbol('cancelled');
function callHook(plugin, hook, ctx, deps) {
    const name = `plugin "${plugin.name}" (${plugin.type}) ${ctx.event.type}()`;
    const accepted = (value) => {
        if (value instanceof SegmentContext)
            return value;
        // analytics-next cancels (and after its retries drops) the event of a before plugin that returns
        // anything but a context; we keep the event and say so, since the plugin most likely forgot a return.
        if (plugin.type === 'before')
            deps.warn(`${name} returned ${describeValue(value)} instead of its context; the event continues`);
        return ctx;
    };
    const failed = (error) => {
        if (isCancelation(error)) {
            ctx.log('warn', error.type, { plugin: plugin.name, error });
            if (plugin.type === 'before') {
                ctx.stats.increment('context_canceled');
                return CANCELLED;
            }
            deps.warn(`${name} cancelled the event; only a before plugin can cancel one, so it continues, as in analytics-next`);
            return ctx;
        }
        ctx.log('error', 'plugin Error', { plugin: plugin.name, error });
        ctx.stats.increment('plugin_error', 1, [`plugin:${plugin.name}`]);
        deps.warn(`${name} failed: ${describe$1(error)}; the event continues`);
        return ctx;
    };
    let returned;
    try {
        returned = hook.call(plugin, ctx);
    }
    catch (error) {
        return failed(error);
    }
    if (!isThenable(returned))
        return accepted(returned);
    return raceTimeout(returned, deps.hookTimeoutMs, deps.clock, accepted, failed, () => {
        deps.warn(`${name} did not settle within ${deps.hookTimeoutMs} ms; the event went on without waiting for it`);
        // The late hook keeps writing to the context it holds; the event goes on as a copy, untouched by it.
        return new SegmentContext(detach(ctx.event), ctx.id);
    });
}
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    return `a ${typeof value}`;
}
/** A deep copy of the event's plain objects and arrays; other values (Dates included) are shared. */
function detach(value) {
    return copyReplacing(value, (v) => Array.isArray(v) || (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) ? undefined : v);
}

const CONSEQUENCE = {
    load: 'the plugin was removed and events go on without it',
    unload: 'the plugin was removed anyway',
    ready: 'ready() goes on without it',
};
function callLifecycle(plugin, what, call, deps, ctx, onFailure) {
    const fail = (failure, message) => {
        deps.logger.once(`analytics.${what === 'unload' ? 'deregister' : 'register'}(): plugin "${plugin.name}" (${plugin.type}) ` +
            `${what}() ${message}; ${CONSEQUENCE[what]}`);
        if (what === 'unload')
            ctx === null || ctx === void 0 ? void 0 : ctx.log('warn', 'Failed to unload destination', { plugin: plugin.name, error: failure });
        onFailure === null || onFailure === void 0 ? void 0 : onFailure(failure);
    };
    let returned;
    try {
        returned = call();
    }
    catch (error) {
        fail(error, `threw ${describe$1(error)}`);
        return Promise.resolve();
    }
    if (!isThenable(returned))
        return Promise.resolve();
    return raceTimeout(returned, deps.timeoutMs, deps.clock, () => undefined, (error) => fail(error, `rejected: ${describe$1(error)}`), () => fail(new Error('timeout'), `did not settle within ${deps.timeoutMs} ms`));
}

/** The event types that have a per-call hook of the same name. */
const HOOK_NAMES = ['track', 'page', 'identify', 'group', 'alias', 'screen'];
const TYPES = ['before', 'enrichment', 'destination', 'after', 'utility'];
/** Why `value` cannot be registered, or undefined when it can. Reads the page's object defensively. */
function pluginProblem(value) {
    try {
        if (!value || typeof value !== 'object')
            return 'is not an object';
        const plugin = value;
        if (typeof plugin.name !== 'string' || plugin.name === '')
            return 'has no name';
        if (typeof plugin.type !== 'string' || !TYPES.includes(plugin.type)) {
            return `has type ${JSON.stringify(plugin.type)}, not one of ${TYPES.join(', ')}`;
        }
        if (typeof plugin.load !== 'function')
            return 'has no load() function';
        return undefined;
    }
    catch (_a) {
        return 'cannot be read';
    }
}
/** The hook a plugin has for an event type, if any. */
function hookFor(plugin, type) {
    if (!HOOK_NAMES.includes(type))
        return undefined;
    try {
        const hook = plugin[type];
        return typeof hook === 'function' ? hook : undefined;
    }
    catch (_a) {
        return undefined;
    }
}
/**
 * Whether the event's `integrations` let a destination plugin run: its own name decides, then any of
 * its alternative names (the last one present), then `All`. An object counts as on; only a falsy value
 * turns it off. Before, enrichment and after plugins are never filtered.
 */
function destinationEnabled(plugin, integrations) {
    var _a, _b, _c;
    const options = integrations || {};
    let byAlternative;
    for (const name of (_a = plugin.alternativeNames) !== null && _a !== void 0 ? _a : []) {
        if (options[name] !== undefined)
            byAlternative = options[name];
    }
    return Boolean((_c = (_b = options[plugin.name]) !== null && _b !== void 0 ? _b : byAlternative) !== null && _c !== void 0 ? _c : options.All !== false);
}

/** How long a plugin's load may hold events before it is given up on. */
const PLUGIN_LOAD_TIMEOUT_MS = 5000;
/** How long one hook may hold its event. Middleware has the same bound. */
const PLUGIN_HOOK_TIMEOUT_MS = 1000;
const CRITICAL = new Set(['before', 'enrichment']);
class PluginRegistry {
    constructor(options) {
        this.options = options;
        this.entries = [];
        /** Before and enrichment plugins whose load has not settled: events wait for them. */
        this.holding = 0;
        this.waiters = [];
        /** Before then enrichment plugins with a hook for a type, in order; rebuilt after each change. */
        this.stagesByType = new Map();
        this.warmed = new WeakSet();
        const { clock, logger, loadTimeoutMs = PLUGIN_LOAD_TIMEOUT_MS, hookTimeoutMs = PLUGIN_HOOK_TIMEOUT_MS } = options;
        this.lifecycleDeps = { clock, logger, timeoutMs: loadTimeoutMs };
        const hookDeps = (timeoutMs) => ({
            clock,
            hookTimeoutMs: timeoutMs,
            warn: (message) => logger.once(`analytics.register(): ${message}`),
        });
        this.hookDeps = hookDeps(hookTimeoutMs);
        this.firstHookDeps = hookDeps(Math.max(hookTimeoutMs, loadTimeoutMs));
    }
    /** The registered plugins, in registration order (failed loads removed). */
    get plugins() {
        return this.entries.map((entry) => entry.plugin);
    }
    /**
     * Loads each plugin now (its hooks see no event until the load settles) and resolves, with a system
     * context, once every load but destinations' has settled. Never rejects.
     */
    register(...plugins) {
        const ctx = SegmentContext.system();
        const waits = [];
        plugins.forEach((value, index) => {
            const problem = pluginProblem(value);
            if (problem) {
                this.options.logger.once(`analytics.register(): argument ${index + 1} ${problem}; it was not registered`);
                ctx.log('warn', 'Invalid plugin', { index, problem });
                return;
            }
            const entry = this.add(value, ctx);
            if (entry.plugin.type !== 'destination')
                waits.push(entry.loaded);
        });
        return Promise.all(waits).then(() => ctx);
    }
    /** Unloads and removes every plugin with each name. Never rejects. */
    deregister(...names) {
        const ctx = SegmentContext.system();
        const unloads = names.map((name) => {
            const named = this.entries.filter((e) => e.plugin.name === name);
            if (!named.length) {
                ctx.log('warn', `plugin ${String(name)} not found`);
                this.options.logger.once(`analytics.deregister(): no plugin is registered as ${JSON.stringify(String(name))}`);
                return undefined;
            }
            // Removed at once, so no event reaches a plugin that is being unloaded.
            named.forEach((e) => this.stopHolding(e));
            this.keepEntries((e) => !named.includes(e));
            const { plugin } = named[0];
            return callLifecycle(plugin, 'unload', () => { var _a; return (_a = plugin.unload) === null || _a === void 0 ? void 0 : _a.call(plugin, ctx, this.options.analytics()); }, this.lifecycleDeps, ctx);
        });
        return Promise.all(unloads).then(() => ctx);
    }
    /** True when `run` would do nothing for this event type: the facade can skip it entirely. */
    idle(type) {
        return this.holding === 0 && this.stageFor(type).length === 0;
    }
    /**
     * Before plugins, then enrichment plugins, in registration order, each awaited. Waits first while a
     * before or enrichment plugin is loading. Synchronous when nothing waits and no hook returns a promise.
     */
    run(event) {
        if (this.holding > 0)
            return new Promise((resolve) => this.waiters.push(resolve)).then(() => this.run(event));
        const stage = this.stageFor(event.type);
        if (stage.length === 0)
            return { event, cancelled: false };
        const ctx = new SegmentContext(event);
        ctx.attempts = 1;
        return this.continueStage(stage, 0, ctx);
    }
    /**
     * Destination plugins the event's `integrations` allow, in parallel, each after its own load; then
     * resolves. Failures are contained. Undefined (no promise) when there is none.
     */
    runDestinations(outcome) {
        const integrations = outcome.event.integrations;
        const targets = this.entries.filter((e) => e.plugin.type === 'destination' && destinationEnabled(e.plugin, integrations));
        return this.runInParallel(targets, outcome);
    }
    /** After plugins, in parallel; failures are contained. Undefined when there is none. */
    runAfter(outcome) {
        return this.runInParallel(this.entries.filter((e) => e.plugin.type === 'after'), outcome);
    }
    /** What `analytics.ready()` waits for: every plugin's `ready()`, contained and bounded like a load. */
    ready() {
        return Promise.all(this.entries.map(({ plugin }) => typeof plugin.ready === 'function'
            ? callLifecycle(plugin, 'ready', () => plugin.ready(), this.lifecycleDeps)
            : undefined));
    }
    /**
     * Events stop waiting for loads that have not settled yet (the page is being left): the plugins stay
     * registered and see the next events as they are run.
     */
    release() {
        for (const entry of this.entries)
            this.stopHolding(entry);
    }
    add(plugin, ctx) {
        const entry = { plugin, loaded: Promise.resolve(), holds: CRITICAL.has(plugin.type) };
        if (entry.holds)
            this.holding += 1;
        this.entries.push(entry);
        this.stagesByType.clear();
        entry.loaded = callLifecycle(plugin, 'load', () => plugin.load(ctx, this.options.analytics()), this.lifecycleDeps, ctx, (failure) => {
            ctx.log('warn', 'Failed to load destination', { plugin: plugin.name, error: failure });
            this.keepEntries((e) => e !== entry);
        }).then(() => this.stopHolding(entry));
        return entry;
    }
    stopHolding(entry) {
        if (!entry.holds)
            return;
        entry.holds = false;
        this.holding -= 1;
        if (this.holding > 0)
            return;
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters)
            wake();
    }
    /** Keeps the entries that pass `keep`; the stages are rebuilt from them. */
    keepEntries(keep) {
        this.entries = this.entries.filter(keep);
        this.stagesByType.clear();
    }
    stageFor(type) {
        let stage = this.stagesByType.get(type);
        if (!stage) {
            const withHook = (t) => this.entries.filter((e) => e.plugin.type === t && hookFor(e.plugin, type)).map((e) => e.plugin);
            stage = [...withHook('before'), ...withHook('enrichment')];
            this.stagesByType.set(type, stage);
        }
        return stage;
    }
    continueStage(stage, from, ctx) {
        let current = ctx;
        for (let i = from; i < stage.length; i++) {
            const hook = hookFor(stage[i], current.event.type);
            const result = hook ? this.hook(stage[i], hook, current) : current;
            if (result instanceof Promise) {
                return result.then((settled) => settled === CANCELLED ? outcome(current, true) : this.continueStage(stage, i + 1, settled));
            }
            if (result === CANCELLED)
                return outcome(current, true);
            current = result;
        }
        return outcome(current, false);
    }
    /**
     * A plugin's first hooks get the load's bound rather than the hook's: plugins often start work in
     * `load` without awaiting it and await it in their hooks (Amplitude's Segment Session Replay wrapper
     * waits there for its remote config), and cutting those hooks short would send the first events
     * without what the plugin adds. Once one of its hooks has settled, the hook bound applies.
     */
    hook(plugin, hook, ctx) {
        const result = callHook(plugin, hook, ctx, this.warmed.has(plugin) ? this.hookDeps : this.firstHookDeps);
        const warm = (settled) => {
            this.warmed.add(plugin);
            return settled;
        };
        return result instanceof Promise ? result.then(warm) : warm(result);
    }
    runInParallel(targets, from) {
        const withHooks = targets.filter((e) => hookFor(e.plugin, from.event.type));
        if (withHooks.length === 0)
            return undefined;
        const ctx = from.context || new SegmentContext(from.event);
        return Promise.all(withHooks.map((e) => e.loaded.then(() => {
            if (!this.entries.includes(e))
                return undefined; // its load failed or it was deregistered meanwhile
            const hook = hookFor(e.plugin, ctx.event.type);
            return hook ? this.hook(e.plugin, hook, ctx) : undefined;
        }))).then(() => undefined);
    }
}
function outcome(ctx, cancelled) {
    return { event: ctx.event, cancelled, context: ctx };
}

class Stages {
    constructor(deps) {
        this.deps = deps;
        this.source = [];
        this.destination = [];
        this.plugins = new PluginRegistry({ clock: deps.clock, logger: deps.logger, analytics: deps.analytics });
    }
    addSourceMiddleware(fn) {
        if (typeof fn === 'function')
            this.source.push(fn);
        else
            this.deps.warn('analytics.addSourceMiddleware()', 'expects a function', false);
    }
    addDestinationMiddleware(name, fns) {
        const call = 'analytics.addDestinationMiddleware()';
        const target = typeof name === 'string' ? name.toLowerCase() : '';
        if (target !== 'amplitude' && target !== 'actions amplitude' && target !== '*') {
            this.deps.warn(call, `only the "Amplitude" (or "Actions Amplitude") destination exists here; "${safeString(name)}" was ignored`, false);
            return;
        }
        // analytics-next takes them spread; a list of them is accepted too.
        for (const fn of fns.flatMap((f) => (Array.isArray(f) ? f : [f]))) {
            if (typeof fn === 'function')
                this.destination.push(fn);
            else
                this.deps.warn(call, 'expects functions; a value that is not one was ignored', false);
        }
    }
    /** Runs a call through the stages: a value now, or a promise when a stage answers later. */
    prepare(item) {
        const source = runChain(this.source, item.event, undefined, this.chainDeps('source middleware'));
        return andThen(source, (event) => this.toPlugins(event));
    }
    /** Registered destination and after plugins, once the call has been handed over; contained. */
    afterHandOver(prepared) {
        if (!prepared.plugins || prepared.plugins.cancelled)
            return;
        void this.plugins.runDestinations(prepared.plugins);
        void this.plugins.runAfter(prepared.plugins);
    }
    toPlugins(event) {
        if (!event || this.plugins.idle(event.type))
            return this.toDestination(event);
        return andThen(this.plugins.run(this.deps.beforePlugins(event)), (outcome) => this.afterPlugins(outcome));
    }
    afterPlugins(outcome) {
        if (outcome.cancelled)
            return { event: null, forAmplitude: null, plugins: outcome };
        return andThen(this.toDestination(outcome.event, true), (prepared) => {
            prepared.plugins = outcome;
            return prepared;
        });
    }
    toDestination(event, changedByPlugins = false) {
        if (!event)
            return { event: null, forAmplitude: null };
        const name = this.deps.destination();
        if (name === null)
            return { event, forAmplitude: null };
        if (!isAmplitudeEnabled(isPlainObject(event.integrations) ? event.integrations : {}, name))
            return { event, forAmplitude: null };
        const forAmplitude = this.destination.length
            ? runChain(this.destination, cloneEvent(event), name, this.chainDeps('destination middleware'))
            : // Middleware may have put values on the event that cannot go on the wire; translation needs a safe copy.
                this.source.length || changedByPlugins
                    ? cloneEvent(event)
                    : event;
        return andThen(forAmplitude, (a) => ({ event, forAmplitude: a }));
    }
    chainDeps(call) {
        return {
            clock: this.deps.clock,
            warn: (message, dropped) => this.deps.warn(call, message, dropped),
        };
    }
}
/** `next` on a stage's answer: at once when it answered synchronously, else once its promise resolves. */
function andThen(value, next) {
    return value instanceof Promise ? value.then(next) : next(value);
}
/**
 * Amplitude's own copy: destination middleware may edit it without touching the event the caller's ctx
 * holds, and values middleware added (cyclic, BigInt, ...) are made safe for the wire.
 */
function cloneEvent(event) {
    const { value } = sanitizeProperties(event);
    return Object.assign(Object.assign({}, value), { timestamp: event.timestamp });
}

class DeviceIdentity {
    constructor(prefersAnonymousId) {
        this.prefersAnonymousId = prefersAnonymousId;
        this.id = null;
        this.source = null;
    }
    settle(id, source) {
        this.id = id;
        this.source = source;
    }
    /** The anonymousId took a new value: true when the device ID follows it. */
    follow(anonymousId) {
        if (!anonymousId || !this.prefersAnonymousId())
            return false;
        this.settle(anonymousId, 'anonymousId');
        return true;
    }
    /** The device ID an event made now belongs to (null: the one in force at hand-over). */
    forCall(anonymousId) {
        if (this.prefersAnonymousId() && anonymousId)
            return anonymousId;
        return this.id;
    }
    /** reset(): the new anonymousId, or a new device. */
    renew(anonymousId, newId) {
        if (this.prefersAnonymousId())
            this.settle(anonymousId, 'anonymousId');
        else
            this.settle(newId(), 'new');
        return this.id;
    }
}

/**
 * `analytics.ready()`: callbacks wait until the page's destinations are loaded (here: the SDK has
 * started, or the page was found to send nothing), then run once each, in order; later ones run at once.
 */
class ReadySignal {
    constructor(warn) {
        this.warn = warn;
        this.waiting = [];
        this.fired = false;
    }
    fire() {
        if (this.fired)
            return;
        this.fired = true;
        const waiting = this.waiting;
        this.waiting = [];
        for (const run of waiting)
            run();
    }
    ready(callback) {
        return new Promise((resolve) => {
            const run = () => {
                if (typeof callback === 'function')
                    callPageFunction(callback, undefined, [[]], (error) => this.warn('analytics.ready()', `callback failed: ${describe$1(error)}`));
                resolve([]);
            };
            if (this.fired)
                run();
            else
                this.waiting.push(run);
        });
    }
}

class DeferredWork {
    constructor(clock, report) {
        this.clock = clock;
        this.report = report;
        /** null once released: later work gets a task of its own at once. */
        this.collected = [];
    }
    add(work) {
        if (this.collected)
            this.collected.push(work);
        else
            this.clock.setTimeout(() => this.run([work]), 0);
    }
    /** The calls queued at load have been handed over. */
    release() {
        this.clock.setTimeout(() => {
            const work = this.collected || [];
            this.collected = null;
            this.run(work);
        }, 0);
    }
    run(work) {
        for (const fn of work) {
            try {
                fn();
            }
            catch (error) {
                this.report(error);
            }
        }
    }
}

class SdkLink {
    constructor(driver) {
        this.driver = driver;
        this.started = false;
    }
    /** `then` runs once the SDK has started, or has failed to (the page still sends; ready still fires). */
    start(init, sink, session, identity, then) {
        this.driver.init(init, sink).then(() => {
            this.started = true;
            this.driver.persistSession(session());
            identity();
            then();
        }, (error) => then(describe$1(error)));
    }
    persistSession(state) {
        if (this.started)
            this.driver.persistSession(state);
    }
    /** reset(): the SDK gets the new device and no user; the session restarts if the mode says so. */
    reset(pipeline, deviceId, now) {
        // A page that sends nothing never starts the SDK, so there is nothing to tell it.
        if (!pipeline)
            return;
        pipeline.amplitudeUserId = null;
        this.driver.reset(deviceId);
        if (pipeline.mode.session.restartsOnReset)
            pipeline.session.restart(now);
    }
    syncIdentity(deviceId, userId) {
        if (!this.started || !deviceId)
            return;
        this.driver.setDeviceId(deviceId);
        this.driver.setUserId(userId);
    }
}

const DEFAULT_SETTINGS = normalizeSettings(undefined).settings;
class AnalyticsCore {
    constructor(self, env = {}) {
        var _a;
        this.logger = new Logger();
        this.state = { writeKey: '', options: {}, plan: null, outcome: null, pipeline: null };
        this.device = new DeviceIdentity(() => this.settings.preferAnonymousIdForDeviceId);
        this.readySignal = new ReadySignal((call, message) => this.logger.problem(call, message, false));
        /** Load has decided what this page does (analytics.initialized). */
        this.initialized = false;
        /** How long a call's callback waits for its hand-over (analytics.timeout()). */
        this.timeout = 300;
        /** Told once load has decided what this page does: install.ts then adds its page listeners. */
        this.onStarted = () => undefined;
        this.env = Object.assign(Object.assign({ clock: systemClock, newId: randomUUID, transport: browserTransport, store: localStore, browser: browserPort }, env), { 
            // Made only when none is given: it sets up the SDK's client.
            adapter: (_a = env.adapter) !== null && _a !== void 0 ? _a : new AmplitudeAdapter() });
        const { clock, newId, browser } = this.env;
        const warn = (call, message, dropped) => this.logger.problem(call, message, dropped);
        this.sdk = new SdkLink(this.env.adapter);
        this.deferred = new DeferredWork(clock, (error) => warn('analytics', `internal error: ${describe$1(error)}`, true));
        this.emitter = new Emitter(self, (event, error) => warn(`analytics.on('${event}')`, `listener failed: ${describe$1(error)}`, false));
        // Memory only until load has decided (consent): see UserStore.open.
        this.userStore = new UserStore({ persist: false, cookie: {} }, browser, newId, (anon) => this.onAnonymousIdChanged(anon));
        this.groupStore = new GroupStore({ persist: false, cookie: {} }, browser);
        this.stages = new Stages({
            clock,
            warn,
            logger: this.logger,
            analytics: self,
            destination: () => (this.sending && this.state.plan ? this.state.plan.mode.name : null),
            beforePlugins: (event) => {
                const pipeline = this.state.pipeline;
                return pipeline ? pipeline.beforePlugins(event, clock.now()) : event;
            },
        });
        ({ queue: this.queue, delivery: this.delivery } = createCallFlow({
            clock,
            stages: this.stages,
            pipeline: () => this.state.pipeline,
            deviceId: () => { var _a; return (_a = this.device.id) !== null && _a !== void 0 ? _a : newId(); },
            userId: () => this.userStore.id(),
            newId,
            afterHandOver: () => this.sdk.syncIdentity(this.device.id, this.userStore.id()),
            aliasUrl: () => this.state.options.aliasUrl,
            post: browser.postJson,
            logger: this.logger,
        }));
        this.calls = new Calls(this);
        this.lifecycle = new PageLifecycle(() => this.state.pipeline, this.queue, [this.userStore, this.groupStore], this.stages.plugins);
    }
    get settings() {
        return this.state.plan ? this.state.plan.settings : DEFAULT_SETTINGS;
    }
    get deviceIdSource() {
        return this.device.source;
    }
    get sending() {
        var _a;
        return ((_a = this.state.outcome) === null || _a === void 0 ? void 0 : _a.amplitude) === 'on';
    }
    /** Initializes once: the gate answers before any storage is touched; then start-up carries load out. */
    load(writeKey, options, replay = () => undefined) {
        loadOnce(this, writeKey, options, replay);
    }
    ready(callback) {
        return this.readySignal.ready(callback);
    }
    /** A call's event joins the queue, its callback clock started. */
    enqueue(item) {
        this.delivery.watch(item, this.timeout);
        this.queue.push({ kind: 'call', item });
    }
    /** Start-up has decided what this page does: `initialized`, the `initialize` event, install.ts's listeners. */
    announce(sending, storing) {
        this.initialized = true;
        this.emitter.emit('initialize', { writeKey: this.state.writeKey }, this.state.options);
        this.onStarted({ sending, storing });
    }
    // ----------------------------------------------------------------------------------------- identity
    // The device follows identity only once load has gone ahead (it keeps the key in state.writeKey).
    onAnonymousIdChanged(anonymousId) {
        if (!this.state.writeKey || !this.device.follow(anonymousId))
            return;
        const deviceId = anonymousId;
        this.queue.push({ kind: 'task', run: () => this.sending && this.env.adapter.setDeviceId(deviceId) });
    }
    reset() {
        this.userStore.reset();
        this.groupStore.reset();
        const anonymousId = this.userStore.anonymousId();
        if (this.state.writeKey) {
            const deviceId = this.device.renew(anonymousId, this.env.newId);
            // In call order: events made before reset() have already been stamped with the old identity.
            this.queue.push({ kind: 'task', run: () => this.sdk.reset(this.state.pipeline, deviceId, this.env.clock.now()) });
        }
        this.emitter.emit('reset');
    }
    // ------------------------------------------------------------------------------------- event calls
    track(...rawArgs) {
        return this.calls.track(rawArgs);
    }
    page(...rawArgs) {
        return this.calls.page('page', rawArgs);
    }
    screen(...rawArgs) {
        return this.calls.page('screen', rawArgs);
    }
    identify(...rawArgs) {
        return this.calls.identify(rawArgs);
    }
    group(...rawArgs) {
        return this.calls.group(rawArgs);
    }
    alias(...rawArgs) {
        return this.calls.alias(rawArgs);
    }
    /** trackLink/trackClick and trackForm/trackSubmit (auto-track.ts), on this runtime's track and timeout. */
    autoTrack(kind, call, args) {
        const deps = {
            track: (event, properties, options) => this.track(event, properties, options),
            timeout: () => this.timeout,
            clock: this.env.clock,
            navigate: this.env.browser.navigate,
            warn: (name, message) => this.logger.problem(name, message, true),
        };
        (kind === 'link' ? trackLink : trackForm)(deps, call, args[0], args[1], args[2], args[3]);
    }
}

/** How a warning names the member: `analytics.track()`. */
const callName = (name) => `analytics.${name}()`;
/** Wraps members so any internal failure becomes a warning and the fallback's value. */
function guardWith(core) {
    return (name, fallback, fn) => function guarded(...args) {
        try {
            return fn(...args);
        }
        catch (error) {
            core.logger.problem(callName(name), `could not be carried out and was ignored (${describe$1(error)})`, true);
            return fallback();
        }
    };
}
/**
 * An id argument: a string, a finite number (as a string) or null. Anything else is refused with a
 * warning and reads as "no argument" (undefined), so the current value is returned unchanged.
 */
function idArgument(core, name, value) {
    if (value === undefined || value === null)
        return value;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    core.logger.problem(callName(name), `expects a string or null, got ${kind(value)}; the value was ignored`, true);
    return undefined;
}
/** A traits argument: a plain object (sanitized as any call's), or null; anything else is refused like an id. */
function traitsArgument(core, name, value) {
    if (value === undefined || value === null)
        return value;
    if (!isPlainObject(value)) {
        core.logger.problem(callName(name), `expects an object, got ${kind(value)}; the value was ignored`, true);
        return undefined;
    }
    return core.calls.clean(callName(name), value);
}
function kind(value) {
    if (value === null)
        return 'null';
    return attempt(() => (Array.isArray(value) ? 'an array' : `a ${typeof value}`), 'a revoked Proxy');
}

function entity(core, guard, prefix, store, extra) {
    return Object.assign({ id: guard(`${prefix}.id`, () => null, (id) => store.id(idArgument(core, `${prefix}.id`, id))), traits: guard(`${prefix}.traits`, () => ({}), (traits) => store.traits(traitsArgument(core, `${prefix}.traits`, traits))), load: () => undefined, save: () => true }, extra);
}
/** What `analytics.user()` returns: one object for the page's life, as analytics-next's. */
function userApi(core, guard) {
    return entity(core, guard, 'user()', core.userStore, {
        anonymousId: guard('user().anonymousId', () => null, (id) => core.userStore.anonymousId(idArgument(core, 'user().anonymousId', id))),
        logout: guard('user().logout', () => undefined, () => core.userStore.logout()),
        reset: guard('user().reset', () => undefined, () => core.userStore.reset()),
    });
}
/** What `analytics.group()` returns when called without arguments. */
function groupApi(core, guard) {
    return entity(core, guard, 'group()', core.groupStore, {
        anonymousId: () => undefined,
    });
}
/** `analytics.amplitude`: the SDK client, and the device and session in force. */
function amplitudeAccess(core, guard) {
    return {
        get instance() {
            return core.env.adapter.client;
        },
        getDeviceId: guard('amplitude.getDeviceId', () => undefined, () => { var _a; return (_a = core.device.id) !== null && _a !== void 0 ? _a : undefined; }),
        getSessionId: guard('amplitude.getSessionId', () => undefined, () => core.env.adapter.getSessionId()),
        getDeviceIdSource: guard('amplitude.getDeviceIdSource', () => undefined, () => { var _a; return (_a = core.deviceIdSource) !== null && _a !== void 0 ? _a : undefined; }),
    };
}

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
    const guard = guardWith(core);
    const failedCtx = (type) => () => failedContext(type, 'internal error');
    const self = () => target;
    const resolvedTarget = () => Promise.resolve(target);
    const nothing = () => undefined;
    const noResults = () => Promise.resolve([]);
    const systemContext = () => Promise.resolve(SegmentContext.system());
    /** The calls that make an event: an internal failure resolves with a failed Context, as a dropped call does. */
    const eventCall = (name) => guard(name, failedCtx(name), (...a) => core[name](...a));
    /** once() and off() take what on() takes, and ignore anything else without a word, as analytics-next's emitter. */
    const quietListenerMember = (name) => guard(name, self, (event, fn) => {
        if (typeof event === 'string' && typeof fn === 'function')
            core.emitter[name](event, fn);
        return target;
    });
    const user = userApi(core, guard);
    const group = groupApi(core, guard);
    const members = {
        track: eventCall('track'),
        page: eventCall('page'),
        screen: eventCall('screen'),
        identify: eventCall('identify'),
        group: guard('group', failedCtx('group'), (...a) => {
            const result = core.group(...a);
            return result instanceof Promise ? result : group;
        }),
        alias: eventCall('alias'),
        reset: guard('reset', nothing, () => core.reset()),
        ready: guard('ready', noResults, (cb) => core.ready(cb)),
        user: guard('user', () => user, () => user),
        setAnonymousId: guard('setAnonymousId', () => null, (id) => core.userStore.anonymousId(idArgument(core, 'setAnonymousId', id))),
        on: guard('on', self, (event, fn) => {
            if (typeof event === 'string' && typeof fn === 'function')
                core.emitter.on(event, fn);
            else
                core.logger.problem(callName('on'), 'expects (eventName, function)', false);
            return target;
        }),
        once: quietListenerMember('once'),
        off: quietListenerMember('off'),
        debug: guard('debug', self, (on) => {
            core.logger.debugEnabled = on !== false;
            return target;
        }),
        timeout: guard('timeout', nothing, (ms) => {
            if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)
                core.timeout = ms;
            else
                core.logger.problem(callName('timeout'), 'expects a number of milliseconds', false);
        }),
        addSourceMiddleware: guard('addSourceMiddleware', resolvedTarget, (fn) => {
            core.stages.addSourceMiddleware(fn);
            return resolvedTarget();
        }),
        addDestinationMiddleware: guard('addDestinationMiddleware', resolvedTarget, (name, ...fns) => {
            core.stages.addDestinationMiddleware(name, fns);
            return resolvedTarget();
        }),
        pageview: guard('pageview', resolvedTarget, (url) => {
            core.logger.problem(callName('pageview'), 'is deprecated; use analytics.page()', false);
            void core.page({ path: typeof url === 'string' ? url : undefined });
            return resolvedTarget();
        }),
        push: guard('push', nothing, (entry) => {
            // A revoked Proxy, or one whose traps throw, reads as no method at all.
            const [method, rest] = attempt(() => (Array.isArray(entry) ? [entry[0], entry.slice(1)] : [undefined, []]), [undefined, []]);
            if (typeof method !== 'string') {
                core.logger.problem(callName('push'), 'expects an array whose first item is a method name', false);
                return;
            }
            const member = members[method];
            if (typeof member === 'function' && method !== 'push')
                member(...rest);
            else
                core.logger.problem(callName('push'), `unknown method "${method}" was ignored`, false);
        }),
        load: guard('load', nothing, (key, options) => core.load(key, options)),
        initialize: guard('initialize', resolvedTarget, () => {
            core.logger.problem(callName('initialize'), 'is deprecated and does nothing', false);
            return resolvedTarget();
        }),
        register: guard('register', systemContext, (...plugins) => core.stages.plugins.register(...plugins)),
        deregister: guard('deregister', systemContext, (...names) => core.stages.plugins.deregister(...names)),
        use: guard('use', self, (fn) => {
            if (typeof fn === 'function')
                callPageFunction(fn, undefined, [target], (error) => core.logger.problem(callName('use'), `the function failed: ${describe$1(error)}`, false));
            return target;
        }),
        noConflict: guard('noConflict', self, () => {
            core.logger.problem(callName('noConflict'), 'is deprecated and does nothing', false);
            return target;
        }),
        normalize: guard('normalize', () => ({}), (msg) => msg),
        queryString: guard('queryString', noResults, noResults),
    };
    members.init = members.initialize;
    // trackClick and trackSubmit are analytics.js's older names for trackLink and trackForm.
    for (const [name, kind] of [
        ['trackLink', 'link'],
        ['trackClick', 'link'],
        ['trackForm', 'form'],
        ['trackSubmit', 'form'],
    ]) {
        members[name] = guard(name, resolvedTarget, (...a) => {
            core.autoTrack(kind, callName(name), a);
            return resolvedTarget();
        });
    }
    for (const name of DEPRECATED_WARN_ONLY) {
        members[name] = guard(name, nothing, () => core.logger.problem(callName(name), 'is deprecated in analytics.js 2.0 and does nothing', false));
    }
    for (const name of Object.keys(members)) {
        defineValue(target, name, members[name]);
    }
    defineValue(target, 'VERSION', VERSION);
    defineValue(target, 'amplitude', amplitudeAccess(core, guard));
    Object.defineProperty(target, 'initialized', { get: () => core.initialized, configurable: true, enumerable: true });
    Object.defineProperty(target, 'settings', {
        get: () => ({ writeKey: core.state.writeKey, timeout: core.timeout, amplitude: core.settings }),
        configurable: true,
        enumerable: true,
    });
    Object.defineProperty(target, 'integrations', {
        get: () => { var _a; return (_a = core.state.options.integrations) !== null && _a !== void 0 ? _a : {}; },
        configurable: true,
    });
    return target;
}
function defineValue(target, name, value) {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: true });
}

/** The page's global object, where the snippet left `window.analytics`. */
function pageGlobal() {
    return window;
}
/** The value of `attribute` on the first script tag that has it. */
function scriptTagAttribute(attribute) {
    try {
        const tag = document.querySelector(`script[${attribute}]`);
        return (tag && tag.getAttribute(attribute)) || undefined;
    }
    catch (_a) {
        return undefined;
    }
}
/** The URLs of the page's scripts, this one's first. */
function scriptSources() {
    const sources = [];
    try {
        const current = document.currentScript;
        if (current === null || current === void 0 ? void 0 : current.src)
            sources.push(current.src);
        for (const s of Array.from(document.getElementsByTagName('script')))
            if (s.src)
                sources.push(s.src);
    }
    catch (_a) {
        /* a page whose DOM cannot be read: no URL to take a key from */
    }
    return sources;
}
function onPageLifecycle(win, lifecycle) {
    const w = win;
    w.addEventListener('pagehide', () => lifecycle.exit(true));
    w.addEventListener('pageshow', (e) => {
        if (e.persisted)
            lifecycle.shown();
    });
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden')
            lifecycle.exit();
        else
            lifecycle.shown();
    });
    w.addEventListener('online', () => lifecycle.online());
}
/** Another tab of the site wrote `key` in localStorage (null: it cleared it). */
function onOtherTabStorage(win, changed) {
    win.addEventListener('storage', (e) => changed(e.key));
}

const INSTALLED = '__segmentAmplitudeShim';
const WRITE_KEY_PLACEHOLDER = '__WRITE_KEY__';
function install$1(win = pageGlobal()) {
    const globalKey = scriptTagAttribute('data-global-segment-analytics-key') || 'analytics';
    const existing = win[globalKey];
    if (existing && existing[INSTALLED]) {
        new Logger().once('the script was included twice; the second copy does nothing');
        return { analytics: existing, core: undefined };
    }
    // Keep the snippet's own object (usually an Array) so references taken before load stay valid.
    const target = existing && typeof existing === 'object' ? existing : [];
    const queued = Array.isArray(target) ? target.splice(0, target.length) : [];
    const writeKey = findWriteKey(target, win);
    const loadOptions = target._loadOptions;
    const core = new AnalyticsCore(() => target);
    // Listeners only once load has decided the page may send or store anything.
    core.onStarted = ({ sending, storing }) => addPageListeners(win, core, sending, storing);
    attachPublicApi(core, target);
    Object.defineProperty(target, INSTALLED, { value: true });
    win[globalKey] = target;
    const replay = () => {
        const push = target.push;
        for (const entry of queued)
            push(entry);
    };
    if (writeKey)
        core.load(writeKey, loadOptions, replay);
    else
        replay(); // they wait in order for analytics.load(KEY)
    installLegacyAmplitudeAccessor(win, core);
    return { analytics: target, core };
}
/**
 * The Amplitude API key, in Segment's order: window.analyticsWriteKey, the snippet's `_writeKey`
 * (every snippet since 4.13.2), then a script URL: `…/analytics.js/v1/<KEY>/…` or `?apiKey=<KEY>`.
 */
function findWriteKey(target, win) {
    const fromGlobal = win.analyticsWriteKey;
    if (typeof fromGlobal === 'string' && fromGlobal && fromGlobal !== WRITE_KEY_PLACEHOLDER)
        return fromGlobal;
    if (typeof target._writeKey === 'string' && target._writeKey)
        return target._writeKey;
    for (const src of scriptSources()) {
        const key = writeKeyFromUrl(src);
        if (key)
            return key;
    }
    return undefined;
}
function writeKeyFromUrl(src) {
    const path = /\/analytics\.js\/v1\/([^/?#]+)\//.exec(src);
    if (path)
        return decodeURIComponent(path[1]);
    const query = /[?&](?:apiKey|writeKey|key)=([^&#]+)/.exec(src);
    return query && /segment-amplitude-shim/.test(src) ? decodeURIComponent(query[1]) : undefined;
}
function addPageListeners(win, core, sending, storing) {
    try {
        if (sending)
            onPageLifecycle(win, core.lifecycle);
        // Another tab changed Segment's IDs (its journal writes are not identity).
        if (storing)
            core.deferred.add(() => onOtherTabStorage(win, (key) => {
                if (key === null || key.startsWith('ajs_'))
                    core.lifecycle.storageChanged();
                else if (key.startsWith(JOURNAL_PREFIX))
                    core.lifecycle.otherPageJournal();
            }));
    }
    catch (_a) {
        /* no DOM events: nothing to flush on exit */
    }
}
/**
 * Segment's docs tell sites to read `amplitude.getInstance().options.deviceId` inside analytics.ready.
 * Provided only when the page has no `window.amplitude` of its own.
 */
function installLegacyAmplitudeAccessor(win, core) {
    if (win.amplitude !== undefined)
        return;
    const getDeviceId = () => { var _a; return (_a = core.device.id) !== null && _a !== void 0 ? _a : undefined; };
    const instance = {
        options: {
            get deviceId() {
                return getDeviceId();
            },
        },
        getDeviceId,
        getSessionId: () => core.env.adapter.getSessionId(),
        getUserId: () => { var _a; return (_a = core.userStore.id()) !== null && _a !== void 0 ? _a : undefined; },
    };
    win.amplitude = { getInstance: () => instance };
}

/**
 * Module entry for bundler users: `install()` and the public types, nothing else. Everything exported here is
 * a promise to users, and its declarations are published; the script-tag build runs install() itself.
 */
/** Takes over Segment's snippet on this page, as the script file does when it loads. */
function install() {
    // The runtime builds the public object member by member onto the snippet's array, so it is typed only here.
    return { analytics: install$1().analytics };
}

export { install };
