import { translate } from './translate.js';
import { wireEvent } from './envelope.js';
import { describe, callPageFunction } from './page-code.js';

class Delivery {
    constructor(deps) {
        this.deps = deps;
    }
    /** Starts the callback clock for a call with a callback: it runs at hand-over, or at `timeoutMs` at the latest. */
    watch(item, timeoutMs) {
        if (!item.callback)
            return;
        item.timer = this.deps.clock.setTimeout(() => {
            item.timer = undefined;
            this.callBack(item);
        }, timeoutMs);
    }
    handOver(calls) {
        const ticket = this.deps.openSession(this.deps.clock.now());
        try {
            for (const { item, prepared } of calls) {
                try {
                    this.handOverOne(item, prepared, ticket);
                }
                catch (error) {
                    this.deps.warn(`analytics.${item.event.type}()`, `delivery failed: ${describe(error)}`, true);
                    item.ctx.setFailedDelivery({ reason: 'internal error' });
                }
                this.settle(item);
            }
        }
        finally {
            ticket.close();
        }
    }
    handOverOne(item, prepared, ticket) {
        var _a, _b;
        if (!prepared.event) {
            item.ctx.setFailedDelivery({ reason: 'dropped by source middleware' });
            return;
        }
        if (!prepared.forAmplitude)
            return;
        const event = prepared.forAmplitude;
        const ops = translate({ event, settings: this.deps.settings(), referrer: item.referrer });
        if (ops.length === 0)
            this.deps.debug(`${event.type} produced no Amplitude event with the current settings`);
        this.send(ops, { userId: (_a = event.userId) !== null && _a !== void 0 ? _a : null, deviceId: (_b = item.deviceId) !== null && _b !== void 0 ? _b : this.deps.deviceId(), time: event.timestamp.getTime(), messageId: event.messageId }, ticket, item.ctx);
    }
    /** Stamps and queues operations; the first event's insert_id is the messageId, later ones get a suffix. */
    send(ops, stamp, ticket, ctx) {
        const facts = this.deps.facts();
        const outbox = this.deps.outbox();
        let n = 0;
        for (const op of ops) {
            // setUserId only matters for the SDK's cookie, which the runtime keeps current.
            if (op.op !== 'event')
                continue;
            const insertId = n === 0 ? stamp.messageId : `${stamp.messageId}-${n}`;
            n++;
            const wire = wireEvent(op.event, { userId: stamp.userId, deviceId: stamp.deviceId, time: stamp.time, insertId }, { sessionId: ticket.sessionId, eventId: ticket.nextEventId() }, facts);
            outbox.add(wire, ctx ? (outcome) => {
                if (outcome.code < 200 || outcome.code >= 300)
                    ctx.log('warn', `Amplitude answered ${outcome.code}: ${outcome.message}`);
            } : undefined);
        }
    }
    /** The call is done (handed over, or dropped): callback, promise, emitted event. */
    settle(item) {
        if (item.settled)
            return;
        item.settled = true;
        if (item.timer !== undefined) {
            this.deps.clock.clearTimeout(item.timer);
            item.timer = undefined;
        }
        this.callBack(item);
        item.finish(item.ctx);
    }
    callBack(item) {
        if (!item.callback || item.calledBack)
            return;
        item.calledBack = true;
        const call = `analytics.${item.event.type}()`;
        callPageFunction(item.callback, undefined, [item.ctx], (error) => this.reportCallbackError(item, call, error));
    }
    reportCallbackError(item, call, error) {
        item.ctx.log('warn', `Callback Error: ${describe(error)}`);
        this.deps.warn(call, `callback failed: ${describe(error)}`, false);
    }
}

export { Delivery };
