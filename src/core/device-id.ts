/**
 * Amplitude device ID precedence, decided before the SDK starts so that no event ever leaves under a
 * provisional ID. Segment's documented order:
 *   1. Prefer Anonymous ID for Device ID (setting on) -> Segment's anonymousId
 *   2. amp_device_id from the URL (deviceIdFromUrlParam on; Amplitude's own `ampDeviceId` too)
 *   3. the ID Amplitude already stored for this visitor (v2 AMP_*, amplitude-js 6+ amp_*, 5.x amplitude_id_*)
 *   4. a new ID
 * The SDK's own URL handling (which also honours an unrelated `?deviceId=`) is never reached, because
 * the shim always passes the resolved ID explicitly. Pure.
 */

export type DeviceIdSource = 'anonymousId' | 'url' | 'stored' | 'new';

export interface StoredDeviceIds {
  /** `AMP_<key10>` (analytics-browser 2.x) */
  v2?: string;
  /** `amp_<key6>` (amplitude-js 6 to 8) */
  amplitudeJs?: string;
  /** `amplitude_id_<key>…` (amplitude-js 5.x, what Segment's classic integration loaded) */
  amplitudeJs5?: string;
}

export interface DeviceIdInputs {
  preferAnonymousId: boolean;
  anonymousId: string | null;
  deviceIdFromUrlParam: boolean;
  /** Raw query parameters: only amp_device_id, ampDeviceId and ampTimestamp are ever consulted. */
  query: Record<string, string>;
  stored: StoredDeviceIds;
  now: number;
  generate: () => string;
}

export interface DeviceIdDecision {
  deviceId: string;
  source: DeviceIdSource;
  warnings: string[];
}

/** Amplitude IDs are UUIDs, UUID+"R", or base64-ish tokens: 5 to 128 characters, no markup or spaces. */
const PLAUSIBLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:+=/-]{4,127}$/;

export function isPlausibleDeviceId(value: unknown): value is string {
  return typeof value === 'string' && PLAUSIBLE_ID.test(value);
}

export function resolveDeviceId(input: DeviceIdInputs): DeviceIdDecision {
  const warnings: string[] = [];
  const decided = (deviceId: string, source: DeviceIdSource): DeviceIdDecision => ({ deviceId, source, warnings });
  if (input.preferAnonymousId && input.anonymousId) return decided(input.anonymousId, 'anonymousId');
  if (input.deviceIdFromUrlParam) {
    const fromUrl = urlDeviceId(input.query, input.now, warnings);
    if (fromUrl) return decided(fromUrl, 'url');
  }
  const stored = [input.stored.v2, input.stored.amplitudeJs, input.stored.amplitudeJs5].find(isPlausibleDeviceId);
  return stored ? decided(stored, 'stored') : decided(input.generate(), 'new');
}

function urlDeviceId(query: Record<string, string>, now: number, warnings: string[]): string | undefined {
  for (const name of ['amp_device_id', 'ampDeviceId']) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    if (!isPlausibleDeviceId(value)) {
      warnings.push(`the URL parameter ${name} is not a plausible device ID (${describe(value)}) and was ignored`);
      continue;
    }
    if (name === 'ampDeviceId' && query.ampTimestamp !== undefined) {
      const expiry = Number(query.ampTimestamp);
      if (!Number.isFinite(expiry) || now >= expiry) {
        warnings.push('the URL parameter ampDeviceId has expired (ampTimestamp) and was ignored');
        continue;
      }
    }
    return value;
  }
  return undefined;
}

function describe(value: string): string {
  if (value.length > 128) return `${value.length} characters`;
  return `"${value.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}"`;
}
