/**
 * Carries out `load` once the gate has answered. Identity is settled first (the visitor's stored IDs,
 * read only now, replace what calls made before load were stamped with), then, for a page that sends,
 * the pipeline is built and what earlier pages left is sent ahead of every call; the SDK starts later,
 * as deferred work, since events are complete without it.
 */
import type { AmplitudeOperation, Dict } from '../core/types.js';
import type { GateOutcome } from '../core/consent.js';
import { planLoad, storageOptions, type LoadPlan } from '../core/load-plan.js';
import { isPlainObject } from '../core/values.js';
import type { JournalContents, JournaledCall } from '../wire/exit-journal.js';
import type { RuntimeEnvironment } from './environment.js';
import type { CallQueue, Step } from './call-queue.js';
import { Context } from './context.js';
import type { CallItem, Delivery, Prepared } from './delivery.js';
import type { DeviceIdentity } from './device-identity.js';
import type { GroupStore, UserStore } from './identity.js';
import { Pipeline } from './pipeline.js';
import type { SdkLink } from './sdk-link.js';
import type { DeferredWork } from './deferred-work.js';
import type { ReadySignal } from './ready.js';
import type { Logger } from './log.js';

/** What the facade and start-up share: what load decided, once it has. */
export interface LoadState {
  writeKey: string;
  options: Dict;
  plan: LoadPlan | null;
  /** Set by the gate: whether (and why not) this page sends to Amplitude. */
  outcome: GateOutcome | null;
  pipeline: Pipeline | null;
}

/** What start-up works on: the runtime itself (AnalyticsCore), as start-up sees it. */
export interface StartupDeps {
  env: RuntimeEnvironment;
  state: LoadState;
  userStore: UserStore;
  groupStore: GroupStore;
  queue: CallQueue<CallItem, Prepared>;
  delivery: Delivery;
  device: DeviceIdentity;
  sdk: SdkLink;
  deferred: DeferredWork;
  readySignal: ReadySignal;
  /** The calls load makes itself: the initial pageview and the querystring API. */
  page(): unknown;
  identify(userId: string, traits: Dict): unknown;
  track(event: string, properties: Dict): unknown;
  /** Load has decided: `initialized`, the `initialize` event, and the page listeners install.ts adds. */
  announce(sending: boolean, storing: boolean): void;
  logger: Logger;
}

export function startUp(outcome: GateOutcome, deps: StartupDeps): void {
  const { env, state, userStore: user, groupStore: group, queue, logger } = deps;
  state.outcome = outcome;
  const sending = outcome.amplitude === 'on';
  const provisional = { anonymousId: user.peekAnonymousId(), userId: user.id() };
  const storage = { ...storageOptions(state.options), persist: outcome.storeIdentity };
  user.open(storage);
  group.open(storage);

  const { browser } = env;
  const plan = planLoad({
    writeKey: state.writeKey,
    options: state.options,
    search: browser.search(),
    hash: browser.hash(),
    referrer: browser.referrer(),
    // Amplitude's cookies are read only for a page that may send to Amplitude.
    utmz: sending ? browser.getCookie('__utmz') : undefined,
    storedDeviceIds: sending ? browser.storedAmplitudeDeviceIds(state.writeKey) : {},
    storedSession: sending ? browser.storedAmplitudeSession(state.writeKey) : {},
    storedActionsSession: sending ? browser.segmentSession() : undefined,
    anonymousId: user.anonymousId() as string,
    now: env.clock.now(),
    newId: env.newId,
  });
  for (const w of plan.warnings) logger.problem(w.call, w.message, w.dropped);
  state.plan = plan;
  if (plan.anonymousId !== user.peekAnonymousId()) user.anonymousId(plan.anonymousId);
  restampEarlyCalls(deps, provisional);
  if (!sending)
    logger.debug(
      `Amplitude is off for this page (${outcome.amplitude}); ` +
        `nothing is sent${outcome.storeIdentity ? '' : ' or stored'}`,
    );

  queue.sendFirst(() => {
    if (sending) startSending(plan, deps);
    if (state.options.initialPageview) deps.page();
    if (plan.query.identify) deps.identify(plan.query.identify.userId, plan.query.identify.traits);
    if (plan.query.track) deps.track(plan.query.track.event, plan.query.track.properties);
  });
  deps.announce(sending, outcome.storeIdentity);
  queue.start();
  const pipeline = state.pipeline;
  // Events are complete without the SDK (envelope, session), so they do not wait for it to start.
  if (pipeline) deps.deferred.add(() => startSdk(plan, pipeline, deps));
  else queue.push({ kind: 'task', run: () => deps.readySignal.fire() });
}

