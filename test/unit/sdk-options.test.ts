// How the SDK is initialized: deterministic, batching mapped from Segment's settings, raw options passed.
import { describe, expect, it } from 'vitest';
import { sdkInitOptions } from '../../src/sdk-options';
import { settingsWith } from './helpers';

function options(settings = {}, sdkOptions: Record<string, unknown> = {}, https = false) {
  const warnings: string[] = [];
  const config = sdkInitOptions({ deviceId: 'device-1', userId: null, settings: settingsWith(settings), sdkOptions, https, warn: (m) => warnings.push(m) });
  return { config, warnings };
}

describe('sdkInitOptions', () => {
  it('is deterministic: no remote config, no autocapture, explicit IDs, short IDs accepted', () => {
    expect(options().config).toMatchObject({
      deviceId: 'device-1',
      userId: undefined,
      autocapture: false,
      fetchRemoteConfig: false,
      remoteConfig: { fetchRemoteConfig: false },
      minIdLength: 1,
      ingestionMetadata: { sourceName: 'segment-amplitude-shim' },
    });
  });
  it.each([
    [{}, { flushIntervalMillis: 10, flushQueueSize: 30 }],
    [{ batchEvents: true }, { flushIntervalMillis: 30000, flushQueueSize: 30 }],
    [{ batchEvents: true, eventUploadThreshold: 5, eventUploadPeriodMillis: 2000 }, { flushIntervalMillis: 2000, flushQueueSize: 5 }],
    [{ batchEvents: false, eventUploadThreshold: 5, eventUploadPeriodMillis: 2000 }, { flushIntervalMillis: 10, flushQueueSize: 30 }],
  ])('batching %j', (settings, expected) => {
    expect(options(settings).config).toMatchObject(expected);
  });
  it('passes raw SDK options through, except the ones the shim owns', () => {
    const { config, warnings } = options({}, { serverZone: 'EU', flushIntervalMillis: 50, logLevel: 0, deviceId: 'hijack', autocapture: true, fetchRemoteConfig: true });
    expect(config).toMatchObject({ serverZone: 'EU', flushIntervalMillis: 50, logLevel: 0, deviceId: 'device-1', autocapture: false, fetchRemoteConfig: false });
    expect(warnings).toHaveLength(3);
  });
  it("writes Amplitude's cookie SameSite=Lax, and Secure on https; a page's cookieOptions merge over that", () => {
    expect(options({}, {}, false).config.cookieOptions).toEqual({ sameSite: 'Lax', secure: false });
    expect(options({}, {}, true).config.cookieOptions).toEqual({ sameSite: 'Lax', secure: true });
    expect(options({}, { cookieOptions: { domain: 'example.com' } }, true).config.cookieOptions).toEqual({ sameSite: 'Lax', secure: true, domain: 'example.com' });
  });
});
