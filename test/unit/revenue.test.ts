// Revenue and the Order Completed family (reference §3.5, §3.6; vectors L30-L47, L57, D01-D08), asserting
// the exact Amplitude events, their revenue fields, and that an order's revenue is booked exactly once.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/modes/classic/translate';
import { extractRevenue, isOrderCompleted } from '../../src/modes/classic/revenue';
import type { AmplitudeEvent, AmplitudeOperation } from '../../src/core/types';
import type { AmplitudeSettings } from '../../src/modes/classic/settings';
import { segmentEvent, settingsWith } from './helpers';

function track(
  name: string,
  properties: Record<string, unknown>,
  settings: Partial<AmplitudeSettings> = {},
  options: Record<string, unknown> = {},
): AmplitudeEvent[] {
  const ops = translate({ event: segmentEvent({ type: 'track', event: name, properties }, options), settings: settingsWith(settings), referrer: '' });
  return ops.filter((o): o is Extract<AmplitudeOperation, { op: 'event' }> => o.op === 'event').map((o) => o.event);
}
const revenues = (events: AmplitudeEvent[]) => events.filter((e) => e.event_type === 'revenue_amount');
const booked = (events: AmplitudeEvent[]) => revenues(events).reduce((sum, e) => sum + (e.revenue ?? 0), 0);

/** A revenue_amount event with its fields in both places Amplitude reads them. */
function rev(price: number, quantity: number, extra: { productId?: string; revenueType?: string; props?: Record<string, unknown> } = {}): AmplitudeEvent {
  const revenue = Math.round(price * quantity * 1e6) / 1e6;
  const event: AmplitudeEvent = {
    event_type: 'revenue_amount',
    event_properties: { ...(extra.props ?? {}), $price: price, $quantity: quantity, $revenue: revenue },
    price,
    quantity,
    revenue,
  };
  if (extra.productId) {
    event.event_properties!.$productId = extra.productId;
    event.productId = extra.productId;
  }
  if (extra.revenueType) {
    event.event_properties!.$revenueType = extra.revenueType;
    event.revenueType = extra.revenueType;
  }
  return event;
}

