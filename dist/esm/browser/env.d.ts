/**
 * The one module that touches the page's URL, cookies and storage. Everything here is defensive:
 * storage can be disabled, cookies blocked, and any getter can throw in a hostile or sandboxed page.
 */
import type { PageSnapshot } from '../core/types.js';
import type { StoredDeviceIds } from '../core/device-id.js';
import { type StoredAmplitudeIdentity } from '../core/amplitude-cookie.js';
import type { KeyValueStore } from '../wire/exit-journal.js';
import type { Transport } from '../wire/outbox.js';
/**
 * The page as a call sees it. A call on the same URL and title as the previous one reuses its snapshot
 * (the referrer cannot change, and the canonical link is assumed to change only with the URL or title),
 * which saves most of a call's DOM reads in a burst.
 */
export declare function readPageSnapshot(): PageSnapshot;
export declare function locationSearch(): string;
export declare function locationHash(): string;
export declare function currentReferrer(): string;
/** The browser's Global Privacy Control signal (`navigator.globalPrivacyControl`), if it sends one. */
export declare function globalPrivacyControl(): unknown;
export declare function isHttps(): boolean;
export declare function getCookie(name: string): string | undefined;
export interface CookieOptions {
    /** Days. */
    maxage?: number;
    domain?: string;
    path?: string;
    sameSite?: string;
    secure?: boolean;
}
export declare function setCookie(name: string, value: string, options?: CookieOptions): void;
export declare function removeCookie(name: string, options?: CookieOptions): void;
export declare function localGet(key: string): string | null;
/** Returns false when storage is unavailable or full. */
export declare function localSet(key: string, value: string): boolean;
export declare function localRemove(key: string): void;
export declare const localStore: KeyValueStore;
/** A store that forgets with the page (disableClientPersistence, tests). */
export declare function memoryStore(): KeyValueStore;
/** Device IDs any Amplitude SDK generation left for this API key. */
export declare function readStoredAmplitudeDeviceIds(apiKey: string): StoredDeviceIds;
/** The v2 SDK's stored session, to tell whether this page load starts a new Amplitude session. */
export declare function readStoredAmplitudeSession(apiKey: string): StoredAmplitudeIdentity;
/** Segment's session plugin keys, localStorage first, then the cookie (analytics.js storage order). */
export declare function readActionsSession(): {
    id: number | null;
    lastAccess: number | null;
};
/** Writes them where analytics.js keeps them (localStorage and cookie), so Segment's plugin would continue too. */
export declare function writeActionsSession(id: number, lastAccess: number, cookie: CookieOptions): void;
/** POSTs JSON to the site's own server (same-origin credentials), surviving a navigation that follows. */
export declare function postJson(url: string, body: unknown): Promise<boolean>;
/** The outbox's way to the wire: fetch (keepalive while small enough) and, at exit, sendBeacon. */
export declare const browserTransport: Transport;
/** A v4 UUID from cryptographic randomness (per call it costs a fraction of crypto.randomUUID). */
export declare function randomUUID(): string;
