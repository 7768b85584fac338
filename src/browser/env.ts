/**
 * The one module that touches the page's URL, cookies and storage. Everything here is defensive:
 * storage can be disabled, cookies blocked, and any getter can throw in a hostile or sandboxed page.
 */
import type { PageSnapshot } from '../core/types.js';
import type { StoredDeviceIds } from '../core/device-id.js';
import { decodeV2Identity, stringField, v2CookieName, type StoredAmplitudeIdentity } from '../core/amplitude-cookie.js';
import type { KeyValueStore } from '../wire/exit-journal.js';
import { parseCookieHeader } from '../core/cookie-header.js';
import { attempt } from '../core/values.js';
import type { Transport, WireResponse } from '../wire/outbox.js';

const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';

let lastSnapshot: PageSnapshot | undefined;

/**
 * The page as a call sees it. A call on the same URL and title as the previous one reuses its snapshot
 * (the referrer cannot change, and the canonical link is assumed to change only with the URL or title),
 * which saves most of a call's DOM reads in a burst.
 */
export function readPageSnapshot(): PageSnapshot {
  if (!hasWindow) return { pathname: '', href: '', search: '', title: '', referrer: '' };
  const href = attempt(() => location.href, '');
  const title = attempt(() => document.title, '');
  if (lastSnapshot && lastSnapshot.href === href && lastSnapshot.title === title) return { ...lastSnapshot };
  const snap: PageSnapshot = {
    pathname: attempt(() => location.pathname, ''),
    href,
    search: attempt(() => location.search, ''),
    title,
    referrer: attempt(() => document.referrer, ''),
  };
  const canonical = attempt(() => {
    const el = document.querySelector('link[rel="canonical"]');
    return el ? (el.getAttribute('href') ?? undefined) : undefined;
  }, undefined);
  if (canonical) snap.canonical = canonical;
  lastSnapshot = snap;
  return { ...snap };
}

export function locationSearch(): string {
  return hasWindow ? attempt(() => location.search, '') : '';
}

export function locationHash(): string {
  return hasWindow ? attempt(() => location.hash, '') : '';
}

export function currentReferrer(): string {
  return hasWindow ? attempt(() => document.referrer, '') : '';
}

