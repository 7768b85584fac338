import { v2CookieName, decodeV2Identity, stringField } from './amplitude-cookie.js';

const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';
let lastSnapshot;
/**
 * The page as a call sees it. A call on the same URL and title as the previous one reuses its snapshot
 * (the referrer cannot change, and the canonical link is assumed to change only with the URL or title),
 * which saves most of a call's DOM reads in a burst.
 */
function readPageSnapshot() {
    if (!hasWindow)
        return { pathname: '', href: '', search: '', title: '', referrer: '' };
    const href = attempt(() => location.href, '');
    const title = attempt(() => document.title, '');
    if (lastSnapshot && lastSnapshot.href === href && lastSnapshot.title === title)
        return Object.assign({}, lastSnapshot);
    const snap = {
        pathname: attempt(() => location.pathname, ''),
        href,
        search: attempt(() => location.search, ''),
        title,
        referrer: attempt(() => document.referrer, ''),
    };
    const canonical = attempt(() => {
        var _a;
        const el = document.querySelector('link[rel="canonical"]');
        return el ? (_a = el.getAttribute('href')) !== null && _a !== void 0 ? _a : undefined : undefined;
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
function isHttps() {
    return hasWindow && attempt(() => location.protocol === 'https:', false);
}
// ------------------------------------------------------------------------------------------------ cookies
function readCookies() {
    const out = {};
    const raw = hasWindow ? attempt(() => document.cookie, '') : '';
    for (const part of raw.split(';')) {
        const eq = part.indexOf('=');
        if (eq === -1)
            continue;
        const name = part.slice(0, eq).trim();
        if (!name || name in out)
            continue;
        out[name] = part.slice(eq + 1).trim();
    }
    return out;
}
function getCookie(name) {
    const value = readCookies()[name];
    if (value === undefined)
        return undefined;
    try {
        return decodeURIComponent(value);
    }
    catch (_a) {
        return value;
    }
}
let detectedDomain;
/**
 * The registrable domain, found the way analytics-next does: the broadest `.domain` a test cookie
 * sticks on. localhost, single-label hosts and IPs get host-only cookies.
 */
function topLevelCookieDomain() {
    if (detectedDomain !== undefined)
        return detectedDomain !== null && detectedDomain !== void 0 ? detectedDomain : undefined;
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
// ------------------------------------------------------------------------------------------- localStorage
function storage() {
    if (!hasWindow)
        return undefined;
    return attempt(() => { var _a; return (_a = window.localStorage) !== null && _a !== void 0 ? _a : undefined; }, undefined);
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
// ------------------------------------------------------------------------------------ Amplitude's storage
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
// ------------------------------------------------------------------------------------------------ network
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
            return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: '*/*' }, body, keepalive }).then((response) => response.text().then((text) => ({ status: response.status, body: parseObject(text) }), () => ({ status: response.status, body: {} })), () => null);
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
    try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    }
    catch (_a) {
        return {};
    }
}
// ------------------------------------------------------------------------------------------------ misc
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
    const i = randomBytes16();
    const b = pool;
    return (HEX[b[i]] + HEX[b[i + 1]] + HEX[b[i + 2]] + HEX[b[i + 3]] + '-' +
        HEX[b[i + 4]] + HEX[b[i + 5]] + '-' +
        HEX[(b[i + 6] & 0x0f) | 0x40] + HEX[b[i + 7]] + '-' +
        HEX[(b[i + 8] & 0x3f) | 0x80] + HEX[b[i + 9]] + '-' +
        HEX[b[i + 10]] + HEX[b[i + 11]] + HEX[b[i + 12]] + HEX[b[i + 13]] + HEX[b[i + 14]] + HEX[b[i + 15]]);
}
function attempt(fn, fallback) {
    try {
        return fn();
    }
    catch (_a) {
        return fallback;
    }
}

export { browserTransport, currentReferrer, getCookie, isHttps, localGet, localRemove, localSet, localStore, locationHash, locationSearch, memoryStore, postJson, randomUUID, readCookies, readPageSnapshot, readStoredAmplitudeDeviceIds, readStoredAmplitudeSession, removeCookie, setCookie, topLevelCookieDomain };
