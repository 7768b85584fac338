// The outbox on a fake clock and a recording transport: batching, retries, offline, and exactly what
// the browser has taken over when the page is left. The backoff's jitter is pinned to its top (random 1).
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/wire/outbox';
import { KEEPALIVE_BODY_LIMIT, type OutboxConfig, type WireEvent, type WireResponse } from '../../src/wire/wire-types';
import { FakeClock, microtasks } from './fake-clock';
import { RecordingTransport, OK } from './runtime-harness';
import type { Dict } from '../../src/core/types';

const CONFIG: OutboxConfig = {
  apiKey: 'key',
  serverUrl: 'https://collector.test/2/httpapi',
  batchSize: 30,
  flushIntervalMs: 10,
  uploadThreshold: 0,
  minIdLength: 1,
  throttleMs: 30000,
};

function setup(config: Partial<OutboxConfig> = {}) {
  const clock = new FakeClock();
  const transport = new RecordingTransport();
  let changes = 0;
  const warnings: string[] = [];
  let taken: Set<string> | undefined;
  const health: boolean[] = [];
  const outbox = createOutbox(
    { ...CONFIG, ...config },
    { clock, transport, onChange: () => changes++, warn: (m) => warnings.push(m), reconcile: () => taken, random: () => 1, onHealth: (h) => health.push(h) },
  );
  const outcomes: Dict = {};
  const add = (id: string, extra: Dict = {}) => outbox.add(event(id, extra), (o) => (outcomes[id] = o.code));
  const step = async (ms: number) => {
    await microtasks();
    clock.advance(ms);
    await microtasks();
  };
  return { clock, transport, outbox, add, outcomes, step, warnings, health, changes: () => changes, takeOver: (ids: string[]) => (taken = new Set(ids)) };
}

const TIME = new FakeClock().now();
const event = (id: string, extra: Dict = {}): WireEvent => ({ event_type: `E ${id}`, insert_id: id, device_id: 'device-1', time: TIME, ...extra });
const ids = (list: WireEvent[]) => list.map((e) => e.insert_id);
const answer = (code: number, body: Dict = {}): WireResponse => ({ status: code, body: { code, ...body } });

