import { localRemove, removeCookie, localSet, setCookie, localGet, getCookie } from './browser-env.js';
import { isPlainObject } from './values.js';

class EntityStore {
    constructor(keys, options) {
        this.keys = keys;
        this.options = options;
        /**
         * The values in force, read from storage once and then kept here: a call then costs no cookie or
         * storage access, and storage is written only when a value changes. invalidate() re-reads, for when
         * another tab may have changed them.
         */
        this.cache = {};
    }
    /** Applies the load options (persistence, cookie attributes); the store is usable before load too. */
    configure(options) {
        this.options = options;
    }
    /** Forget what was read, so the next read sees changes other tabs made. */
    invalidate() {
        if (this.options.persist)
            this.cache = {};
    }
    readValue(key, cookieToo) {
        if (Object.prototype.hasOwnProperty.call(this.cache, key))
            return this.cache[key];
        const value = this.options.persist ? readStored(key, cookieToo) : null;
        this.cache[key] = value;
        // Get-and-sync, once: a value found in one store is written back to the others, as analytics-next does.
        if (value !== null)
            this.persist(key, value, cookieToo);
        return value;
    }
    writeValue(key, value, cookieToo) {
        const next = value === undefined ? null : value;
        const known = Object.prototype.hasOwnProperty.call(this.cache, key);
        if (known && sameValue(this.cache[key], next))
            return;
        this.cache[key] = next;
        this.persist(key, next, cookieToo);
    }
    persist(key, value, cookieToo) {
        if (!this.options.persist)
            return;
        if (value === null) {
            localRemove(key);
            if (cookieToo)
                removeCookie(key, this.options.cookie);
            return;
        }
        localSet(key, JSON.stringify(value));
        if (cookieToo)
            setCookie(key, typeof value === 'string' ? value : JSON.stringify(value), this.options.cookie);
    }
    removeAll() {
        this.writeValue(this.keys.id, null, true);
        this.writeValue(this.keys.traits, null, false);
    }
    id(value) {
        if (value !== undefined) {
            this.writeValue(this.keys.id, value === null ? null : String(value), true);
        }
        const stored = this.readValue(this.keys.id, true);
        if (stored === null || stored === undefined || stored === '')
            return null;
        return String(stored);
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
        const next = sameEntity ? Object.assign(Object.assign({}, this.traits()), (traits !== null && traits !== void 0 ? traits : {})) : Object.assign({}, (traits !== null && traits !== void 0 ? traits : {}));
        if (id)
            this.id(id);
        this.traits(next);
    }
    reset() {
        this.removeAll();
    }
}
class UserStore extends EntityStore {
    constructor(options, newId, 
    /** Told whenever the anonymousId takes a new value, so the Amplitude device ID can follow it. */
    onAnonymousIdChange = () => undefined) {
        super({ id: 'ajs_user_id', traits: 'ajs_user_traits' }, options);
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
            this.writeValue(UserStore.ANON_KEY, next, true);
            if (changed && next !== null)
                this.onAnonymousIdChange(next);
            if (next === null)
                return null;
        }
        const stored = this.readValue(UserStore.ANON_KEY, true);
        if (stored === null || stored === undefined || stored === '') {
            const fresh = this.newId();
            this.writeValue(UserStore.ANON_KEY, fresh, true);
            this.onAnonymousIdChange(fresh);
            return fresh;
        }
        return String(stored);
    }
    /** Reads without creating one (for deciding whether a visitor is new). */
    peekAnonymousId() {
        const stored = this.readValue(UserStore.ANON_KEY, true);
        return stored === null || stored === undefined || stored === '' ? null : String(stored);
    }
    logout() {
        this.anonymousId(null);
        super.id(null);
        this.traits({});
    }
    reset() {
        this.logout();
        super.reset();
        this.writeValue(UserStore.ANON_KEY, null, true);
    }
    load() {
        return this;
    }
    save() {
        return true;
    }
}
UserStore.ANON_KEY = 'ajs_anonymous_id';
class GroupStore extends EntityStore {
    constructor(options) {
        super({ id: 'ajs_group_id', traits: 'ajs_group_properties' }, options);
    }
    anonymousId() {
        return undefined;
    }
    load() {
        return this;
    }
    save() {
        return true;
    }
}
function readStored(key, cookieToo) {
    const local = localGet(key);
    if (local !== null) {
        const parsed = parseLenient(local);
        if (parsed !== null)
            return parsed;
    }
    if (cookieToo) {
        const cookie = getCookie(key);
        if (cookie !== undefined)
            return parseLenient(cookie);
    }
    return null;
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
/** JSON if it parses (localStorage, classic quoted cookies), else the raw string (unquoted values). */
function parseLenient(raw) {
    try {
        return JSON.parse(raw);
    }
    catch (_a) {
        return raw;
    }
}

export { GroupStore, UserStore };
