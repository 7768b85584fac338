// Everything that reads outside input: settings, property values, the querystring API, Amplitude's
// cookies, and the snippet's key.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/modes/classic/settings';
import { sanitizeProperties, truncateStrings, MAX_STRING_LENGTH } from '../../src/core/values';
import { parseQuery, queryStringCalls } from '../../src/core/query-string';
import { readStoredAmplitudeDeviceIds } from '../../src/browser/amplitude-storage';
import { decodeV2Identity } from '../../src/core/amplitude-cookie';
import { findWriteKey, writeKeyFromUrl } from '../../src/public/install';

describe('normalizeSettings', () => {
  it('uses the catalog defaults (trackReferrer and useLogRevenueV2 on)', () => {
    const { settings, warnings } = normalizeSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.trackReferrer).toBe(true);
    expect(settings.useLogRevenueV2).toBe(true);
    expect(warnings).toEqual([]);
  });
  it.each([
    [{ trackAllPages: true }, { trackAllPages: true }, 0],
    [{ trackAllPages: 'yes' }, { trackAllPages: false }, 1],
    [{ eventUploadThreshold: '10' }, { eventUploadThreshold: 10 }, 0],
    [{ eventUploadThreshold: -1 }, { eventUploadThreshold: 30 }, 1],
    [{ traitsToIncrement: ['a', 3, 'b'] }, { traitsToIncrement: ['a', 'b'] }, 0],
    [{ mapQueryParams: [{ key: 'q', value: 'user_properties' }] }, { mapQueryParams: { q: 'user_properties' } }, 0],
    [{ appendFieldsToEventProps: { 'context.page.path': 'p', bad: 1 } }, { appendFieldsToEventProps: { 'context.page.path': 'p' } }, 0],
    [{ secretKey: 'x', endpoint: 'europe' }, {}, 0],
    [{ somethingNew: true }, {}, 1],
  ])('%j', (input, expected, warningCount) => {
    const { settings, warnings } = normalizeSettings(input);
    expect(settings).toMatchObject(expected);
    expect(warnings).toHaveLength(warningCount);
  });
  it('does not share array or map instances with the defaults', () => {
    const a = normalizeSettings({}).settings;
    a.traitsToIncrement.push('x');
    expect(normalizeSettings({}).settings.traitsToIncrement).toEqual([]);
  });
});

describe('sanitizeProperties: the wire stays serializable, bad values are dropped, not the event', () => {
  it('converts and drops what JSON cannot carry, and reports each', () => {
    const cyclic: Record<string, unknown> = { keep: 1 };
    cyclic.self = cyclic;
    const { value, problems } = sanitizeProperties({
      big: 10n,
      fn: () => 1,
      sym: Symbol('s'),
      nan: NaN,
      inf: Infinity,
      date: new Date(0),
      badDate: new Date('x'),
      arr: [1, null, undefined, () => 2],
      cyclic,
      nested: { ok: 'yes' },
    });
    expect(value).toEqual({
      big: '10',
      nan: null,
      inf: null,
      date: '1970-01-01T00:00:00.000Z',
      arr: [1, null, null, null],
      cyclic: { keep: 1 },
      nested: { ok: 'yes' },
    });
    expect(problems.length).toBe(8);
    expect(() => JSON.stringify(value)).not.toThrow();
  });
  it('keeps long strings whole (Classic cuts them on the wire, as amplitude-js did)', () => {
    expect((sanitizeProperties({ s: 'x'.repeat(10000) }).value.s as string).length).toBe(10000);
    expect((truncateStrings({ s: ['x'.repeat(10000)] }) as { s: string[] }).s[0].length).toBe(MAX_STRING_LENGTH);
  });
  it('survives throwing getters and proxies', () => {
    const getter = Object.defineProperty({ fine: 1 }, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    expect(sanitizeProperties(getter).value).toEqual({ fine: 1 });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(sanitizeProperties({ p: proxy }).value).toEqual({});
  });
  it('cuts structures nested 1,000 deep', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 1000; i++) deep = { d: deep };
    const { value, problems } = sanitizeProperties(deep);
    expect(() => JSON.stringify(value)).not.toThrow();
    expect(problems.some((p) => p.includes('nested deeper'))).toBe(true);
  });
});

