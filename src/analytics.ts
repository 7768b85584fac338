/**
 * The runtime behind `window.analytics`. A call resolves its arguments, builds its Segment event with
 * the identity, time and page of the moment, and joins the call queue; that is all it costs the caller.
 * The queue hands calls over in order once the SDK is ready (middleware, translation, outbox). Leaving
 * the page hands everything the browser can take to it, and journals the rest for the next page.
 */
import type { AmplitudeOperation, Dict, PageSnapshot, SegmentEvent } from './types.js';
import type { ShimLoadOptions } from './global.js';
import { resolveAliasArguments, resolveEntityArguments, resolvePageArguments, resolveTrackArguments, splitPageContext, type Callback } from './arguments.js';
import { buildEvent, isAmplitudeEnabled, type EventBody } from './events.js';
import { campaignFromSearch, pageContextFromSnapshot } from './page-context.js';
import { normalizeSettings, type AmplitudeSettings } from './settings.js';
import { translate } from './translate.js';
import { translateActions, withSessionId, type ActionsSettings } from './actions-translate.js';
import { chooseMode, CLASSIC_DESTINATION, type DestinationMode } from './destination-mode.js';
import { parseQuery } from './query-string.js';
import { type DeviceIdSource } from './device-id.js';
import { isNonEmptyString, isPlainObject, sanitizeProperties } from './values.js';
import {
  browserTransport,
  currentReferrer,
  getCookie,
  globalPrivacyControl,
  isHttps,
  localStore,
  locationHash,
  locationSearch,
  memoryStore,
  postJson,
  randomUUID,
  readPageSnapshot,
  readStoredAmplitudeDeviceIds,
  readStoredAmplitudeSession,
  readActionsSession,
  writeActionsSession,
} from './browser-env.js';
import { GroupStore, UserStore } from './identity.js';
import { AmplitudeAdapter, type AmplitudeDriver, type SessionTicket } from './amplitude-adapter.js';
import { Context } from './context.js';
import { Emitter } from './emitter.js';
import { Logger } from './log.js';
import { trackForm, trackLink } from './auto-track.js';
import { systemClock, type Clock } from './clock.js';
import { CallQueue, type CallQueueDeps, type Step } from './call-queue.js';
import { Delivery, type CallItem, type Prepared } from './delivery.js';
import { runChain, type ChainResult, type Middleware } from './middleware.js';
import { callPageFunction, describe, isThenable, safeThen } from './page-code.js';
import { Outbox, type Transport } from './outbox.js';
import { ExitJournal, type JournaledCall, type KeyValueStore } from './exit-journal.js';
import { Takeover } from './takeover.js';
import { planLoad, storageOptions, type LoadPlan } from './load-plan.js';
import { cdnSettingsFor, gateOutcome, gpcTurnsOff, isRoutedOff, keepsAmplitude, type AmplitudeState, type CdnSettings, type GateOutcome } from './consent.js';
import { outboxConfig } from './sdk-options.js';
import { envelopeFacts, type EnvelopeFacts } from './envelope.js';
import { SessionClock } from './session.js';
import { LIBRARY, SHIM_NAME, VERSION } from './version.js';

/** The load options as the page gave them (the public ShimLoadOptions, plus anything else a page passes). */
export type LoadOptions = ShimLoadOptions & Dict;

/** The runtime's outside world; every piece can be replaced in tests. */
export interface RuntimeEnvironment {
  adapter: AmplitudeDriver;
  clock: Clock;
  newId: () => string;
  transport: Transport;
  /** Where the exit journal lives (localStorage in the browser). */
  store: KeyValueStore;
}

export class AnalyticsCore {
  readonly logger = new Logger();
  readonly emitter: Emitter;
  readonly userStore: UserStore;
  readonly groupStore: GroupStore;
  readonly adapter: AmplitudeDriver;
  private readonly env: RuntimeEnvironment;

  settings: AmplitudeSettings = normalizeSettings(undefined).settings;
  writeKey = '';
  timeoutMs = 300;
  loadOptions: LoadOptions = {};
  initialized = false;

  deviceId: string | null = null;
  deviceIdSource: DeviceIdSource | null = null;

