// The Classic revenue rows of differences.mjs accept only the relation they declare: a shim that books the wrong
// sign, another amount or another product ID must show as an undeclared difference, not hide behind the row.
import { describe, expect, it } from 'vitest';
import { diffRecords } from './canonical.mjs';
import { declaredFor } from './differences.mjs';

type Dict = Record<string, unknown>;
const revenueRecord = (price: number, quantity: number, extra: Dict = {}): Dict => ({
  kind: 'event',
  event_type: 'revenue_amount',
  price,
  quantity,
  revenue: Math.round(price * quantity * 1e6) / 1e6,
  ...extra,
});
function declared(settings: Dict, call: { method: string; args: unknown[] }, segment: Dict, ours: Dict, field: string): string | undefined {
  const ctx = { segment: [segment], ours: [ours], sequence: { settings, calls: [call], startTime: 0 }, call, callIndex: 0 };
  return (declaredFor('classic', { kind: 'event', index: 0, field, segment: segment[field], ours: ours[field] }, ctx) as { id: string } | undefined)?.id;
}

const V1 = { useLogRevenueV2: false };
const SIGNED_UP = { method: 'track', args: ['Signed Up', { revenue: 20, quantity: 2 }] };
const ORDER = {
  method: 'track',
  args: [
    'Order Completed',
    {
      revenue: 25,
      products: [
        { productId: 'a', price: 19, quantity: 1 },
        { productId: 'b', price: 3, quantity: 2 },
      ],
    },
  ],
};

describe('classic-v1-revenue-is-the-total', () => {
  it.each(['price', 'revenue'])('accepts %s when Segment booked the total × quantity', (field) => {
    expect(declared(V1, SIGNED_UP, revenueRecord(20, 2), revenueRecord(10, 2), field)).toBe('classic-v1-revenue-is-the-total');
    const perProduct = { ...V1, trackRevenuePerProduct: true };
    expect(declared(perProduct, ORDER, revenueRecord(25, 2), revenueRecord(3, 2), field)).toBe('classic-v1-revenue-is-the-total');
    // V1 keeps a fractional quantity, so the product is found by its quantity as given.
    const fraction = { method: 'track', args: ['Order Completed', { revenue: 25, products: [{ price: 4, quantity: 2.5 }] }] };
    expect(declared(perProduct, fraction, revenueRecord(25, 2.5), revenueRecord(4, 2.5), field)).toBe('classic-v1-revenue-is-the-total');
  });
  it.each(['price', 'revenue'])('rejects %s with a flipped sign, another amount, or with V2 on', (field) => {
    expect(declared(V1, SIGNED_UP, revenueRecord(20, 2), revenueRecord(-10, 2), field)).toBeUndefined();
    expect(declared(V1, SIGNED_UP, revenueRecord(20, 2), revenueRecord(11, 2), field)).toBeUndefined();
    expect(declared({}, SIGNED_UP, revenueRecord(20, 2), revenueRecord(10, 2), field)).toBeUndefined();
    const perProduct = { ...V1, trackRevenuePerProduct: true };
    expect(declared(perProduct, ORDER, revenueRecord(25, 2), revenueRecord(-3, 2), field)).toBeUndefined();
    expect(declared(perProduct, ORDER, revenueRecord(-25, 2), revenueRecord(3, 2), field)).toBeUndefined();
  });
});

describe('classic-v2-numeric-product-id-kept', () => {
  const call = { method: 'track', args: ['Signed Up', { revenue: 5, productId: 42 }] };
  const segment = revenueRecord(5, 1, { event_properties: { revenue: 5, productId: 42 } });
  it('accepts the number as text where Segment has none', () => {
    expect(declared({}, call, segment, { ...segment, productId: '42' }, 'productId')).toBe('classic-v2-numeric-product-id-kept');
    const zero = revenueRecord(5, 1, { event_properties: { revenue: 5, productId: 0 } });
    expect(declared({}, call, zero, { ...zero, productId: '0' }, 'productId')).toBe('classic-v2-numeric-product-id-kept');
  });
  it('rejects another ID, a text productId Segment dropped, and V1', () => {
    expect(declared({}, call, segment, { ...segment, productId: '43' }, 'productId')).toBeUndefined();
    const text = revenueRecord(5, 1, { event_properties: { revenue: 5, productId: '42' } });
    expect(declared({}, call, text, { ...text, productId: '42' }, 'productId')).toBeUndefined();
    expect(declared(V1, call, segment, { ...segment, productId: '42' }, 'productId')).toBeUndefined();
  });
});

