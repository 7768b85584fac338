/**
 * Everything the runtime reads from or writes to the page, as one object passed in like the clock, so
 * the runtime itself touches no global and tests can stand in for the browser. `browserPort` is the real
 * page; every member is defensive (see the modules it gathers).
 */
import type { PageSnapshot } from '../core/types.js';
import type { StoredDeviceIds } from '../core/device-id.js';
import type { StoredAmplitudeIdentity } from '../core/amplitude-cookie.js';
import { type CookieOptions } from './cookies.js';
/** Segment's own identity storage: localStorage, and cookies for ids. */
export interface SegmentStorage {
    localGet(key: string): string | null;
    localSet(key: string, value: string): boolean;
    localRemove(key: string): void;
    getCookie(name: string): string | undefined;
    setCookie(name: string, value: string, options: CookieOptions): void;
    removeCookie(name: string, options: CookieOptions): void;
}
export interface BrowserPort extends SegmentStorage {
    snapshot(): PageSnapshot;
    search(): string;
    hash(): string;
    referrer(): string;
    isHttps(): boolean;
    globalPrivacyControl(): unknown;
    navigatorFacts(): {
        userAgent?: string;
        language?: string;
    };
    navigate(href: string): void;
    storedAmplitudeDeviceIds(apiKey: string): StoredDeviceIds;
    storedAmplitudeSession(apiKey: string): StoredAmplitudeIdentity;
    segmentSession(): {
        id: number | null;
        lastAccess: number | null;
    };
    keepSegmentSession(id: number, lastAccess: number, cookie: CookieOptions): void;
    /** POSTs JSON to the site's own server; true when it answered 2xx. */
    postJson(url: string, body: unknown): Promise<boolean>;
    /**
     * Runs `work` holding the site-wide lock `name` (through which pages take turns at a gone page's journal
     * record); false when the browser has no Web Locks.
     */
    siteLock(name: string, work: () => void): boolean;
}
export declare const browserPort: BrowserPort;