  private loadCalled = false;
  private loadIntegrations: Dict = {};
  private readyCallbacks: Array<() => void> = [];
  private readyFired = false;
  private readonly sourceMiddleware: Middleware[] = [];
  private readonly destinationMiddleware: Middleware[] = [];
  private readonly queue: CallQueue<CallItem, Prepared>;
  private readonly delivery: Delivery;
  private outbox: Outbox | undefined;
  private journal: ExitJournal | undefined;
  private takeover: Takeover | undefined;
  private facts: EnvelopeFacts | undefined;
  private session: SessionClock | undefined;
  private sdkReady = false;
  private readonly contextCache: ContextCache = {};
  /** Collected until the calls queued at load have been handed over (see deferUntilQueuedCallsSent). */
  private deferredWork: Array<() => void> | null = [];
  private amplitudeState: AmplitudeState | undefined;
  /** Which Segment destination this page reproduces, and its name in `integrations`. */
  mode: DestinationMode = 'classic';
  private destinationName = CLASSIC_DESTINATION;
  private actions: ActionsSettings | undefined;
  /** While load decides what it sends first, steps collect here (see enqueue). */
  private front: Array<Step<CallItem, Prepared>> | null = null;
  /** Told once load has decided what this page does: install.ts then adds its page listeners. */
  onStarted: (what: { sending: boolean; storing: boolean }) => void = () => undefined;

  constructor(
    private readonly self: () => unknown,
    env: Partial<RuntimeEnvironment> = {},
  ) {
    this.env = {
      adapter: env.adapter ?? new AmplitudeAdapter(),
      clock: env.clock ?? systemClock,
      newId: env.newId ?? randomUUID,
      transport: env.transport ?? browserTransport,
      store: env.store ?? localStore,
    };
    this.adapter = this.env.adapter;
    this.emitter = new Emitter(self, (event, error) => this.logger.problem(`analytics.on('${event}')`, `listener failed: ${describe(error)}`, false));
    // Memory only until load has decided (consent): see UserStore.open.
    this.userStore = new UserStore({ persist: false, cookie: {} }, this.env.newId, (anon) => this.onAnonymousIdChanged(anon));
    this.groupStore = new GroupStore({ persist: false, cookie: {} });
    const deps: CallQueueDeps<CallItem, Prepared> = {
      clock: this.env.clock,
      prepare: (item) => this.prepare(item),
      handOver: (calls) => {
        this.delivery.handOver(calls);
        this.syncIdentity();
      },
      fail: (error, item) => {
        this.logger.problem('analytics', `internal error: ${describe(error)}`, true);
        if (item) {
          item.ctx.setFailedDelivery({ reason: 'internal error' });
          this.delivery.settle(item);
        }
      },
    };
    this.queue = new CallQueue(deps);
    this.delivery = new Delivery({
      clock: this.env.clock,
      translate: (event, referrer, ticket) => this.translateEvent(event, referrer, ticket.sessionId),
      facts: () => this.facts as EnvelopeFacts,
      openSession: (now) => (this.session ? this.session.open(now) : NO_SESSION),
      outbox: () => this.outbox as Outbox,
      deviceId: () => this.deviceId ?? this.env.newId(),
      mapUser: (mapping) => this.mapUser(mapping),
      warn: (call, message, dropped) => this.logger.problem(call, message, dropped),
      debug: (message) => this.logger.debug(message),
    });
  }

  // ------------------------------------------------------------------------------------------ loading

  /**
   * Initializes once. The consent gate (updateCDNSettings, disable, routing, GPC) answers first, before
   * any storage is read or written; then identity (querystring ajs_aid, then the device ID) is settled
   * before the SDK starts, so the first event already carries the final IDs.
   */
  load(writeKey: unknown, options: unknown, replay: () => void = () => undefined): void {
    if (this.loadCalled) {
      this.logger.once('analytics.load() was called again; the second call is ignored (is the snippet on the page twice?)');
      return;
    }
    if (!isNonEmptyString(writeKey)) {
      this.logger.once('analytics.load(): no Amplitude API key was given; nothing will be sent until load(KEY) is called', 'error');
      replay();
      return;
    }
    this.loadCalled = true;
    this.writeKey = writeKey;
    this.loadOptions = isPlainObject(options) ? (options as LoadOptions) : {};
    const gate = this.askGate();
    if (gate instanceof Promise) {
      // The page decides later: its queued calls wait (in memory) behind what load sends first.
      replay();
      gate
        .then((outcome) => {
          this.start(outcome);
          this.runDeferredWorkAfterQueuedCalls();
        })
        .catch((error: unknown) => this.logger.problem('analytics.load()', `internal error: ${describe(error)}`, true));
      return;
    }
    this.start(gate);
    replay();
    this.runDeferredWorkAfterQueuedCalls();
  }

