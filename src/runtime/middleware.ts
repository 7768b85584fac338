/**
 * analytics-next's middleware contract. A middleware that calls `next` synchronously keeps the event on
 * the synchronous path (no promise, no timer), so pages with simple middleware pay nothing for it. One
 * that returns without calling `next` cancels the event at once, as analytics-next does; one that
 * returns a promise is awaited, bounded by a timeout.
 */
import type { Clock } from './clock.js';
import type { Dict, SegmentEvent } from '../core/types.js';
import { isPlainObject } from '../core/values.js';
import { describe, isThenable, raceTimeout, safeThen } from './page-code.js';

interface MiddlewarePayload {
  obj: SegmentEvent;
  type(): string;
  event(): string | undefined;
}

export type Middleware = (ctx: {
  payload: MiddlewarePayload;
  integrations?: Dict;
  integration?: string;
  next: (payload?: MiddlewarePayload | null) => void;
}) => unknown;

/** The longest a middleware's returned promise may hold its event. */
export const MIDDLEWARE_TIMEOUT_MS = 1000;

export type ChainResult = SegmentEvent | null | Promise<SegmentEvent | null>;

export interface ChainDeps {
  clock: Clock;
  /** One warning per problem; `dropped` tells whether data was lost. */
  warn: (message: string, dropped: boolean) => void;
}

const CANCELLED = Symbol('cancelled');

/**
 * Runs `chain` over `event`. Source middleware (no `integration`): next(null) passes the event through
 * unchanged. Destination middleware: next(null) drops the event for that destination.
 */
export function runChain(
  chain: readonly Middleware[],
  event: SegmentEvent,
  integration: string | undefined,
  deps: ChainDeps,
): ChainResult {
  let current: SegmentEvent = event;
  for (let i = 0; i < chain.length; i++) {
    const step = runOne(chain[i], current, integration, deps);
    if (step === null) return null;
    if (isThenable(step)) return continueAsync(step, chain, i + 1, integration, deps);
    current = step;
  }
  return current;
}

async function continueAsync(
  pending: Promise<SegmentEvent | null>,
  chain: readonly Middleware[],
  from: number,
  integration: string | undefined,
  deps: ChainDeps,
): Promise<SegmentEvent | null> {
  let current = await pending;
  for (let i = from; i < chain.length && current; i++) {
    const step = runOne(chain[i], current, integration, deps);
    current = isThenable(step) ? await step : step;
  }
  return current;
}

function runOne(
  fn: Middleware,
  event: SegmentEvent,
  integration: string | undefined,
  deps: ChainDeps,
): SegmentEvent | null | Promise<SegmentEvent | null> {
  let outcome: SegmentEvent | null | typeof CANCELLED = CANCELLED;
  const next = (payload?: MiddlewarePayload | null) => {
    if (outcome !== CANCELLED) return;
    if (payload === null || payload === undefined) outcome = integration ? null : event;
    else outcome = isPlainObject(payload.obj) ? (payload.obj as SegmentEvent) : event;
  };
  let returned: unknown;
  try {
    returned = fn({ payload: makePayload(event), integrations: event.integrations, integration, next });
  } catch (error) {
    deps.warn(`threw: ${describe(error)}; the event continues unchanged`, false);
    return event;
  }
  if (outcome !== CANCELLED) {
    if (isThenable(returned))
      safeThen(returned, undefined, (error) => deps.warn(`rejected after next(): ${describe(error)}`, false));
    return outcome;
  }
  if (!isThenable(returned)) return null; // returned without calling next: cancelled, silently
  const settled = () => (outcome === CANCELLED ? null : outcome);
  return raceTimeout(
    returned,
    MIDDLEWARE_TIMEOUT_MS,
    deps.clock,
    settled,
    (error) => {
      deps.warn(`rejected: ${describe(error)}`, outcome === CANCELLED);
      return settled();
    },
    () => {
      deps.warn(`did not call next() within ${MIDDLEWARE_TIMEOUT_MS} ms; the event was dropped`, true);
      return null;
    },
  );
}

function makePayload(event: SegmentEvent): MiddlewarePayload {
  return { obj: event, type: () => event.type, event: () => event.event };
}
