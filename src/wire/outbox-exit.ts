/**
 * The page is being left (or hidden, which may be the last chance): what the browser takes over, and what
 * must survive in the exit journal because it did not. Synchronous, as page exit allows nothing else.
 */
import { sized } from './request-size.js';
import { KEEPALIVE_BODY_LIMIT, type WireEvent } from './wire-types.js';
import { finish, requestBody, type Entry, type OutboxState } from './outbox-state.js';

/**
 * Hands every waiting event to sendBeacon; requests already issued with keepalive are the browser's too.
 * What the browser does not take stays in the outbox and in the journal.
 */
export function handOverAtExit(box: OutboxState): void {
  const { transport } = box.deps;
  if (!transport.online()) return;
  // While the endpoint fails, a beacon the browser accepts may be refused: what it carries stays
  // journaled too, and the next page sends it again under the same insert_id (Amplitude ignores
  // the repeat if the beacon did arrive). While it answers, what the browser took counts as sent.
  const healthy = box.healthy;
  if (healthy)
    for (const entry of box.entries.values()) if (entry.inflight && entry.handed) entry.leftWithBrowser = true;
  let chunk: Entry[] = [];
  let bytes = 0;
  const send = () => {
    if (!chunk.length) return;
    const body = requestBody(box, chunk);
    let accepted: boolean;
    try {
      accepted = transport.beacon(box.config.serverUrl, body);
    } catch {
      accepted = false;
    }
    if (accepted && healthy) finish(box, chunk, { code: 200, message: 'handed to the browser at exit' });
    else if (accepted) for (const entry of chunk) entry.beaconed = true;
    chunk = [];
    bytes = 0;
  };
  for (const entry of [...box.entries.values()]) {
    if (entry.inflight || entry.beaconed) continue;
    const size = (entry.bytes || sized(entry.event).bytes) + 1;
    if (chunk.length && (bytes + size > KEEPALIVE_BODY_LIMIT || chunk.length >= Math.max(box.batchSize, 100))) send();
    chunk.push(entry);
    bytes += size;
  }
  send();
  box.deps.onChange();
}

/**
 * What must survive if the page dies now: everything the browser has not taken over (all of it while the
 * endpoint fails).
 */
export function unsentEvents(box: OutboxState): WireEvent[] {
  const out: WireEvent[] = [];
  for (const entry of box.entries.values()) if (!entry.handed || !box.healthy || entry.beaconed) out.push(entry.event);
  return out;
}