  /** updateCDNSettings, then disable(cdnSettings), as analytics-next runs them; routing and GPC beside. */
  private askGate(): GateOutcome | Promise<GateOutcome> {
    const options = this.loadOptions;
    const call = 'analytics.load()';
    const integrations = isPlainObject(options.integrations) ? options.integrations : {};
    const { name, settings } = chooseMode(integrations);
    let cdn = cdnSettingsFor(integrations[name], settings, name);
    let consentKept = true;
    const update = options.updateCDNSettings;
    if (typeof update === 'function') {
      try {
        const updated: unknown = update(cdn);
        consentKept = keepsAmplitude(updated, name);
        if (isPlainObject(updated)) cdn = updated as CdnSettings;
      } catch (error) {
        // A consent hook that fails cannot grant consent.
        this.logger.problem(call, `updateCDNSettings threw (${describe(error)}); Amplitude is off for this page`, true);
        consentKept = false;
      }
    } else if (update !== undefined) {
      this.logger.problem(call, 'the option updateCDNSettings must be a function; it was ignored', false);
    }
    const decide = (disabled: boolean): GateOutcome =>
      gateOutcome({
        disabled,
        routedOff: isRoutedOff(integrations, name),
        consentKept,
        gpc: gpcTurnsOff(settings, globalPrivacyControl()),
        persist: storageOptions(options).persist,
      });
    const disable = options.disable;
    if (disable === undefined || disable === false || disable === true) return decide(disable === true);
    if (typeof disable !== 'function') {
      this.logger.problem(call, 'the option disable must be a boolean or a function; it was ignored', false);
      return decide(false);
    }
    const refused = (error: unknown) => {
      this.logger.problem(call, `the disable option failed (${describe(error)}); analytics stays disabled`, true);
      return decide(true);
    };
    let answer: unknown;
    try {
      answer = disable(cdn);
    } catch (error) {
      return refused(error);
    }
    if (!isThenable(answer)) return decide(Boolean(answer));
    return new Promise<GateOutcome>((resolve) =>
      safeThen(
        answer,
        (value) => resolve(decide(Boolean(value))),
        (error) => resolve(refused(error)),
      ),
    );
  }

  /** Carries out load once the gate has answered (calls made meanwhile are already queued). */
  private start(outcome: GateOutcome): void {
    this.amplitudeState = outcome.amplitude;
    const { clock, newId } = this.env;
    const sending = outcome.amplitude === 'on';
    const provisional = { anonymousId: this.userStore.peekAnonymousId(), userId: this.userStore.id() };
    const storage = { ...storageOptions(this.loadOptions), persist: outcome.storeIdentity };
    this.userStore.open(storage);
    this.groupStore.open(storage);

    const plan = planLoad({
      writeKey: this.writeKey,
      options: this.loadOptions,
      search: locationSearch(),
      hash: locationHash(),
      referrer: currentReferrer(),
      // Amplitude's cookies are read only for a page that may send to Amplitude.
      utmz: sending ? getCookie('__utmz') : undefined,
      storedDeviceIds: sending ? readStoredAmplitudeDeviceIds(this.writeKey) : {},
      storedSession: sending ? readStoredAmplitudeSession(this.writeKey) : {},
      storedActionsSession: sending ? readActionsSession() : undefined,
      anonymousId: this.userStore.anonymousId() as string,
      now: clock.now(),
      newId,
    });
    for (const w of plan.warnings) this.logger.problem(w.call, w.message, w.dropped);
    this.settings = plan.settings;
    this.mode = plan.mode;
    this.destinationName = plan.destinationName;
    this.actions = plan.actions;
    this.loadIntegrations = plan.loadIntegrations;
    if (plan.anonymousId !== this.userStore.peekAnonymousId()) this.userStore.anonymousId(plan.anonymousId);
    this.restampEarlyCalls(provisional);
    if (outcome.amplitude !== 'on')
      this.logger.debug(`Amplitude is off for this page (${outcome.amplitude}); nothing is sent${outcome.storeIdentity ? '' : ' or stored'}`);

    // What load sends first goes ahead of every call queued so far.
    this.front = [];
    if (sending) this.startSending(plan);
    if (this.loadOptions.initialPageview) this.page();
    if (plan.query.identify) this.identify(plan.query.identify.userId, plan.query.identify.traits);
    if (plan.query.track) this.track(plan.query.track.event, plan.query.track.properties);
    const first = this.front;
    this.front = null;
    this.queue.prepend(first);

    this.initialized = true;
    this.emitter.emit('initialize', { writeKey: this.writeKey }, this.loadOptions);
    this.onStarted({ sending, storing: outcome.storeIdentity });
    this.queue.start();
    // Events are complete without the SDK (envelope, session), so they do not wait for it to start.
    if (sending) this.deferUntilQueuedCallsSent(() => this.startSdk(plan));
    else this.enqueue({ kind: 'task', run: () => this.fireReady() });
  }