describe('revenue on any tracked event', () => {
  it.each<[string, Partial<AmplitudeSettings>, Record<string, unknown>, AmplitudeEvent[]]>([
    ['L28 no revenue property', {}, {}, []],
    ['L32 V2 revenue only', { useLogRevenueV2: true }, { revenue: 19.99 }, [rev(19.99, 1, { props: { revenue: 19.99 } })]],
    [
      'L33 V2 full',
      { useLogRevenueV2: true },
      { revenue: 20, quantity: 2, price: 10, productId: 'AMP1', revenueType: 'purchase' },
      [rev(10, 2, { productId: 'AMP1', revenueType: 'purchase', props: { revenue: 20, quantity: 2, price: 10, productId: 'AMP1', revenueType: 'purchase' } })],
    ],
    [
      'L34 V2 no price: revenue for a quantity of one',
      { useLogRevenueV2: true },
      { revenue: 20, quantity: 2, productId: 'AMP1' },
      [rev(20, 1, { productId: 'AMP1', props: { revenue: 20, quantity: 2, productId: 'AMP1' } })],
    ],
    ['price and quantity alone never book revenue', {}, { price: 10, quantity: 2, productId: 'AMP1' }, []],
    ['L30 V1 revenue only', { useLogRevenueV2: false }, { revenue: 19.99 }, [rev(19.99, 1)]],
    [
      'L31 V1 books the revenue, not revenue x quantity',
      { useLogRevenueV2: false },
      { revenue: 19.99, quantity: 2, productId: 'AMP1' },
      [rev(9.995, 2, { productId: 'AMP1' })],
    ],
    // logRevenue let numeric text through as the quantity (its number check parses text): the page's "2" is 2 units.
    ['V1 a numeric text quantity counts as that number', { useLogRevenueV2: false }, { revenue: -81.5, quantity: '2' }, [rev(-40.75, 2)]],
    // ...and refused the whole revenue when the quantity failed that check (parseFloat and isFinite both).
    ['V1 a text quantity that is no number books nothing', { useLogRevenueV2: false }, { revenue: 10, quantity: 'two' }, []],
    ['V1 a list as the quantity books nothing', { useLogRevenueV2: false }, { revenue: 10, quantity: [null, 'x'] }, []],
    ['V1 a zero quantity is the facade default of 1', { useLogRevenueV2: false }, { revenue: 10, quantity: 0 }, [rev(10, 1)]],
    // ...and passed a fraction on as it was, where V2's Revenue kept the whole part.
    ['V1 a fractional quantity stays a fraction', { useLogRevenueV2: false }, { revenue: -47.5, quantity: 2.5 }, [rev(-19, 2.5)]],
    ['D02 $-strings are parsed', {}, { revenue: '$12.50' }, [rev(12.5, 1, { props: { revenue: '$12.50' } })]],
    ['D03 zero means no revenue', {}, { revenue: 0 }, []],
    ['negative revenue (refunds) is kept', {}, { revenue: -10 }, [rev(-10, 1, { props: { revenue: -10 } })]],
    [
      'obj-case keys: Revenue, product_id, revenue_type',
      {},
      { Revenue: 5, product_id: 'p1', revenue_type: 'refund' },
      [rev(5, 1, { productId: 'p1', revenueType: 'refund', props: { Revenue: 5, product_id: 'p1', revenue_type: 'refund' } })],
    ],
    ['a string price is dropped like amplitude-js did', {}, { revenue: 10, price: '10' }, []],
    // The integration tested the price as given (`!price`), so only a falsy one fell back to the revenue; text that
    // parses to 0 or to nothing was still a price, and amplitude-js refused it.
    ['V2 a text price that parses to 0 is still refused', {}, { revenue: 10, price: '0x10' }, []],
    ['V2 a text price that does not parse is still refused', {}, { revenue: 10, price: 'abc' }, []],
    ['V2 the text "0" is a price too', {}, { revenue: 10, price: '0' }, []],
    ['V2 an empty price falls back to the revenue', {}, { revenue: 10, price: '' }, [rev(10, 1, { props: { revenue: 10, price: '' } })]],
    ['junk revenue is ignored', {}, { revenue: 'lots' }, []],
    // amplitude-js's Revenue kept a negative whole quantity: a refund of one unit is booked as -1 unit.
    [
      'V2 a quantity of -1 is a refund of one unit',
      { useLogRevenueV2: true },
      { revenue: -25, price: 25, quantity: -1, revenueType: 'Refund' },
      [rev(25, -1, { revenueType: 'Refund', props: { revenue: -25, price: 25, quantity: -1, revenueType: 'Refund' } })],
    ],
    [
      'V2 a fractional quantity is cut to its whole part, sign kept',
      { useLogRevenueV2: true },
      { revenue: -50, price: 25, quantity: -2.5 },
      [rev(25, -2, { props: { revenue: -50, price: 25, quantity: -2.5 } })],
    ],
    // Revenue.setQuantity refused anything but a number and kept its default of 1.
    [
      'V2 a text quantity counts 1, as amplitude-js refused it',
      { useLogRevenueV2: true },
      { revenue: 20, price: 10, quantity: '2' },
      [rev(10, 1, { props: { revenue: 20, price: 10, quantity: '2' } })],
    ],
    ['a text that only starts like a date is read as a number', { useLogRevenueV2: false }, { revenue: '2021-03-04x' }, [rev(2021, 1)]],
  ])('%s', (_label, settings, props, expected) => {
    const events = track('event', props, settings);
    expect(events[0]).toEqual({ event_type: 'event', event_properties: props });
    expect(revenues(events)).toEqual(expected);
  });

  // The classic facade had made these Dates, and its currency parser read no number from a Date.
  it.each([
    ['2021-03-04', '2021-03-04T00:00:00.000Z', true],
    ['2021-03-04T05:06:07Z', '2021-03-04T05:06:07.000Z', false],
    ['2021-13-45', '2022-02-14T00:00:00.000Z', true],
  ])('a date as the revenue (%s) is sent as a timestamp and books nothing', (given, sent, v2) => {
    const events = track('event', { revenue: given }, { useLogRevenueV2: v2 });
    expect(events).toEqual([{ event_type: 'event', event_properties: { revenue: sent } }]);
  });
  it('D05 Product Purchased with revenue: product fields and revenueType Purchase', () => {
    const events = track('Product Purchased', { revenue: 15, price: 5, quantity: 3, product_id: 'p' });
    expect(revenues(events)).toEqual([rev(5, 3, { productId: 'p', revenueType: 'Purchase', props: { revenue: 15, price: 5, quantity: 3, product_id: 'p' } })]);
  });
  it('D04 Product Purchased with price and quantity but no revenue books nothing', () => {
    expect(revenues(track('Product Purchased', { price: 5, quantity: 3 }))).toEqual([]);
  });
  it('the revenue event comes after its event, without the event-level groups or added fields', () => {
    const events = track(
      'Upgraded',
      { revenue: 9 },
      { appendFieldsToEventProps: { 'context.page.path': 'path' } },
      { integrations: { Amplitude: { groups: { org: 'a' } } } },
    );
    expect(events.map((e) => e.event_type)).toEqual(['Upgraded', 'revenue_amount']);
    expect(events[0].groups).toEqual({ org: 'a' });
    expect(events[1]).toEqual(rev(9, 1, { props: { revenue: 9 } }));
  });
  it('page events with a revenue property book it too (classic track path)', () => {
    const ops = translate({
      event: segmentEvent({ type: 'page', name: 'Checkout', properties: { revenue: 3 } }),
      settings: settingsWith({ trackReferrer: false }),
      referrer: '',
    });
    expect(ops.map((o) => (o.op === 'event' ? o.event.event_type : o.op))).toEqual(['Viewed Checkout Page', 'revenue_amount']);
  });
});