/** `ready` fires once the SDK has started, in call order; or at once if it failed (events still leave). */
function startSdk(plan: LoadPlan, pipeline: Pipeline, deps: StartupDeps): void {
  const { env, state, userStore: user, device, sdk, logger } = deps;
  sdk.start(
    {
      apiKey: state.writeKey,
      deviceId: plan.deviceId,
      userId: user.id(),
      sessionId: plan.session.sessionId,
      settings: plan.settings,
      sdkOptions: plan.sdkOptions,
      https: env.browser.isHttps(),
      clientPersistence: plan.clientPersistence,
      warn: (m) => logger.problem('analytics.load()', m, false),
    },
    { sdkEvent: (event) => deps.delivery.sendSdkEvent(event), flush: () => pipeline.outbox.flush() },
    () => pipeline.session.snapshot(),
    () => sdk.syncIdentity(device.id, user.id()),
    (error) => {
      if (error === undefined) return deps.queue.push({ kind: 'task', run: () => deps.readySignal.fire() });
      logger.once(
        `Amplitude SDK failed to initialize: ${error}; events are still sent, ` +
          "but the visitor's IDs may not persist in its AMP_ cookie",
        'error',
      );
      deps.readySignal.fire();
    },
  );
}

/**
 * Calls made before load were stamped with identity kept in memory; the visitor's stored identity,
 * read only now, takes the place of what was made up meanwhile.
 */
function restampEarlyCalls(
  { userStore: user, queue }: StartupDeps,
  provisional: { anonymousId: string | null; userId: string | null },
): void {
  const anonymousId = user.anonymousId();
  const userId = user.id();
  for (const item of queue.pendingItems()) {
    const event = item.event;
    if (
      provisional.anonymousId &&
      event.anonymousId === provisional.anonymousId &&
      anonymousId !== provisional.anonymousId
    ) {
      event.anonymousId = anonymousId ?? undefined;
      if (item.deviceId === provisional.anonymousId) item.deviceId = null;
    }
    if (provisional.userId === null && !event.userId && userId) event.userId = userId;
  }
}

function startSending(plan: LoadPlan, deps: StartupDeps): void {
  const { env, state, queue, logger } = deps;
  deps.device.settle(plan.deviceId, plan.deviceIdSource);
  const pipeline = new Pipeline(plan, {
    writeKey: state.writeKey,
    env,
    pendingCalls: () => queue.pendingItems().map(toJournaled),
    persistSession: (s) => deps.sdk.persistSession(s),
    restore: (left) => restore(left, pipeline, queue),
    warn: (message) => logger.problem('Amplitude', message, true),
  });
  state.pipeline = pipeline;
  pipeline.amplitudeUserId = deps.userStore.id();

  // What earlier pages could not send goes first.
  restore(pipeline.journal.claim(), pipeline, queue);
  sendAttribution(plan.attribution, deps, pipeline);
}

/** What a page of the site left: its stamped events, then its calls. */
function restore(left: JournalContents, pipeline: Pipeline, queue: CallQueue<CallItem, Prepared>): void {
  pipeline.outbox.restore(left.events);
  for (const call of left.calls) restoreCall(call, queue);
}

function restoreCall(call: JournaledCall, queue: CallQueue<CallItem, Prepared>): void {
  const timestamp = new Date(call.event.timestamp as string);
  if (Number.isNaN(timestamp.getTime()) || !isPlainObject(call.event.context)) return;
  const event = { ...call.event, timestamp } as unknown as CallItem['event'];
  const item: CallItem = {
    event,
    deviceId: typeof call.deviceId === 'string' ? call.deviceId : null,
    referrer: typeof call.referrer === 'string' ? call.referrer : '',
    ctx: new Context(event),
    finish: () => undefined,
  };
  queue.push({ kind: 'call', item });
}

/** amplitude-js's session-start user properties (UTM, gclid, referrer), sent before any queued call. */
function sendAttribution(ops: AmplitudeOperation[], deps: StartupDeps, pipeline: Pipeline): void {
  if (ops.length === 0) return;
  const { env, userStore: user, delivery } = deps;
  const stamp = {
    userId: user.id(),
    deviceId: deps.device.id as string,
    time: env.clock.now(),
    messageId: `shim-${env.newId()}`,
  };
  const step: Step<CallItem, Prepared> = {
    kind: 'task',
    run: () => {
      const ticket = pipeline.session.open(env.clock.now());
      try {
        delivery.send(ops, stamp, ticket, pipeline);
      } finally {
        ticket.close();
      }
    },
  };
  deps.queue.push(step);
}

function toJournaled(item: CallItem): JournaledCall {
  return { event: item.event as unknown as JournaledCall['event'], deviceId: item.deviceId, referrer: item.referrer };
}
