// Amplitude (Actions): what Segment's destination does to a preset's payload before it sends anything (it
// drops empty values and coerces each field to the type the action declares), found by the conformance
// suite running Segment's own code. Each row is the exact output Segment's code gave for the same event.
import { describe, expect, it } from 'vitest';
import { translateActions, withSessionId } from '../../src/modes/actions/translate';
import { normalizeActionsSettings } from '../../src/modes/actions/settings';
import type { Dict, SegmentEvent } from '../../src/core/types';

const T = new Date('2026-11-29T10:00:00.000Z');
const SESSION = 1764410000000;
const page = { path: '/', referrer: '', search: '', title: '', url: 'https://shop.example/' };

function ev(partial: Dict): SegmentEvent {
  return {
    type: 'track',
    messageId: 'm-1',
    timestamp: T,
    anonymousId: 'anon-1',
    userId: null,
    integrations: {},
    context: { page },
    ...partial,
  } as SegmentEvent;
}
const run = (event: SegmentEvent, settings: unknown = {}) =>
  translateActions(withSessionId(event, SESSION), normalizeActionsSettings(settings).settings).map((o) => (o.op === 'event' ? o.event : o));
const base = { user_id: null, device_id: 'anon-1', time: T.getTime(), session_id: SESSION };

describe('Actions: the payload as Segment’s schema step leaves it', () => {
  it("Order Completed with revenue '25.00' books 25: the revenue field is a number, and Segment coerces numeric strings", () => {
    expect(run(ev({ event: 'Order Completed', properties: { revenue: '25.00' } }))).toEqual([
      { ...base, event_type: 'Order Completed', event_properties: { revenue: '25.00' }, revenue: 25, revenueType: 'Purchase' },
    ]);
  });

  it("string price and quantity ('3', '007') count as numbers for price × quantity, and the product's properties carry them coerced", () => {
    const ops = run(
      ev({ event: 'Order Completed', properties: { price: '3', quantity: '2', products: [{ price: '0', quantity: '007', productId: -48, revenue: 5 }] } }),
    );
    expect(ops).toEqual([
      {
        ...base,
        event_type: 'Order Completed',
        event_properties: { price: '3', quantity: '2', products: [{ price: '0', quantity: '007', productId: -48, revenue: 5 }] },
        revenue: 6,
        price: 3,
        quantity: 2,
        revenueType: 'Purchase',
      },
      { ...base, event_type: 'Product Purchased', event_properties: { price: 0, quantity: 7, productId: '-48', revenue: 5 } },
    ]);
  });

  it('with trackRevenuePerProduct, a product priced "0" books nothing (0 × 7), not its own revenue', () => {
    const [, product] = run(ev({ event: 'Order Completed', properties: { products: [{ price: '0', quantity: '7', revenue: 9 }] } }), {
      trackRevenuePerProduct: true,
    });
    expect(product).toEqual({ ...base, event_type: 'Product Purchased', event_properties: { price: 0, quantity: 7, revenue: 9 } });
  });

  it('a null price or quantity inside a product is 0 (Segment coerces it), so the product books 0 × quantity: nothing', () => {
    const [, product] = run(ev({ event: 'Order Completed', properties: { products: [{ price: null, quantity: null, revenue: 46 }] } }), {
      trackRevenuePerProduct: true,
    });
    expect(product).toEqual({ ...base, event_type: 'Product Purchased', event_properties: { price: 0, quantity: 0, revenue: 46 } });
  });

  it('null and empty-string revenue fields are dropped before the revenue rule, as if absent', () => {
    const [product] = run(ev({ event: 'Order Completed', properties: { revenue: 4, price: null, quantity: '' } })) as Dict[];
    expect(product).toMatchObject({ revenue: 4 });
    expect(product).not.toHaveProperty('price');
    expect(product).not.toHaveProperty('quantity');
  });

  it('an empty context.device.id sends no device_id (an empty field is left out), not an empty one', () => {
    const [event] = run(ev({ event: 'Clicked', context: { page, device: { id: '' } } })) as Dict[];
    expect(event).not.toHaveProperty('device_id');
  });

  it('an empty or missing event name sends nothing: event_type is required, and Segment drops the event without it', () => {
    expect(run(ev({ event: '' }))).toEqual([]);
    expect(run(ev({ event: 'X' }), { mappings: { 'Track Calls': { event_type: { '@path': '$.none' } } } })).toEqual([]);
  });

  it('a number in a string field is sent as a string (app_version, a product id)', () => {
    const [event] = run(ev({ event: 'X', context: { page, app: { version: 7 } } })) as Dict[];
    expect(event.app_version).toBe('7');
  });
});