describe('querystring API (vector 85)', () => {
  it.each([
    ['?ajs_uid=1234&ajs_trait_address=123%20St', { identify: { userId: '1234', traits: { address: '123 St' } } }],
    ['?ajs_event=Button%20Clicked&ajs_prop_location=Home%20Page', { track: { event: 'Button Clicked', properties: { location: 'Home Page' } } }],
    ['?ajs_aid=imbatman&ajs_aid=bruce', { anonymousId: 'bruce' }],
    ['?ajs_aid=', {}],
    ['?utm_source=x', {}],
  ])('%s', (search, expected) => {
    expect(queryStringCalls(search, '').calls).toEqual(expected);
  });
  it('reads the ?… part of the hash too', () => {
    expect(queryStringCalls('', '#/route?ajs_aid=from-hash').calls).toEqual({ anonymousId: 'from-hash' });
  });
  it('rejects hostile values with a warning', () => {
    const { calls, warnings } = queryStringCalls(`?ajs_aid=${encodeURIComponent('<script>x</script>')}&ajs_uid=${'a'.repeat(10000)}`, '');
    expect(calls).toEqual({});
    expect(warnings).toHaveLength(2);
  });
  it('one URL-value policy with the UTM capture: DEL is refused too, 512 characters are accepted', () => {
    expect(queryStringCalls('?ajs_aid=a%7Fb', '').calls).toEqual({});
    expect(queryStringCalls(`?ajs_aid=${'a'.repeat(512)}`, '').calls).toEqual({ anonymousId: 'a'.repeat(512) });
    expect(queryStringCalls(`?ajs_aid=${'a'.repeat(513)}`, '').calls).toEqual({});
  });
  it('parseQuery decodes leniently', () => {
    expect(parseQuery('?a=1&b=%E0%A4%A&c&d=x=y&e=a+b')).toEqual({ a: '1', b: '%E0%A4%A', c: '', d: 'x=y', e: 'a b' });
  });
});

describe("Amplitude's stored identity", () => {
  const identity = { deviceId: 'dev-from-v2-cookie', userId: 'u1', sessionId: 1700000000000 };
  const v2Value = btoa(encodeURIComponent(JSON.stringify(identity)));
  it('decodes the v2 AMP_ cookie, also when URL-encoded once more', () => {
    expect(decodeV2Identity(v2Value)).toEqual(identity);
    expect(decodeV2Identity(encodeURIComponent(v2Value))).toEqual(identity);
    expect(decodeV2Identity('garbage')).toBeUndefined();
  });
  it('finds device IDs of every SDK generation for this key', () => {
    const key = 'abcdef0123456789';
    document.cookie = `AMP_${key.slice(0, 10)}=${encodeURIComponent(v2Value)}; path=/`;
    document.cookie = `amp_${key.slice(0, 6)}=amp6-device-id.dXNlcg==.0.1.2; path=/`;
    document.cookie = `amplitude_id_${key}example.com=${btoa(JSON.stringify({ deviceId: 'legacy-5x-idR' }))}; path=/`;
    expect(readStoredAmplitudeDeviceIds(key)).toEqual({ v2: 'dev-from-v2-cookie', amplitudeJs: 'amp6-device-id', amplitudeJs5: 'legacy-5x-idR' });
  });
});

describe('finding the API key the snippet was given', () => {
  it('prefers window.analyticsWriteKey unless it is the placeholder, then _writeKey', () => {
    expect(findWriteKey({ _writeKey: 'from-snippet' }, { analyticsWriteKey: 'from-global' })).toBe('from-global');
    expect(findWriteKey({ _writeKey: 'from-snippet' }, { analyticsWriteKey: '__WRITE_KEY__' })).toBe('from-snippet');
  });
  it.each([
    ['https://cdn.segment.com/analytics.js/v1/KEY123/analytics.min.js', 'KEY123'],
    ['https://host/segment-amplitude-shim.min.js?apiKey=KEY456', 'KEY456'],
    ['https://host/other.js?key=nope', undefined],
  ])('%s', (src, key) => {
    expect(writeKeyFromUrl(src)).toBe(key);
  });
});
