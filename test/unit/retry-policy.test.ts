// The retry schedule: pure, then as the outbox applies it on a fake clock whose wall time jumps.
import { describe, expect, it } from 'vitest';
import { Backoff, MAX_EVENT_AGE_MS, RETRY_CAP_MS, retryDelay } from '../../src/wire/retry-policy';
import { createOutbox } from '../../src/wire/outbox';
import { type OutboxConfig, type WireResponse } from '../../src/wire/wire-types';
import { FakeClock, microtasks } from './fake-clock';
import { OK, RecordingTransport } from './runtime-harness';

describe('retryDelay', () => {
  it('doubles from 1 s up to the 60 s cap, at the top of its range when random is 1', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
  it('jitter: a random point in the upper half of the wait, never below half nor above the cap', () => {
    expect([1, 2, 7].map((n) => retryDelay(n, () => 0))).toEqual([500, 1000, 30000]);
    expect(retryDelay(3, () => 0.5)).toBe(3000);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(1 + (i % 12));
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(RETRY_CAP_MS);
    }
    // A random source out of range is clamped, never a negative or endless wait.
    expect(retryDelay(1, () => -5)).toBe(500);
    expect(retryDelay(1, () => 7)).toBe(1000);
    expect(retryDelay(0, () => 1)).toBe(1000);
  });
  it('the maximum age leaves a day of margin inside the seven days Amplitude recognizes a repeated insert_id', () => {
    expect(MAX_EVENT_AGE_MS).toBe(6 * 24 * 3600 * 1000);
  });
});

describe('Backoff', () => {
  it('counts failures in a row, waits on the clock it is given, and starts over after an answer', () => {
    const b = new Backoff(() => 1);
    expect(b.remaining(0)).toBe(0);
    expect(b.failed(100)).toBe(1000);
    expect(b.remaining(600)).toBe(500);
    expect(b.failed(1100)).toBe(2000);
    expect(b.failing).toBe(true);
    b.skipWait();
    expect(b.remaining(1200)).toBe(0);
    expect(b.failed(1200)).toBe(4000);
    b.succeeded();
    expect(b.failing).toBe(false);
    expect(b.failed(0)).toBe(1000);
  });
});

const CONFIG: OutboxConfig = {
  apiKey: 'key',
  serverUrl: 'https://collector.test/2/httpapi',
  batchSize: 30,
  flushIntervalMs: 10,
  uploadThreshold: 0,
  throttleMs: 30000,
};

function setup() {
  const clock = new FakeClock();
  const transport = new RecordingTransport();
  const warnings: string[] = [];
  const outbox = createOutbox(CONFIG, { clock, transport, onChange: () => undefined, warn: (m) => warnings.push(m), random: () => 1 });
  const step = async (ms: number) => {
    await microtasks();
    clock.advance(ms);
    await microtasks();
  };
  const add = (id: string) => outbox.add({ event_type: id, insert_id: id, device_id: 'device-1', time: clock.now() });
  return { clock, transport, outbox, warnings, step, add };
}

const fail: () => WireResponse = () => ({ status: 503, body: { code: 503 } });

describe('the schedule on a clock that jumps', () => {
  it.each([
    ['back an hour', -3600 * 1000],
    ['forward a week', 7 * 24 * 3600 * 1000],
  ])('wall clock %s between a failure and its retry: the retry leaves on time, and the event is not too old', async (_label, jump) => {
    const { clock, transport, step, add, warnings } = setup();
    transport.answer = fail;
    const tracked = clock.now();
    add('a');
    await step(10);
    expect(transport.posts).toHaveLength(1);
    clock.jump(jump);
    transport.answer = () => OK;
    await step(999);
    expect(transport.posts).toHaveLength(1);
    await step(1);
    expect(transport.posts).toHaveLength(2);
    expect(transport.wire.map((e) => e.time)).toEqual([tracked, tracked]); // the time of the call, whatever the clock did since
    expect(warnings).toEqual([]);
  });

  it('an event tracked on this page is dropped only once six days have passed on the monotonic clock, with one warning', async () => {
    const { clock, transport, step, add, warnings, outbox } = setup();
    transport.answer = fail;
    add('a');
    clock.jump(-30 * 24 * 3600 * 1000); // wall time says nothing about its age
    for (let t = 0; t < MAX_EVENT_AGE_MS - 60000; t += 60000) await step(60000);
    expect(outbox.size).toBe(1);
    expect(transport.posts.length).toBeGreaterThan(8000); // tried about once a minute all along
    await step(60000);
    await step(60000);
    expect(outbox.size).toBe(0);
    expect(warnings).toEqual(['1 event(s) older than 6 days could not be delivered in time and were dropped']);
  });

  it('an event a previous page left is as old as its time says: one older than six days is dropped, a younger one sent', async () => {
    const { clock, transport, step, outbox, warnings } = setup();
    const day = 24 * 3600 * 1000;
    outbox.restore([
      { event_type: 'old', insert_id: 'old', device_id: 'device-1', time: clock.now() - 6 * day - 1000 },
      { event_type: 'young', insert_id: 'young', device_id: 'device-1', time: clock.now() - 5 * day },
    ]);
    await step(0);
    expect(transport.wire.map((e) => e.insert_id)).toEqual(['young']);
    expect(warnings).toHaveLength(1);
  });
});
