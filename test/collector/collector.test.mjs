// The local collector behaves like Amplitude's HTTP V2 API, for the SDK and for raw HTTP clients.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import { startCollector } from '../../collector/collector.mjs';
import { useBrowserFixture } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

let c;
beforeAll(async () => {
  c = await startCollector();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const event = (extra = {}) => ({ event_type: 'e', device_id: 'device-12345', insert_id: `i-${Math.random()}`, ...extra });
const post = (body, { path = '/2/httpapi', type = 'application/json', raw } = {}) =>
  fetch(c.url + path, { method: 'POST', headers: { 'Content-Type': type }, body: raw ?? JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: await r.json().catch(() => null),
  }));

describe('HTTP V2 responses', () => {
  it('200 with the fields the SDK reads', async () => {
    const r = await post({ api_key: 'k', events: [event(), event()] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: 200, events_ingested: 2 });
    expect(typeof r.body.payload_size_bytes).toBe('number');
    expect(typeof r.body.server_upload_time).toBe('number');
    expect(c.events).toHaveLength(2);
  });
  it.each([
    [{ events: [event()] }, { code: 400, missing_field: 'api_key' }],
    [{ api_key: 'k' }, { code: 400, missing_field: 'events' }],
  ])('400 for a missing field %#', async (body, expected) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(expected);
    expect(c.events).toHaveLength(0);
  });
  it('rejects short ids unless min_id_length allows them, and keeps the valid events of the batch', async () => {
    const r = await post({ api_key: 'k', events: [event(), event({ device_id: '42' }), event({ device_id: undefined, user_id: 'abc' })] });
    expect(r.status).toBe(400);
    expect(r.body.events_with_invalid_id_lengths).toEqual({ device_id: [1], user_id: [2] });
    expect(c.events).toHaveLength(1);
    const ok = await post({ api_key: 'k', events: [event({ device_id: '42' })], options: { min_id_length: 1 } });
    expect(ok.status).toBe(200);
  });
  it('400 for an event with neither user_id nor device_id, or no event_type', async () => {
    const r = await post({ api_key: 'k', events: [{ event_type: 'x' }, { device_id: 'device-1' }] });
    expect(r.body.events_with_missing_fields).toEqual({ user_id_or_device_id: [0], event_type: [1] });
  });
  it('413 for bodies of 1 MB or more and for more than 2000 events', async () => {
    expect((await post({ api_key: 'k', events: [event({ p: 'x'.repeat(1024 * 1024) })] })).status).toBe(413);
    expect((await post({ api_key: 'k', events: Array.from({ length: 2001 }, () => event()) })).body).toEqual({ code: 413, error: 'Payload too large' });
  });
  it('accepts the text/plain bodies of sendBeacon and gzip bodies, on /2/httpapi and /batch', async () => {
    expect((await post({ api_key: 'k', events: [event()] }, { type: 'text/plain;charset=UTF-8' })).status).toBe(200);
    expect((await post(null, { path: '/batch', raw: gzipSync(JSON.stringify({ api_key: 'k', events: [event()] })) })).status).toBe(200);
    expect(c.events.map((e) => e._received.transport)).toEqual(['beacon', 'fetch']);
  });
  it('records a repeated insert_id as a second post instead of hiding it', async () => {
    const e = event({ insert_id: 'same' });
    await post({ api_key: 'k', events: [e] });
    const r = await post({ api_key: 'k', events: [e, event({ insert_id: 'other' })] });
    expect(r.body.code).toBe(200);
    expect(c.events.map((x) => [x.insert_id, x._received.copy])).toEqual([
      ['same', 1],
      ['same', 2],
      ['other', 1],
    ]);
    expect(c.duplicates()).toEqual([{ insertId: 'same', posts: 2 }]);
    expect(c.postCounts().get('other')).toBe(1);
  });
});

