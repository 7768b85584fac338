/**
 * The last step before the wire: Amplitude-ready events wait here until the endpoint acknowledges them.
 * It stands in the SDK's timeline as its destination plugin, in place of the SDK's own, because the
 * shim must know, at the instant a page is left, exactly which events the browser has taken over
 * (beacon accepted, or a keepalive request already issued) and which it has not: the first count as
 * sent, the second go to the exit journal. Retries follow the SDK's rules so behaviour does not change.
 */
import type { Clock } from '../runtime/clock.js';
import type { Dict } from '../core/types.js';

export type WireEvent = Dict & { event_type: string; insert_id: string };

export interface WireResponse {
  status: number;
  body: Dict;
}

export interface Transport {
  /** Resolves null when the request failed below HTTP (offline, DNS, blocked, aborted). */
  post(url: string, body: string, keepalive: boolean): Promise<WireResponse | null>;
  /** true when the browser accepted the payload for delivery after the page is gone. */
  beacon(url: string, body: string): boolean;
  online(): boolean;
}

export interface OutboxConfig {
  apiKey: string;
  serverUrl: string;
  /** Most events in one request (halved after a 413). */
  batchSize: number;
  /** How long a new event waits for others to share its request (and what is left after a request waits). */
  flushIntervalMs: number;
  /**
   * batchEvents off, as amplitude-js sent: a new event leaves in the next task, with whatever the same
   * hand-over brought, instead of waiting the interval (which still paces what is left after a request).
   */
  sendNewEventsAtOnce?: boolean;
  /** With batching: this many waiting events leave at once (amplitude-js's eventUploadThreshold). */
  uploadThreshold: number;
  minIdLength?: number;
  maxAttempts: number;
  retryBaseMs: number;
  throttleMs: number;
}

export interface DeliveryOutcome {
  code: number;
  message: string;
}

/** Browsers cap keepalive bodies at 64 KiB in flight; larger requests go without keepalive. */
export const KEEPALIVE_BODY_LIMIT = 60000;

interface Entry {
  key: number;
  event: WireEvent;
  attempts: number;
  notBefore: number;
  inflight: boolean;
  /** The browser owns it now (beacon accepted, or a keepalive request issued while online). */
  handed: boolean;
  /** It was in a keepalive request when the page was left: that request is the browser's now. */
  leftWithBrowser?: boolean;
  settle?: (outcome: DeliveryOutcome) => void;
}

export interface OutboxDeps {
  clock: Clock;
  transport: Transport;
  /** The set of events that are not yet the browser's changed; the exit journal persists it. */
  onChange: () => void;
  /** Called before each request; returns insert_ids another page has taken over (they are dropped here). */
  reconcile?: () => Set<string> | undefined;
  warn: (message: string) => void;
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

  constructor(
    private readonly config: OutboxConfig,
    private readonly deps: OutboxDeps,
  ) {
    this.batchSize = Math.max(1, config.batchSize);
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
    for (const event of events) this.enqueue(event, undefined);
    if (events.length) {
      this.deps.onChange();
      this.schedule(0);
    }
  }

  private enqueue(event: WireEvent, settle: Entry['settle']): void {
    const key = this.nextKey++;
    this.entries.set(key, { key, event, attempts: 0, notBefore: 0, inflight: false, handed: false, settle });
  }

  private afterEnqueue(): void {
    if (this.config.sendNewEventsAtOnce || (this.config.uploadThreshold > 0 && this.waitingCount() >= this.config.uploadThreshold)) this.schedule(0);
    else this.schedule(this.config.flushIntervalMs);
  }

  private waitingCount(): number {
    return this.entries.size - this.inflightCount;
  }

  /** Sends what is due now (the browser came back online, or the page asked). */
  flush(): void {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    const due = this.deps.clock.now() + delayMs;
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
    const now = this.deps.clock.now();
    const batch: Entry[] = [];
    let nextDue = Infinity;
    for (const entry of this.entries.values()) {
      if (entry.inflight) continue;
      if (entry.notBefore > now) {
        nextDue = Math.min(nextDue, entry.notBefore);
        continue;
      }
      batch.push(entry);
      if (batch.length >= this.batchSize) break;
    }
    if (batch.length === 0) {
      if (nextDue !== Infinity) this.schedule(nextDue - now);
      return;
    }
    const body = this.payload(batch);
    const keepalive = body.length <= KEEPALIVE_BODY_LIMIT;
    for (const entry of batch) {
      entry.inflight = true;
      entry.handed = keepalive;
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
      this.onResponse(batch, response);
      // A full batch still waiting goes on at once (a burst drains back to back); a partial one waits
      // its interval like any new event, as the SDK schedules what is left after a flush.
      const waiting = this.waitingCount();
      if (waiting >= this.batchSize || (this.config.uploadThreshold > 0 && waiting >= this.config.uploadThreshold)) this.schedule(0);
      else if (waiting > 0) this.schedule(this.config.flushIntervalMs);
    };
    try {
      this.deps.transport.post(this.config.serverUrl, body, keepalive).then(done, () => done(null));
    } catch {
      done(null);
    }
  }