describe('Order Completed routing', () => {
  it.each([
    ['Order Completed', true],
    ['order_completed', true],
    ['ordercompleted', true],
    ['Completed Order', true],
    ['completed_order', true],
    ['Completed Order Extra', true],
    ['Order Completed Extra', false],
    ['Viewed Order Completed Page', false],
  ])('%s -> %s', (name, routed) => {
    expect(isOrderCompleted(name)).toBe(routed);
  });
  it('D01 total stands in for revenue on order events only', () => {
    expect(extractRevenue('Order Completed', { total: 30 })).toBe(30);
    expect(extractRevenue('Checkout Started', { total: 30 })).toBeUndefined();
    const events = track('Order Completed', { total: 30 });
    expect(events).toEqual([{ event_type: 'Order Completed', event_properties: { total: 30 } }, rev(30, 1, { revenueType: 'Purchase', props: { total: 30 } })]);
  });
});

const MONOPOLY = {
  productId: '507f1f77bcf86cd799439011',
  sku: '45790-32',
  name: 'Monopoly: 3rd Edition',
  price: 19,
  quantity: 1,
  category: 'Games',
  url: 'https://x/m',
};
const UNO = { productId: '505bd76785ebb509fc183733', sku: '46493-32', name: 'Uno Card Game', price: 3, quantity: 2, category: 'Games', url: 'https://x/u' };
const ORDER = {
  checkoutId: 'fksdjfsdjfisjf9sdfjsd9f',
  orderId: '50314b8e9bcf000000000000',
  affiliation: 'Google Store',
  total: 30,
  revenue: 25,
  shipping: 3,
  tax: 2,
  discount: 2.5,
  coupon: 'hasbros',
  currency: 'USD',
};
const P = { ...ORDER, products: [MONOPOLY, UNO] };
const reduce = ({ url: _u, ...rest }: typeof MONOPOLY) => rest;

describe('a numeric productId is booked as text', () => {
  // amplitude-js's Revenue.setProductId refused numbers, so Segment's V2 revenue had no product ID at all
  // (declared: classic-v2-numeric-product-id-kept); 0 is an ID too.
  it.each([
    [{ useLogRevenueV2: true }, 42, '42'],
    [{ useLogRevenueV2: true }, 0, '0'],
    [{ useLogRevenueV2: false }, -7, '-7'],
  ] as const)('%o productId %s', (settings, productId, expected) => {
    const [event] = revenues(track('Signed Up', { revenue: 5, productId }, settings));
    expect([event.productId, event.event_properties?.$productId]).toEqual([expected, expected]);
  });
});

