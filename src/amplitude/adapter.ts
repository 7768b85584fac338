/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what servers and the next page
 * read: the device, user and session in its `AMP_` cookie (with its legacy-cookie migration and cookie
 * domain rules). The shim decides the rest before the SDK has started: no remote config and no
 * autocapture, the session (src/runtime/session.ts, the SDK's rules), and delivery: the SDK's destination is
 * replaced by the shim's outbox, so an event is complete and on its way the moment it is handed over.
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { Dict } from '../core/types.js';
import type { DeliveryOutcome, WireEvent } from '../wire/wire-types.js';
import type { SessionState } from '../runtime/session.js';
import { LIBRARY, VERSION } from '../core/version.js';
import { sdkInitOptions, type AdapterInit } from './sdk-options.js';

export type { AdapterInit } from './sdk-options.js';

/** Where the SDK's own events (if any ever arise) and the shim's go: the outbox. */
export interface EventSink {
  add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void;
  flush(): void;
}

/** What the shim needs from Amplitude; the SDK-backed adapter below is the only production one. */
export interface AmplitudeDriver {
  readonly client: unknown;
  /** Starts the SDK in the session the shim decided; events never wait for it. */
  init(options: AdapterInit, sink: EventSink): Promise<void>;
  /** Tells the SDK the session state, so its cookie carries it (one write per hand-over). */
  persistSession(state: SessionState): void;
  setUserId(userId: string | null): void;
  setDeviceId(deviceId: string): void;
  /** reset(): a new device and no user (the shim starts the new session). */
  reset(deviceId: string): void;
  getSessionId(): number | undefined;
}

interface SdkConfig {
  lastEventTime?: number;
  lastEventId?: number;
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

  private started = false;

  async init(options: AdapterInit, sink: EventSink): Promise<void> {
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
        return new Promise((resolve) =>
          sink.add({ ...event, library: LIBRARY } as unknown as WireEvent, (r) => resolve({ event, code: r.code, message: r.message })),
        );
      },
      flush: () => {
        sink.flush();
        return Promise.resolve();
      },
    } as never).promise;
    this.started = true;
  }

  private config(): SdkConfig | undefined {
    return this.started ? (this.client as unknown as { config?: SdkConfig }).config : undefined;
  }

  persistSession(state: SessionState): void {
    const config = this.config();
    if (!config) return;
    // setSessionId clears lastEventTime, so it goes first.
    if (this.client.getSessionId() !== state.sessionId) this.client.setSessionId(state.sessionId);
    if (config.lastEventTime !== state.lastEventTime) config.lastEventTime = state.lastEventTime;
    if (config.lastEventId !== state.lastEventId) config.lastEventId = state.lastEventId;
  }

  setUserId(userId: string | null): void {
    if ((this.client.getUserId() ?? null) !== userId) this.client.setUserId(userId ?? undefined);
  }

  setDeviceId(deviceId: string): void {
    if (this.client.getDeviceId() !== deviceId) this.client.setDeviceId(deviceId);
  }

  reset(deviceId: string): void {
    this.client.setUserId(undefined);
    this.client.setDeviceId(deviceId);
  }

  getSessionId(): number | undefined {
    return this.client.getSessionId();
  }
}
