import { isPlainObject, readKey } from './values.js';

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
        if (isString(args[1])) {
            name = args[1];
            category = null;
        }
        else {
            name = strings[0];
        }
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
        if (isPlainObject(args[2])) {
            properties = args[2];
        }
        else if (isPlainObject(args[3])) {
            options = args[3];
        }
        else {
            properties = objects[0];
        }
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
    const slots = ['id', 'traits', 'options'];
    let slot = 0;
    for (let i = 0; i < args.length && slot <= slots.length; i++) {
        const arg = args[i];
        if (isFunction(arg)) {
            callback = arg;
            break;
        }
        if (slot >= slots.length)
            break;
        if (slots[slot] === 'id') {
            if (isString(arg) || (typeof arg === 'number' && Number.isFinite(arg))) {
                id = String(arg);
                slot++;
                continue;
            }
            if (isNil(arg)) {
                id = null;
                slot++;
                continue;
            }
            slot++; // the id was omitted: the same argument is considered for traits
        }
        const accept = isNil(arg) || isPlainObject(arg);
        if (slots[slot] === 'traits') {
            if (accept)
                traits = arg;
            slot++;
        }
        else if (slots[slot] === 'options') {
            if (accept)
                options = arg;
            slot++;
        }
    }
    return { id, traits: traits !== null && traits !== void 0 ? traits : undefined, options: options !== null && options !== void 0 ? options : {}, callback };
}
function resolveAliasArguments(input) {
    var _a, _b, _c;
    const args = input.map((a) => (typeof a === 'number' && Number.isFinite(a) ? String(a) : a));
    const strings = args.filter(isString);
    const rawTo = args[0];
    return {
        to: (_a = strings[0]) !== null && _a !== void 0 ? _a : (isString(rawTo) ? rawTo : undefined),
        from: (_b = strings[1]) !== null && _b !== void 0 ? _b : null,
        options: (_c = args.find(isPlainObject)) !== null && _c !== void 0 ? _c : {},
        callback: args.find(isFunction),
    };
}

export { isBufferedPageContext, pageSnapshotFromBpc, resolveAliasArguments, resolveEntityArguments, resolvePageArguments, resolveTrackArguments, splitPageContext };
