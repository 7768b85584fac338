/**
 * The last step before the wire: Amplitude-ready events wait here until the endpoint acknowledges them.
 * It stands in the SDK's timeline as its destination plugin, in place of the SDK's own, because the
 * shim must know, at the instant a page is left, exactly which events the browser has taken over
 * (beacon accepted, or a keepalive request already issued) and which it has not: the first count as
 * sent, the second go to the exit journal.
 *
 * While the page lives, an event the endpoint cannot take is kept and tried again (retry-policy.ts),
 * and given up only for a reason that will not change: Amplitude names it invalid, its user or device
 * is over the daily quota, it is too large for any request, or it is too old to send.
 */
import type { Clock } from '../runtime/clock.js';
import type { Dict } from '../core/types.js';
import { Backoff, MAX_EVENT_AGE_MS } from './retry-policy.js';
import { errorOf, invalidIndexes, requestRejected, responseCode, throttling } from './endpoint-answer.js';
import {
  KEEPALIVE_BODY_LIMIT,
  type DeliveryOutcome,
  type OutboxConfig,
  type Transport,
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

interface Entry {
  key: number;
  event: WireEvent;
  /** The event as JSON and its UTF-8 size, measured once when it is first batched. */
  json?: string;
  bytes?: number;
  /** When it was tracked, on the monotonic clock (earlier than the page for events a previous page left). */
  bornAt: number;
  /** Throttled (429): not before this, on the monotonic clock. */
  notBefore: number;
  inflight: boolean;
  /** The browser owns it now (beacon accepted, or a keepalive request issued while online). */
  handed: boolean;
  /** It was in a keepalive request when the page was left: that request is the browser's now. */
  leftWithBrowser?: boolean;
  /** Beaconed while the endpoint was failing: kept for the journal, and not beaconed again until it is retried. */
  beaconed?: boolean;
  settle?: (outcome: DeliveryOutcome) => void;
}

export interface OutboxDeps {
  clock: Clock;
  transport: Transport;
  /** The set of events that are not yet the browser's changed; the exit journal persists it. */
  onChange: () => void;
  /** Called before each request; returns insert_ids another page has taken over (they are dropped here). */
  reconcile?: () => Set<string> | undefined;
  /** The endpoint went from answering to failing, or back (the journal remembers it for the next page). */
  onHealth?: (healthy: boolean) => void;
  warn: (message: string) => void;
  random?: () => number;
}

export class Outbox {
  /**
   * In order, keyed by arrival (not by insert_id): what is added twice is sent twice, so a bug that
   * hands an event over twice shows on the wire instead of being silently merged.
   */
  private readonly entries = new Map<number, Entry>();
  private nextKey = 0;
  private requestInFlight = false;
  /** Only one request is in flight at a time (as in the SDK), so this is that request's size. */
  private inflightCount = 0;
  private timer: unknown = undefined;
  private timerDue = Infinity;
  private batchSize: number;
  /** What the events of one request may weigh (halved after a 413 that splitting did not prevent). */
  private byteBudget = MAX_REQUEST_BYTES;
  private readonly backoff: Backoff;
  /** The endpoint's last answer was a 2xx (or an answer about the events, 400 or 413), or it has not failed yet. */
  private healthy = true;

  constructor(
    private readonly config: OutboxConfig,
    private readonly deps: OutboxDeps,
  ) {
    this.batchSize = Math.min(MAX_EVENTS_PER_REQUEST, Math.max(1, config.batchSize));
    this.backoff = new Backoff(deps.random);
  }

  /** A previous page saw the endpoint fail and no page has seen it answer since: exits journal until it does. */
  assumeFailing(): void {
    this.healthy = false;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Queues an event; `settled` learns once the endpoint accepted it, or it was dropped for good. */
  add(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void {
    this.enqueue(event, settled);
    this.deps.onChange();
    this.afterEnqueue();
  }

  /** Events a previous page left behind, already stamped: they go first, under their own insert_ids. */
  restore(events: WireEvent[]): void {
    // Their age so far is all the wall clock can tell; from here on it is measured on the monotonic clock.
    const now = this.deps.clock.now();
    for (const event of events)
      this.enqueue(event, undefined, typeof event.time === 'number' ? Math.max(0, now - event.time) : 0);
    if (events.length) {
      this.deps.onChange();
      this.schedule(0);
    }
  }

  private enqueue(event: WireEvent, settle: Entry['settle'], age = 0): void {
    const key = this.nextKey++;
    this.entries.set(key, {
      key,
      event,
      bornAt: this.deps.clock.monotonic() - age,
      notBefore: 0,
      inflight: false,
      handed: false,
      settle,
    });
  }

  private afterEnqueue(): void {
    if (
      this.config.sendNewEventsAtOnce ||
      (this.config.uploadThreshold > 0 && this.waitingCount() >= this.config.uploadThreshold)
    )
      this.schedule(0);
    else this.schedule(this.config.flushIntervalMs);
  }

  private waitingCount(): number {
    return this.entries.size - this.inflightCount;
  }

  /** Sends what is due now (the browser came back online, or the page asked), without waiting out a backoff. */
  flush(): void {
    this.backoff.skipWait();
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    const due = this.deps.clock.monotonic() + delayMs;
    if (this.timer !== undefined && this.timerDue <= due) return;
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      this.pump();
    }, delayMs);
  }

  private pump(): void {
    if (this.requestInFlight || this.entries.size === 0) return;
    if (!this.deps.transport.online()) return; // the page's `online` event calls flush()
    const taken = this.deps.reconcile?.();
    if (taken && taken.size) this.dropTaken(taken);
    const now = this.deps.clock.monotonic();
    this.dropExpired(now);
    const wait = this.backoff.remaining(now);
    if (wait > 0) {
      if (this.entries.size) this.schedule(wait);
      return;
    }
    const batch: Entry[] = [];
    let bytes = 0;
    let nextDue = Infinity;
    for (const entry of [...this.entries.values()]) {
      if (entry.inflight) continue;
      if (entry.notBefore > now) {
        nextDue = Math.min(nextDue, entry.notBefore);
        continue;
      }
      const size = this.measure(entry);
      if (size === undefined) continue;
      // In order: a request ends at the first event that would take it over the limit.
      if (batch.length && bytes + size > this.byteBudget) break;
      batch.push(entry);
      bytes += size;
      if (batch.length >= this.batchSize) break;
    }
    if (batch.length === 0) {
      if (nextDue !== Infinity) this.schedule(nextDue - now);
      return;
    }
    const body = this.payload(batch);
    const keepalive = utf8Length(body) <= KEEPALIVE_BODY_LIMIT;
    for (const entry of batch) {
      entry.inflight = true;
      entry.handed = keepalive;
      entry.beaconed = false;
    }
    if (keepalive) this.deps.onChange();
    this.requestInFlight = true;
    this.inflightCount = batch.length;
    let settled = false;
    const done = (response: WireResponse | null) => {
      if (settled) return;
      settled = true;
      this.requestInFlight = false;
      this.inflightCount = 0;
      this.onResponse(batch, response, bytes);
      // A full batch still waiting goes on at once (a burst drains back to back); a partial one waits
      // its interval like any new event, as the SDK schedules what is left after a flush.
      const waiting = this.waitingCount();
      if (waiting >= this.batchSize || (this.config.uploadThreshold > 0 && waiting >= this.config.uploadThreshold))
        this.schedule(0);
      else if (waiting > 0) this.schedule(this.config.flushIntervalMs);
    };
    try {
      this.deps.transport.post(this.config.serverUrl, body, keepalive).then(done, () => done(null));
    } catch {
      done(null);
    }
  }

  /**
   * The event's size on the wire, measured once. One too large for any request is reduced (its largest
   * values cut) or, failing that, dropped; either way with one warning that names it. undefined: dropped.
   */
  private measure(entry: Entry): number | undefined {
    if (entry.bytes === undefined || entry.json === undefined) {
      const measured = sized(entry.event);
      entry.json = measured.json;
      entry.bytes = measured.bytes;
    }
    if (entry.bytes <= this.byteBudget) return entry.bytes;
    const name = `"${entry.event.event_type}" (insert_id ${entry.event.insert_id})`;
    const reduced = reduceToFit(entry.event, this.byteBudget);
    if (!reduced) {
      this.deps.warn(
        `the event ${name} is ${entry.bytes} bytes, ` +
          'more than a request may carry even with its largest values cut; it was dropped',
      );
      this.finish([entry], { code: 413, message: 'event too large' });
      return undefined;
    }
    this.deps.warn(
      `the event ${name} was ${entry.bytes} bytes, more than a request may carry; ` +
        `its largest values were cut to ${REDUCED_STRING_LENGTH} characters`,
    );
    entry.event = reduced.value;
    entry.json = reduced.json;
    entry.bytes = reduced.bytes;
    return entry.bytes;
  }

  /** The request body, from the events' JSON measured when they were batched (serialized once). */
  private payload(batch: Entry[]): string {
    const events = batch.map((e) => e.json ?? JSON.stringify(e.event)).join(',');
    const options =
      this.config.minIdLength !== undefined
        ? `,"options":${JSON.stringify({ min_id_length: this.config.minIdLength })}`
        : '';
    const uploadTime = JSON.stringify(new Date(this.deps.clock.now()).toISOString());
    const key = JSON.stringify(this.config.apiKey);
    return `{"api_key":${key},"events":[${events}]${options},"client_upload_time":${uploadTime}}`;
  }

  /** Events older than Amplitude's window for recognizing a repeat are dropped, with one warning. */
  private dropExpired(now: number): void {
    const expired: Entry[] = [];
    for (const entry of this.entries.values())
      if (!entry.inflight && now - entry.bornAt > MAX_EVENT_AGE_MS) expired.push(entry);
    if (!expired.length) return;
    this.finish(expired, { code: 0, message: 'too old to send' });
    this.deps.warn(
      `${expired.length} event(s) older than ${MAX_EVENT_AGE_MS / 86400000} days ` +
        'could not be delivered in time and were dropped',
    );
  }

  private setHealthy(healthy: boolean): void {
    if (healthy === this.healthy) return;
    this.healthy = healthy;
    this.deps.onHealth?.(healthy);
  }

  private onResponse(batch: Entry[], response: WireResponse | null, bytes: number): void {
    let live = batch.filter((entry) => this.entries.get(entry.key) === entry);
    // The page tearing down its own request says nothing about the endpoint.
    const abortedByExit = !response && batch.some((entry) => entry.leftWithBrowser);
    if (!response) {
      // A page being left sees its keepalive requests fail while the browser still completes them:
      // those were handed over at exit and count as sent (a real HTTP error still retries below).
      const left = live.filter((entry) => entry.leftWithBrowser);
      this.finish(left, { code: 200, message: 'handed to the browser at exit' });
      live = live.filter((entry) => !entry.leftWithBrowser);
    }
    for (const entry of live) {
      entry.inflight = false;
      entry.handed = false;
    }
    const code = response ? responseCode(response) : 0;
    const body = response?.body ?? {};
    // An answer about the events themselves (2xx, 400, 413) means the endpoint is up.
    const answered = (code >= 200 && code < 300) || code === 400 || code === 413;
    if (answered) this.backoff.succeeded();
    if (!abortedByExit) this.setHealthy(answered);
    if (code >= 200 && code < 300) {
      this.finish(live, { code, message: 'success' });
    } else if (code === 400) {
      this.onInvalid(batch, live, body);
    } else if (code === 413) {
      // Not the events' fault, and not counted against them: smaller requests, at once.
      if (batch.length === 1) this.giveUp(live, 413, 'is more than the endpoint accepts in a request');
      else this.shrink(batch.length, bytes);
    } else if (code === 429) {
      this.onThrottled(batch, live, body);
    } else {
      // Server error or no answer: the endpoint backs off; every event stays.
      if (!abortedByExit || live.length) this.backoff.failed(this.deps.clock.monotonic());
    }
    this.deps.onChange();
  }

  private shrink(count: number, bytes?: number): void {
    this.batchSize = Math.max(1, Math.floor(count / 2));
    if (bytes !== undefined) this.byteBudget = Math.max(1024, Math.floor(bytes / 2));
  }

  /** Gives up on events for a reason that will not change, with one warning naming each. */
  private giveUp(entries: Entry[], code: number, reason: string): void {
    for (const entry of entries)
      this.deps.warn(
        `the event "${entry.event.event_type}" (insert_id ${entry.event.insert_id}) ${reason}; it was dropped`,
      );
    this.finish(entries, { code, message: reason });
  }

  private onInvalid(batch: Entry[], live: Entry[], body: Dict): void {
    const error = errorOf(body);
    const rejected = requestRejected(body);
    if (rejected) {
      this.finish(live, { code: 400, message: rejected });
      this.deps.warn(`Amplitude rejected a request: ${rejected}`);
      return;
    }
    const bad = invalidIndexes(body);
    if (bad.size === 0) {
      // A 400 that names no event: alone in its request, the event is the problem; otherwise split and find it.
      if (batch.length === 1) this.giveUp(live, 400, `was rejected by Amplitude: ${error || 'invalid request'}`);
      else this.shrink(batch.length);
      return;
    }
    const dropped = batch.filter((_, i) => bad.has(i)).filter((e) => live.includes(e));
    if (dropped.length) {
      this.finish(dropped, { code: 400, message: error || 'invalid event' });
      this.deps.warn(`Amplitude rejected ${dropped.length} event(s): ${error || 'invalid event'}`);
    }
  }

  private onThrottled(batch: Entry[], live: Entry[], body: Dict): void {
    const { overQuota, throttled } = throttling(body);
    const over = live.filter((e) => overQuota(e.event));
    if (over.length) this.finish(over, { code: 429, message: 'daily quota exceeded' });
    const rest = live.filter((e) => !over.includes(e));
    const now = this.deps.clock.monotonic();
    let named = false;
    for (const entry of rest)
      if (throttled.has(batch.indexOf(entry))) {
        entry.notBefore = now + this.config.throttleMs;
        named = true;
      }
    // Throttled without naming the events: the endpoint as a whole backs off.
    if (!named && rest.length) this.backoff.failed(now);
  }

  private finish(entries: Entry[], outcome: DeliveryOutcome): void {
    for (const entry of entries) {
      if (this.entries.get(entry.key) !== entry) continue;
      this.entries.delete(entry.key);
      entry.settle?.(outcome);
    }
  }

  private dropTaken(ids: Set<string>): void {
    const taken: Entry[] = [];
    for (const entry of this.entries.values()) if (!entry.inflight && ids.has(entry.event.insert_id)) taken.push(entry);
    this.finish(taken, { code: 200, message: 'sent by another page' });
  }

  /**
   * The page is being left (or hidden, which may be the last chance). Synchronously hands every waiting
   * event to sendBeacon; requests already issued with keepalive are the browser's too. What the browser
   * does not take stays here and in the journal.
   */
  exit(): void {
    if (!this.deps.transport.online()) return;
    // While the endpoint fails, a beacon the browser accepts may be refused: what it carries stays
    // journaled too, and the next page sends it again under the same insert_id (Amplitude ignores
    // the repeat if the beacon did arrive). While it answers, what the browser took counts as sent.
    const healthy = this.healthy;
    if (healthy)
      for (const entry of this.entries.values()) if (entry.inflight && entry.handed) entry.leftWithBrowser = true;
    let chunk: Entry[] = [];
    let bytes = 0;
    const send = () => {
      if (!chunk.length) return;
      const body = this.payload(chunk);
      let accepted: boolean;
      try {
        accepted = this.deps.transport.beacon(this.config.serverUrl, body);
      } catch {
        accepted = false;
      }
      if (accepted && healthy) this.finish(chunk, { code: 200, message: 'handed to the browser at exit' });
      else if (accepted) for (const entry of chunk) entry.beaconed = true;
      chunk = [];
      bytes = 0;
    };
    for (const entry of [...this.entries.values()]) {
      if (entry.inflight || entry.beaconed) continue;
      const size = (entry.bytes ?? sized(entry.event).bytes) + 1;
      if (chunk.length && (bytes + size > KEEPALIVE_BODY_LIMIT || chunk.length >= Math.max(this.batchSize, 100)))
        send();
      chunk.push(entry);
      bytes += size;
    }
    send();
    this.deps.onChange();
  }

  /**
   * What must survive if the page dies now: everything the browser has not taken over (all of it while the
   * endpoint fails).
   */
  unsent(): WireEvent[] {
    const out: WireEvent[] = [];
    for (const entry of this.entries.values())
      if (!entry.handed || !this.healthy || entry.beaconed) out.push(entry.event);
    return out;
  }
}
