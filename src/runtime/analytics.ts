/**
 * The runtime behind `window.analytics`, as a thin facade. A call resolves its arguments, builds its
 * Segment event and joins the call queue (calls.ts); the queue runs the stages (stages.ts) and hands
 * calls over in order (delivery.ts): translation by the destination mode, the envelope, the outbox. Load
 * asks the gate (load-gate.ts), then start-up (startup.ts) builds the pipeline (pipeline.ts).
 */
import type { Dict } from '../core/types.js';
import type { DeviceIdSource } from '../core/device-id.js';
import { normalizeSettings, type AmplitudeSettings } from '../modes/classic/settings.js';
import { AmplitudeAdapter } from '../amplitude/adapter.js';
import { browserPort } from '../browser/port.js';
import { systemClock } from '../browser/system-clock.js';
import { browserTransport } from '../browser/transport.js';
import { localStore } from '../browser/storage.js';
import { randomUUID } from '../browser/random-id.js';
import { GroupStore, UserStore } from './identity.js';
import type { Context } from './context.js';
import { Emitter } from './emitter.js';
import { Logger } from './log.js';
import { trackForm, trackLink } from './auto-track.js';
import type { CallQueue } from './call-queue.js';
import type { CallItem, Delivery, Prepared } from './delivery.js';
import { createCallFlow } from './call-flow.js';
import { describe } from './page-code.js';
import type { LoadState, StartupDeps } from './startup.js';
import { loadOnce } from './loader.js';
import { PageLifecycle } from './page-lifecycle.js';
import { Calls, type CallDeps } from './calls.js';
import { Stages } from './stages.js';
import { DeviceIdentity } from './device-identity.js';
import { ReadySignal } from './ready.js';
import { DeferredWork } from './deferred-work.js';
import { SdkLink } from './sdk-link.js';
import type { RuntimeEnvironment } from './environment.js';

const DEFAULT_SETTINGS = normalizeSettings(undefined).settings;

export class AnalyticsCore implements StartupDeps, CallDeps {
  readonly logger = new Logger();
  readonly emitter: Emitter;
  readonly userStore: UserStore;
  readonly groupStore: GroupStore;
  readonly stages: Stages;
  readonly deferred: DeferredWork;
  readonly sdk: SdkLink;
  readonly lifecycle: PageLifecycle;
  readonly env: RuntimeEnvironment;
  readonly state: LoadState = { writeKey: '', options: {}, plan: null, outcome: null, pipeline: null };
  readonly device = new DeviceIdentity(() => this.settings.preferAnonymousIdForDeviceId);
  readonly readySignal = new ReadySignal((call, message) => this.logger.problem(call, message, false));
  readonly queue: CallQueue<CallItem, Prepared>;
  readonly delivery: Delivery;
  /** The calls' own rule (clean) also makes safe what a page hands to user()/group() setters. */
  readonly calls: Calls;
  /** Load has decided what this page does (analytics.initialized). */
  initialized = false;
  /** How long a call's callback waits for its hand-over (analytics.timeout()). */
  timeout = 300;
  /** Told once load has decided what this page does: install.ts then adds its page listeners. */
  onStarted: (what: { sending: boolean; storing: boolean }) => void = () => undefined;

  constructor(self: () => unknown, env: Partial<RuntimeEnvironment> = {}) {
    this.env = {
      clock: systemClock,
      newId: randomUUID,
      transport: browserTransport,
      store: localStore,
      browser: browserPort,
      ...env,
      // Made only when none is given: it sets up the SDK's client.
      adapter: env.adapter ?? new AmplitudeAdapter(),
    };
    const { clock, newId, browser } = this.env;
    const warn = (call: string, message: string, dropped: boolean) => this.logger.problem(call, message, dropped);
    this.sdk = new SdkLink(this.env.adapter);
    this.deferred = new DeferredWork(clock, (error) => warn('analytics', `internal error: ${describe(error)}`, true));
    this.emitter = new Emitter(self, (event, error) =>
      warn(`analytics.on('${event}')`, `listener failed: ${describe(error)}`, false),
    );
    // Memory only until load has decided (consent): see UserStore.open.
    this.userStore = new UserStore({ persist: false, cookie: {} }, browser, newId, (anon) =>
      this.onAnonymousIdChanged(anon),
    );
    this.groupStore = new GroupStore({ persist: false, cookie: {} }, browser);
    this.stages = new Stages({
      clock,
      warn,
      logger: this.logger,
      analytics: self,
      destination: () => (this.sending && this.state.plan ? this.state.plan.mode.name : null),
      beforePlugins: (event) => {
        const pipeline = this.state.pipeline;
        return pipeline ? pipeline.beforePlugins(event, clock.now()) : event;
      },
    });
    ({ queue: this.queue, delivery: this.delivery } = createCallFlow({
      clock,
      stages: this.stages,
      pipeline: () => this.state.pipeline,
      deviceId: () => this.device.id ?? newId(),
      userId: () => this.userStore.id(),
      newId,
      afterHandOver: () => this.sdk.syncIdentity(this.device.id, this.userStore.id()),
      aliasUrl: () => this.state.options.aliasUrl,
      post: browser.postJson,
      logger: this.logger,
    }));
    this.calls = new Calls(this);
    this.lifecycle = new PageLifecycle(
      () => this.state.pipeline,
      this.queue,
      [this.userStore, this.groupStore],
      this.stages.plugins,
    );
  }

