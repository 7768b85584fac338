/**
 * Everything the runtime reads from or writes to the page, as one object passed in like the clock, so
 * the runtime itself touches no global and tests can stand in for the browser. `browserPort` is the real
 * page; every member is defensive (see the modules it gathers).
 */
import type { PageSnapshot } from '../core/types.js';
import type { StoredDeviceIds } from '../core/device-id.js';
import type { StoredAmplitudeIdentity } from '../core/amplitude-cookie.js';
import {
  currentReferrer,
  globalPrivacyControl,
  isHttps,
  locationHash,
  locationSearch,
  navigate,
  navigatorFacts,
  readPageSnapshot,
} from './page.js';
import { getCookie, removeCookie, setCookie, type CookieOptions } from './cookies.js';
import { localGet, localRemove, localSet } from './storage.js';
import {
  readSegmentSession,
  readStoredAmplitudeDeviceIds,
  readStoredAmplitudeSession,
  writeSegmentSession,
} from './amplitude-storage.js';
import { postJson } from './transport.js';
import { webLock } from './web-lock.js';

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
  navigatorFacts(): { userAgent?: string; language?: string };
  navigate(href: string): void;
  storedAmplitudeDeviceIds(apiKey: string): StoredDeviceIds;
  storedAmplitudeSession(apiKey: string): StoredAmplitudeIdentity;
  segmentSession(): { id: number | null; lastAccess: number | null };
  keepSegmentSession(id: number, lastAccess: number, cookie: CookieOptions): void;
  /** POSTs JSON to the site's own server; true when it answered 2xx. */
  postJson(url: string, body: unknown): Promise<boolean>;
  /**
   * Runs `work` holding the site-wide lock `name` (through which pages take turns at a gone page's journal
   * record); false when the browser has no Web Locks.
   */
  siteLock(name: string, work: () => void): boolean;
}

export const browserPort: BrowserPort = {
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
