/**
 * The one place that talks to @amplitude/analytics-browser. It makes the SDK deterministic (no remote
 * config, no autocapture: the shim decides every event) and stamps every event with the identity and
 * time of the Segment call, because the SDK would otherwise stamp them later (pitfall P4).
 */
import { AmplitudeBrowser } from '@amplitude/analytics-browser';
import type { AmplitudeEvent } from './types';
import { LIBRARY, SHIM_NAME } from './version';
import { sdkInitOptions, type AdapterInit } from './sdk-options';

export type { AdapterInit } from './sdk-options';

/** The SDK's client class, used directly (not through createInstance) so its destination plugin is reachable. */
export type AmplitudeClient = AmplitudeBrowser;

/** The built-in destination's flush; with useRetry=true a failed send is retried and stays persisted. */
interface DestinationPlugin {
  flush(useRetry?: boolean): Promise<void>;
}

export interface DeliveryResult {
  code: number;
  message: string;
}

export interface EventStamp {
  userId: string | null | undefined;
  deviceId: string;
  time: number;
  insertId: string;
  /** Called once the SDK has queued the event in its destination, which persists it until acknowledged. */
  onQueued?: () => void;
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
  readonly client: AmplitudeClient = new AmplitudeBrowser();
  private initialized = false;
  private exiting = false;
  /** batchEvents: events handed over since the last threshold flush. */
  private unsent = 0;
  private batchThreshold = 0;
  /** insert_id -> callback, for events handed to the SDK whose destination has not queued them yet. */
  private readonly awaitingQueue = new Map<string, () => void>();

  async init(options: AdapterInit): Promise<void> {
    const config = sdkInitOptions(options);
    await this.client.init(options.apiKey, undefined, config).promise;
    this.batchThreshold = options.settings.batchEvents ? options.settings.eventUploadThreshold : 0;
    await this.client.add({
      name: `${SHIM_NAME}-library`,
      type: 'enrichment',
      // Enrichment runs just before the destination queues (and persists) the event, in the same task.
      execute: async (event) => {
        this.countForBatch();
        const queued = event.insert_id ? this.awaitingQueue.get(event.insert_id) : undefined;
        if (queued) {
          this.awaitingQueue.delete(event.insert_id as string);
          queued();
        }
        return { ...event, library: LIBRARY };
      },
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
    if (stamp.onQueued) this.awaitingQueue.set(stamp.insertId, stamp.onQueued);
    const { promise } = this.client.track({ ...event, ...options }, undefined, options);
    // An explicit `time` stops the SDK's Context plugin from extending the session, so extend it here;
    // the SDK's new-session check has already run synchronously inside track().
    this.client.extendSession();
    return promise.then((r) => {
      // Settled without reaching the destination (opted out, dropped): it is no longer pending either way.
      const queued = this.awaitingQueue.get(stamp.insertId);
      if (queued) {
        this.awaitingQueue.delete(stamp.insertId);
        queued();
      }
      return { code: r.code, message: r.message };
    });
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
   * amplitude-js uploaded as soon as eventUploadThreshold events were unsent; the v2 SDK only has a timer
   * (its flushQueueSize is a batch size). Runs in the enrichment step, just before the destination
   * queues the event, so the flush is scheduled after it.
   */
  private countForBatch(): void {
    if (!this.batchThreshold) return;
    this.unsent += 1;
    if (this.unsent < this.batchThreshold) return;
    this.unsent = 0;
    setTimeout(() => this.flushWithRetry(), 0);
  }

  /**
   * The SDK's public flush() makes one attempt and then forgets the events, even on failure (P8).
   * Its destination's flush(true) retries and keeps them persisted until acknowledged.
   */
  private flushWithRetry(): void {
    const destination = this.client.plugin('amplitude') as unknown as DestinationPlugin | undefined;
    if (destination && typeof destination.flush === 'function') void destination.flush(true);
    else void this.client.flush().promise;
  }

  /**
   * On page exit: hand what is queued to sendBeacon, which survives the unload. The SDK reads the
   * transport asynchronously inside flush, so the beacon stays until the page is shown again. A beacon
   * the browser refuses counts as a failure, so the events stay persisted for the next page.
   */
  flushForExit(): void {
    if (!this.initialized) return;
    if (!this.exiting) this.client.setTransport('beacon');
    this.exiting = true;
    // Events handed over but not yet queued sit in the SDK's timeline; only its public flush() applies them
    // at once (then sends without retries; the shim's exit journal still holds those calls).
    if (this.awaitingQueue.size > 0) void this.client.flush().promise;
    else this.flushWithRetry();
  }

  /** The page is visible again (tab switch back, or restored from the back/forward cache). */
  resumeAfterExit(): void {
    if (!this.initialized || !this.exiting) return;
    this.exiting = false;
    this.client.setTransport('fetch');
  }
}
