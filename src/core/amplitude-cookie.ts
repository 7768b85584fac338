/**
 * Amplitude's v2 identity cookie, `AMP_<first 10 characters of the API key>`: base64 of URL-encoded JSON
 * ({deviceId, userId, sessionId, lastEventTime, …}). Shared by the browser and the server module. Pure.
 */
import { attempt } from './values.js';

export function v2CookieName(apiKey: string): string {
  return `AMP_${apiKey.slice(0, 10)}`;
}

export interface StoredAmplitudeIdentity {
  deviceId?: string;
  userId?: string;
  sessionId?: number;
  lastEventTime?: number;
  lastEventId?: number;
}

export function decodeV2Identity(raw: string): StoredAmplitudeIdentity | undefined {
  let value = raw;
  for (let i = 0; i < 3; i++) {
    const parsed = attempt(() => JSON.parse(decodeURIComponent(atob(value))) as Record<string, unknown>, undefined);
    if (parsed && typeof parsed === 'object') {
      // Only the fields present with their type.
      const out: Record<string, unknown> = {};
      for (const key of ['deviceId', 'userId']) if (stringField(parsed, key)) out[key] = parsed[key];
      for (const key of ['sessionId', 'lastEventTime', 'lastEventId'])
        if (typeof parsed[key] === 'number') out[key] = parsed[key];
      return out as StoredAmplitudeIdentity;
    }
    const decoded = attempt(() => decodeURIComponent(value), value);
    if (decoded === value) break;
    value = decoded;
  }
  return undefined;
}

/** A non-empty string field of a parsed object, else undefined. */
export function stringField(obj: unknown, key: string): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const v = (obj as Record<string, unknown>)[key];
  return typeof v === 'string' && v ? v : undefined;
}