  /**
   * Work the first event need not wait for. The SDK's init reads and probes cookies, each read after a
   * write being a synchronous round trip to the browser's cookie store (about 14 ms in all on the bench
   * machine), and a page's first `storage` listener opens its storage area (up to 10 ms). It runs in a
   * task of its own once the calls queued at load have been handed over, so the first request (already
   * scheduled by then) leaves first.
   */
  deferUntilQueuedCallsSent(work: () => void): void {
    if (this.deferredWork) this.deferredWork.push(work);
    else this.env.clock.setTimeout(() => this.runDeferred([work]), 0);
  }

  private runDeferredWorkAfterQueuedCalls(): void {
    this.enqueue({
      kind: 'task',
      run: () =>
        this.env.clock.setTimeout(() => {
          const work = this.deferredWork ?? [];
          this.deferredWork = null;
          this.runDeferred(work);
        }, 0),
    });
  }

  /** In a timer of its own, nothing may reach the page: a failure is reported and the rest still runs. */
  private runDeferred(work: Array<() => void>): void {
    for (const fn of work) {
      try {
        fn();
      } catch (error) {
        this.logger.problem('analytics', `internal error: ${describe(error)}`, true);
      }
    }
  }

  /**
   * Calls made before load were stamped with identity kept in memory; the visitor's stored identity,
   * read only now, takes the place of what was made up meanwhile.
   */
  private restampEarlyCalls(provisional: { anonymousId: string | null; userId: string | null }): void {
    const anonymousId = this.userStore.anonymousId();
    const userId = this.userStore.id();
    for (const item of this.queue.pendingItems()) {
      const event = item.event;
      if (provisional.anonymousId && event.anonymousId === provisional.anonymousId && anonymousId !== provisional.anonymousId) {
        event.anonymousId = anonymousId ?? undefined;
        if (item.deviceId === provisional.anonymousId) item.deviceId = null;
      }
      if (provisional.userId === null && !event.userId && userId) event.userId = userId;
    }
  }

  private startSending(plan: LoadPlan): void {
    const { clock, newId } = this.env;
    this.deviceId = plan.deviceId;
    this.deviceIdSource = plan.deviceIdSource;
    const store = plan.persist && plan.clientPersistence ? this.env.store : memoryStore();
    const outbox = new Outbox(outboxConfig(this.writeKey, plan.settings, plan.sdkOptions), {
      clock,
      transport: this.env.transport,
      onChange: () => this.journal?.changed(),
      reconcile: () => this.journal?.takenOver(),
      onHealth: (healthy) => this.takeover?.endpointAnswered(healthy),
      warn: (message) => this.logger.problem('Amplitude', message, true),
    });
    this.outbox = outbox;
    const journal = new ExitJournal(store, clock, this.writeKey, newId(), () => ({
      calls: this.queue.pendingItems().map(toJournaled),
      events: outbox.unsent(),
    }));
    this.journal = journal;
    // A page still open sends what gone pages of the site left (their records), once the endpoint answers.
    this.takeover = new Takeover(clock, journal, outbox, (left) => {
      outbox.restore(left.events);
      for (const call of left.calls) this.restoreCall(call);
    });

    this.facts = envelopeFacts(plan.sdkOptions, typeof navigator !== 'undefined' ? navigator : undefined, LIBRARY, { name: SHIM_NAME, version: VERSION });
    const keepActionsSession = plan.mode === 'actions' && plan.persist && plan.clientPersistence;
    this.session = new SessionClock(
      plan.session,
      plan.sessionTimeoutMs,
      (state) => {
        if (this.sdkReady) this.adapter.persistSession(state);
        // Segment's session plugin keys, so the visitor's session also survives a switch back.
        if (keepActionsSession) writeActionsSession(state.sessionId, state.lastEventTime, plan.cookie);
      },
      plan.mode === 'actions' ? 'segment-plugin' : 'sdk',
    );

    // What earlier pages could not send goes first: their stamped events, then their calls.
    const left = journal.claim();
    outbox.restore(left.events);
    for (const call of left.calls) this.restoreCall(call);
    this.sendAttribution(plan.attribution);
  }