describe('Order Completed: every combination of trackRevenuePerProduct x trackProductsOnce (x V1/V2)', () => {
  const matrix: [string, Partial<AmplitudeSettings>, AmplitudeEvent[]][] = [
    [
      'per-product off, products-once off, V2',
      {},
      [
        { event_type: 'Order Completed', event_properties: ORDER },
        rev(25, 1, { revenueType: 'Purchase', props: ORDER }),
        { event_type: 'Product Purchased', event_properties: MONOPOLY },
        { event_type: 'Product Purchased', event_properties: UNO },
      ],
    ],
    [
      'per-product on, products-once off, V2',
      { trackRevenuePerProduct: true },
      [
        { event_type: 'Order Completed', event_properties: ORDER },
        rev(19, 1, { productId: MONOPOLY.productId, revenueType: 'Purchase', props: { ...MONOPOLY, revenue: 25 } }),
        { event_type: 'Product Purchased', event_properties: { ...MONOPOLY, revenue: 25 } },
        rev(3, 2, { productId: UNO.productId, revenueType: 'Purchase', props: { ...UNO, revenue: 25 } }),
        { event_type: 'Product Purchased', event_properties: { ...UNO, revenue: 25 } },
      ],
    ],
    [
      'per-product off, products-once on, V2',
      { trackProductsOnce: true },
      [
        { event_type: 'Order Completed', event_properties: { ...ORDER, products: [reduce(MONOPOLY), reduce(UNO)] } },
        rev(25, 1, { revenueType: 'Purchase', props: { ...ORDER, products: [reduce(MONOPOLY), reduce(UNO)] } }),
      ],
    ],
    [
      'per-product on, products-once on, V2',
      { trackRevenuePerProduct: true, trackProductsOnce: true },
      [
        { event_type: 'Order Completed', event_properties: { ...ORDER, products: [reduce(MONOPOLY), reduce(UNO)] } },
        rev(19, 1, { productId: MONOPOLY.productId, revenueType: 'Purchase', props: reduce(MONOPOLY) }),
        rev(3, 2, { productId: UNO.productId, revenueType: 'Purchase', props: reduce(UNO) }),
      ],
    ],
    [
      'per-product off, products-once off, V1',
      { useLogRevenueV2: false },
      [
        { event_type: 'Order Completed', event_properties: ORDER },
        rev(25, 1),
        { event_type: 'Product Purchased', event_properties: MONOPOLY },
        { event_type: 'Product Purchased', event_properties: UNO },
      ],
    ],
    [
      'per-product on, products-once off, V1 (classic booked the order revenue per product)',
      { useLogRevenueV2: false, trackRevenuePerProduct: true },
      [
        { event_type: 'Order Completed', event_properties: ORDER },
        rev(19, 1, { productId: MONOPOLY.productId }),
        { event_type: 'Product Purchased', event_properties: { ...MONOPOLY, revenue: 25 } },
        rev(3, 2, { productId: UNO.productId }),
        { event_type: 'Product Purchased', event_properties: { ...UNO, revenue: 25 } },
      ],
    ],
    [
      'per-product off, products-once on, V1',
      { useLogRevenueV2: false, trackProductsOnce: true },
      [{ event_type: 'Order Completed', event_properties: { ...ORDER, products: [reduce(MONOPOLY), reduce(UNO)] } }, rev(25, 1)],
    ],
    [
      'per-product on, products-once on, V1',
      { useLogRevenueV2: false, trackRevenuePerProduct: true, trackProductsOnce: true },
      [
        { event_type: 'Order Completed', event_properties: { ...ORDER, products: [reduce(MONOPOLY), reduce(UNO)] } },
        rev(19, 1, { productId: MONOPOLY.productId }),
        rev(3, 2, { productId: UNO.productId }),
      ],
    ],
  ];
  it.each(matrix)('%s', (_label, settings, expected) => {
    const events = track('Order Completed', P, settings);
    expect(events).toEqual(expected);
    expect(booked(events)).toBe(25); // the order's revenue, exactly once
  });

  it('L42 Completed Order with per-product revenue: one revenue call with the product fields and the order revenueType', () => {
    const events = track(
      'Completed Order',
      { revenue: 20, revenueType: 'I am custom', products: [{ quantity: 2, price: 10, productId: 'AMP1' }] },
      { trackRevenuePerProduct: true },
    );
    expect(revenues(events)).toEqual([
      rev(10, 2, {
        productId: 'AMP1',
        revenueType: 'I am custom',
        props: { quantity: 2, price: 10, productId: 'AMP1', revenueType: 'I am custom', revenue: 20 },
      }),
    ]);
  });
  it('trackProductsOnce: an order without a products list still sends products: [], as the classic integration did', () => {
    const events = track('Order Completed', { orderId: 'o1' }, { trackProductsOnce: true });
    expect(events[0]).toEqual({ event_type: 'Order Completed', event_properties: { orderId: 'o1', products: [] } });
  });

  it("trackProductsOnce: a product's zero, null or missing quantity is 1, as the facade's quantity() read it", () => {
    const products = [{ productId: 'a', quantity: 0 }, { productId: 'b', quantity: null }, { productId: 'c' }, { productId: 'd', quantity: -1 }];
    const events = track('Order Completed', { products }, { trackProductsOnce: true });
    expect((events[0].event_properties as { products: { quantity: unknown }[] }).products.map((p) => p.quantity)).toEqual([1, 1, 1, -1]);
  });
  it('D08 a product without quantity: Product Purchased, no revenue for it, no order-level revenue', () => {
    const events = track('Order Completed', { revenue: 10, products: [{ productId: 'p', price: 10 }] }, { trackRevenuePerProduct: true });
    expect(events.map((e) => e.event_type)).toEqual(['Order Completed', 'Product Purchased']);
  });
  it('per-product off: a product with its own revenue books it after its Product Purchased, as any tracked revenue does', () => {
    // The classic integration logged each product as a track with revenue allowed (only trackRevenuePerProduct
    // suppressed it), so an order whose products carry `revenue` booked them besides the order's own.
    const product = { productId: 'p', price: 4, quantity: 3, revenue: 12, name: 'pen' };
    const events = track('Order Completed', { products: [product, { productId: 'q', price: 1, quantity: 1 }] });
    expect(events).toEqual([
      { event_type: 'Order Completed', event_properties: {} },
      { event_type: 'Product Purchased', event_properties: product },
      rev(4, 3, { productId: 'p', revenueType: 'Purchase', props: product }),
      { event_type: 'Product Purchased', event_properties: { productId: 'q', price: 1, quantity: 1 } },
    ]);
    const v1 = track('Order Completed', { revenue: 10, products: [product] }, { useLogRevenueV2: false });
    expect(v1.map((e) => e.event_type)).toEqual(['Order Completed', 'revenue_amount', 'Product Purchased', 'revenue_amount']);
    expect(revenues(v1)[1]).toEqual(rev(4, 3, { productId: 'p' }));
  });
  it("per-product V1: a product's own revenue is its total when the order has none (logRevenue took revenue || price x quantity)", () => {
    const settings = { trackRevenuePerProduct: true, useLogRevenueV2: false };
    const product = { productId: 'p', price: 10, quantity: 2, revenue: 30 };
    expect(revenues(track('Order Completed', { products: [product] }, settings))).toEqual([rev(15, 2, { productId: 'p' })]);
    // With an order revenue the classic code booked it for every product; the shim books each its price x quantity.
    expect(revenues(track('Order Completed', { revenue: 100, products: [product] }, settings))).toEqual([rev(10, 2, { productId: 'p' })]);
    // V2 booked the price x quantity whatever the product's revenue.
    expect(revenues(track('Order Completed', { products: [product] }, { ...settings, useLogRevenueV2: true }))).toEqual([
      rev(10, 2, { productId: 'p', revenueType: 'Purchase', props: product }),
    ]);
  });
  it('a zero-price product books nothing instead of the order revenue', () => {
    const events = track(
      'Order Completed',
      {
        revenue: 10,
        products: [
          { productId: 'free', price: 0, quantity: 1 },
          { productId: 'p', price: 10, quantity: 1 },
        ],
      },
      { trackRevenuePerProduct: true },
    );
    expect(booked(events)).toBe(10);
  });
  it('integrations.Amplitude.groups applies to the order and every Product Purchased event', () => {
    const events = track('Order Completed', P, {}, { integrations: { Amplitude: { groups: { store: 'eu' } } } });
    expect(events.filter((e) => e.event_type !== 'revenue_amount').map((e) => e.groups)).toEqual([{ store: 'eu' }, { store: 'eu' }, { store: 'eu' }]);
  });
  it('non-array products are ignored', () => {
    expect(track('Order Completed', { revenue: 5, products: 'nope' }).map((e) => e.event_type)).toEqual(['Order Completed', 'revenue_amount']);
  });
});
