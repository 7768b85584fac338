/**
 * The one place that talks to @amplitude/analytics-browser. The SDK keeps what servers and the next page
 * read: the device, user and session in its `AMP_` cookie (with its legacy-cookie migration and cookie
 * domain rules). The shim decides the rest before the SDK has started: no remote config and no
 * autocapture, the session (src/runtime/session.ts, the SDK's rules), and delivery: the SDK's destination is
 * replaced by the shim's outbox, so an event is complete and on its way the moment it is handed over.
 * Events the SDK produces itself are taken at its entrance (`process`) and sent the same way, and the
 * plugins a page adds to the client are followed (page-plugins.ts) so the runtime runs them on every event.
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { Dict } from '../core/types.js';
import type { DeliveryOutcome } from '../wire/wire-types.js';
import type { SessionState } from '../runtime/session.js';
import { sdkInitOptions, type AdapterInit } from './sdk-options.js';
import { PagePlugins } from './page-plugins.js';

export type { AdapterInit } from './sdk-options.js';

/**
 * Where the events the SDK produces itself go (Experiment's exposures through the connector's event
 * bridge, events of plugins added to it): the runtime stamps them like its own and sends them.
 */
export interface EventSink {
  sdkEvent(event: Dict): Promise<DeliveryOutcome>;
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
  /** Plugins the page added with `client.add()`: the runtime runs them on every event it sends. */
  readonly pagePlugins: PagePlugins;
}

interface SdkConfig {
  lastEventTime?: number;
  lastEventId?: number;
}

/** The SDK reads and writes its unsent queue here; the outbox keeps its own, so this holds nothing. */
const nothing = () => Promise.resolve(undefined);
const NO_EVENT_STORAGE = {
  isEnabled: () => Promise.resolve(true),
  get: nothing,
  getRaw: nothing,
  set: nothing,
  remove: nothing,
  reset: nothing,
};

export class AmplitudeAdapter implements AmplitudeDriver {
  readonly client: AmplitudeBrowser = new AmplitudeBrowser();
  readonly pagePlugins = new PagePlugins();

  private started = false;

  constructor() {
    // The page's add() and remove() are followed from the start, before the SDK has been initialized.
    const client = this.client as unknown as { add(plugin: unknown): unknown; remove(name: unknown): unknown };
    const add = client.add.bind(client);
    const remove = client.remove.bind(client);
    client.add = (plugin: unknown) => {
      this.pagePlugins.added(plugin);
      return add(plugin);
    };
    client.remove = (name: unknown) => {
      this.pagePlugins.removed(name);
      return remove(name);
    };
  }

  async init(options: AdapterInit, sink: EventSink): Promise<void> {
    const config = sdkInitOptions(options);
    config.storageProvider = NO_EVENT_STORAGE;
    // Every event the SDK produces is taken at its entrance and sent by the shim like its own: the
    // shim's identity, session and envelope, then the page's plugins, the outbox and the exit journal.
    // (The SDK's own session and context rules would otherwise stamp it, or, in the lean build, not.)
    const send = (event: Dict) =>
      sink.sdkEvent(event).then((outcome) => ({ event, code: outcome.code, message: outcome.message }));
    (this.client as unknown as { process(event: Dict): Promise<unknown> }).process = send;
    await this.client.init(options.apiKey, undefined, config).promise;
    await this.client.remove('amplitude').promise;
    await this.client.add({
      name: 'amplitude',
      type: 'destination',
      setup: () => Promise.resolve(undefined),
      // Nothing reaches the timeline (process is the shim's), but should anything, it is sent the same way.
      execute: send,
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
