/**
 * The last step before the wire: Amplitude-ready events wait here until the endpoint acknowledges them.
 * It stands in the SDK's timeline as its destination plugin, in place of the SDK's own, because the
 * shim must know, at the instant a page is left, exactly which events the browser has taken over
 * (beacon accepted, or a keepalive request already issued) and which it has not: the first count as
 * sent, the second go to the exit journal.
 *
 * While the page lives, an event the endpoint cannot take is kept and tried again (retry-policy.ts),
 * and given up only for a reason that will not change (outbox-answers.ts), or because it is too large
 * for any request or too old to send (here). This file is the queue: what goes into a request, and when.
 */
import { Backoff, MAX_EVENT_AGE_MS } from './retry-policy.js';
import {
  KEEPALIVE_BODY_LIMIT,
  type DeliveryOutcome,
  type OutboxConfig,
  type WireEvent,
  type WireResponse,
} from './wire-types.js';
import {
  MAX_EVENTS_PER_REQUEST,
  MAX_REQUEST_BYTES,
  REDUCED_STRING_LENGTH,
  reduceToFit,
  sized,
  utf8Length,
} from './request-size.js';
import { finish, requestBody, type Entry, type OutboxDeps, type OutboxState } from './outbox-state.js';
import { applyAnswer } from './outbox-answers.js';
import { handOverAtExit, unsentEvents } from './outbox-exit.js';

export interface Outbox {
  /** How many events wait for the endpoint (or for the browser to finish sending them). */
  readonly size: number;
  /** Queues an event; `settled` learns once the endpoint accepted it, or it was dropped for good. */
  add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void;
  /** Events a previous page left behind, already stamped: they go first, under their own insert_ids. */
  restore(events: WireEvent[]): void;
  /** Sends what is due now (the browser came back online, or the page asked), without waiting out a backoff. */
  flush(): void;
  /** A previous page saw the endpoint fail and no page has seen it answer since: exits journal until it does. */
  assumeFailing(): void;
  /** The page is being left or hidden: the browser takes what it can (outbox-exit.ts). */
  exit(): void;
  /** What the exit journal must keep if the page dies now. */
  unsent(): WireEvent[];
}

export function createOutbox(config: OutboxConfig, deps: OutboxDeps): Outbox {
  const { clock } = deps;
  const box: OutboxState = {
    config,
    deps,
    entries: new Map(),
    batchSize: Math.min(MAX_EVENTS_PER_REQUEST, Math.max(1, config.batchSize)),
    byteBudget: MAX_REQUEST_BYTES,
    backoff: new Backoff(deps.random),
    healthy: true,
  };
  const { entries } = box;
  let nextKey = 0;
  /** Only one request is in flight at a time (as in the SDK), so this is that request's size (0: none). */
  let inflightCount = 0;
  let timer: unknown = undefined;
  let timerDue = Infinity;

  const enqueue = (event: WireEvent, settle: Entry['settle'], age = 0): void => {
    const key = nextKey++;
    entries.set(key, {
      key,
      event,
      bornAt: clock.monotonic() - age,
      notBefore: 0,
      inflight: false,
      handed: false,
      settle,
    });
  };

  const waitingCount = () => entries.size - inflightCount;

  const schedule = (delayMs: number): void => {
    const due = clock.monotonic() + delayMs;
    if (timer !== undefined && timerDue <= due) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timerDue = due;
    timer = clock.setTimeout(() => {
      timer = undefined;
      timerDue = Infinity;
      pump();
    }, delayMs);
  };

  const pump = (): void => {
    if (inflightCount || entries.size === 0) return;
    if (!deps.transport.online()) return; // the page's `online` event calls flush()
    const taken = deps.reconcile && deps.reconcile();
    if (taken && taken.size) dropTaken(box, taken);
    const now = clock.monotonic();
    dropExpired(box, now);
    const wait = box.backoff.remaining(now);
    if (wait > 0) {
      if (entries.size) schedule(wait);
      return;
    }
    const batch: Entry[] = [];
    let bytes = 0;
    let nextDue = Infinity;
    for (const entry of [...entries.values()]) {
      if (entry.inflight) continue;
      if (entry.notBefore > now) {
        nextDue = Math.min(nextDue, entry.notBefore);
        continue;
      }
      const size = measure(box, entry);
      if (size === undefined) continue;
      // In order: a request ends at the first event that would take it over the limit.
      if (batch.length && bytes + size > box.byteBudget) break;
      batch.push(entry);
      bytes += size;
      if (batch.length >= box.batchSize) break;
    }
    if (batch.length === 0) {
      if (nextDue !== Infinity) schedule(nextDue - now);
      return;
    }
    const body = requestBody(box, batch);
    const keepalive = utf8Length(body) <= KEEPALIVE_BODY_LIMIT;
    for (const entry of batch) {
      entry.inflight = true;
      entry.handed = keepalive;
      entry.beaconed = false;
    }
    if (keepalive) deps.onChange();
    inflightCount = batch.length;
    let settled = false;
    const done = (response: WireResponse | null) => {
      if (settled) return;
      settled = true;
      inflightCount = 0;
      applyAnswer(box, batch, response, bytes);
      // A full batch still waiting goes on at once (a burst drains back to back); a partial one waits
      // its interval like any new event, as the SDK schedules what is left after a flush.
      const waiting = waitingCount();
      if (waiting >= box.batchSize || (config.uploadThreshold > 0 && waiting >= config.uploadThreshold)) schedule(0);
      else if (waiting > 0) schedule(config.flushIntervalMs);
    };
    try {
      deps.transport.post(config.serverUrl, body, keepalive).then(done, () => done(null));
    } catch {
      done(null);
    }
  };

  return {
    get size() {
      return entries.size;
    },
    add(event, settled) {
      enqueue(event, settled);
      deps.onChange();
      if (config.sendNewEventsAtOnce || (config.uploadThreshold > 0 && waitingCount() >= config.uploadThreshold))
        schedule(0);
      else schedule(config.flushIntervalMs);
    },
    restore(events) {
      // Their age so far is all the wall clock can tell; from here on it is measured on the monotonic clock.
      const now = clock.now();
      for (const event of events)
        enqueue(event, undefined, typeof event.time === 'number' ? Math.max(0, now - event.time) : 0);
      if (events.length) {
        deps.onChange();
        schedule(0);
      }
    },
    flush() {
      box.backoff.skipWait();
      schedule(0);
    },
    assumeFailing() {
      box.healthy = false;
    },
    exit: () => handOverAtExit(box),
    unsent: () => unsentEvents(box),
  };
}