describe('fault injection, listing, stream and reset', () => {
  it('fails the next N requests with a chosen status, then recovers', async () => {
    await post({ count: 2, status: 503 }, { path: '/_collector/faults' });
    expect((await post({ api_key: 'k', events: [event()] })).body).toMatchObject({ code: 503 });
    expect((await post({ api_key: 'k', events: [event()] })).status).toBe(503);
    expect((await post({ api_key: 'k', events: [event()] })).status).toBe(200);
    await post({ count: 1, status: 429 }, { path: '/_collector/faults' });
    expect((await post({ api_key: 'k', events: [event()] })).body).toMatchObject({ code: 429, eps_threshold: 30 });
  });
  it('drops the connection and delays on request', async () => {
    await post({ count: 1, drop: true }, { path: '/_collector/faults' });
    await expect(post({ api_key: 'k', events: [event()] })).rejects.toThrow();
    await post({ count: 1, delayMs: 150 }, { path: '/_collector/faults' });
    const t = Date.now();
    await post({ api_key: 'k', events: [event()] });
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
  it('an outage answers each request with the next answer of its pattern, ingests nothing, and ends on command', async () => {
    await post({ pattern: [503, 'reset', 429] }, { path: '/_collector/outage' });
    expect((await post({ api_key: 'k', events: [event({ event_type: 'one' })] })).body).toMatchObject({ code: 503 });
    await expect(post({ api_key: 'k', events: [event()] })).rejects.toThrow();
    expect((await post({ api_key: 'k', events: [event()] }, { type: 'text/plain' })).body).toMatchObject({ code: 429, throttled_events: [0] });
    expect((await post({ api_key: 'k', events: [event()] })).status).toBe(503);
    expect(c.events).toEqual([]);
    expect(c.requests.map((r) => [r.fault, r.transport, r.events])).toEqual([
      [503, 'fetch', 1],
      ['reset', 'fetch', 1],
      [429, 'beacon', 1],
      [503, 'fetch', 1],
    ]);
    expect(c.requests[0].eventTypes).toEqual(['one']);
    await post({}, { path: '/_collector/outage' });
    expect((await post({ api_key: 'k', events: [event()] })).status).toBe(200);
    c.setOutage({ pattern: [502] });
    expect((await post({ api_key: 'k', events: [event()] })).status).toBe(502);
    c.reset();
    expect((await post({ api_key: 'k', events: [event()] })).status).toBe(200);
  });
  it('lists in order, streams as events arrive, and resets', async () => {
    const streamed = await new Promise((resolve) => {
      const req = http.get(c.url + '/_collector/stream', (res) => {
        let buf = '';
        res.on('data', (chunk) => {
          buf += chunk;
          const messages = buf
            .split('\n\n')
            .filter(Boolean)
            .map((m) => JSON.parse(m.replace(/^data: /, '')));
          if (messages.some((m) => m.kind === 'event')) {
            req.destroy();
            resolve(messages);
          }
        });
      });
      setTimeout(() => post({ api_key: 'k', events: [event({ event_type: 'streamed' })] }), 50);
    });
    expect(streamed[0].kind).toBe('hello');
    expect(streamed.find((m) => m.kind === 'event').event.event_type).toBe('streamed');
    const listing = await fetch(c.url + '/_collector/events').then((r) => r.json());
    expect(listing.events.map((e) => e.event_type)).toEqual(['streamed']);
    await post({}, { path: '/_collector/reset' });
    expect((await fetch(c.url + '/_collector/events').then((r) => r.json())).events).toEqual([]);
  });
  it('answers CORS preflights', async () => {
    const r = await fetch(c.url + '/2/httpapi', { method: 'OPTIONS' });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')).toContain('Content-Type');
  });
  it('implements the user-mapping endpoint with a form body', async () => {
    const body = new URLSearchParams({ api_key: 'k', mapping: JSON.stringify([{ user_id: 'old', global_user_id: 'new' }]) });
    const r = await fetch(c.url + '/usermap', { method: 'POST', body });
    expect(r.status).toBe(200);
    expect(c.usermaps[0].mapping).toEqual([{ user_id: 'old', global_user_id: 'new' }]);
  });
});

describe('the official Amplitude SDK against the collector', () => {
  const f = useBrowserFixture();
  it('every event is acknowledged on the first attempt: no retry, no drop', async () => {
    const page = await f.newPage();
    await page.goto(f.server.page('/sdk', snippetPage({ collector: f.collector, settings: { trackReferrer: false }, page: false })));
    const codes = await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      const sdk = window.analytics.amplitude.instance;
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) => sdk.track(`Direct ${i}`, { i }, { device_id: 'sdk-device-01', user_id: i % 2 ? 'u1' : undefined }).promise),
      );
      return results.map((r) => [r.code, r.message]);
    });
    expect(codes).toHaveLength(25);
    for (const [code, message] of codes) {
      expect(code).toBe(200);
      expect(message).toMatch(/success/i);
    }
    expect(f.collector.events).toHaveLength(25);
    expect(f.collector.requests.every((r) => r.status === 200)).toBe(true);
    // One attempt per batch: as many events were posted as were accepted.
    expect(f.collector.requests.reduce((n, r) => n + r.events, 0)).toBe(25);
  });
});
