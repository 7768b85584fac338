/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what it is good at and what
 * servers read: the device, user and session in its `AMP_` cookie, session start and expiry. The shim
 * takes the rest: no remote config and no autocapture (the shim decides every event), and the SDK's
 * destination is replaced by the shim's outbox, so an event is complete and on its way the moment it
 * is handed over, not after a timeline tick per event.
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { Dict } from './types';
import type { DeliveryOutcome, WireEvent } from './outbox';
import type { EnvelopeFacts } from './envelope';
import { LIBRARY, SHIM_NAME, VERSION } from './version';
import { sdkInitOptions, type AdapterInit } from './sdk-options';

export type { AdapterInit } from './sdk-options';

/** Where the SDK's own events (if any ever arise) and the shim's go: the outbox. */
export interface EventSink {
  add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void;
  flush(): void;
}

/** The session in force for a hand-over, and the event ids it hands out. */
export interface SessionTicket {
  sessionId: number | undefined;
  nextEventId(): number;
  /** Persists the last event id once, rather than once per event. */
  close(): void;
}

/** What the shim needs from Amplitude; the SDK-backed adapter below is the only production one. */
export interface AmplitudeDriver {
  readonly client: unknown;
  init(options: AdapterInit, sink: EventSink): Promise<EnvelopeFacts>;
  openSession(now: number): SessionTicket;
  setUserId(userId: string | null): void;
  setDeviceId(deviceId: string): void;
  /** reset(): a new device, no user, and a new session. */
  reset(deviceId: string, now: number): void;
  getSessionId(): number | undefined;
}

interface SdkConfig {
  sessionTimeout?: number;
  lastEventTime?: number;
  lastEventId?: number;
  appVersion?: string;
  trackingOptions?: { platform?: boolean; language?: boolean; ipAddress?: boolean };
}

/** The SDK reads and writes its unsent queue here; the outbox keeps its own, so this holds nothing. */
const NO_EVENT_STORAGE = {
  isEnabled: () => Promise.resolve(true),
  get: () => Promise.resolve(undefined),
  getRaw: () => Promise.resolve(undefined),
  set: () => Promise.resolve(undefined),
  remove: () => Promise.resolve(undefined),
  reset: () => Promise.resolve(undefined),
};

export class AmplitudeAdapter implements AmplitudeDriver {
  readonly client: AmplitudeBrowser = new AmplitudeBrowser();

  async init(options: AdapterInit, sink: EventSink): Promise<EnvelopeFacts> {
    const config = sdkInitOptions(options);
    config.storageProvider = NO_EVENT_STORAGE;
    await this.client.init(options.apiKey, undefined, config).promise;
    await this.client.remove('amplitude').promise;
    await this.client.add({
      name: 'amplitude',
      type: 'destination',
      setup: () => Promise.resolve(undefined),
      execute: (event: Dict) => {
        if (typeof event.insert_id !== 'string') event.insert_id = `sdk-${VERSION}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        return new Promise((resolve) => sink.add({ ...event, library: LIBRARY } as unknown as WireEvent, (r) => resolve({ event, code: r.code, message: r.message })));
      },
      flush: () => {
        sink.flush();
        return Promise.resolve();
      },
    } as never).promise;
    const sdkConfig = this.config();
    const tracking = sdkConfig?.trackingOptions ?? {};
    const nav = typeof navigator !== 'undefined' ? navigator : undefined;
    return {
      library: LIBRARY,
      userAgent: nav?.userAgent,
      language: tracking.language === false ? undefined : nav?.language,
      appVersion: sdkConfig?.appVersion,
      platform: tracking.platform !== false,
      ipAddress: tracking.ipAddress !== false,
      sourceName: SHIM_NAME,
      sourceVersion: VERSION,
    };
  }

  private config(): SdkConfig | undefined {
    return (this.client as unknown as { config?: SdkConfig }).config;
  }

  openSession(now: number): SessionTicket {
    const config = this.config();
    if (!config) return { sessionId: undefined, nextEventId: () => 0, close: () => undefined };
    const last = config.lastEventTime;
    // The SDK's rule: a new session once the previous event is older than the timeout.
    if (typeof last === 'number' && now - last > (config.sessionTimeout ?? 30 * 60 * 1000)) this.client.setSessionId(now);
    this.client.extendSession();
    const first = config.lastEventId ?? -1;
    let eventId = first;
    return {
      sessionId: this.client.getSessionId(),
      nextEventId: () => ++eventId,
      close: () => {
        if (eventId !== first) config.lastEventId = eventId;
      },
    };
  }

  setUserId(userId: string | null): void {
    if ((this.client.getUserId() ?? null) !== userId) this.client.setUserId(userId ?? undefined);
  }

  setDeviceId(deviceId: string): void {
    if (this.client.getDeviceId() !== deviceId) this.client.setDeviceId(deviceId);
  }

  reset(deviceId: string, now: number): void {
    this.client.setUserId(undefined);
    this.client.setDeviceId(deviceId);
    this.client.setSessionId(now);
  }

  getSessionId(): number | undefined {
    return this.client.getSessionId();
  }
}
