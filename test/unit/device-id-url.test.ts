// The URL device-ID parameters in detail: which parameter an expiry governs, what an empty value means,
// and the warning a visitor's crafted link produces (it must name the parameter and show the value safely).
import { describe, expect, it } from 'vitest';
import { resolveDeviceId, type DeviceIdInputs } from '../../src/core/device-id';

const URL_ID = 'b1b2c3d4-0000-4000-8000-000000000url';
const AMP_ID = 'c1b2c3d4-0000-4000-8000-00000000ampid';
const NEW = 'e1b2c3d4-0000-4000-8000-00000000new0';

const fromUrl = (query: Record<string, string>): ReturnType<typeof resolveDeviceId> => {
  const input: DeviceIdInputs = {
    preferAnonymousId: false,
    anonymousId: null,
    deviceIdFromUrlParam: true,
    query,
    stored: {},
    now: 1000,
    generate: () => NEW,
  };
  return resolveDeviceId(input);
};

describe('URL device-ID parameters', () => {
  it('an empty amp_device_id is absent, not implausible: no warning, and ampDeviceId is still read', () => {
    expect(fromUrl({ amp_device_id: '' })).toEqual({ deviceId: NEW, source: 'new', warnings: [] });
    expect(fromUrl({ amp_device_id: '', ampDeviceId: AMP_ID })).toEqual({ deviceId: AMP_ID, source: 'url', warnings: [] });
  });
  it("ampTimestamp is the expiry of Amplitude's ampDeviceId only; Segment's amp_device_id never had one", () => {
    expect(fromUrl({ amp_device_id: URL_ID, ampTimestamp: '500' })).toEqual({ deviceId: URL_ID, source: 'url', warnings: [] });
    expect(fromUrl({ amp_device_id: URL_ID, ampTimestamp: 'not a number' })).toEqual({ deviceId: URL_ID, source: 'url', warnings: [] });
  });
  it('ampTimestamp is an exclusive expiry, as the SDK reads it: valid before that moment, not at it', () => {
    expect(fromUrl({ ampDeviceId: AMP_ID, ampTimestamp: '1001' }).deviceId).toBe(AMP_ID);
    expect(fromUrl({ ampDeviceId: AMP_ID, ampTimestamp: '1000' }).deviceId).toBe(NEW);
  });
  it('a non-numeric ampTimestamp expires ampDeviceId', () => {
    const decision = fromUrl({ ampDeviceId: AMP_ID, ampTimestamp: 'soon' });
    expect(decision.deviceId).toBe(NEW);
    expect(decision.warnings).toEqual(['the URL parameter ampDeviceId has expired (ampTimestamp) and was ignored']);
  });
});

describe('the warning for an implausible URL device ID', () => {
  const warning = (name: string, shown: string) => `the URL parameter ${name} is not a plausible device ID (${shown}) and was ignored`;
  it.each([
    ['a space', 'has space here', '"has space here"'],
    ['a line break is shown as ?', 'line\nbreak-0000', '"line?break-0000"'],
    ['a non-ASCII letter is shown as ?', 'café-0000', '"caf?-0000"'],
    ['markup is shown as text', '<b>id</b>', '"<b>id</b>"'],
    ['only the first 40 characters are shown', `x y${'z'.repeat(57)}`, `"x y${'z'.repeat(37)}"`],
    ['128 characters are still quoted (40 of them)', `<${'a'.repeat(127)}`, `"<${'a'.repeat(39)}"`],
    ['beyond 128 characters only the length is given', 'a'.repeat(129), '129 characters'],
    ['a very long value, likewise', 'a b'.repeat(1000), '3000 characters'],
  ])('%s', (_label, value, shown) => {
    expect(fromUrl({ amp_device_id: value }).warnings).toEqual([warning('amp_device_id', shown)]);
  });
  it('names ampDeviceId when that is the bad one, after a bad amp_device_id', () => {
    expect(fromUrl({ amp_device_id: 'x y', ampDeviceId: 'a b' })).toEqual({
      deviceId: NEW,
      source: 'new',
      warnings: [warning('amp_device_id', '"x y"'), warning('ampDeviceId', '"a b"')],
    });
  });
});
