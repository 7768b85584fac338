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
      const out: StoredAmplitudeIdentity = {
        deviceId: stringField(parsed, 'deviceId'),
        userId: stringField(parsed, 'userId'),
        sessionId: typeof parsed.sessionId === 'number' ? parsed.sessionId : undefined,
        lastEventTime: typeof parsed.lastEventTime === 'number' ? parsed.lastEventTime : undefined,
        lastEventId: typeof parsed.lastEventId === 'number' ? parsed.lastEventId : undefined,
      };
      for (const key of Object.keys(out) as (keyof StoredAmplitudeIdentity)[])
        if (out[key] === undefined) delete out[key];
      return out;
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
