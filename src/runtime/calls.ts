/**
 * A call becomes a queued Segment event: its values made safe (one warning per problem), the event built
 * with the identity, time and page of the moment (core/events.ts), and the call's promise, callback and
 * emitted event tied to its hand-over. That is all a call costs its caller; the queue does the rest.
 */
import type { Dict, PageSnapshot, SegmentEvent } from '../core/types.js';
import {
  resolveAliasArguments,
  resolveEntityArguments,
  resolvePageArguments,
  resolveTrackArguments,
  splitPageContext,
  type Callback,
} from '../core/arguments.js';
import { buildEvent, type EventBody } from '../core/events.js';
import { campaignFromSearch, pageContextFromSnapshot } from '../core/page-context.js';
import { parseQuery } from '../core/query-string.js';
import { attempt, isNonEmptyString, sanitizeProperties } from '../core/values.js';
import { SHIM_NAME, VERSION } from '../core/version.js';
import type { RuntimeEnvironment } from './environment.js';
import type { DeviceIdentity } from './device-identity.js';
import type { Emitter } from './emitter.js';
import type { Logger } from './log.js';
import type { LoadState } from './startup.js';
import { Context, failedContext } from './context.js';
import type { CallItem } from './delivery.js';
import type { GroupStore, UserStore } from './identity.js';

/** What a call works on: the runtime itself (AnalyticsCore), as the calls see it. */
export interface CallDeps {
  env: Pick<RuntimeEnvironment, 'clock' | 'newId' | 'browser'>;
  userStore: UserStore;
  groupStore: GroupStore;
  device: Pick<DeviceIdentity, 'forCall'>;
  /** Load-level routing (the plan's), as analytics-next stamps it on every event. */
  state: Pick<LoadState, 'plan'>;
  /** Starts the call's callback clock, then queues it. */
  enqueue(item: CallItem): void;
  emitter: Pick<Emitter, 'emit'>;
  logger: Pick<Logger, 'problem'>;
}

/** The browser's answers and the URL's campaign, read once per page (per URL), not once per call. */
interface ContextCache {
  search?: string;
  campaign?: Dict;
  agent?: { userAgent?: string; locale?: string };
}

export class Calls {
  private readonly cache: ContextCache = {};

  constructor(private readonly deps: CallDeps) {}

  track(rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolveTrackArguments(args);
    if (!isNonEmptyString(r.name))
      return this.reject(
        'analytics.track()',
        'the event name is missing or not a string; the call was dropped',
        'track',
      );
    const properties = this.clean('analytics.track()', r.properties);
    return this.dispatch({ type: 'track', event: r.name, properties }, r.options, snapshot, r.callback, (ev) => [
      ev.event,
      ev.properties,
      undefined,
    ]);
  }

