// The device-ID precedence matrix: preference on/off x URL param absent/valid/invalid x stored ID
// none/v2/legacy x an unrelated ?deviceId= in the page URL.
import { describe, expect, it } from 'vitest';
import { isPlausibleDeviceId, resolveDeviceId, type DeviceIdInputs, type StoredDeviceIds } from '../../src/core/device-id';

const ANON = 'a1b2c3d4-0000-4000-8000-00000000anon';
const URL_ID = 'b1b2c3d4-0000-4000-8000-000000000url';
const V2 = 'c1b2c3d4-0000-4000-8000-0000000000v2';
const LEGACY = 'd1b2c3d4-0000-4000-8000-00000000legR';
const NEW = 'e1b2c3d4-0000-4000-8000-00000000new0';
const UNRELATED = 'f1b2c3d4-0000-4000-8000-0000unrelated';

const urlCases = {
  absent: {},
  valid: { amp_device_id: URL_ID },
  invalid: { amp_device_id: '<script>alert(1)</script>' },
} as const;
const storedCases: Record<string, StoredDeviceIds> = {
  none: {},
  v2: { v2: V2 },
  legacy: { amplitudeJs5: LEGACY },
};

const rows: [boolean, keyof typeof urlCases, string, boolean][] = [];
for (const prefer of [true, false])
  for (const url of Object.keys(urlCases) as (keyof typeof urlCases)[])
    for (const stored of Object.keys(storedCases)) for (const unrelated of [false, true]) rows.push([prefer, url, stored, unrelated]);

function expected(prefer: boolean, url: keyof typeof urlCases, stored: string): { deviceId: string; source: string; warns: boolean } {
  const warns = !prefer && url === 'invalid';
  if (prefer) return { deviceId: ANON, source: 'anonymousId', warns };
  if (url === 'valid') return { deviceId: URL_ID, source: 'url', warns };
  if (stored === 'v2') return { deviceId: V2, source: 'stored', warns };
  if (stored === 'legacy') return { deviceId: LEGACY, source: 'stored', warns };
  return { deviceId: NEW, source: 'new', warns };
}

describe('resolveDeviceId: precedence matrix (deviceIdFromUrlParam on)', () => {
  it.each(rows)('prefer=%s url=%s stored=%s unrelated ?deviceId=%s', (prefer, url, stored, unrelated) => {
    const query: Record<string, string> = { ...urlCases[url] };
    if (unrelated) query.deviceId = UNRELATED;
    const input: DeviceIdInputs = {
      preferAnonymousId: prefer,
      anonymousId: ANON,
      deviceIdFromUrlParam: true,
      query,
      stored: storedCases[stored],
      now: 1000,
      generate: () => NEW,
    };
    const decision = resolveDeviceId(input);
    const want = expected(prefer, url, stored);
    expect(decision.deviceId).toBe(want.deviceId);
    expect(decision.source).toBe(want.source);
    expect(decision.deviceId).not.toBe(UNRELATED);
    expect(decision.warnings.length > 0).toBe(want.warns);
  });
});

describe('resolveDeviceId: other rules', () => {
  const base: DeviceIdInputs = {
    preferAnonymousId: false,
    anonymousId: null,
    deviceIdFromUrlParam: false,
    query: {},
    stored: {},
    now: 1000,
    generate: () => NEW,
  };
  it('ignores amp_device_id when deviceIdFromUrlParam is off', () => {
    expect(resolveDeviceId({ ...base, query: { amp_device_id: URL_ID }, stored: { v2: V2 } })).toMatchObject({ deviceId: V2, source: 'stored', warnings: [] });
  });
  it("accepts Amplitude's own ampDeviceId link parameter, honouring ampTimestamp", () => {
    expect(resolveDeviceId({ ...base, deviceIdFromUrlParam: true, query: { ampDeviceId: URL_ID } }).deviceId).toBe(URL_ID);
    expect(resolveDeviceId({ ...base, deviceIdFromUrlParam: true, query: { ampDeviceId: URL_ID, ampTimestamp: '2000' } }).deviceId).toBe(URL_ID);
    const expired = resolveDeviceId({ ...base, deviceIdFromUrlParam: true, query: { ampDeviceId: URL_ID, ampTimestamp: '500' } });
    expect(expired.deviceId).toBe(NEW);
    expect(expired.warnings[0]).toMatch(/expired/);
  });
  it('prefers the v2 cookie over amplitude-js 6+ over 5.x', () => {
    expect(resolveDeviceId({ ...base, stored: { v2: V2, amplitudeJs: 'amp-js-device', amplitudeJs5: LEGACY } }).deviceId).toBe(V2);
    expect(resolveDeviceId({ ...base, stored: { amplitudeJs: 'amp-js-device', amplitudeJs5: LEGACY } }).deviceId).toBe('amp-js-device');
  });
  it('falls through when the preference is on but there is no anonymousId yet', () => {
    expect(resolveDeviceId({ ...base, preferAnonymousId: true, stored: { v2: V2 } }).deviceId).toBe(V2);
  });
  it('rejects implausible stored values instead of adopting them', () => {
    expect(resolveDeviceId({ ...base, stored: { v2: 'x y' } }).source).toBe('new');
  });
});

describe('isPlausibleDeviceId', () => {
  it.each([
    ['3c85b1a2-7d66-4b1a-9c1e-1f4d1a2b3c4d', true],
    ['3c85b1a2-7d66-4b1a-9c1e-1f4d1a2b3c4dR', true],
    ['Ab9_xY-zq1.Tk=', true],
    ['abcd', false],
    ['', false],
    ['a'.repeat(129), false],
    ['<img src=x>', false],
    ['has space here', false],
    ['line\nbreak-0000', false],
  ])('%j -> %s', (value, ok) => {
    expect(isPlausibleDeviceId(value)).toBe(ok);
  });
});
