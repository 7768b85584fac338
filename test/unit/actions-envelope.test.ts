// Amplitude (Actions) mode: the exact fields of each event, compared strictly (a field holding undefined is
// not "no field"), and the rules for the session id and time a mapping yields.
import { describe, expect, it } from 'vitest';
import { translateActions } from '../../src/modes/actions/translate';
import { normalizeActionsSettings } from '../../src/modes/actions/settings';
import type { Dict, SegmentEvent } from '../../src/core/types';

const T = new Date('2026-11-29T10:00:00.000Z');
const page = { path: '/', referrer: '', search: '', title: '', url: 'https://example.com/' };
const settings = (input: unknown = {}) => normalizeActionsSettings(input).settings;

function ev(partial: Dict): SegmentEvent {
  return { type: 'track', messageId: 'm-1', timestamp: T, userId: null, integrations: {}, context: { page }, ...partial } as SegmentEvent;
}
const events = (event: SegmentEvent, s = settings()) => translateActions(event, s).map((o) => (o.op === 'event' ? o.event : o));
const withSession = (session_id: unknown) => ev({ event: 'E', anonymousId: 'anon-1', integrations: { 'Actions Amplitude': { session_id } } });

describe('the envelope: only the fields that have a value', () => {
  it('no anonymousId, no device, no app version: no device_id or app_version field at all', () => {
    expect(events(ev({ event: 'E', properties: { a: 1 } }))).toStrictEqual([
      { event_type: 'E', user_id: null, time: T.getTime(), session_id: -1, event_properties: { a: 1 } },
    ]);
  });
  it('an app version is sent; an empty one is not', () => {
    const withApp = (version: string) => ev({ event: 'E', anonymousId: 'anon-1', context: { page, app: { version } } });
    expect(events(withApp('2.3.4'))[0]).toMatchObject({ app_version: '2.3.4' });
    expect(Object.keys(events(withApp(''))[0])).not.toContain('app_version');
  });
  it.each<[string, unknown]>([
    ['a string that is not a date', 'not a date'],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['an object', { at: 1 }],
    ['a list holding a date (a date is a string, not a list)', ['2024-01-02T03:04:05.000Z']],
  ])('a time mapped to %s: no time field', (_label, t) => {
    const s = settings({ mappings: { 'Track Calls': { time: { '@path': '$.properties.t' } } } });
    expect(Object.keys(events(ev({ event: 'E', properties: { t } }), s)[0])).not.toContain('time');
  });
  it.each<[string, unknown, number]>([
    ['epoch milliseconds', 1700000000000, 1700000000000],
    ['an ISO date', '2024-01-02T03:04:05.000Z', Date.UTC(2024, 0, 2, 3, 4, 5)],
  ])('a time mapped to %s', (_label, t, expected) => {
    const s = settings({ mappings: { 'Track Calls': { time: { '@path': '$.properties.t' } } } });
    expect(events(ev({ event: 'E', properties: { t } }), s)[0].time).toBe(expected);
  });
});

describe('session_id: a numeric string is the id itself, anything else is read as a date; none is -1', () => {
  it.each<[string, unknown, number]>([
    ['a positive number', 1764410000000, 1764410000000],
    ['a numeric string, as a number', '1764410000000', 1764410000000],
    // Only what is read as a date must be positive: a numeric string is sent as the number it spells.
    ['a numeric string of zero, as the number it spells', '0', 0],
    ['an ISO date', '2026-11-29T10:00:00.000Z', T.getTime()],
    ['zero', 0, -1],
    ['a negative number', -5, -1],
    ['a date before 1970', '1969-12-31T00:00:00.000Z', -1],
    ['text with digits at the end', 'abc123', -1],
    ['null', null, -1],
  ])('%s', (_label, sessionId, expected) => {
    expect(events(withSession(sessionId))[0].session_id).toBe(expected);
  });
});

describe('Order Completed: exact events', () => {
  it('a revenue without price or quantity: revenue and revenueType only; no products, no product events', () => {
    expect(events(ev({ event: 'Order Completed', anonymousId: 'anon-1', properties: { revenue: 25 } }))).toStrictEqual([
      {
        event_type: 'Order Completed',
        user_id: null,
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: -1,
        event_properties: { revenue: 25 },
        revenue: 25,
        revenueType: 'Purchase',
      },
    ]);
  });
  it('per product: a product with a revenue but no price gets no price field', () => {
    const s = settings({ trackRevenuePerProduct: true });
    const [, product] = events(ev({ event: 'Order Completed', properties: { products: [{ productId: 'p-1', revenue: 7 }] } }), s);
    expect(product).toStrictEqual({
      event_type: 'Product Purchased',
      user_id: null,
      time: T.getTime(),
      session_id: -1,
      event_properties: { productId: 'p-1', revenue: 7 },
      revenue: 7,
      revenueType: 'Purchase',
      productId: 'p-1',
    });
  });
});

describe('Group Calls: a group value must be a string or a number', () => {
  const mapped = (groupValue: unknown) =>
    settings({ mappings: { 'Group Calls': { group_type: 'org', group_value: groupValue === undefined ? { '@path': '$.traits.missing' } : groupValue } } });
  const group = ev({ type: 'group', groupId: 'acme', userId: 'u-1', traits: { name: 'Acme' } });
  it.each<[string, unknown]>([
    ['missing', undefined],
    ['an object', { '@path': '$.traits' }],
    ['a boolean list', [true, false]],
  ])('%s: nothing is sent', (_label, value) => {
    expect(events(group, mapped(value))).toStrictEqual([]);
  });
  it('a number is sent as text', () => {
    expect(events(group, mapped(42)).map((e) => e.groups)).toStrictEqual([{ org: '42' }, { org: '42' }]);
  });
});
