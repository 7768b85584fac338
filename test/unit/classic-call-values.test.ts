// What a call's own values become on the wire in Classic mode, where amplitude-js's handling is the reference,
// beside Actions mode where Segment's servers (JSON) are: Errors in properties, the call's timestamp, and the
// anonymousId a first identify is sent under.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dict } from '../../src/core/types';
import { KEY, clearBrowserStorage, make, run } from './runtime-harness';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  clearBrowserStorage();
  history.replaceState(null, '', '/page');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const withErrors = () => ({
  top: new Error('boom'),
  nested: { deeper: { why: new TypeError('bad type') }, list: [new Error('in a list'), 1] },
});

describe('an Error in properties', () => {
  // A destination middleware works on a copy of the event: the copy must still know which objects were Errors.
  it.each([
    ['', false],
    [', through a destination middleware', true],
  ])('Classic: arrives as its text at any depth, as amplitude-js sent it (String(error))%s', async (_, middleware) => {
    const { analytics, transport, load } = make();
    load();
    if (middleware) analytics.addDestinationMiddleware('amplitude', ({ payload, next }: { payload: unknown; next: (p: unknown) => void }) => next(payload));
    analytics.track('Failed', withErrors());
    await run();
    const [event] = transport.wire;
    expect(event.event_properties).toEqual({
      top: 'Error: boom',
      nested: { deeper: { why: 'TypeError: bad type' }, list: ['Error: in a list', 1] },
    });
  });

  it("Classic: the Segment event keeps JSON's {} for it, as analytics-next's JSON does", async () => {
    const { analytics, load } = make();
    load();
    const pending = analytics.track('Failed', withErrors());
    await run();
    const ctx = await pending;
    expect(JSON.parse(JSON.stringify(ctx.event.properties))).toEqual({ top: {}, nested: { deeper: { why: {} }, list: [{}, 1] } });
  });

  it("Actions: arrives as JSON's {}, as Segment's servers received it", async () => {
    const { analytics, transport, core } = make();
    core.load(KEY, { integrations: { 'Actions Amplitude': {} } });
    analytics.track('Failed', withErrors());
    await run();
    const [event] = transport.wire;
    expect(event.event_properties).toMatchObject({ top: {}, nested: { deeper: { why: {} }, list: [{}, 1] } });
  });
});

describe('the event time is the call timestamp', () => {
  it("Classic: options.timestamp is the event's time (amplitude-js used its own clock)", async () => {
    const { analytics, transport, load } = make();
    load();
    await run();
    const given = new Date('2026-03-04T05:06:07.000Z');
    const calledAt = Date.now();
    analytics.track('Order Confirmed Offline', {}, { timestamp: given });
    analytics.track('Now');
    await run();
    expect(transport.wire.map((e) => [e.event_type, e.time])).toEqual([
      ['Order Confirmed Offline', given.getTime()],
      ['Now', calledAt],
    ]);
  });
});

describe('a first identify keeps the anonymousId', () => {
  it('a new visitor identified for the first time keeps the anonymousId it had, in Segment storage and on the event', async () => {
    const { analytics, transport, load } = make();
    load();
    const before = analytics.user().anonymousId();
    const pending = analytics.identify('user-2', { plan: 'pro' });
    await run();
    const ctx = await pending;
    expect(ctx.event.anonymousId).toBe(before);
    expect(analytics.user().anonymousId()).toBe(before);
    expect(JSON.parse(localStorage.getItem('ajs_anonymous_id')!)).toBe(before);
    expect((transport.wire[0] as Dict).user_id).toBe('user-2');
  });
});

describe('the user ID on an event after an identify that did not reach Amplitude', () => {
  const calls = async (analytics: ReturnType<typeof make>['analytics'], destination: string) => {
    analytics.identify('user-2', {}, { integrations: { [destination]: false } });
    analytics.track('After Unrouted Identify');
    analytics.identify('user-3');
    analytics.track('After Identify');
    analytics.reset();
    analytics.track('After Reset');
    await run();
  };

  it('Classic: is the ID of the last identify that reached Amplitude (amplitude-js kept what setUserId was given)', async () => {
    const { analytics, transport, load } = make();
    load();
    await run();
    await calls(analytics, 'Amplitude');
    expect(transport.wire.map((e) => [e.event_type, e.user_id ?? null])).toEqual([
      ['After Unrouted Identify', null],
      ['$identify', 'user-3'],
      ['After Identify', 'user-3'],
      ['After Reset', null],
    ]);
  });

  it("Actions: is the Segment event's own", async () => {
    const { analytics, transport, core } = make();
    core.load(KEY, { integrations: { 'Actions Amplitude': {} } });
    await run();
    await calls(analytics, 'Actions Amplitude');
    expect(transport.wire.map((e) => [e.event_type, e.user_id ?? null])).toEqual([
      ['After Unrouted Identify', 'user-2'],
      ['$identify', 'user-3'],
      ['After Identify', 'user-3'],
      ['After Reset', null],
    ]);
  });
});

describe('a price that is not a finite number', () => {
  // Non-finite numbers are sent as null, as JSON carries them; a null price is a missing one, so the revenue
  // property is booked for one unit (declared: classic-non-finite-price-is-missing).
  it('Classic V2: Infinity as the price is no price, and the revenue property is booked for one unit', async () => {
    const { analytics, transport, load } = make();
    load();
    analytics.track('Upgraded', { price: Infinity, revenue: 12 });
    await run();
    const revenue = transport.wire.find((e) => e.event_type === 'revenue_amount') as Dict | undefined;
    expect(revenue).toMatchObject({ price: 12, quantity: 1, revenue: 12 });
    expect((revenue?.event_properties as Dict).price).toBeNull();
  });
});