  private startSdk(plan: LoadPlan): void {
    this.adapter
      .init(
        {
          apiKey: this.writeKey,
          deviceId: plan.deviceId,
          userId: this.userStore.id(),
          sessionId: plan.session.sessionId,
          settings: plan.settings,
          sdkOptions: plan.sdkOptions,
          https: isHttps(),
          clientPersistence: plan.clientPersistence,
          warn: (m) => this.logger.problem('analytics.load()', m, false),
        },
        this.outbox as Outbox,
      )
      .then(
        () => {
          this.sdkReady = true;
          this.adapter.persistSession((this.session as SessionClock).snapshot());
          this.syncIdentity();
          this.enqueue({ kind: 'task', run: () => this.fireReady() });
        },
        (error) => {
          this.logger.once(
            `Amplitude SDK failed to initialize: ${describe(error)}; events are still sent, but the visitor's IDs may not persist in its AMP_ cookie`,
            'error',
          );
          this.fireReady();
        },
      );
  }

  /** Queues a step, or keeps it for the front of the queue while load decides what goes first. */
  private enqueue(step: Step<CallItem, Prepared>): void {
    if (this.front) this.front.push(step);
    else this.queue.push(step);
  }

  /** amplitude-js's session-start user properties (UTM, gclid, referrer), sent before any queued call. */
  private sendAttribution(ops: AmplitudeOperation[]): void {
    if (ops.length === 0) return;
    const stamp = { userId: this.userStore.id(), deviceId: this.deviceId as string, time: this.env.clock.now(), messageId: `shim-${this.env.newId()}` };
    this.enqueue({ kind: 'task', run: () => this.withSession((ticket) => this.delivery.send(ops, stamp, ticket)) });
  }

  private withSession(fn: (ticket: SessionTicket) => void): void {
    const ticket = (this.session as SessionClock).open(this.env.clock.now());
    try {
      fn(ticket);
    } finally {
      ticket.close();
    }
  }

  /** Keeps the SDK's own identity (its cookie, read by servers) equal to the current Segment identity. */
  private syncIdentity(): void {
    if (!this.sdkReady || !this.deviceId) return;
    this.adapter.setDeviceId(this.deviceId);
    this.adapter.setUserId(this.userStore.id());
  }

  private fireReady(): void {
    if (this.readyFired) return;
    this.readyFired = true;
    const callbacks = this.readyCallbacks;
    this.readyCallbacks = [];
    for (const cb of callbacks) cb();
  }

  ready(callback?: unknown): Promise<unknown[]> {
    return new Promise((resolve) => {
      const run = () => {
        if (typeof callback === 'function') this.runPageCode('analytics.ready()', () => callback([]));
        resolve([]);
      };
      if (this.readyFired) run();
      else this.readyCallbacks.push(run);
    });
  }

  /** Runs a function the page gave us; a throw or a rejected promise becomes one warning. */
  private runPageCode(call: string, fn: () => unknown): void {
    callPageFunction(fn, undefined, [], (error) => this.logger.problem(call, `callback failed: ${describe(error)}`, false));
  }

  // ----------------------------------------------------------------------------------------- identity

  private onAnonymousIdChanged(anonymousId: string | null): void {
    if (!anonymousId || !this.settings.preferAnonymousIdForDeviceId || !this.loadCalled) return;
    this.deviceId = anonymousId;
    this.deviceIdSource = 'anonymousId';
    const deviceId = anonymousId;
    this.enqueue({ kind: 'task', run: () => this.amplitudeState === 'on' && this.adapter.setDeviceId(deviceId) });
  }

  /** The device ID an event made now belongs to. */
  private currentDeviceId(anonymousId: string | null): string | null {
    if (this.settings.preferAnonymousIdForDeviceId && anonymousId) return anonymousId;
    return this.deviceId;
  }

  reset(): void {
    this.userStore.reset();
    this.groupStore.reset();
    const anonymousId = this.userStore.anonymousId() as string;
    if (this.loadCalled) {
      this.deviceId = this.settings.preferAnonymousIdForDeviceId ? anonymousId : this.env.newId();
      this.deviceIdSource = this.settings.preferAnonymousIdForDeviceId ? 'anonymousId' : 'new';
      const deviceId = this.deviceId;
      // In call order: events made before reset() have already been stamped with the old identity.
      this.enqueue({
        kind: 'task',
        run: () => {
          // A page that sends nothing never starts the SDK, so there is nothing to tell it.
          if (this.amplitudeState !== 'on') return;
          this.adapter.reset(deviceId);
          // Segment's session plugin keeps its session across reset(); Amplitude's SDK starts a new one.
          if (this.mode === 'classic') this.session?.restart(this.env.clock.now());
        },
      });
    }
    this.emitter.emit('reset');
  }

