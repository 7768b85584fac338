// Batches and the endpoint's limits: requests are cut by size and count before they leave, an event
// too large for any request is reduced or dropped (one warning naming it), and one event the endpoint
// refuses with 413 does not cost the events that happen to share its requests.
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/wire/outbox';
import { type OutboxConfig, type WireEvent, type WireResponse } from '../../src/wire/wire-types';
import { MAX_REQUEST_BYTES, reduceToFit, utf8Length } from '../../src/wire/request-size';
import { FakeClock, microtasks } from './fake-clock';
import { RecordingTransport } from './runtime-harness';
import type { Dict } from '../../src/core/types';

const CONFIG: OutboxConfig = {
  apiKey: 'key',
  serverUrl: 'https://collector.test/2/httpapi',
  batchSize: 32,
  flushIntervalMs: 10,
  uploadThreshold: 0,
  minIdLength: 1,
  throttleMs: 30000,
};

const event = (id: string, extra: Dict = {}): WireEvent => ({ event_type: `E ${id}`, insert_id: id, device_id: 'device-1', time: 1, ...extra });
const answer = (code: number): WireResponse => ({ status: code, body: { code } });

describe('413', () => {
  it('an event the endpoint refuses with 413 does not cost its neighbours: every halving is free', async () => {
    const clock = new FakeClock();
    const transport = new RecordingTransport();
    const warnings: string[] = [];
    const outbox = createOutbox(CONFIG, { clock, transport, onChange: () => undefined, warn: (m) => warnings.push(m) });
    // The endpoint refuses any request that holds the event "refused" (as it would one over its limit).
    transport.answer = (body) => ((body.events as WireEvent[]).some((e) => e.insert_id === 'refused') ? answer(413) : { status: 200, body: { code: 200 } });
    const outcomes: Dict = {};
    const ids = Array.from({ length: 31 }, (_, i) => `n${i}`).concat('refused');
    for (const id of ids) outbox.add(event(id), (o) => (outcomes[id] = o.code));
    for (let i = 0; i < 40; i++) {
      await microtasks();
      clock.advance(1000);
      await microtasks();
    }
    const delivered = ids.filter((id) => outcomes[id] === 200);
    // The 31 neighbours all arrive; only the refused event is given up (it is alone in its request by then).
    expect(delivered).toEqual(ids.slice(0, 31));
    expect(outcomes.refused).toBe(413);
    expect(warnings.filter((w) => w.includes('refused'))).toHaveLength(1);
  });
});

function setup(config: Partial<OutboxConfig> = {}) {
  const clock = new FakeClock();
  const transport = new RecordingTransport();
  const warnings: string[] = [];
  const outbox = createOutbox({ ...CONFIG, ...config }, { clock, transport, onChange: () => undefined, warn: (m) => warnings.push(m), random: () => 1 });
  const outcomes: Dict = {};
  const add = (id: string, extra: Dict = {}) => outbox.add(event(id, extra), (o) => (outcomes[id] = o.code));
  const drain = async () => {
    for (let i = 0; i < 100; i++) {
      await microtasks();
      clock.advance(10);
    }
    await microtasks();
  };
  return { transport, outbox, warnings, outcomes, add, drain };
}

const bodyBytes = (body: Dict) => utf8Length(JSON.stringify(body));
const kib = (n: number, c = 'x') => Array.from({ length: n }, () => c.repeat(1024));

describe('requests are cut before they leave', () => {
  it('by size: no request carries more than 900 KiB of events, in order, and nothing is refused', async () => {
    const { add, transport, drain, outcomes, warnings } = setup({ batchSize: 2000 });
    for (let i = 0; i < 12; i++) {
      add(`s${i}`);
      add(`l${i}`, { event_properties: { blob: kib(200) } }); // 200 KiB each
    }
    await drain();
    expect(transport.posts.length).toBeGreaterThan(2);
    for (const post of transport.posts) expect(bodyBytes(post.body)).toBeLessThan(1024 * 1024);
    expect(transport.wire.map((e) => e.insert_id)).toEqual(Array.from({ length: 12 }, (_, i) => [`s${i}`, `l${i}`]).flat());
    expect(Object.values(outcomes).every((c) => c === 200)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('by UTF-8 bytes, not characters: three-byte characters count three times', async () => {
    const { add, transport, drain } = setup({ batchSize: 2000 });
    for (let i = 0; i < 4; i++) add(`u${i}`, { event_properties: { text: kib(200, '€') } }); // 600 KiB each on the wire
    await drain();
    expect(transport.posts.map((p) => (p.body.events as WireEvent[]).length)).toEqual([1, 1, 1, 1]);
  });

  it('by count: never more than 2,000 events in a request, whatever the page asked', async () => {
    const { add, transport, drain } = setup({ batchSize: 5000 });
    for (let i = 0; i < 4500; i++) add(`c${i}`);
    await drain();
    expect(transport.posts.map((p) => (p.body.events as WireEvent[]).length)).toEqual([2000, 2000, 500]);
  });

  it('an event too large for any request has its largest values cut, with one warning that names it', async () => {
    const { add, transport, drain, outcomes, warnings } = setup();
    add('before');
    add('huge', { event_properties: { a: 'x'.repeat(700 * 1024), b: 'keep me', c: ['y'.repeat(600 * 1024)] }, user_properties: { $set: { plan: 'pro' } } });
    add('after');
    await drain();
    expect(outcomes).toEqual({ before: 200, huge: 200, after: 200 });
    const huge = transport.wire.find((e) => e.insert_id === 'huge') as Dict;
    expect(utf8Length(JSON.stringify(huge))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // The largest first, and only until it fits: the 600 KiB value is left whole.
    expect(huge.event_properties).toEqual({ a: 'x'.repeat(1024), b: 'keep me', c: ['y'.repeat(600 * 1024)] });
    expect(huge.user_properties).toEqual({ $set: { plan: 'pro' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"E huge" \(insert_id huge\).*cut to 1024 characters/);
  });

  it('one that cutting cannot save is dropped, with one warning that names it; its neighbours leave', async () => {
    const { add, transport, drain, outcomes, warnings } = setup();
    add('before');
    // A million small numbers: no string to cut.
    add('hopeless', { event_properties: { n: Array.from({ length: 400000 }, (_, i) => i) } });
    add('after');
    await drain();
    expect(outcomes).toEqual({ before: 200, hopeless: 413, after: 200 });
    expect(transport.wire.map((e) => e.insert_id)).toEqual(['before', 'after']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"E hopeless" \(insert_id hopeless\).*dropped/);
  });

  it('reduceToFit leaves the event it is given unchanged', () => {
    const original = event('x', { event_properties: { a: 'z'.repeat(5000) } });
    const reduced = reduceToFit(original, 2000);
    expect((original.event_properties as Dict).a).toHaveLength(5000);
    expect(((reduced?.value as Dict).event_properties as Dict).a).toHaveLength(1024);
  });
});

describe('400 that names no event', () => {
  it('splits the request until the event is alone, then drops it with one warning naming it; the others leave', async () => {
    const { add, transport, drain, outcomes, warnings } = setup({ batchSize: 8 });
    transport.answer = (body) => ((body.events as WireEvent[]).some((e) => e.insert_id === 'bad') ? answer(400) : { status: 200, body: { code: 200 } });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'bad', 'g']) add(id);
    await drain();
    expect(outcomes).toEqual({ a: 200, b: 200, c: 200, d: 200, e: 200, f: 200, g: 200, bad: 400 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"E bad"/);
  });
});
