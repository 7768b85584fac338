/**
 * The pipeline of stages an event passes, in analytics-next's order, each one a step of the same kind
 * (a value now, or a promise when it answers later):
 *   1. source middleware, on the event the caller's ctx holds;
 *   2. the plugins registered with `analytics.register()` (src/plugins/): before, then enrichment; in
 *      Actions mode they see `integrations['Actions Amplitude'].session_id` already, as Segment's session
 *      plugin sets it before them;
 *   3. for an event routed to Amplitude, destination middleware on Amplitude's own copy;
 *   then translation and the envelope (delivery.ts), and
 *   4. the plugins the page added to the SDK, on each stamped Amplitude event (sdk-plugin-stage.ts);
 *   5. after hand-over: registered destination and after plugins (`afterHandOver` below).
 * A stage with nothing in it costs a check; a stage that answers synchronously keeps the event on the
 * synchronous path; one that returns a promise holds only its own call (see call-queue.ts).
 */
import type { SegmentEvent } from '../core/types.js';
import { isPlainObject, sanitizeProperties } from '../core/values.js';
import { isAmplitudeEnabled } from '../core/events.js';
import type { Clock } from './clock.js';
import type { CallItem, Prepared } from './delivery.js';
import { runChain, type ChainResult, type Middleware } from './middleware.js';
import { safeString } from './page-code.js';
import type { Logger } from './log.js';
import { PluginRegistry, type RunOutcome } from '../plugins/plugin-registry.js';

export interface StageDeps {
  clock: Clock;
  logger: Logger;
  /** What plugins' load(ctx, analytics) receives: the page's `window.analytics`. */
  analytics(): unknown;
  /** Where events go now: null while nothing is sent to Amplitude, else the destination's name in `integrations`. */
  destination(): string | null;
  /** What Segment's own plugins add before the page's plugins see an event (Actions: the session). */
  beforePlugins(event: SegmentEvent): SegmentEvent;
  warn(call: string, message: string, dropped: boolean): void;
}

export class Stages {
  private readonly source: Middleware[] = [];
  private readonly destination: Middleware[] = [];
  /** `analytics.register()`'s plugins. */
  readonly plugins: PluginRegistry;

  constructor(private readonly deps: StageDeps) {
    this.plugins = new PluginRegistry({ clock: deps.clock, logger: deps.logger, analytics: deps.analytics });
  }

  addSourceMiddleware(fn: unknown): void {
    if (typeof fn === 'function') this.source.push(fn as Middleware);
    else this.deps.warn('analytics.addSourceMiddleware()', 'expects a function', false);
  }

  addDestinationMiddleware(name: unknown, fns: unknown[]): void {
    const call = 'analytics.addDestinationMiddleware()';
    const target = typeof name === 'string' ? name.toLowerCase() : '';
    if (target !== 'amplitude' && target !== 'actions amplitude' && target !== '*') {
      this.deps.warn(
        call,
        `only the "Amplitude" (or "Actions Amplitude") destination exists here; "${safeString(name)}" was ignored`,
        false,
      );
      return;
    }
    // analytics-next takes them spread; a list of them is accepted too.
    for (const fn of fns.flatMap((f) => (Array.isArray(f) ? (f as unknown[]) : [f]))) {
      if (typeof fn === 'function') this.destination.push(fn as Middleware);
      else this.deps.warn(call, 'expects functions; a value that is not one was ignored', false);
    }
  }

  /** Runs a call through the stages: a value now, or a promise when a stage answers later. */
  prepare(item: CallItem): Prepared | Promise<Prepared> {
    const source = runChain(this.source, item.event, undefined, this.chainDeps('source middleware'));
    return andThen(source, (event) => this.toPlugins(event));
  }

  /** Registered destination and after plugins, once the call has been handed over; contained. */
  afterHandOver(prepared: Prepared): void {
    if (!prepared.plugins || prepared.plugins.cancelled) return;
    void this.plugins.runDestinations(prepared.plugins);
    void this.plugins.runAfter(prepared.plugins);
  }

  private toPlugins(event: SegmentEvent | null): Prepared | Promise<Prepared> {
    if (!event || this.plugins.idle(event.type)) return this.toDestination(event);
    return andThen(this.plugins.run(this.deps.beforePlugins(event)), (outcome) => this.afterPlugins(outcome));
  }

  private afterPlugins(outcome: RunOutcome): Prepared | Promise<Prepared> {
    if (outcome.cancelled) return { event: null, forAmplitude: null, plugins: outcome };
    return andThen(this.toDestination(outcome.event, true), (prepared) => {
      prepared.plugins = outcome;
      return prepared;
    });
  }

  private toDestination(event: SegmentEvent | null, changedByPlugins = false): Prepared | Promise<Prepared> {
    if (!event) return { event: null, forAmplitude: null };
    const name = this.deps.destination();
    if (name === null) return { event, forAmplitude: null };
    if (!isAmplitudeEnabled(isPlainObject(event.integrations) ? event.integrations : {}, name))
      return { event, forAmplitude: null };
    const forAmplitude: ChainResult = this.destination.length
      ? runChain(this.destination, cloneEvent(event), name, this.chainDeps('destination middleware'))
      : // Middleware may have put values on the event that cannot go on the wire; translation needs a safe copy.
        this.source.length || changedByPlugins
        ? cloneEvent(event)
        : event;
    return andThen(forAmplitude, (a) => ({ event, forAmplitude: a }));
  }

  private chainDeps(call: string) {
    return {
      clock: this.deps.clock,
      warn: (message: string, dropped: boolean) => this.deps.warn(call, message, dropped),
    };
  }
}

/** `next` on a stage's answer: at once when it answered synchronously, else once its promise resolves. */
function andThen<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Amplitude's own copy: destination middleware may edit it without touching the event the caller's ctx
 * holds, and values middleware added (cyclic, BigInt, ...) are made safe for the wire.
 */
function cloneEvent(event: SegmentEvent): SegmentEvent {
  const { value } = sanitizeProperties(event);
  return { ...(value as unknown as SegmentEvent), timestamp: event.timestamp };
}