  // ------------------------------------------------------------------------------------- event calls

  track(...rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolveTrackArguments(args);
    if (!isNonEmptyString(r.name)) {
      return this.rejectCall('analytics.track()', 'the event name is missing or not a string; the call was dropped', 'track');
    }
    const properties = this.clean('analytics.track()', r.properties);
    return this.dispatch({ type: 'track', event: r.name, properties }, r.options, snapshot, r.callback, (ev) => [ev.event, ev.properties, undefined]);
  }

  page(...rawArgs: unknown[]): Promise<Context> {
    return this.pageLike('page', rawArgs);
  }

  screen(...rawArgs: unknown[]): Promise<Context> {
    return this.pageLike('screen', rawArgs);
  }

  private pageLike(type: 'page' | 'screen', rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolvePageArguments(args);
    const properties = this.clean(`analytics.${type}()`, r.properties);
    return this.dispatch({ type, category: r.category, name: r.name, properties }, r.options, snapshot, r.callback, (ev) => [
      ev.category ?? null,
      ev.name ?? null,
      ev.properties,
      undefined,
    ]);
  }

  identify(...rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolveEntityArguments(args);
    const traits = r.traits ? this.clean('analytics.identify()', r.traits) : undefined;
    const options = this.clean('analytics.identify()', r.options);
    this.applyAnonymousIdOption(options);
    this.userStore.identify(r.id, traits);
    const body: EventBody = { type: 'identify', traits: this.userStore.traits(), userId: this.userStore.id() };
    return this.dispatch(body, options, snapshot, r.callback, (ev) => [ev.userId ?? null, ev.traits, undefined]);
  }

