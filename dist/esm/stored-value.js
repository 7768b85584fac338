/** analytics-next's notion of a plain object: anything whose tag is [object Object] (class instances too). */
function isPlainObject(value) {
    // A revoked Proxy, or one whose traps throw, is not something we can read.
    return attempt(() => Object.prototype.toString.call(value) === '[object Object]', false);
}
/** fn(), or `fallback` when it throws (storage disabled, cookies blocked, a hostile getter). */
function attempt(fn, fallback) {
    try {
        return fn();
    }
    catch (_a) {
        return fallback;
    }
}
/** obj[key], or undefined when reading it throws (a hostile getter or Proxy trap). */
function readKey(obj, key) {
    return attempt(() => obj[key], undefined);
}
/** A key that would let a path reach Object.prototype (dset and dot-prop refuse them too). */
function isUnsafeKey(key) {
    return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
function isNonEmptyString(value) {
    return typeof value === 'string' && value.length > 0;
}
/** Amplitude's classic SDK (5.2.2) truncated every string value to this many characters as it sent it. */
const MAX_STRING_LENGTH = 4096;
/**
 * A copy of a value in which each value that `replace` answers for (anything but undefined) is replaced, and
 * every other object or array is copied the same way (its own enumerable keys).
 */
function copyReplacing(value, replace) {
    const replaced = replace(value);
    if (replaced !== undefined)
        return replaced;
    if (Array.isArray(value))
        return value.map((item) => copyReplacing(item, replace));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value))
            out[key] = copyReplacing(value[key], replace);
        return out;
    }
    return value;
}
/** A copy of a JSON-safe value with every string cut to MAX_STRING_LENGTH, as amplitude-js uploaded it. */
function truncateStrings(value) {
    return copyReplacing(value, (v) => typeof v === 'string' && v.length > MAX_STRING_LENGTH ? v.slice(0, MAX_STRING_LENGTH) : undefined);
}
/**
 * The text of each Error the page gave, keyed by the object that stands for it in the event. An event carries
 * an Error as JSON does (its own enumerable keys, usually `{}`), which is what Segment's API and Actions saw;
 * amplitude-js, which Classic mode reproduces, was handed the Error itself and sent String(error) at any depth.
 */
const errorTexts = new WeakMap();
/** A copy of a sanitized value with every Error the page gave replaced by its text, as amplitude-js sent it. */
function withErrorTexts(value) {
    // A WeakMap answers undefined for anything that is not an object.
    return copyReplacing(value, (v) => errorTexts.get(v));
}
function isError(value) {
    return attempt(() => Object.prototype.toString.call(value) === '[object Error]', false);
}
function errorText(value) {
    const known = errorTexts.get(value);
    if (known !== undefined || !isError(value))
        return known;
    return attempt(() => String(value), undefined);
}
/** Deeper structures are cut here; nothing legitimate is this deep, and the wire must stay serializable. */
const MAX_DEPTH = 40;
/**
 * Returns a JSON-safe deep copy. The SDK serializes a whole batch with JSON.stringify, so one cyclic
 * object or BigInt in one event would otherwise make every event in that batch fail.
 * Bad values are dropped or converted, never the event.
 */
