/**
 * The runtime's side of the SDK: starts it in the identity and session the shim decided, and keeps its
 * cookie (read by servers and the next page) equal to the shim's identity once it has started. Events
 * never wait for it.
 */
import type { AdapterInit } from '../amplitude/sdk-options.js';
import type { AmplitudeDriver, EventSink } from '../amplitude/adapter.js';
import type { SessionState } from './session.js';
import { describe } from './page-code.js';
import type { Pipeline } from './pipeline.js';

export class SdkLink {
  private started = false;

  constructor(readonly driver: AmplitudeDriver) {}

  /** `then` runs once the SDK has started, or has failed to (the page still sends; ready still fires). */
  start(
    init: AdapterInit,
    sink: EventSink,
    session: () => SessionState,
    identity: () => void,
    then: (error?: string) => void,
  ): void {
    this.driver.init(init, sink).then(
      () => {
        this.started = true;
        this.driver.persistSession(session());
        identity();
        then();
      },
      (error: unknown) => then(describe(error)),
    );
  }

  persistSession(state: SessionState): void {
    if (this.started) this.driver.persistSession(state);
  }

  /** reset(): the SDK gets the new device and no user; the session restarts if the mode says so. */
  reset(pipeline: Pipeline | null, deviceId: string, now: number): void {
    // A page that sends nothing never starts the SDK, so there is nothing to tell it.
    if (!pipeline) return;
    pipeline.amplitudeUserId = null;
    this.driver.reset(deviceId);
    if (pipeline.mode.session.restartsOnReset) pipeline.session.restart(now);
  }

  syncIdentity(deviceId: string | null, userId: string | null): void {
    if (!this.started || !deviceId) return;
    this.driver.setDeviceId(deviceId);
    this.driver.setUserId(userId);
  }
}
