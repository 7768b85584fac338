/**
 * What Amplitude's HTTP V2 answers say about the events of a request, read from the body (the SDK
 * reads `code` from the body too, and the collector answers alike): which events are invalid, which
 * users or devices are over their daily quota, which events are throttled.
 */
import type { Dict } from '../core/types.js';
import type { WireResponse } from './wire-types.js';

export function responseCode(response: WireResponse): number {
  const code = response.body.code;
  return typeof code === 'number' ? code : response.status;
}

/** A 400 about the request as a whole (no API key, or a wrong one): its error, else undefined. */
export function requestRejected(body: Dict): string | undefined {
  const error = errorOf(body);
  return body.missing_field || error.startsWith('Invalid API key') ? error || 'invalid request' : undefined;
}

export function errorOf(body: Dict): string {
  return typeof body.error === 'string' ? body.error : '';
}

/** Indexes, in the request, of the events a 400 names as invalid. */
export function invalidIndexes(body: Dict): Set<number> {
  const bad = new Set<number>();
  for (const field of ['events_with_invalid_fields', 'events_with_missing_fields', 'events_with_invalid_id_lengths']) {
    const byField = body[field];
    if (byField && typeof byField === 'object')
      for (const list of Object.values(byField as Dict)) addIndexes(bad, list);
  }
  addIndexes(bad, body.silenced_events);
  return bad;
}

/** A 429: who is over the daily quota (for good, today), and which events are only throttled. */
export function throttling(body: Dict): { overQuota(event: Dict): boolean; throttled: Set<number> } {
  const users = new Set(Object.keys(asDict(body.exceeded_daily_quota_users)));
  const devices = new Set(Object.keys(asDict(body.exceeded_daily_quota_devices)));
  const throttled = new Set<number>();
  addIndexes(throttled, body.throttled_events);
  return { overQuota: (event) => users.has(String(event.user_id)) || devices.has(String(event.device_id)), throttled };
}

/** `value` when it is an object (not an array), else an empty one. */
export function asDict(value: unknown): Dict {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : {};
}

function addIndexes(into: Set<number>, list: unknown): void {
  if (Array.isArray(list)) for (const i of list) if (typeof i === 'number') into.add(i);
}
