/**
 * The stages a call passes between the queue and translation, in analytics-next's order: source
 * middleware on the event the caller's ctx holds; then, for a call routed to Amplitude, destination
 * middleware on Amplitude's own copy. A stage that answers synchronously keeps the call on the
 * synchronous path; one that returns a promise holds only its own call (see call-queue.ts).
 */
import type { SegmentEvent } from '../core/types.js';
import { isPlainObject, sanitizeProperties } from '../core/values.js';
import { isAmplitudeEnabled } from '../core/events.js';
import type { Clock } from './clock.js';
import type { CallItem, Prepared } from './delivery.js';
import { runChain, type ChainResult, type Middleware } from './middleware.js';
import { safeString } from './page-code.js';

export interface StageDeps {
  clock: Clock;
  /** Where events go now: null while nothing is sent to Amplitude, else the destination's name in `integrations`. */
  destination(): string | null;
  warn(call: string, message: string, dropped: boolean): void;
}

export class Stages {
  private readonly source: Middleware[] = [];
  private readonly destination: Middleware[] = [];

  constructor(private readonly deps: StageDeps) {}

  addSourceMiddleware(fn: unknown): void {
    if (typeof fn === 'function') this.source.push(fn as Middleware);
    else this.deps.warn('analytics.addSourceMiddleware()', 'expects a function', false);
  }

  addDestinationMiddleware(name: unknown, fns: unknown[]): void {
    const call = 'analytics.addDestinationMiddleware()';
    const target = typeof name === 'string' ? name.toLowerCase() : '';
    if (target !== 'amplitude' && target !== 'actions amplitude' && target !== '*') {
      this.deps.warn(call, `only the "Amplitude" (or "Actions Amplitude") destination exists here; "${safeString(name)}" was ignored`, false);
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
    if (source instanceof Promise) return source.then((event) => this.toDestination(event));
    return this.toDestination(source);
  }

  private toDestination(event: SegmentEvent | null): Prepared | Promise<Prepared> {
    if (!event) return { event: null, forAmplitude: null };
    const name = this.deps.destination();
    if (name === null) return { event, forAmplitude: null };
    if (!isAmplitudeEnabled(isPlainObject(event.integrations) ? event.integrations : {}, name)) return { event, forAmplitude: null };
    const forAmplitude: ChainResult = this.destination.length
      ? runChain(this.destination, cloneEvent(event), name, this.chainDeps('destination middleware'))
      : // Middleware may have put values on the event that cannot go on the wire; translation needs a safe copy.
        this.source.length
        ? cloneEvent(event)
        : event;
    if (forAmplitude instanceof Promise) return forAmplitude.then((a) => ({ event, forAmplitude: a }));
    return { event, forAmplitude };
  }

  private chainDeps(call: string) {
    return { clock: this.deps.clock, warn: (message: string, dropped: boolean) => this.deps.warn(call, message, dropped) };
  }
}

/**
 * Amplitude's own copy: destination middleware may edit it without touching the event the caller's ctx
 * holds, and values middleware added (cyclic, BigInt, ...) are made safe for the wire.
 */
function cloneEvent(event: SegmentEvent): SegmentEvent {
  const { value } = sanitizeProperties(event);
  return { ...(value as unknown as SegmentEvent), timestamp: event.timestamp };
}