  page(type: 'page' | 'screen', rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolvePageArguments(args);
    const properties = this.clean(`analytics.${type}()`, r.properties);
    const body: EventBody = { type, category: r.category, name: r.name, properties };
    return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [
      orNull(ev.category),
      orNull(ev.name),
      ev.properties,
      undefined,
    ]);
  }

  identify(rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolveEntityArguments(args);
    const user = this.deps.userStore;
    const traits = r.traits ? withClearedKeys(this.clean('analytics.identify()', r.traits), r.traits) : undefined;
    const options = this.clean('analytics.identify()', r.options);
    // In this order, as analytics-next: a new user ID first drops the old anonymousId, and then an anonymousId
    // given in the options becomes the new one.
    user.identify(r.id, traits);
    this.applyAnonymousIdOption(options);
    const body: EventBody = { type: 'identify', traits: user.traits(), userId: user.id() };
    return this.dispatch(body, options, snapshot, r.callback, (ev) => [orNull(ev.userId), ev.traits, undefined]);
  }

  /** group() with no arguments is the group store itself, as in analytics-next. */
  group(rawArgs: unknown[]): Promise<Context> | GroupStore {
    const { args, snapshot } = splitPageContext(rawArgs);
    const group = this.deps.groupStore;
    if (args.length === 0) return group;
    const r = resolveEntityArguments(args);
    const traits = r.traits ? this.clean('analytics.group()', r.traits) : undefined;
    group.identify(r.id, traits);
    const body: EventBody = { type: 'group', groupId: group.id(), traits: group.traits() };
    return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [orNull(ev.groupId), ev.traits, undefined]);
  }

  /** The user mapping goes out at hand-over, like any event: after middleware, routing and consent. */
  alias(rawArgs: unknown[]): Promise<Context> {
    const { args, snapshot } = splitPageContext(rawArgs);
    const r = resolveAliasArguments(args);
    const user = this.deps.userStore;
    const body: EventBody = {
      type: 'alias',
      userId: r.to ?? user.id(),
      previousId: r.from ?? user.id() ?? user.anonymousId(),
    };
    return this.dispatch(body, r.options, snapshot, r.callback, (ev) => [
      orNull(ev.userId),
      orNull(ev.previousId),
      undefined,
    ]);
  }

  /** A JSON-safe copy of page-given values; what had to go is said once, naming the call. */
  clean(call: string, value: Dict): Dict {
    const { value: clean, problems } = sanitizeProperties(value);
    if (problems.length > 0)
      this.deps.logger.problem(
        call,
        problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : ''),
        true,
      );
    return clean;
  }

  /** A call that cannot be carried out: one warning, and a failed Context. */
  private reject(call: string, message: string, type: string): Promise<Context> {
    this.deps.logger.problem(call, message, true);
    return failedContext(type, message);
  }

  /** `options.anonymousId` on a call sets the visitor's anonymousId, as analytics-next does. */
  private applyAnonymousIdOption(options: Dict): void {
    if (isNonEmptyString(options.anonymousId)) this.deps.userStore.anonymousId(options.anonymousId);
  }

  private dispatch(
    body: EventBody,
    rawOptions: Dict,
    snapshot: PageSnapshot | undefined,
    callback: Callback | undefined,
    emitArgs: (event: SegmentEvent) => unknown[],
  ): Promise<Context> {
    const { deps } = this;
    let options = rawOptions;
    if (body.type !== 'identify') {
      options = this.clean(`analytics.${body.type}()`, rawOptions);
      this.applyAnonymousIdOption(options);
    }
    const snap = snapshot ?? deps.env.browser.snapshot();
    const anonymousId = deps.userStore.anonymousId();
    const now = deps.env.clock.now();
    const event = buildEvent(body, options, {
      page: pageContextFromSnapshot(snap),
      userId: deps.userStore.id(),
      anonymousId,
      now: new Date(now),
      messageId: `ajs-next-${now}-${deps.env.newId()}`,
      loadIntegrations: deps.state.plan ? deps.state.plan.loadIntegrations : {},
      context: this.contextFromPage(snap),
    });
    return new Promise<Context>((resolve) => {
      deps.enqueue({
        event,
        deviceId: deps.device.forCall(orNull(event.anonymousId)),
        referrer: snap.referrer,
        ctx: new Context(event),
        callback,
        finish: (ctx) => {
          resolve(ctx);
          deps.emitter.emit(body.type, ...emitArgs(event));
        },
      });
    });
  }

  /**
   * What analytics.js adds to every event's context besides the page (the Actions presets read it).
   * navigator.userAgent alone costs a single call microseconds to read, and it does not change on a page.
   */
  private contextFromPage(snap: PageSnapshot): Dict {
    const cache = this.cache;
    const context: Dict = { library: { name: 'analytics.js', version: `${SHIM_NAME}-${VERSION}` } };
    if (cache.search !== snap.search) {
      cache.search = snap.search;
      cache.campaign = campaignFromSearch(parseQuery(snap.search));
    }
    // Each event gets its own copy: middleware may edit it.
    if (cache.campaign) context.campaign = { ...cache.campaign };
    if (!cache.agent) {
      const facts = this.deps.env.browser.navigatorFacts();
      cache.agent = { userAgent: facts.userAgent, locale: facts.language };
    }
    const { userAgent, locale } = cache.agent;
    if (userAgent) context.userAgent = userAgent;
    if (locale) context.locale = locale;
    return context;
  }
}

/** What a listener gets for a field the event does not have. */
function orNull<T>(value: T | null | undefined): T | null {
  return value ?? null;
}

/**
 * A trait given as undefined removes the stored trait, as analytics-next's shallow merge of the user's traits
 * did; the JSON-safe copy alone would have dropped the key and kept the old value.
 */
function withClearedKeys(clean: Dict, given: Dict): Dict {
  // The page's object is read again: one that cannot be read (its problem is already told) clears nothing.
  attempt(() => {
    for (const key of Object.keys(given)) if (!(key in clean) && given[key] === undefined) clean[key] = undefined;
  }, undefined);
  return clean;
}
