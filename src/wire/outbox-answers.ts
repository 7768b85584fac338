/**
 * What the endpoint's answer to a request (or the lack of one) does to the request's events and to the
 * endpoint's state of failure. An event is given up only for a reason that will not change: Amplitude
 * names it invalid, its user or device is over the daily quota, or it is too large for any request.
 * Everything else keeps the event and tries again (retry-policy.ts); reading the answer's body is
 * endpoint-answer.ts's.
 */
import type { Dict } from '../core/types.js';
import { errorOf, invalidIndexes, requestRejected, responseCode, throttling } from './endpoint-answer.js';
import type { WireResponse } from './wire-types.js';
import { finish, giveUp, type Entry, type OutboxState } from './outbox-state.js';

/** The answer to the request that carried `batch` (`bytes` of events); null: it failed below HTTP. */
export function applyAnswer(box: OutboxState, batch: Entry[], response: WireResponse | null, bytes: number): void {
  let live = batch.filter((entry) => box.entries.get(entry.key) === entry);
  // The page tearing down its own request says nothing about the endpoint.
  const abortedByExit = !response && batch.some((entry) => entry.leftWithBrowser);
  if (!response) {
    // A page being left sees its keepalive requests fail while the browser still completes them:
    // those were handed over at exit and count as sent (a real HTTP error still retries below).
    const left = live.filter((entry) => entry.leftWithBrowser);
    finish(box, left, { code: 200, message: 'handed to the browser at exit' });
    live = live.filter((entry) => !entry.leftWithBrowser);
  }
  for (const entry of live) {
    entry.inflight = false;
    entry.handed = false;
  }
  const code = response ? responseCode(response) : 0;
  const body = (response && response.body) || {};
  // An answer about the events themselves (2xx, 400, 413) means the endpoint is up.
  const answered = (code >= 200 && code < 300) || code === 400 || code === 413;
  if (answered) box.backoff.succeeded();
  if (!abortedByExit) setHealthy(box, answered);
  if (code >= 200 && code < 300) {
    finish(box, live, { code, message: 'success' });
  } else if (code === 400) {
    onInvalid(box, batch, live, body);
  } else if (code === 413) {
    // Not the events' fault, and not counted against them: smaller requests, at once.
    if (batch.length === 1) giveUp(box, live, 413, 'is more than the endpoint accepts in a request');
    else shrink(box, batch.length, bytes);
  } else if (code === 429) {
    onThrottled(box, batch, live, body);
  } else {
    // Server error or no answer: the endpoint backs off; every event stays.
    if (!abortedByExit || live.length) box.backoff.failed(box.deps.clock.monotonic());
  }
  box.deps.onChange();
}

function setHealthy(box: OutboxState, healthy: boolean): void {
  if (healthy === box.healthy) return;
  box.healthy = healthy;
  if (box.deps.onHealth) box.deps.onHealth(healthy);
}

function shrink(box: OutboxState, count: number, bytes?: number): void {
  box.batchSize = Math.max(1, Math.floor(count / 2));
  if (bytes !== undefined) box.byteBudget = Math.max(1024, Math.floor(bytes / 2));
}

function onInvalid(box: OutboxState, batch: Entry[], live: Entry[], body: Dict): void {
  const error = errorOf(body);
  const rejected = requestRejected(body);
  if (rejected) {
    finish(box, live, { code: 400, message: rejected });
    box.deps.warn(`Amplitude rejected a request: ${rejected}`);
    return;
  }
  const bad = invalidIndexes(body);
  if (bad.size === 0) {
    // A 400 that names no event: alone in its request, the event is the problem; otherwise split and find it.
    if (batch.length === 1) giveUp(box, live, 400, `was rejected by Amplitude: ${error || 'invalid request'}`);
    else shrink(box, batch.length);
    return;
  }
  const dropped = batch.filter((_, i) => bad.has(i)).filter((e) => live.includes(e));
  if (dropped.length) {
    finish(box, dropped, { code: 400, message: error || 'invalid event' });
    box.deps.warn(`Amplitude rejected ${dropped.length} event(s): ${error || 'invalid event'}`);
  }
}

function onThrottled(box: OutboxState, batch: Entry[], live: Entry[], body: Dict): void {
  const { overQuota, throttled } = throttling(body);
  const over = live.filter((e) => overQuota(e.event));
  if (over.length) finish(box, over, { code: 429, message: 'daily quota exceeded' });
  const rest = live.filter((e) => !over.includes(e));
  const now = box.deps.clock.monotonic();
  let named = false;
  for (const entry of rest)
    if (throttled.has(batch.indexOf(entry))) {
      entry.notBefore = now + box.config.throttleMs;
      named = true;
    }
  // Throttled without naming the events: the endpoint as a whole backs off.
  if (!named && rest.length) box.backoff.failed(now);
}
