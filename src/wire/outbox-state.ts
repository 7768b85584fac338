/**
 * What the outbox's parts share: its entries, in arrival order, and what it knows of the endpoint. The queue
 * (outbox.ts), what an answer does to a request's events (outbox-answers.ts) and the page exit
 * (outbox-exit.ts) each act on it. Only outbox.ts builds it, and the rest of the shim sees the Outbox
 * interface alone, so nothing outside these files can change an entry behind the queue's back.
 */
import type { Clock } from '../runtime/clock.js';
import type { Backoff } from './retry-policy.js';
import type { DeliveryOutcome, OutboxConfig, Transport, WireEvent } from './wire-types.js';

export interface Entry {
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

export interface OutboxState {
  readonly config: OutboxConfig;
  readonly deps: OutboxDeps;
  /**
   * In order, keyed by arrival (not by insert_id): what is added twice is sent twice, so a bug that
   * hands an event over twice shows on the wire instead of being silently merged.
   */
  readonly entries: Map<number, Entry>;
  /** Most events in one request (halved while a 413 or an unexplained 400 is narrowed down). */
  batchSize: number;
  /** What the events of one request may weigh (halved after a 413 that splitting did not prevent). */
  byteBudget: number;
  readonly backoff: Backoff;
  /** The endpoint's last answer was a 2xx (or an answer about the events, 400 or 413), or it has not failed yet. */
  healthy: boolean;
}

/** Settles entries and takes them out; one no longer in the outbox (already settled, or taken over) is left alone. */
export function finish(box: OutboxState, entries: Entry[], outcome: DeliveryOutcome): void {
  for (const entry of entries) {
    if (box.entries.get(entry.key) !== entry) continue;
    box.entries.delete(entry.key);
    if (entry.settle) entry.settle(outcome);
  }
}

/** Gives up on events for a reason that will not change, with one warning naming each. */
export function giveUp(box: OutboxState, entries: Entry[], code: number, reason: string): void {
  for (const entry of entries)
    box.deps.warn(
      `the event "${entry.event.event_type}" (insert_id ${entry.event.insert_id}) ${reason}; it was dropped`,
    );
  finish(box, entries, { code, message: reason });
}

/** The request body, from the events' JSON measured when they were batched (serialized once). */
export function requestBody(box: OutboxState, batch: Entry[]): string {
  const { config } = box;
  const events = batch.map((e) => e.json || JSON.stringify(e.event)).join(',');
  const options =
    config.minIdLength !== undefined ? `,"options":${JSON.stringify({ min_id_length: config.minIdLength })}` : '';
  const uploadTime = JSON.stringify(new Date(box.deps.clock.now()).toISOString());
  const key = JSON.stringify(config.apiKey);
  return `{"api_key":${key},"events":[${events}]${options},"client_upload_time":${uploadTime}}`;
}