  group(...rawArgs: unknown[]): Promise<Context> | GroupStore {
    const { args, snapshot } = splitPageContext(rawArgs);
    if (args.length === 0) return this.groupStore;
    const r = resolveEntityArguments(args);
    const traits = r.traits ? this.clean('analytics.group()', r.traits) : undefined;
    this.groupStore.identify(r.id, traits);
    const body: EventBody = { type: 'group', groupId: this.groupStore.id(), traits: this.groupStore.traits() };
    return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [ev.groupId ?? null, ev.traits, undefined]);
  }

  /** The user mapping goes out at hand-over, like any event: after middleware, routing and consent. */
  alias(...rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolveAliasArguments(args);
    const body: EventBody = { type: 'alias', userId: r.to ?? this.userStore.id(), previousId: r.from ?? this.userStore.id() ?? this.userStore.anonymousId() };
    return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [ev.userId ?? null, ev.previousId ?? null, undefined]);
  }

  /** Amplitude takes user mappings only through its server API, so they go to the site's aliasUrl. */
  private mapUser(mapping: { userId: string; previousId: string }): void {
    const aliasUrl = this.loadOptions.aliasUrl;
    if (mapping.userId === mapping.previousId) return;
    if (typeof aliasUrl !== 'string' || !aliasUrl) {
      this.logger.problem(
        'analytics.alias()',
        'Amplitude maps users only through its server API; set the load option aliasUrl to your server endpoint (nothing was sent to Amplitude)',
        false,
      );
      return;
    }
    void postJson(aliasUrl, mapping).then((ok) => {
      if (!ok) this.logger.problem('analytics.alias()', `the alias endpoint ${aliasUrl} did not accept the mapping`, true);
    });
  }

  private applyAnonymousIdOption(options: Dict): void {
    if (isNonEmptyString(options.anonymousId)) this.userStore.anonymousId(options.anonymousId);
  }

  private clean(call: string, value: Dict): Dict {
    const { value: clean, problems } = sanitizeProperties(value);
    if (problems.length > 0) this.logger.problem(call, problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : ''), true);
    return clean;
  }

  private rejectCall(call: string, message: string, type: string): Promise<Context> {
    this.logger.problem(call, message, true);
    const ctx = new Context({ type });
    ctx.setFailedDelivery({ reason: message });
    // analytics-next does not call back for a rejected call either.
    return Promise.resolve(ctx);
  }

  private dispatch(
    body: EventBody,
    rawOptions: Dict,
    snapshot: PageSnapshot | undefined,
    callback: Callback | undefined,
    emitArgs: (event: SegmentEvent) => unknown[],
  ): Promise<Context> {
    const options = body.type === 'identify' ? rawOptions : this.clean(`analytics.${body.type}()`, rawOptions);
    if (body.type !== 'identify') this.applyAnonymousIdOption(options);
    const snap = snapshot ?? readPageSnapshot();
    const anonymousId = this.userStore.anonymousId();
    const now = this.env.clock.now();
    const event = buildEvent(body, options, {
      page: pageContextFromSnapshot(snap),
      userId: this.userStore.id(),
      anonymousId,
      now: new Date(now),
      messageId: `ajs-next-${now}-${this.env.newId()}`,
      loadIntegrations: this.loadIntegrations,
      context: contextFromPage(snap, this.contextCache),
    });
    return new Promise<Context>((resolve) => {
      const item: CallItem = {
        event,
        deviceId: this.currentDeviceId(event.anonymousId ?? null),
        referrer: snap.referrer,
        ctx: new Context(event),
        callback,
        finish: (ctx) => {
          resolve(ctx);
          this.emitter.emit(body.type, ...emitArgs(event));
        },
      };
      this.delivery.watch(item, this.timeoutMs);
      this.enqueue({ kind: 'call', item });
    });
  }

  /** The destination's translation: Classic's, or the Actions presets' after the session plugin's enrichment. */
  private translateEvent(event: SegmentEvent, referrer: string, sessionId: number | undefined): AmplitudeOperation[] {
    if (this.actions) {
      const ops = translateActions(withSessionId(event, sessionId), this.actions);
      if (event.type === 'alias' && !this.actions.mappings['Alias Calls'])
        this.logger.debug('alias() sends nothing in Actions mode unless mappings["Alias Calls"] is set');
      return ops;
    }
    const timezoneOffsetMinutes = new Date(this.env.clock.now()).getTimezoneOffset();
    return translate({ event, settings: this.settings, referrer, timezoneOffsetMinutes });
  }

  // ---------------------------------------------------------------------------------------- middleware

  private prepare(item: CallItem): Prepared | Promise<Prepared> {
    const source = runChain(this.sourceMiddleware, item.event, undefined, this.chainDeps('source middleware'));
    if (source instanceof Promise) return source.then((event) => this.toDestination(event));
    return this.toDestination(source);
  }

  private toDestination(event: SegmentEvent | null): Prepared | Promise<Prepared> {
    if (!event) return { event: null, forAmplitude: null };
    if (this.amplitudeState !== 'on') return { event, forAmplitude: null };
    if (!isAmplitudeEnabled(isPlainObject(event.integrations) ? event.integrations : {}, this.destinationName)) return { event, forAmplitude: null };
    const forAmplitude: ChainResult = this.destinationMiddleware.length
      ? runChain(this.destinationMiddleware, cloneEvent(event), this.destinationName, this.chainDeps('destination middleware'))
      : // Middleware may have put unsafe values on the event; translation needs a JSON-safe copy anyway (P9).
        this.sourceMiddleware.length
        ? cloneEvent(event)
        : event;
    if (forAmplitude instanceof Promise) return forAmplitude.then((a) => ({ event, forAmplitude: a }));
    return { event, forAmplitude };
  }

  private chainDeps(call: string) {
    return { clock: this.env.clock, warn: (message: string, dropped: boolean) => this.logger.problem(call, message, dropped) };
  }

  addSourceMiddleware(fn: unknown): void {
    if (typeof fn === 'function') this.sourceMiddleware.push(fn as Middleware);
    else this.logger.problem('analytics.addSourceMiddleware()', 'expects a function', false);
  }

  addDestinationMiddleware(name: unknown, fns: unknown[]): void {
    const target = typeof name === 'string' ? name.toLowerCase() : '';
    if (target !== 'amplitude' && target !== 'actions amplitude' && target !== '*') {
      this.logger.problem(
        'analytics.addDestinationMiddleware()',
        `only the "Amplitude" (or "Actions Amplitude") destination exists here; "${safeString(name)}" was ignored`,
        false,
      );
      return;
    }
    // analytics-next takes them spread; a list of them is accepted too.
    for (const fn of fns.flatMap((f) => (Array.isArray(f) ? (f as unknown[]) : [f]))) {
      if (typeof fn === 'function') this.destinationMiddleware.push(fn as Middleware);
      else this.logger.problem('analytics.addDestinationMiddleware()', 'expects functions; a value that is not one was ignored', false);
    }
  }

  // ----------------------------------------------------------------------------------- auto-tracking

  trackLink(call: string, args: unknown[]): void {
    trackLink(this.autoTrackDeps(), call, args[0], args[1], args[2], args[3]);
  }

  trackForm(call: string, args: unknown[]): void {
    trackForm(this.autoTrackDeps(), call, args[0], args[1], args[2], args[3]);
  }

  private autoTrackDeps() {
    return {
      track: (event: unknown, properties: unknown, options: Dict) => this.track(event, properties, options),
      timeout: () => this.timeoutMs,
      clock: this.env.clock,
      navigate: (href: string) => {
        window.location.href = href;
      },
      warn: (call: string, message: string) => this.logger.problem(call, message, true),
    };
  }

  // ------------------------------------------------------------------------------------ page exit

  /**
   * The page is being left or hidden. Everything the SDK is ready for is handed over now, and the
   * browser takes what it can (beacon); the journal keeps the rest for the next page.
   */
  onPageExit(gone = false): void {
    if (!this.loadCalled || !this.outbox || !this.journal) return;
    if (this.queue.started) this.queue.drain();
    this.outbox.exit();
    this.journal.pageLeft(gone);
  }

  /** Another page of the site wrote its journal record: it may have gone, leaving events to send. */
  onOtherPageJournal(): void {
    this.takeover?.noticed();
  }

  onPageShown(): void {
    this.journal?.pageShown();
    // Another tab may have changed the visitor's IDs while this one was hidden.
    this.userStore.invalidate();
    this.groupStore.invalidate();
  }

  /** The browser is back online: send what waited. */
  onOnline(): void {
    this.outbox?.flush();
  }

  /** Another tab changed storage: re-read identity on next use. */
  onStorageChanged(): void {
    this.userStore.invalidate();
    this.groupStore.invalidate();
  }

  private restoreCall(call: JournaledCall): void {
    const timestamp = new Date(call.event.timestamp as string);
    if (Number.isNaN(timestamp.getTime()) || !isPlainObject(call.event.context)) return;
    const event = { ...call.event, timestamp } as unknown as SegmentEvent;
    const item: CallItem = {
      event,
      deviceId: typeof call.deviceId === 'string' ? call.deviceId : null,
      referrer: typeof call.referrer === 'string' ? call.referrer : '',
      ctx: new Context(event),
      finish: () => undefined,
    };
    this.enqueue({ kind: 'call', item });
  }
}

