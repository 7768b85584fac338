/**
 * The options the shim initializes @amplitude/analytics-browser with. Pure, so the mapping from
 * Segment's settings (and the page's raw SDK options) is tested without the SDK.
 */
import type { Dict } from '../core/types.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
import { SHIM_NAME, VERSION } from '../core/version.js';
import type { OutboxConfig } from '../wire/wire-types.js';

export interface AdapterInit {
  apiKey: string;
  deviceId: string;
  userId: string | null;
  /** The session the shim decided for this page (the SDK adopts it rather than deciding again). */
  sessionId?: number;
  settings: AmplitudeSettings;
  /** Raw SDK options from the load options' `amplitude` key. */
  sdkOptions: Dict;
  /** The page is served over https: Amplitude's identity cookie is then written Secure. */
  https: boolean;
  /** false: the SDK keeps identity in memory (no AMP_ cookie) and leaves legacy cookies alone. */
  clientPersistence?: boolean;
  warn: (message: string) => void;
}

/** SDK options the shim owns; a page may not override them through the raw options key. */
const OWNED_OPTIONS = [
  'deviceId',
  'userId',
  'sessionId',
  'autocapture',
  'defaultTracking',
  'fetchRemoteConfig',
  'remoteConfig',
  'instanceName',
];

export function sdkInitOptions(options: Omit<AdapterInit, 'apiKey'>): Dict {
  // Sending (batching, intervals, retries, min_id_length) is the outbox's: see outboxConfig.
  const config: Dict = {
    identityStorage: 'cookie',
    ingestionMetadata: { sourceName: SHIM_NAME, sourceVersion: VERSION },
    cookieOptions: { sameSite: 'Lax', secure: options.https },
  };
  for (const key of Object.keys(options.sdkOptions)) {
    const value = options.sdkOptions[key];
    if (OWNED_OPTIONS.includes(key))
      options.warn(`the Amplitude SDK option "${key}" is managed by the shim and was ignored`);
    else if (key === 'cookieOptions' && value && typeof value === 'object')
      config.cookieOptions = Object.assign({}, config.cookieOptions, value);
    else config[key] = value;
  }
  if (options.clientPersistence === false) {
    config.identityStorage = 'none';
    config.cookieOptions = Object.assign({}, config.cookieOptions, { upgrade: false });
  }
  // The shim decides every event and every ID: no remote config, no autocapture, no URL-derived IDs.
  return Object.assign(config, {
    deviceId: options.deviceId,
    userId: options.userId ?? undefined,
    sessionId: options.sessionId,
    autocapture: false,
    fetchRemoteConfig: false,
    remoteConfig: { fetchRemoteConfig: false },
  });
}

/**
 * How the outbox sends, from the destination settings and the page's raw SDK options, with the
 * SDK's own defaults and rules (serverUrl wins over serverZone; useBatch picks the batch endpoint).
 */
export function outboxConfig(apiKey: string, settings: AmplitudeSettings, sdkOptions: Dict): OutboxConfig {
  const batching = settings.batchEvents;
  const host = sdkOptions.serverZone === 'EU' ? 'https://api.eu.amplitude.com' : 'https://api2.amplitude.com';
  const serverUrl =
    typeof sdkOptions.serverUrl === 'string' && sdkOptions.serverUrl
      ? sdkOptions.serverUrl
      : host + (sdkOptions.useBatch === true ? '/batch' : '/2/httpapi');
  const positive = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    apiKey,
    serverUrl,
    batchSize: positive(sdkOptions.flushQueueSize, batching ? settings.eventUploadThreshold : 30),
    flushIntervalMs: positive(sdkOptions.flushIntervalMillis, batching ? settings.eventUploadPeriodMillis : 10),
    // batchEvents off: each call's events leave at once, as amplitude-js did, unless the page set its
    // own interval (it asked for its events to wait).
    sendNewEventsAtOnce: !batching && positive(sdkOptions.flushIntervalMillis, 0) === 0,
    uploadThreshold: batching ? settings.eventUploadThreshold : 0,
    // Short ids such as "42" are common in Segment installs; Amplitude's API rejects them without this.
    minIdLength: positive(sdkOptions.minIdLength, 1),
    // flushMaxRetries is not honoured: an event is given up only for a reason that will not change (outbox.ts).
    throttleMs: 30000,
  };
}