  get settings(): AmplitudeSettings {
    return this.state.plan ? this.state.plan.settings : DEFAULT_SETTINGS;
  }
  get deviceIdSource(): DeviceIdSource | null {
    return this.device.source;
  }
  private get sending(): boolean {
    return this.state.outcome?.amplitude === 'on';
  }

  /** Initializes once: the gate answers before any storage is touched; then start-up carries load out. */
  load(writeKey: unknown, options: unknown, replay: () => void = () => undefined): void {
    loadOnce(this, writeKey, options, replay);
  }

  ready(callback?: unknown): Promise<unknown[]> {
    return this.readySignal.ready(callback);
  }

  /** A call's event joins the queue, its callback clock started. */
  enqueue(item: CallItem): void {
    this.delivery.watch(item, this.timeout);
    this.queue.push({ kind: 'call', item });
  }

  /** Start-up has decided what this page does: `initialized`, the `initialize` event, install.ts's listeners. */
  announce(sending: boolean, storing: boolean): void {
    this.initialized = true;
    this.emitter.emit('initialize', { writeKey: this.state.writeKey }, this.state.options);
    this.onStarted({ sending, storing });
  }

  // ----------------------------------------------------------------------------------------- identity
  // The device follows identity only once load has gone ahead (it keeps the key in state.writeKey).

  private onAnonymousIdChanged(anonymousId: string | null): void {
    if (!this.state.writeKey || !this.device.follow(anonymousId)) return;
    const deviceId = anonymousId as string;
    this.queue.push({ kind: 'task', run: () => this.sending && this.env.adapter.setDeviceId(deviceId) });
  }

  reset(): void {
    this.userStore.reset();
    this.groupStore.reset();
    const anonymousId = this.userStore.anonymousId() as string;
    if (this.state.writeKey) {
      const deviceId = this.device.renew(anonymousId, this.env.newId);
      // In call order: events made before reset() have already been stamped with the old identity.
      this.queue.push({ kind: 'task', run: () => this.sdk.reset(this.state.pipeline, deviceId, this.env.clock.now()) });
    }
    this.emitter.emit('reset');
  }

  // ------------------------------------------------------------------------------------- event calls

  track(...rawArgs: unknown[]): Promise<Context> {
    return this.calls.track(rawArgs);
  }

  page(...rawArgs: unknown[]): Promise<Context> {
    return this.calls.page('page', rawArgs);
  }

  screen(...rawArgs: unknown[]): Promise<Context> {
    return this.calls.page('screen', rawArgs);
  }

  identify(...rawArgs: unknown[]): Promise<Context> {
    return this.calls.identify(rawArgs);
  }

  group(...rawArgs: unknown[]): Promise<Context> | GroupStore {
    return this.calls.group(rawArgs);
  }

  alias(...rawArgs: unknown[]): Promise<Context> {
    return this.calls.alias(rawArgs);
  }

  /** trackLink/trackClick and trackForm/trackSubmit (auto-track.ts), on this runtime's track and timeout. */
  autoTrack(kind: 'link' | 'form', call: string, args: unknown[]): void {
    const deps = {
      track: (event: unknown, properties: unknown, options: Dict) => this.track(event, properties, options),
      timeout: () => this.timeout,
      clock: this.env.clock,
      navigate: this.env.browser.navigate,
      warn: (name: string, message: string) => this.logger.problem(name, message, true),
    };
    (kind === 'link' ? trackLink : trackForm)(deps, call, args[0], args[1], args[2], args[3]);
  }
}
