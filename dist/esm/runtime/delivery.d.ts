/**
 * Hand-over: a call that came out of middleware becomes Amplitude events (translation), stamped with
 * the identity and time of the call and the session in force (envelope), and goes into the outbox.
 * Then its callback runs and its promise resolves: analytics-next resolves once destinations have the
 * event, not after a fixed wait. The timeout only bounds how long a callback waits for that.
 */
import type { AmplitudeOperation, SegmentEvent } from '../core/types.js';
import type { Clock } from './clock.js';
import type { Context } from './context.js';
import type { SessionTicket } from './session.js';
import type { Pipeline } from './pipeline.js';
import type { Callback } from '../core/arguments.js';
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
}
export interface DeliveryDeps {
    clock: Clock;
    /** What load built; null on a page that sends nothing to Amplitude. */
    pipeline(): Pipeline | null;
    deviceId(): string;
    /** Amplitude's user mapping, which the browser cannot send itself (see user-mapping.ts). */
    mapUser(mapping: {
        userId: string;
        previousId: string;
    }): void;
    warn(call: string, message: string, dropped: boolean): void;
    debug(message: string): void;
}
export declare class Delivery {
    private readonly deps;
    constructor(deps: DeliveryDeps);
    /** Starts the callback clock for a call with a callback: it runs at hand-over, or at `timeoutMs` at the latest. */
    watch(item: CallItem, timeoutMs: number): void;
    handOver(calls: Array<{
        item: CallItem;
        prepared: Prepared;
    }>): void;
    private handOverOne;
    /** Stamps and queues operations; the first event's insert_id is the messageId, later ones get a suffix. */
    send(ops: AmplitudeOperation[], stamp: {
        userId: string | null;
        deviceId: string;
        time: number;
        messageId: string;
    }, ticket: SessionTicket, pipeline: Pipeline, ctx?: Context): void;
    /** The call is done (handed over, or dropped): callback, promise, emitted event. */
    settle(item: CallItem): void;
    private callBack;
    private reportCallbackError;
}
