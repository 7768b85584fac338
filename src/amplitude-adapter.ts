/**
 * The one place that talks to @amplitude/analytics-browser. It makes the SDK deterministic (no remote
 * config, no autocapture: the shim decides every event) and stamps every event with the identity and
 * time of the Segment call, because the SDK would otherwise stamp them later (pitfall P4).
 */
import { createInstance } from '@amplitude/analytics-browser';
import type { AmplitudeEvent, Dict } from './types';
import type { AmplitudeSettings } from './settings';
import { LIBRARY, SHIM_NAME, VERSION } from './version';

export type AmplitudeClient = ReturnType<typeof createInstance>;

export interface DeliveryResult {
  code: number;
  message: string;
}

export interface EventStamp {
  userId: string | null | undefined;
  deviceId: string;
  time: number;
  insertId: string;
}

/** SDK options the shim owns; a page may not override them through the raw options key. */
const OWNED_OPTIONS = ['deviceId', 'userId', 'autocapture', 'defaultTracking', 'fetchRemoteConfig', 'remoteConfig', 'instanceName'];

export interface AdapterInit {
  apiKey: string;
  deviceId: string;
  userId: string | null;
  settings: AmplitudeSettings;
  /** Raw SDK options from the load options' `amplitude` key. */
  sdkOptions: Dict;
  warn: (message: string) => void;
}

/** What the shim needs from Amplitude; the SDK-backed adapter below is the only production one. */
export interface AmplitudeDriver {
  readonly client: unknown;
  init(options: AdapterInit): Promise<void>;
  send(event: AmplitudeEvent, stamp: EventStamp): Promise<DeliveryResult>;
  setUserId(userId: string | null): void;
  setDeviceId(deviceId: string): void;
  reset(deviceId: string): void;
  getSessionId(): number | undefined;
  flushForExit(): void;
  resumeAfterExit(): void;
}

export class AmplitudeAdapter implements AmplitudeDriver {
  readonly client: AmplitudeClient = createInstance();
  private initialized = false;
  private exiting = false;

  async init(options: AdapterInit): Promise<void> {
    const config: Dict = {
      // Short ids such as "42" are common in Segment installs; Amplitude's API rejects them without this.
      minIdLength: 1,
      identityStorage: 'cookie',
      flushQueueSize: options.settings.batchEvents ? options.settings.eventUploadThreshold : 30,
      // batchEvents off: each call's events leave at once (one request per call), as amplitude-js did.
      flushIntervalMillis: options.settings.batchEvents ? options.settings.eventUploadPeriodMillis : 10,
      ingestionMetadata: { sourceName: SHIM_NAME, sourceVersion: VERSION },
    };
    for (const key of Object.keys(options.sdkOptions)) {
      if (OWNED_OPTIONS.includes(key)) options.warn(`the Amplitude SDK option "${key}" is managed by the shim and was ignored`);
      else config[key] = options.sdkOptions[key];
    }
    Object.assign(config, {
      deviceId: options.deviceId,
      userId: options.userId ?? undefined,
      autocapture: false,
      fetchRemoteConfig: false,
      remoteConfig: { fetchRemoteConfig: false },
    });
    await this.client.init(options.apiKey, undefined, config).promise;
    await this.client.add({
      name: `${SHIM_NAME}-library`,
      type: 'enrichment',
      execute: async (event) => ({ ...event, library: LIBRARY }),
    }).promise;
    this.initialized = true;
  }

  get ready(): boolean {
    return this.initialized;
  }

  send(event: AmplitudeEvent, stamp: EventStamp): Promise<DeliveryResult> {
    const options = {
      user_id: stamp.userId ?? undefined,
      device_id: stamp.deviceId,
      time: stamp.time,
      insert_id: stamp.insertId,
    };
    const { promise } = this.client.track({ ...event, ...options }, undefined, options);
    // An explicit `time` stops the SDK's Context plugin from extending the session, so extend it here;
    // the SDK's new-session check has already run synchronously inside track().
    this.client.extendSession();
    return promise.then((r) => ({ code: r.code, message: r.message }));
  }

  setUserId(userId: string | null): void {
    if ((this.client.getUserId() ?? null) !== userId) this.client.setUserId(userId ?? undefined);
  }

  setDeviceId(deviceId: string): void {
    if (this.client.getDeviceId() !== deviceId) this.client.setDeviceId(deviceId);
  }

  /** reset(): a new device, no user, and a new session (the SDK's own reset keeps the session). */
  reset(deviceId: string): void {
    this.client.setUserId(undefined);
    this.client.setDeviceId(deviceId);
    this.client.setSessionId(Date.now());
  }

  getDeviceId(): string | undefined {
    return this.client.getDeviceId();
  }

  getSessionId(): number | undefined {
    return this.client.getSessionId();
  }

  /**
   * On page exit: hand what is queued to sendBeacon, which survives the unload. The SDK reads the
   * transport asynchronously inside flush, so the beacon stays until the page is shown again.
   */
  flushForExit(): void {
    if (!this.initialized) return;
    if (!this.exiting) this.client.setTransport('beacon');
    this.exiting = true;
    this.client.flush();
  }

  /** The page is visible again (tab switch back, or restored from the back/forward cache). */
  resumeAfterExit(): void {
    if (!this.initialized || !this.exiting) return;
    this.exiting = false;
    this.client.setTransport('fetch');
  }

  flush(): Promise<void> {
    return this.initialized ? this.client.flush().promise : Promise.resolve();
  }
}
