/**
 * Hand-over: a call that came out of middleware becomes Amplitude events (translation), stamped with
 * the identity and time of the call and the session in force (envelope), and goes into the outbox.
 * Then its callback runs and its promise resolves: analytics-next resolves once destinations have the
 * event, not after a fixed wait. The timeout only bounds how long a callback waits for that.
 */
import type { AmplitudeEvent, AmplitudeOperation, Dict, SegmentEvent } from '../core/types.js';
import type { DeliveryOutcome, WireEvent } from '../wire/wire-types.js';
import type { Clock } from './clock.js';
import type { Context } from './context.js';
import type { SessionTicket } from './session.js';
import type { Pipeline } from './pipeline.js';
import type { Callback } from '../core/arguments.js';
import { wireEvent, type EventStamp } from '../wire/envelope.js';
import type { RunOutcome } from '../plugins/plugin-registry.js';
import { callPageFunction, describe } from './page-code.js';
import { isNonEmptyString } from '../core/values.js';

export interface CallItem {
  event: SegmentEvent;
  /** The Amplitude device ID in force when the call was made (null: use the one in force at hand-over). */
  deviceId: string | null;
  referrer: string;
  ctx: Context;
  callback?: Callback;
  /** Resolves the call's promise, then emits the call's event on `analytics`. */
  finish(ctx: Context): void;
  timer?: unknown;
  calledBack?: boolean;
  settled?: boolean;
}

export interface Prepared {
  /** null: dropped by source middleware. */
  event: SegmentEvent | null;
  /** null: not routed to Amplitude, or dropped by destination middleware. */
  forAmplitude: SegmentEvent | null;
  /** What registered plugins made of it (absent when none ran); `cancelled`: a before plugin cancelled it. */
  plugins?: RunOutcome;
}

export interface DeliveryDeps {
  clock: Clock;
  /** What load built; null on a page that sends nothing to Amplitude. */
  pipeline(): Pipeline | null;
  deviceId(): string;
  /** The user in force now (for events the SDK produces itself). */
  userId(): string | null;
  newId(): string;
  /** Amplitude's user mapping, which the browser cannot send itself (see user-mapping.ts). */
  mapUser(mapping: { userId: string; previousId: string }): void;
  warn(call: string, message: string, dropped: boolean): void;
  debug(message: string): void;
}

export class Delivery {
  constructor(private readonly deps: DeliveryDeps) {}

  /** Starts the callback clock for a call with a callback: it runs at hand-over, or at `timeoutMs` at the latest. */
  watch(item: CallItem, timeoutMs: number): void {
    if (!item.callback) return;
    item.timer = this.deps.clock.setTimeout(() => {
      item.timer = undefined;
      this.callBack(item);
    }, timeoutMs);
  }

  handOver(calls: Array<{ item: CallItem; prepared: Prepared }>): void {
    const pipeline = this.deps.pipeline();
    const ticket = pipeline ? pipeline.session.open(this.deps.clock.now()) : NO_SESSION;
    try {
      for (const { item, prepared } of calls) {
        try {
          this.handOverOne(item, prepared, ticket, pipeline);
        } catch (error) {
          this.deps.warn(`analytics.${item.event.type}()`, `delivery failed: ${describe(error)}`, true);
          item.ctx.setFailedDelivery({ reason: 'internal error' });
        }
        this.settle(item);
      }
    } finally {
      ticket.close();
    }
  }

  private handOverOne(item: CallItem, prepared: Prepared, ticket: SessionTicket, pipeline: Pipeline | null): void {
    if (!prepared.event) {
      item.ctx.setFailedDelivery({
        reason: prepared.plugins?.cancelled ? 'cancelled by a before plugin' : 'dropped by source middleware',
      });
      return;
    }
    if (!prepared.forAmplitude || !pipeline) return;
    const event = prepared.forAmplitude;
    const userId = userIdFor(event, pipeline);
    const ops = pipeline.mode.translate(
      { event, referrer: item.referrer, sessionId: ticket.sessionId, now: this.deps.clock.now() },
      this.deps.debug,
    );
    if (ops.length === 0) this.deps.debug(`${event.type} produced no Amplitude event with the current settings`);
    this.send(
      ops,
      {
        userId,
        deviceId: item.deviceId ?? this.deps.deviceId(),
        time: event.timestamp.getTime(),
        messageId: event.messageId,
      },
      ticket,
      pipeline,
      item.ctx,
    );
  }