/** The browser's Global Privacy Control signal (`navigator.globalPrivacyControl`), if it sends one. */
export function globalPrivacyControl(): unknown {
  return attempt(() => (typeof navigator === 'undefined' ? undefined : (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl), undefined);
}

export function isHttps(): boolean {
  return hasWindow && attempt(() => location.protocol === 'https:', false);
}

// ------------------------------------------------------------------------------------------------ cookies

function readCookies(): Record<string, string> {
  return parseCookieHeader(hasWindow ? attempt(() => document.cookie, '') : '');
}

export function getCookie(name: string): string | undefined {
  const value = readCookies()[name];
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CookieOptions {
  /** Days. */
  maxage?: number;
  domain?: string;
  path?: string;
  sameSite?: string;
  secure?: boolean;
}

let detectedDomain: string | null | undefined;

/**
 * The registrable domain, found the way analytics-next does: the broadest `.domain` a test cookie
 * sticks on. localhost, single-label hosts and IPs get host-only cookies.
 */
function topLevelCookieDomain(): string | undefined {
  if (detectedDomain !== undefined) return detectedDomain ?? undefined;
  detectedDomain = null;
  if (!hasWindow) return undefined;
  const host = attempt(() => location.hostname, '');
  if (!host || !host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return undefined;
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

export function setCookie(name: string, value: string, options: CookieOptions = {}): void {
  if (!hasWindow) return;
  const days = options.maxage ?? 365;
  const parts = [`${name}=${encodeURIComponent(value)}`, `path=${options.path ?? '/'}`];
  parts.push(`expires=${new Date(Date.now() + days * 864e5).toUTCString()}`);
  const domain = options.domain ?? topLevelCookieDomain();
  if (domain) parts.push(`domain=.${domain.replace(/^\./, '')}`);
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  if (options.secure ?? isHttps()) parts.push('Secure');
  attempt(() => {
    document.cookie = parts.join('; ');
  }, undefined);
}

export function removeCookie(name: string, options: CookieOptions = {}): void {
  if (!hasWindow) return;
  const domain = options.domain ?? topLevelCookieDomain();
  const base = `${name}=; path=${options.path ?? '/'}; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  attempt(() => {
    document.cookie = domain ? `${base}; domain=.${domain.replace(/^\./, '')}` : base;
    document.cookie = base;
  }, undefined);
}

// ------------------------------------------------------------------------------------------- localStorage

function storage(): Storage | undefined {
  if (!hasWindow) return undefined;
  return attempt(() => window.localStorage ?? undefined, undefined);
}

export function localGet(key: string): string | null {
  const s = storage();
  return s ? attempt(() => s.getItem(key), null) : null;
}

/** Returns false when storage is unavailable or full. */
export function localSet(key: string, value: string): boolean {
  const s = storage();
  if (!s) return false;
  return attempt(() => {
    s.setItem(key, value);
    return true;
  }, false);
}

export function localRemove(key: string): void {
  const s = storage();
  if (s) attempt(() => s.removeItem(key), undefined);
}

function localKeys(): string[] {
  const s = storage();
  if (!s) return [];
  return attempt(() => {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key !== null) keys.push(key);
    }
    return keys;
  }, []);
}

export const localStore: KeyValueStore = { get: localGet, set: localSet, remove: localRemove, keys: localKeys };

/** A store that forgets with the page (disableClientPersistence, tests). */
export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    get: (key) => data.get(key) ?? null,
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
export function readStoredAmplitudeDeviceIds(apiKey: string): StoredDeviceIds {
  const cookies = readCookies();
  const stored: StoredDeviceIds = {};
  const v2 = cookies[v2CookieName(apiKey)];
  if (v2) stored.v2 = decodeV2Identity(v2)?.deviceId;
  if (!stored.v2) {
    const fromStorage = localGet(v2CookieName(apiKey));
    if (fromStorage) stored.v2 = attempt(() => stringField(JSON.parse(fromStorage), 'deviceId'), undefined);
  }
  const amplitudeJs = cookies[`amp_${apiKey.slice(0, 6)}`];
  if (amplitudeJs) stored.amplitudeJs = attempt(() => decodeURIComponent(amplitudeJs).split('.')[0] || undefined, undefined);
  const v5Name = Object.keys(cookies).find((name) => name.indexOf(`amplitude_id_${apiKey}`) === 0);
  if (v5Name) stored.amplitudeJs5 = attempt(() => stringField(JSON.parse(atob(decodeURIComponent(cookies[v5Name]))), 'deviceId'), undefined);
  return stored;
}

/** The v2 SDK's stored session, to tell whether this page load starts a new Amplitude session. */
export function readStoredAmplitudeSession(apiKey: string): StoredAmplitudeIdentity {
  const raw = readCookies()[v2CookieName(apiKey)];
  return (raw && decodeV2Identity(raw)) || {};
}

const ACTIONS_SESSION_KEYS = ['analytics_session_id', 'analytics_session_id.last_access'] as const;

/** Segment's session plugin keys, localStorage first, then the cookie (analytics.js storage order). */
export function readActionsSession(): { id: number | null; lastAccess: number | null } {
  const read = (key: string): number | null => {
    const raw = localGet(key) ?? getCookie(key) ?? null;
    const n = raw === null ? NaN : Number(raw);
    return Number.isFinite(n) && n > 0 ? n : null;
  };
  return { id: read(ACTIONS_SESSION_KEYS[0]), lastAccess: read(ACTIONS_SESSION_KEYS[1]) };
}

/** Writes them where analytics.js keeps them (localStorage and cookie), so Segment's plugin would continue too. */
export function writeActionsSession(id: number, lastAccess: number, cookie: CookieOptions): void {
  const values = [id, lastAccess];
  ACTIONS_SESSION_KEYS.forEach((key, i) => {
    localSet(key, String(values[i]));
    setCookie(key, String(values[i]), cookie);
  });
}

// ------------------------------------------------------------------------------------------------ network

/** POSTs JSON to the site's own server (same-origin credentials), surviving a navigation that follows. */
export function postJson(url: string, body: unknown): Promise<boolean> {
  if (!hasWindow || typeof fetch !== 'function') return Promise.resolve(false);
  try {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      keepalive: true,
    }).then(
      (response) => response.ok,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** The outbox's way to the wire: fetch (keepalive while small enough) and, at exit, sendBeacon. */
export const browserTransport: Transport = {
  post(url: string, body: string, keepalive: boolean): Promise<WireResponse | null> {
    if (!hasWindow || typeof fetch !== 'function') return Promise.resolve(null);
    try {
      return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: '*/*' }, body, keepalive }).then(
        (response) =>
          response.text().then(
            (text) => ({ status: response.status, body: parseObject(text) }),
            () => ({ status: response.status, body: {} }),
          ),
        () => null,
      );
    } catch {
      return Promise.resolve(null);
    }
  },
  beacon(url: string, body: string): boolean {
    if (!hasWindow) return false;
    return attempt(() => typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body), false);
  },
  online(): boolean {
    return !hasWindow || attempt(() => navigator.onLine !== false, true);
  },
};

function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// ------------------------------------------------------------------------------------------------ misc

const webCrypto: Crypto | undefined = hasWindow ? attempt(() => window.crypto, undefined) : undefined;
const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
/** Random bytes fetched 4 KiB at a time: one call into the browser's generator per 256 ids, not one per id. */
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomBytes16(): number {
  if (poolOffset + 16 > pool.length) {
    if (!webCrypto || !attempt(() => (webCrypto.getRandomValues(pool), true), false)) {
      for (let i = 0; i < pool.length; i++) pool[i] = Math.floor(Math.random() * 256);
    }
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += 16;
  return at;
}

/** A v4 UUID from cryptographic randomness (per call it costs a fraction of crypto.randomUUID). */
export function randomUUID(): string {
  const i = randomBytes16();
  const b = pool;
  return (
    HEX[b[i]] +
    HEX[b[i + 1]] +
    HEX[b[i + 2]] +
    HEX[b[i + 3]] +
    '-' +
    HEX[b[i + 4]] +
    HEX[b[i + 5]] +
    '-' +
    HEX[(b[i + 6] & 0x0f) | 0x40] +
    HEX[b[i + 7]] +
    '-' +
    HEX[(b[i + 8] & 0x3f) | 0x80] +
    HEX[b[i + 9]] +
    '-' +
    HEX[b[i + 10]] +
    HEX[b[i + 11]] +
    HEX[b[i + 12]] +
    HEX[b[i + 13]] +
    HEX[b[i + 14]] +
    HEX[b[i + 15]]
  );
}