  private payload(batch: Entry[]): string {
    const body: Dict = { api_key: this.config.apiKey, events: batch.map((e) => e.event) };
    if (this.config.minIdLength !== undefined) body.options = { min_id_length: this.config.minIdLength };
    body.client_upload_time = new Date(this.deps.clock.now()).toISOString();
    return JSON.stringify(body);
  }

  private onResponse(batch: Entry[], response: WireResponse | null): void {
    let live = batch.filter((entry) => this.entries.get(entry.key) === entry);
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
    if (code >= 200 && code < 300) {
      this.finish(live, { code, message: 'success' });
    } else if (code === 400) {
      this.onInvalid(batch, live, body);
    } else if (code === 413) {
      if (batch.length === 1) this.finish(live, { code, message: 'payload too large' });
      else {
        this.batchSize = Math.max(1, Math.floor(batch.length / 2));
        this.retry(live, 0);
      }
    } else if (code === 429) {
      this.onThrottled(batch, live, body);
    } else {
      // Server error or no answer: back off by attempts, as the SDK does.
      for (const entry of live) entry.notBefore = this.deps.clock.now() + entry.attempts * this.config.retryBaseMs;
      this.retry(live, undefined);
    }
    this.deps.onChange();
  }

  private onInvalid(batch: Entry[], live: Entry[], body: Dict): void {
    const error = typeof body.error === 'string' ? body.error : '';
    if (body.missing_field || error.startsWith('Invalid API key')) {
      this.finish(live, { code: 400, message: error || 'invalid request' });
      this.deps.warn(`Amplitude rejected a request: ${error || 'invalid request'}`);
      return;
    }
    const bad = new Set<number>();
    for (const field of ['events_with_invalid_fields', 'events_with_missing_fields', 'events_with_invalid_id_lengths']) {
      const byField = body[field];
      if (byField && typeof byField === 'object') for (const list of Object.values(byField as Dict)) addIndexes(bad, list);
    }
    addIndexes(bad, body.silenced_events);
    const dropped = batch.filter((_, i) => bad.has(i)).filter((e) => live.includes(e));
    if (dropped.length) {
      this.finish(dropped, { code: 400, message: error || 'invalid event' });
      this.deps.warn(`Amplitude rejected ${dropped.length} event(s): ${error || 'invalid event'}`);
    }
    this.retry(
      live.filter((e) => !dropped.includes(e)),
      0,
    );
  }

  private onThrottled(batch: Entry[], live: Entry[], body: Dict): void {
    const users = new Set(Object.keys(asDict(body.exceeded_daily_quota_users)));
    const devices = new Set(Object.keys(asDict(body.exceeded_daily_quota_devices)));
    const throttled = new Set<number>();
    addIndexes(throttled, body.throttled_events);
    const over = live.filter((e) => users.has(String(e.event.user_id)) || devices.has(String(e.event.device_id)));
    if (over.length) this.finish(over, { code: 429, message: 'daily quota exceeded' });
    const rest = live.filter((e) => !over.includes(e));
    for (const entry of rest) if (throttled.has(batch.indexOf(entry))) entry.notBefore = this.deps.clock.now() + this.config.throttleMs;
    this.retry(rest, undefined);
  }

  /** Counts an attempt; an event that has used them all is dropped. */
  private retry(entries: Entry[], delayMs: number | undefined): void {
    const given: Entry[] = [];
    for (const entry of entries) {
      entry.attempts += 1;
      if (entry.attempts >= this.config.maxAttempts) given.push(entry);
      else if (delayMs !== undefined) entry.notBefore = this.deps.clock.now() + delayMs;
    }
    if (given.length) {
      this.finish(given, { code: 500, message: `dropped after ${this.config.maxAttempts} attempts` });
      this.deps.warn(`${given.length} event(s) could not be delivered after ${this.config.maxAttempts} attempts and were dropped`);
    }
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
      if (accepted) this.finish(chunk, { code: 200, message: 'handed to the browser at exit' });
      chunk = [];
      bytes = 0;
    };
    for (const entry of [...this.entries.values()]) {
      if (entry.inflight) continue;
      const size = JSON.stringify(entry.event).length + 1;
      if (chunk.length && (bytes + size > KEEPALIVE_BODY_LIMIT || chunk.length >= Math.max(this.batchSize, 100))) send();
      chunk.push(entry);
      bytes += size;
    }
    send();
    this.deps.onChange();
  }

  /** What must survive if the page dies now: everything the browser has not taken over. */
  unsent(): WireEvent[] {
    const out: WireEvent[] = [];
    for (const entry of this.entries.values()) if (!entry.handed) out.push(entry.event);
    return out;
  }
}

function responseCode(response: WireResponse): number {
  const code = response.body.code;
  return typeof code === 'number' ? code : response.status;
}

function asDict(value: unknown): Dict {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : {};
}

function addIndexes(into: Set<number>, list: unknown): void {
  if (Array.isArray(list)) for (const i of list) if (typeof i === 'number') into.add(i);
}