function sanitizeProperties(input) {
    const problems = [];
    /** The objects being copied, outermost first: meeting one of them again is a cycle. */
    const stack = [];
    /** Records what happened to the value at `path`, for the call's one warning; undefined: the value is left out. */
    const note = (path, what) => {
        problems.push(`${path ? `"${path}"` : 'the value'} ${what}`);
        return undefined;
    };
    /** container[key], or UNREADABLE when its getter (or Proxy trap) throws. */
    const read = (container, key, path) => {
        try {
            return container[key];
        }
        catch (_a) {
            note(path, 'threw when read and was dropped');
            return UNREADABLE;
        }
    };
    const copy = (value, path, depth) => {
        try {
            return copyValue(value, path, depth);
        }
        catch (_a) {
            // Proxies whose traps throw, exotic host objects: whatever cannot be read is left out.
            return note(path, 'could not be read and was dropped');
        }
    };
    const copyValue = (value, path, depth) => {
        switch (typeof value) {
            case 'string':
                // Kept whole: Segment's storage keeps what the page gave; Classic cuts long strings on the wire only.
                return value;
            case 'boolean':
                return value;
            case 'number':
                if (Number.isFinite(value))
                    return value;
                // JSON's null, which is what analytics.js stores for it and Segment's API receives.
                note(path, `is ${String(value)} and was sent as null`);
                return null;
            case 'bigint':
                note(path, 'is a BigInt and was sent as a string');
                return value.toString();
            case 'undefined':
                return undefined;
            case 'function':
            case 'symbol':
                return note(path, `is a ${typeof value} and was dropped`);
        }
        if (value === null)
            return null;
        if (depth >= MAX_DEPTH)
            return note(path, `is nested deeper than ${MAX_DEPTH} levels and was dropped`);
        if (stack.includes(value))
            return note(path, 'is a circular reference and was dropped');
        if (value instanceof Date) {
            if (Number.isNaN(value.getTime()))
                return note(path, 'is an invalid Date and was dropped');
            return value.toISOString();
        }
        if (isDomNode(value))
            return note(path, 'is a DOM node and was dropped');
        stack.push(value);
        try {
            if (Array.isArray(value)) {
                const arr = [];
                const length = attempt(() => value.length, 0);
                for (let i = 0; i < length; i++) {
                    // An item that throws when read is reported under the array's path.
                    const item = read(value, i, path);
                    const copied = item === UNREADABLE ? undefined : copy(item, `${path}[${i}]`, depth + 1);
                    // JSON turns holes into null; keeping null keeps the array's positions meaningful.
                    arr.push(copied === undefined ? null : copied);
                }
                return arr;
            }
            const obj = {};
            // Copies of copies (the event's clone for Amplitude) still know which object was an Error.
            const text = errorText(value);
            if (text !== undefined)
                errorTexts.set(obj, text);
            // Keys that cannot be listed throw to copy(): the object could not be read.
            for (const key of Object.keys(value)) {
                const childPath = path ? `${path}.${key}` : key;
                const item = read(value, key, childPath);
                if (item === UNREADABLE)
                    continue;
                const copied = copy(item, childPath, depth + 1);
                if (copied !== undefined)
                    obj[key] = copied;
            }
            return obj;
        }
        finally {
            stack.pop();
        }
    };
    const out = copy(input, '', 0);
    return { value: isPlainObject(out) ? out : {}, problems };
}
/** What read() answers for a key whose getter (or Proxy trap) threw. */
const UNREADABLE = Symbol('unreadable');
function isDomNode(value) {
    const v = value;
    return attempt(() => typeof v.nodeType === 'number' && typeof v.nodeName === 'string', false);
}

/** Cookie text (`document.cookie`, or a request's `Cookie:` header) as name/value pairs. Pure. */
/** A string, or the array some server frameworks give; the first value of a name wins. */
function parseCookieHeader(header) {
    const out = {};
    const text = Array.isArray(header) ? header.join('; ') : header || '';
    for (const part of text.split(';')) {
        const eq = part.indexOf('=');
        if (eq === -1)
            continue;
        const name = part.slice(0, eq).trim();
        if (name && !(name in out))
            out[name] = part.slice(eq + 1).trim();
    }
    return out;
}

/**
 * Amplitude's v2 identity cookie, `AMP_<first 10 characters of the API key>`: base64 of URL-encoded JSON
 * ({deviceId, userId, sessionId, lastEventTime, …}). Shared by the browser and the server module. Pure.
 */
function v2CookieName(apiKey) {
    return `AMP_${apiKey.slice(0, 10)}`;
}
function decodeV2Identity(raw) {
    let value = raw;
    for (let i = 0; i < 3; i++) {
        const parsed = attempt(() => JSON.parse(decodeURIComponent(atob(value))), undefined);
        if (parsed && typeof parsed === 'object') {
            // Only the fields present with their type.
            const out = {};
            for (const key of ['deviceId', 'userId'])
                if (stringField(parsed, key))
                    out[key] = parsed[key];
            for (const key of ['sessionId', 'lastEventTime', 'lastEventId'])
                if (typeof parsed[key] === 'number')
                    out[key] = parsed[key];
            return out;
        }
        const decoded = attempt(() => decodeURIComponent(value), value);
        if (decoded === value)
            break;
        value = decoded;
    }
    return undefined;
}
/** A non-empty string field of a parsed object, else undefined. */
function stringField(obj, key) {
    if (!obj || typeof obj !== 'object')
        return undefined;
    const v = obj[key];
    return typeof v === 'string' && v ? v : undefined;
}

/**
 * How Segment's stored values read back, in the browser and on the server: JSON when it parses
 * (localStorage, and cookies classic analytics.js JSON-quoted), else the raw text (analytics-next writes
 * ids raw in cookies). Pure.
 */
function parseStoredValue(raw) {
    return attempt(() => JSON.parse(raw), raw);
}
/** An id from an `ajs_*` cookie as it arrives in a `Cookie:` header: URL-encoded or not, quoted or not. */
function segmentIdFromCookie(raw) {
    if (!raw)
        return undefined;
    // Not URL-encoded: the raw text.
    const text = attempt(() => decodeURIComponent(raw), raw);
    const parsed = parseStoredValue(text);
    const value = typeof parsed === 'string' || typeof parsed === 'number' ? String(parsed) : text;
    return value && value !== 'null' ? value : undefined;
}

export { attempt as a, parseStoredValue as b, isNonEmptyString as c, decodeV2Identity as d, isUnsafeKey as e, sanitizeProperties as f, copyReplacing as g, segmentIdFromCookie as h, isPlainObject as i, parseCookieHeader as p, readKey as r, stringField as s, truncateStrings as t, v2CookieName as v, withErrorTexts as w };