describe('classic-zero-price-product-books-nothing', () => {
  const settings = { trackRevenuePerProduct: true };
  const free = { productId: 'free', price: 0, quantity: 2, revenue: 25 };
  const paid = { productId: 'p', price: 25, quantity: 1, revenue: 25 };
  const call = { method: 'track', args: ['Order Completed', { revenue: 25, products: [free, paid] }] };
  const event = (type: string, props: Dict): Dict => ({ kind: 'event', event_type: type, event_properties: props });
  const order = event('Order Completed', { revenue: 25 });
  const segment = [
    order,
    revenueRecord(25, 1, { event_properties: free }),
    event('Product Purchased', free),
    revenueRecord(25, 1, { event_properties: paid }),
    event('Product Purchased', paid),
  ];
  const check = (ours: Dict[]) => {
    const ctx = { segment, ours, sequence: { settings, calls: [call], startTime: 0 }, call, callIndex: 0 };
    return diffRecords(segment, ours).map(
      (diff: Dict & { index: number }) =>
        (declaredFor('classic', { ...diff, call: 1, kind: String((segment[diff.index] ?? ours[diff.index])?.kind) }, ctx) as { id: string } | undefined)?.id,
    );
  };
  it("accepts every difference that Segment's extra revenue record makes", () => {
    const ids = check([order, event('Product Purchased', free), revenueRecord(25, 1, { event_properties: paid }), event('Product Purchased', paid)]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(['classic-zero-price-product-books-nothing']));
  });
  it('rejects them all when anything else differs, such as the other product booking the wrong sign', () => {
    const ids = check([order, event('Product Purchased', free), revenueRecord(-25, 1, { event_properties: paid }), event('Product Purchased', paid)]);
    expect(ids.filter((id) => id === 'classic-zero-price-product-books-nothing')).toEqual([]);
  });
});

// Not a revenue row, but judged the same way: the nulls row accepts a field only where dropping the nulls (as
// amplitude-js did) leaves exactly Segment's side, whatever else the record differs in.
describe('classic-null-and-nested-arrays-kept', () => {
  const identify = (userProperties: Dict | undefined, extra: Dict = {}): Dict => ({
    kind: 'identify',
    user_id: null,
    device_id: 'd',
    ...(userProperties ? { user_properties: userProperties } : {}),
    ...extra,
  });
  const judge = (segment: Dict, ours: Dict) => {
    const call = { method: 'identify', args: [null, {}] };
    const ctx = { segment: [segment], ours: [ours], sequence: { settings: {}, calls: [call], startTime: 0 }, call, callIndex: 0 };
    return diffRecords([segment], [ours]).map((d: Dict) => (declaredFor('classic', { kind: 'identify', ...d }, ctx) as { id: string } | undefined)?.id);
  };

  it('accepts an operation left only with nulls, which amplitude-js dropped whole', () => {
    expect(judge(identify(undefined), identify({ $set: { k: null } }))).toEqual(['classic-null-and-nested-arrays-kept']);
    expect(judge(identify({ $set: { a: 1 } }), identify({ $set: { a: 1 }, $setOnce: { email: null } }))).toEqual(['classic-null-and-nested-arrays-kept']);
  });
  it('accepts it when the record also differs in another field', () => {
    // The time is undeclared here (the call gave no timestamp); the nulls are declared all the same.
    expect(judge(identify(undefined, { time: 1 }), identify({ $set: { k: null } }, { time: 2 }))).toEqual([undefined, 'classic-null-and-nested-arrays-kept']);
  });
  it('refuses an operation that carries a value besides its nulls', () => {
    expect(judge(identify(undefined), identify({ $set: { k: null, kept: 'x' } }))).toEqual([undefined]);
    expect(judge(identify({ $set: { a: 1 } }), identify({ $set: { a: 1 }, $setOnce: { email: 'e' } }))).toEqual([undefined]);
  });
});

describe('classic-non-finite-price-is-missing', () => {
  const call = (price: number, revenue: unknown = 12) => ({ method: 'track', args: ['Upgraded', { price, revenue }] });
  const segment: Dict = { kind: 'event', event_type: 'revenue_amount', quantity: 1 };
  it.each(['price', 'revenue'])('accepts %s where Segment sent no amount for an Infinity price', (field) => {
    expect(declared({}, call(Infinity), segment, revenueRecord(12, 1), field)).toBe('classic-non-finite-price-is-missing');
    expect(declared({}, call(-Infinity, '$12'), segment, revenueRecord(12, 1), field)).toBe('classic-non-finite-price-is-missing');
  });
  it.each(['price', 'revenue'])('refuses %s with another amount, a finite price, or V1', (field) => {
    expect(declared({}, call(Infinity), segment, revenueRecord(13, 1), field)).toBeUndefined();
    expect(declared({}, call(Infinity), segment, revenueRecord(6, 2), field)).toBeUndefined();
    expect(declared({}, call(5), segment, revenueRecord(12, 1), field)).toBeUndefined();
    expect(declared(V1, call(Infinity), segment, revenueRecord(12, 1), field)).toBeUndefined();
  });
});
