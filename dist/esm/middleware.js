import { isPlainObject } from './values.js';
import { isThenable, describe, safeThen } from './page-code.js';

/** The longest a middleware's returned promise may hold its event. */
const MIDDLEWARE_TIMEOUT_MS = 1000;
const CANCELLED = Symbol('cancelled');
/**
 * Runs `chain` over `event`. Source middleware (no `integration`): next(null) passes the event through
 * unchanged. Destination middleware: next(null) drops the event for that destination.
 */
function runChain(chain, event, integration, deps) {
    let current = event;
    for (let i = 0; i < chain.length; i++) {
        const step = runOne(chain[i], current, integration, deps);
        if (step === null)
            return null;
        if (isThenable(step))
            return continueAsync(step, chain, i + 1, integration, deps);
        current = step;
    }
    return current;
}
async function continueAsync(pending, chain, from, integration, deps) {
    let current = await pending;
    for (let i = from; i < chain.length && current; i++) {
        const step = runOne(chain[i], current, integration, deps);
        current = isThenable(step) ? await step : step;
    }
    return current;
}
function runOne(fn, event, integration, deps) {
    let outcome = CANCELLED;
    const next = (payload) => {
        if (outcome !== CANCELLED)
            return;
        if (payload === null || payload === undefined)
            outcome = integration ? null : event;
        else
            outcome = isPlainObject(payload.obj) ? payload.obj : event;
    };
    let returned;
    try {
        returned = fn({ payload: makePayload(event), integrations: event.integrations, integration, next });
    }
    catch (error) {
        deps.warn(`threw: ${describe(error)}; the event continues unchanged`, false);
        return event;
    }
    if (outcome !== CANCELLED) {
        if (isThenable(returned))
            safeThen(returned, undefined, (error) => deps.warn(`rejected after next(): ${describe(error)}`, false));
        return outcome;
    }
    if (!isThenable(returned))
        return null; // returned without calling next: cancelled, silently
    return new Promise((resolve) => {
        const timer = deps.clock.setTimeout(() => {
            deps.warn(`did not call next() within ${MIDDLEWARE_TIMEOUT_MS} ms; the event was dropped`, true);
            resolve(null);
        }, MIDDLEWARE_TIMEOUT_MS);
        const settle = () => {
            deps.clock.clearTimeout(timer);
            resolve(outcome === CANCELLED ? null : outcome);
        };
        safeThen(returned, settle, (error) => {
            deps.warn(`rejected: ${describe(error)}`, outcome === CANCELLED);
            settle();
        });
    });
}
function makePayload(event) {
    return { obj: event, type: () => event.type, event: () => event.event };
}

export { MIDDLEWARE_TIMEOUT_MS, runChain };