/** The browser's answers and the URL's campaign, read once per page (per URL), not once per call. */
interface ContextCache {
  search?: string;
  campaign?: Dict;
  agent?: { userAgent?: string; locale?: string };
}

/**
 * What analytics.js adds to every event's context besides the page (the Actions presets read it).
 * navigator.userAgent alone costs a single call microseconds to read, and it does not change on a page.
 */
function contextFromPage(snap: PageSnapshot, cache: ContextCache): Dict {
  const context: Dict = { library: { name: 'analytics.js', version: `${SHIM_NAME}-${VERSION}` } };
  if (cache.search !== snap.search) {
    cache.search = snap.search;
    cache.campaign = campaignFromSearch(parseQuery(snap.search));
  }
  // Each event gets its own copy: middleware may edit it.
  if (cache.campaign) context.campaign = { ...cache.campaign };
  if (!cache.agent) {
    cache.agent = {};
    if (typeof navigator !== 'undefined') {
      if (navigator.userAgent) cache.agent.userAgent = navigator.userAgent;
      if (navigator.language) cache.agent.locale = navigator.language;
    }
  }
  if (cache.agent.userAgent) context.userAgent = cache.agent.userAgent;
  if (cache.agent.locale) context.locale = cache.agent.locale;
  return context;
}

/** Hand-overs on a page that sends nothing to Amplitude have no session. */
const NO_SESSION: SessionTicket = { sessionId: undefined, nextEventId: () => -1, close: () => undefined };

function toJournaled(item: CallItem): JournaledCall {
  return { event: item.event as unknown as JournaledCall['event'], deviceId: item.deviceId, referrer: item.referrer };
}

/**
 * Amplitude's own copy: destination middleware may edit it without touching the event the caller's ctx
 * holds, and values middleware added (cyclic, BigInt, ...) are made safe for the wire (P9).
 */
function cloneEvent(event: SegmentEvent): SegmentEvent {
  const { value } = sanitizeProperties(event);
  return { ...(value as unknown as SegmentEvent), timestamp: event.timestamp };
}

/** String(x) that cannot throw (hostile toString, revoked Proxy, symbols). */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[unprintable]';
  }
}
