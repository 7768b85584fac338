/**
 * What earlier SDKs and Segment's session plugin left in this browser: Amplitude device IDs of every SDK
 * generation, the v2 SDK's session, and the session plugin's keys (read and kept for Actions mode).
 */
import type { StoredDeviceIds } from '../core/device-id.js';
import { decodeV2Identity, stringField, v2CookieName, type StoredAmplitudeIdentity } from '../core/amplitude-cookie.js';
import { attempt } from '../core/values.js';
import { getCookie, readCookies, setCookie, type CookieOptions } from './cookies.js';
import { localGet, localSet } from './storage.js';

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
  if (amplitudeJs)
    stored.amplitudeJs = attempt(() => decodeURIComponent(amplitudeJs).split('.')[0] || undefined, undefined);
  const v5Name = Object.keys(cookies).find((name) => name.indexOf(`amplitude_id_${apiKey}`) === 0);
  if (v5Name)
    stored.amplitudeJs5 = attempt(
      () => stringField(JSON.parse(atob(decodeURIComponent(cookies[v5Name]))), 'deviceId'),
      undefined,
    );
  return stored;
}

/** The v2 SDK's stored session, to tell whether this page load starts a new Amplitude session. */
export function readStoredAmplitudeSession(apiKey: string): StoredAmplitudeIdentity {
  const raw = readCookies()[v2CookieName(apiKey)];
  return (raw && decodeV2Identity(raw)) || {};
}

const SEGMENT_SESSION_KEYS = ['analytics_session_id', 'analytics_session_id.last_access'] as const;

/** Segment's session plugin keys, localStorage first, then the cookie (analytics.js storage order). */
export function readSegmentSession(): { id: number | null; lastAccess: number | null } {
  const read = (key: string): number | null => {
    // Neither there: Number(undefined) is NaN, so no value.
    const n = Number(localGet(key) ?? getCookie(key));
    return Number.isFinite(n) && n > 0 ? n : null;
  };
  return { id: read(SEGMENT_SESSION_KEYS[0]), lastAccess: read(SEGMENT_SESSION_KEYS[1]) };
}

/** Writes them where analytics.js keeps them (localStorage and cookie), so Segment's plugin would continue too. */
export function writeSegmentSession(id: number, lastAccess: number, cookie: CookieOptions): void {
  const values = [id, lastAccess];
  SEGMENT_SESSION_KEYS.forEach((key, i) => {
    localSet(key, String(values[i]));
    setCookie(key, String(values[i]), cookie);
  });
}