/**
 * The event's size on the wire, measured once. One too large for any request is reduced (its largest
 * values cut) or, failing that, dropped; either way with one warning that names it. undefined: dropped.
 */
function measure(box: OutboxState, entry: Entry): number | undefined {
  if (entry.bytes === undefined || entry.json === undefined) {
    const measured = sized(entry.event);
    entry.json = measured.json;
    entry.bytes = measured.bytes;
  }
  if (entry.bytes <= box.byteBudget) return entry.bytes;
  const name = `"${entry.event.event_type}" (insert_id ${entry.event.insert_id})`;
  const reduced = reduceToFit(entry.event, box.byteBudget);
  if (!reduced) {
    box.deps.warn(
      `the event ${name} is ${entry.bytes} bytes, ` +
        'more than a request may carry even with its largest values cut; it was dropped',
    );
    finish(box, [entry], { code: 413, message: 'event too large' });
    return undefined;
  }
  box.deps.warn(
    `the event ${name} was ${entry.bytes} bytes, more than a request may carry; ` +
      `its largest values were cut to ${REDUCED_STRING_LENGTH} characters`,
  );
  entry.event = reduced.value;
  entry.json = reduced.json;
  entry.bytes = reduced.bytes;
  return entry.bytes;
}

/** Events older than Amplitude's window for recognizing a repeat are dropped, with one warning. */
function dropExpired(box: OutboxState, now: number): void {
  const expired: Entry[] = [];
  for (const entry of box.entries.values())
    if (!entry.inflight && now - entry.bornAt > MAX_EVENT_AGE_MS) expired.push(entry);
  if (!expired.length) return;
  finish(box, expired, { code: 0, message: 'too old to send' });
  box.deps.warn(
    `${expired.length} event(s) older than ${MAX_EVENT_AGE_MS / 86400000} days ` +
      'could not be delivered in time and were dropped',
  );
}

/** Events another page has sent (it took over this page's journal record) leave without a request. */
function dropTaken(box: OutboxState, ids: Set<string>): void {
  const taken: Entry[] = [];
  for (const entry of box.entries.values()) if (!entry.inflight && ids.has(entry.event.insert_id)) taken.push(entry);
  finish(box, taken, { code: 200, message: 'sent by another page' });
}