describe('sending', () => {
  it('waits the flush interval, then sends what waited in one request with the SDK payload shape', async () => {
    const { add, transport, step, outcomes } = setup();
    add('a');
    add('b');
    await step(9);
    expect(transport.posts).toHaveLength(0);
    await step(1);
    expect(transport.posts).toHaveLength(1);
    expect(transport.posts[0].body).toMatchObject({ api_key: 'key', options: { min_id_length: 1 } });
    expect(ids(transport.wire)).toEqual(['a', 'b']);
    expect(transport.posts[0].keepalive).toBe(true);
    expect(outcomes).toEqual({ a: 200, b: 200 });
  });

  it('batchEvents off (sendNewEventsAtOnce): a new event leaves in the next task; what is left after a request waits the interval', async () => {
    const { add, transport, step } = setup({ sendNewEventsAtOnce: true });
    let release: (r: WireResponse) => void = () => undefined;
    transport.answer = () => new Promise((r) => (release = r));
    add('a');
    add('b');
    await step(0);
    expect(transport.posts.map((p) => ids(p.body.events as WireEvent[]))).toEqual([['a', 'b']]);
    add('c'); // while the request is in flight: it waits for it
    await step(0);
    expect(transport.posts).toHaveLength(1);
    release(OK);
    await step(9);
    expect(transport.posts).toHaveLength(1);
    await step(1);
    expect(transport.posts.map((p) => ids(p.body.events as WireEvent[]))).toEqual([['a', 'b'], ['c']]);
  });

  it('sends one request at a time, in batches of batchSize, in order', async () => {
    const { add, transport, step } = setup({ batchSize: 2 });
    let release: (r: WireResponse) => void = () => undefined;
    transport.answer = () => new Promise((r) => (release = r));
    for (const id of ['a', 'b', 'c', 'd', 'e']) add(id);
    await step(10);
    expect(transport.posts).toHaveLength(1);
    release(OK);
    await step(0); // a full batch of two was waiting: it leaves at once
    release(OK);
    await step(10); // the one left waits the flush interval
    release(OK);
    await step(0);
    expect(transport.posts.map((p) => ids(p.body.events as WireEvent[]))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('with batching, a full batch leaves at once and the rest after the period', async () => {
    const { add, transport, step } = setup({ flushIntervalMs: 30000, uploadThreshold: 3, batchSize: 3 });
    add('a');
    add('b');
    await step(1000);
    expect(transport.posts).toHaveLength(0);
    add('c');
    await step(0);
    expect(ids(transport.wire)).toEqual(['a', 'b', 'c']);
    add('d');
    await step(29999);
    expect(transport.posts).toHaveLength(1);
    await step(1);
    expect(ids(transport.wire)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never merges: an event added twice is posted twice, so a double hand-over shows on the wire', async () => {
    const { add, transport, step } = setup();
    add('same');
    add('same');
    await step(10);
    expect(ids(transport.wire)).toEqual(['same', 'same']);
  });

  it('a body over the keepalive limit goes without keepalive', async () => {
    const { add, transport, step } = setup();
    add('big', { event_properties: { text: 'x'.repeat(KEEPALIVE_BODY_LIMIT) } });
    await step(10);
    expect(transport.posts[0].keepalive).toBe(false);
  });
});

describe('retries', () => {
  it('5xx and network failures: the endpoint backs off (1 s, 2 s, 4 s … up to 60 s) and no event is ever given up for it', async () => {
    const { add, transport, step, outcomes, warnings } = setup();
    transport.answer = () => answer(503);
    add('a');
    await step(10);
    const at = () => transport.posts.length;
    expect(at()).toBe(1);
    const gaps: number[] = [];
    let last = 10;
    for (let t = 10; t < 20 * 60 * 1000; t += 100) {
      await step(100);
      if (at() > gaps.length + 1) {
        gaps.push(t + 100 - last);
        last = t + 100;
      }
      if (at() % 2)
        transport.answer = () => null; // resets alternate with 503s
      else transport.answer = () => answer(503);
    }
    expect(gaps.slice(0, 8)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(outcomes).toEqual({});
    expect(warnings).toEqual([]);
    transport.answer = () => OK;
    await step(60000);
    expect(outcomes).toEqual({ a: 200 });
  });

  it('while the endpoint backs off, new events wait with the old ones: one request per wait, then all together', async () => {
    const { add, transport, step, outcomes } = setup();
    transport.answer = () => answer(503);
    add('a');
    await step(10);
    await step(1000); // second failure: the next attempt is 2 s away
    expect(transport.posts).toHaveLength(2);
    add('b');
    add('c');
    await step(1999);
    expect(transport.posts).toHaveLength(2);
    transport.answer = () => OK;
    await step(1);
    expect(transport.posts.map((p) => ids(p.body.events as WireEvent[]))).toEqual([['a'], ['a'], ['a', 'b', 'c']]);
    expect(outcomes).toEqual({ a: 200, b: 200, c: 200 });
  });

  it('after an answer, the next failure starts from the base again', async () => {
    const { add, transport, step } = setup();
    transport.answer = () => answer(503);
    add('a');
    await step(10);
    await step(1000);
    await step(2000);
    transport.answer = () => OK;
    await step(4000);
    expect(transport.posts).toHaveLength(4);
    transport.answer = () => answer(502);
    add('b');
    await step(10);
    await step(999);
    expect(transport.posts).toHaveLength(5);
    await step(1);
    expect(transport.posts).toHaveLength(6);
  });

  it('400 drops only the events it names, and retries the rest; an invalid key drops all', async () => {
    const { add, transport, step, outcomes } = setup();
    transport.answer = (body) =>
      (body.events as WireEvent[]).length === 3 ? answer(400, { error: 'bad', events_with_invalid_id_lengths: { user_id: [1] } }) : OK;
    add('a');
    add('bad');
    add('c');
    await step(10);
    await step(10);
    expect(outcomes).toEqual({ bad: 400, a: 200, c: 200 });
    expect(ids(transport.posts[1].body.events as WireEvent[])).toEqual(['a', 'c']);
    transport.answer = () => answer(400, { error: 'Invalid API key: key' });
    add('d');
    await step(10);
    expect(outcomes.d).toBe(400);
  });

  it('413 halves the batch size; a single event that is too large is dropped', async () => {
    const { add, transport, step, outcomes } = setup({ batchSize: 4 });
    transport.answer = (body) => ((body.events as WireEvent[]).length > 2 ? answer(413) : OK);
    for (const id of ['a', 'b', 'c', 'd']) add(id);
    await step(10);
    await step(10);
    await step(10);
    expect(transport.posts.map((p) => (p.body.events as WireEvent[]).length)).toEqual([4, 2, 2]);
    expect(Object.values(outcomes)).toEqual([200, 200, 200, 200]);
    transport.answer = () => answer(413);
    add('huge');
    await step(10);
    expect(outcomes.huge).toBe(413);
  });

  it('429 holds the throttled events for 30 s and drops those over the daily quota', async () => {
    const { add, transport, step, outcomes } = setup();
    transport.answer = () => answer(429, { throttled_events: [0], exceeded_daily_quota_devices: { 'device-2': 1 } });
    add('throttled');
    add('over', { device_id: 'device-2' });
    await step(10);
    expect(outcomes).toEqual({ over: 429 });
    transport.answer = () => OK;
    await step(29999);
    expect(transport.posts).toHaveLength(1);
    await step(1);
    expect(outcomes.throttled).toBe(200);
  });

  it('offline: nothing is attempted until the page says it is back online', async () => {
    const { add, transport, step, outbox, outcomes } = setup();
    transport.isOnline = false;
    add('a');
    await step(60000);
    expect(transport.posts).toHaveLength(0);
    transport.isOnline = true;
    outbox.flush();
    await step(0);
    expect(outcomes).toEqual({ a: 200 });
  });
});

describe('leaving the page', () => {
  it('beacons every waiting event at once; the browser has them, so they are no longer unsent', async () => {
    const { add, transport, outbox, outcomes } = setup();
    add('a');
    add('b');
    outbox.exit();
    expect(transport.beacons).toHaveLength(1);
    expect(ids(transport.wire)).toEqual(['a', 'b']);
    expect(outbox.unsent()).toEqual([]);
    expect(outcomes).toEqual({ a: 200, b: 200 });
  });

  it('a refused beacon keeps the events unsent (for the journal) and sending resumes if the page stays', async () => {
    const { add, transport, outbox, step } = setup();
    transport.beaconAccepts = false;
    add('a');
    outbox.exit();
    expect(ids(outbox.unsent())).toEqual(['a']);
    await step(10);
    expect(ids(transport.wire)).toEqual(['a']);
    expect(outbox.unsent()).toEqual([]);
  });

  it('offline at exit: nothing is handed over', async () => {
    const { add, transport, outbox } = setup();
    transport.isOnline = false;
    add('a');
    outbox.exit();
    expect(transport.beacons).toHaveLength(0);
    expect(ids(outbox.unsent())).toEqual(['a']);
  });

  it("events in a keepalive request are the browser's: not unsent, and not resent when the page sees the request fail", async () => {
    const { add, transport, outbox, step } = setup();
    let settle: (r: WireResponse | null) => void = () => undefined;
    transport.answer = () => new Promise((r) => (settle = r));
    add('a');
    await step(10);
    expect(outbox.unsent()).toEqual([]); // keepalive issued while online: handed over
    outbox.exit();
    settle(null);
    await step(10000);
    expect(ids(transport.wire)).toEqual(['a']);
    expect(transport.beacons).toHaveLength(0);
    expect(outbox.size).toBe(0);
  });

  it('a keepalive request that fails while the page is still open is retried', async () => {
    const { add, transport, outbox, step } = setup();
    transport.answer = () => null;
    add('a');
    await step(10);
    expect(ids(outbox.unsent())).toEqual(['a']);
    transport.answer = () => OK;
    await step(1000);
    expect(ids(transport.wire)).toEqual(['a', 'a']);
    expect(outbox.size).toBe(0);
  });

  it('during an outage (last answer a failure): the beacon goes, and its events stay unsent for the journal', async () => {
    const { add, transport, outbox, step, outcomes, health } = setup();
    transport.answer = () => answer(503);
    add('a');
    await step(10);
    expect(health).toEqual([false]);
    add('b');
    outbox.exit();
    expect(transport.beacons).toHaveLength(1);
    expect(ids(transport.beacons[0].body.events as WireEvent[])).toEqual(['a', 'b']);
    expect(ids(outbox.unsent())).toEqual(['a', 'b']);
    expect(outcomes).toEqual({});
    outbox.exit(); // hidden, then pagehide: not beaconed twice
    expect(transport.beacons).toHaveLength(1);
    transport.answer = () => OK;
    await step(1000); // the page stayed: they are retried, and the endpoint has them now
    expect(outcomes).toEqual({ a: 200, b: 200 });
    expect(health).toEqual([false, true]);
    add('c');
    outbox.exit();
    expect(outbox.unsent()).toEqual([]); // healthy again: what the browser takes counts as sent
  });

  it('a keepalive request in flight while the endpoint fails stays unsent at exit', async () => {
    const { add, transport, outbox, step } = setup();
    transport.answer = () => answer(503);
    add('a');
    await step(10);
    transport.answer = () => new Promise(() => undefined);
    await step(1000);
    expect(transport.posts).toHaveLength(2);
    outbox.exit();
    expect(ids(outbox.unsent())).toEqual(['a']);
  });

  it('assumeFailing (a previous page saw the endpoint fail): an exit before any answer journals what it beacons', async () => {
    const { add, transport, outbox } = setup();
    outbox.assumeFailing();
    add('a');
    outbox.exit();
    expect(transport.beacons).toHaveLength(1);
    expect(ids(outbox.unsent())).toEqual(['a']);
  });

  it("the page's own keepalive request, torn down at exit, does not count as the endpoint failing", async () => {
    const { add, transport, outbox, step, health } = setup();
    let settle: (r: WireResponse | null) => void = () => undefined;
    transport.answer = () => new Promise((r) => (settle = r));
    add('a');
    await step(10);
    outbox.exit();
    settle(null);
    await step(10);
    expect(health).toEqual([]);
  });

  it('events another page took over are dropped before the next request', async () => {
    const { add, transport, step, takeOver, outcomes } = setup();
    add('mine');
    add('taken');
    takeOver(['taken']);
    await step(10);
    expect(ids(transport.wire)).toEqual(['mine']);
    expect(outcomes.taken).toBe(200);
  });

  it('restored events leave at once, before later ones, under their own insert_ids', async () => {
    const { add, transport, outbox, step } = setup();
    outbox.restore([event('old-1'), event('old-2')]);
    add('new');
    await step(0);
    expect(ids(transport.wire)).toEqual(['old-1', 'old-2', 'new']);
  });
});
