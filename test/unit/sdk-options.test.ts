// How the SDK is initialized: deterministic, batching mapped from Segment's settings, raw options passed.
import { describe, expect, it } from 'vitest';
import { outboxConfig, sdkInitOptions } from '../../src/amplitude/sdk-options';
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
      ingestionMetadata: { sourceName: 'segment-amplitude-shim' },
    });
  });
  it.each([
    [{}, { flushIntervalMillis: 10, flushQueueSize: 30 }],
    [{ batchEvents: true }, { flushIntervalMillis: 30000, flushQueueSize: 30 }],
    [
      { batchEvents: true, eventUploadThreshold: 5, eventUploadPeriodMillis: 2000 },
      { flushIntervalMillis: 2000, flushQueueSize: 5 },
    ],
    [
      { batchEvents: false, eventUploadThreshold: 5, eventUploadPeriodMillis: 2000 },
      { flushIntervalMillis: 10, flushQueueSize: 30 },
    ],
  ])('batching %j', (settings, expected) => {
    const config = outboxConfig('key', settingsWith(settings), {});
    expect({ flushIntervalMillis: config.flushIntervalMs, flushQueueSize: config.batchSize }).toEqual(expected);
    expect(config.uploadThreshold).toBe((settings as { batchEvents?: boolean }).batchEvents ? expected.flushQueueSize : 0);
    expect(config.sendNewEventsAtOnce).toBe(!(settings as { batchEvents?: boolean }).batchEvents);
  });
  it("batchEvents off sends new events at once, unless the page set the SDK's flushIntervalMillis", () => {
    expect(outboxConfig('key', settingsWith({}), { flushIntervalMillis: 500 })).toMatchObject({ sendNewEventsAtOnce: false, flushIntervalMs: 500 });
    expect(outboxConfig('key', settingsWith({}), { flushIntervalMillis: 'soon' })).toMatchObject({ sendNewEventsAtOnce: true, flushIntervalMs: 10 });
  });
  it.each([
    [{}, 'https://api2.amplitude.com/2/httpapi'],
    [{ serverZone: 'EU' }, 'https://api.eu.amplitude.com/2/httpapi'],
    [{ useBatch: true }, 'https://api2.amplitude.com/batch'],
    [{ serverZone: 'EU', useBatch: true }, 'https://api.eu.amplitude.com/batch'],
    [{ serverZone: 'EU', serverUrl: 'http://127.0.0.1:1/2/httpapi' }, 'http://127.0.0.1:1/2/httpapi'],
  ])('sends where the SDK would: %j', (sdkOptions, url) => {
    expect(outboxConfig('key', settingsWith({}), sdkOptions).serverUrl).toBe(url);
  });
  it('takes the SDK sending options a page passes, and accepts short IDs by default', () => {
    expect(outboxConfig('key', settingsWith({}), {})).toMatchObject({ minIdLength: 1 });
    const config = outboxConfig('key', settingsWith({}), { flushIntervalMillis: 50, flushQueueSize: 7, flushMaxRetries: 2, minIdLength: 5 });
    expect(config).toMatchObject({ flushIntervalMs: 50, batchSize: 7, minIdLength: 5 });
    // A retry limit would drop events the endpoint could take later: the outbox gives up only for lasting reasons.
    expect(Object.values(config)).not.toContain(2);
  });
  it('passes raw SDK options through, except the ones the shim owns', () => {
    const { config, warnings } = options(
      {},
      { serverZone: 'EU', flushIntervalMillis: 50, logLevel: 0, deviceId: 'hijack', autocapture: true, fetchRemoteConfig: true },
    );
    expect(config).toMatchObject({
      serverZone: 'EU',
      flushIntervalMillis: 50,
      logLevel: 0,
      deviceId: 'device-1',
      autocapture: false,
      fetchRemoteConfig: false,
    });
    expect(warnings).toHaveLength(3);
  });
  it("writes Amplitude's cookie SameSite=Lax, and Secure on https; a page's cookieOptions merge over that", () => {
    expect(options({}, {}, false).config.cookieOptions).toEqual({ sameSite: 'Lax', secure: false });
    expect(options({}, {}, true).config.cookieOptions).toEqual({ sameSite: 'Lax', secure: true });
    expect(options({}, { cookieOptions: { domain: 'example.com' } }, true).config.cookieOptions).toEqual({
      sameSite: 'Lax',
      secure: true,
      domain: 'example.com',
    });
  });
});