  /** Stamps and queues operations; the first event's insert_id is the messageId, later ones get a suffix. */
  send(
    ops: AmplitudeOperation[],
    stamp: { userId: string | null; deviceId: string; time: number; messageId: string },
    ticket: SessionTicket,
    pipeline: Pipeline,
    ctx?: Context,
  ): void {
    let n = 0;
    for (const op of ops) {
      if (op.op === 'mapUser') this.deps.mapUser({ userId: op.userId, previousId: op.previousId });
      if (op.op !== 'event') continue;
      const insertId = n === 0 ? stamp.messageId : `${stamp.messageId}-${n}`;
      n++;
      const wire = stamped(
        op.event,
        { userId: stamp.userId, deviceId: stamp.deviceId, time: stamp.time, insertId },
        ticket,
        pipeline,
      );
      pipeline.accept(
        wire,
        ctx
          ? (outcome) => {
              if (outcome.code < 200 || outcome.code >= 300)
                ctx.log('warn', `Amplitude answered ${outcome.code}: ${outcome.message}`);
            }
          : undefined,
      );
    }
  }

  /**
   * An event the SDK produced itself (Experiment's exposure, an SDK plugin's event): stamped like the
   * shim's own, with the identity and session in force now, then the same plugins, outbox and journal.
   */
  sendSdkEvent(event: Dict): Promise<DeliveryOutcome> {
    const pipeline = this.deps.pipeline();
    if (!pipeline) return Promise.resolve({ code: 0, message: 'Amplitude is off for this page' });
    const now = this.deps.clock.now();
    // The SDK leaves fields it has no value for as undefined; they must not hide the envelope's.
    const own: Dict = {};
    for (const key of Object.keys(event)) if (event[key] !== undefined && key !== 'extra') own[key] = event[key];
    const ticket = pipeline.session.open(now);
    try {
      const wire = stamped(
        own as unknown as AmplitudeEvent,
        {
          userId: this.deps.userId(),
          deviceId: this.deps.deviceId(),
          time: typeof own.time === 'number' ? own.time : now,
          insertId: typeof own.insert_id === 'string' ? own.insert_id : `sdk-${this.deps.newId()}`,
        },
        ticket,
        pipeline,
      );
      return new Promise((resolve) => pipeline.accept(wire, resolve));
    } finally {
      ticket.close();
    }
  }

  /** The call is done (handed over, or dropped): callback, promise, emitted event. */
  settle(item: CallItem): void {
    if (item.settled) return;
    item.settled = true;
    if (item.timer !== undefined) {
      this.deps.clock.clearTimeout(item.timer);
      item.timer = undefined;
    }
    this.callBack(item);
    item.finish(item.ctx);
  }

  private callBack(item: CallItem): void {
    if (!item.callback || item.calledBack) return;
    item.calledBack = true;
    const call = `analytics.${item.event.type}()`;
    callPageFunction(item.callback, undefined, [item.ctx], (error) => {
      item.ctx.log('warn', `Callback Error: ${describe(error)}`);
      this.deps.warn(call, `callback failed: ${describe(error)}`, false);
    });
  }
}

/** An Amplitude event in its envelope: the identity and time it goes out with, the session in force. */
function stamped(event: AmplitudeEvent, stamp: EventStamp, ticket: SessionTicket, pipeline: Pipeline): WireEvent {
  return wireEvent(event, stamp, { sessionId: ticket.sessionId, eventId: ticket.nextEventId() }, pipeline.facts);
}

/** Hand-overs on a page that sends nothing to Amplitude have no session. */
const NO_SESSION: SessionTicket = { sessionId: undefined, nextEventId: () => -1, close: () => undefined };

/** The user ID an event handed to Amplitude goes out with (mode.userId); an identify sets it first. */
function userIdFor(event: SegmentEvent, pipeline: Pipeline): string | null {
  if (pipeline.mode.userId === 'event') return event.userId ?? null;
  if (event.type === 'identify' && isNonEmptyString(event.userId)) pipeline.amplitudeUserId = event.userId;
  return pipeline.amplitudeUserId;
}
