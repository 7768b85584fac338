/**
 * Revenue as Segment's Amplitude (Classic) destination extracted it (the facade's Track.revenue(),
 * mapRevenueAttributes, setRevenue), producing Amplitude `revenue_amount` events. Pure.
 * Departures where the classic code booked revenue wrongly are marked "Difference:".
 */
import type { AmplitudeEvent, Dict } from '../../core/types.js';
import { objCaseGet } from '../../core/facade.js';
import { wasFacadeDate } from '../../core/facade-dates.js';

/** Segment's spec events routed to orderCompleted: "Order Completed", "Completed Order" and variants. */
const ORDER_COMPLETED = /^[ _]?completed[ _]?order[ _]?|^[ _]?order[ _]?completed[ _]?$/i;
const PURCHASE_EVENTS = ['order completed', 'completed order', 'product purchased'];

export function isOrderCompleted(eventName: string): boolean {
  return ORDER_COMPLETED.test(eventName);
}

/** Track.revenue(): `revenue` (or `total` for order events); `$`-strings parsed; 0 and junk mean none. */
export function extractRevenue(eventName: string, properties: Dict): number | undefined {
  let raw = objCaseGet(properties, 'revenue');
  if (!raw && isOrderCompleted(eventName)) raw = objCaseGet(properties, 'total');
  const value = toNumber(raw);
  return value ? value : undefined;
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  // A date string was a Date by the time the classic code read it, and its currency parser gave up on a Date:
  // `revenue: "2021-03-04"` booked nothing, where reading the text would book 2021.
  if (typeof raw === 'string' && !wasFacadeDate(raw)) {
    const parsed = parseFloat(raw.replace(/\$/g, ''));
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The `revenueType` property, when it is a non-empty text. */
export function explicitRevenueType(properties: Dict): string | undefined {
  const value = objCaseGet(properties, 'revenueType');
  return typeof value === 'string' && value ? value : undefined;
}

export interface RevenueAttributes {
  price: unknown;
  quantity: number;
  /** The quantity property as the page gave it: V1 reads it its own way. */
  givenQuantity: unknown;
  productId: string | undefined;
  revenueType: string | undefined;
  revenue: number | undefined;
  eventProperties: Dict;
}

/** mapRevenueAttributes: what the classic integration read from a (possibly product-level) track. */
export function revenueAttributes(eventName: string, properties: Dict): RevenueAttributes {
  const productId = objCaseGet(properties, 'productId');
  const quantity = parseQuantity(properties.quantity);
  return {
    price: objCaseGet(properties, 'price'),
    quantity,
    givenQuantity: properties.quantity,
    productId:
      typeof productId === 'string' && productId
        ? productId
        : typeof productId === 'number'
          ? String(productId)
          : undefined,
    revenueType:
      explicitRevenueType(properties) || (PURCHASE_EVENTS.includes(eventName.toLowerCase()) ? 'Purchase' : undefined),
    revenue: extractRevenue(eventName, properties),
    eventProperties: properties,
  };
}

/**
 * V1: logRevenue checked the quantity with a number test that parses text, and passed it on as it was: numeric
 * text such as "2" went through as 2 units where V2's Revenue refused it, and a fraction stayed a fraction
 * (V2 kept its whole part); anything else counts as in V2.
 */
function v1Quantity(raw: unknown): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(value) && value !== 0 ? value : parseQuantity(raw);
}

/**
 * logRevenue refused the whole revenue unless the quantity (the facade's `quantity || 1`) passed its number
 * test, parseFloat and isFinite both: a list, an object, a text that is not a number, or a date (the facade had
 * made date strings Dates) booked nothing.
 */
function v1AcceptsQuantity(raw: unknown): boolean {
  const quantity = raw || 1;
  if (wasFacadeDate(quantity)) return false;
  return !Number.isNaN(parseFloat(String(quantity))) && Number.isFinite(Number(quantity));
}

function parseQuantity(raw: unknown): number {
  // The facade read a missing or zero quantity as 1; amplitude-js's Revenue.setQuantity refused anything but a
  // number (text included, so "2" counted 1) and kept the whole part of the rest, sign included: -1 is a refund.
  return typeof raw === 'number' && Number.isFinite(raw) && raw !== 0 ? Math.trunc(raw) : 1;
}

/**
 * One `revenue_amount` event, carrying Amplitude's revenue fields both as the `$`-properties the SDK's
 * Revenue class writes and as the HTTP API's top-level `price`/`quantity`/`revenue` fields, so revenue
 * charts (Revenue LTV, ARPU) read it either way. Returns undefined when nothing is to be booked.
 */
export function revenueEvent(attrs: RevenueAttributes, useLogRevenueV2: boolean): AmplitudeEvent | undefined {
  let price: number | undefined;
  let quantity = attrs.quantity;
  let eventProperties: Dict;
  if (useLogRevenueV2) {
    // Classic V2 tested the price as given: a falsy one (none, 0, '', null) gave way to the revenue, for a
    // quantity of one; any other went to amplitude-js, which dropped the revenue unless it was a number
    // (text such as "10" or "0x10" included).
    if (!attrs.price) {
      price = attrs.revenue;
      quantity = 1;
    } else {
      price = typeof attrs.price === 'number' ? attrs.price : undefined;
    }
    eventProperties = attrs.eventProperties;
  } else {
    // Difference: classic V1 sent logRevenue(revenue || price*quantity, quantity), which Amplitude booked
    // as price x quantity, so {revenue: 20, quantity: 2} became 40. Here the booked total is the revenue.
    if (!v1AcceptsQuantity(attrs.givenQuantity)) return undefined;
    quantity = v1Quantity(attrs.givenQuantity);
    // The revenue is never 0 (none is undefined), and toNumber gives a finite number or none.
    const total = attrs.revenue || (toNumber(attrs.price) || 0) * quantity;
    price = total ? total / quantity : undefined;
    eventProperties = {};
  }
  if (price === undefined || !Number.isFinite(price) || price === 0) return undefined;
  const revenue = round(price * quantity);
  const props: Dict = { ...eventProperties, $price: price, $quantity: quantity, $revenue: revenue };
  const event: AmplitudeEvent = { event_type: 'revenue_amount', event_properties: props, price, quantity, revenue };
  if (attrs.productId) {
    props.$productId = attrs.productId;
    event.productId = attrs.productId;
  }
  if (useLogRevenueV2 && attrs.revenueType) {
    props.$revenueType = attrs.revenueType;
    event.revenueType = attrs.revenueType;
  }
  return event;
}

/** Avoids 3 * 19.99 = 59.970000000000006 on the wire. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** trackProductsOnce: each product reduced to exactly these keys. */
export function reduceProduct(product: Dict): Dict {
  const productId = objCaseGet(product, 'productId');
  const out: Dict = {
    productId,
    sku: product.sku,
    name: product.name,
    price: product.price,
    // The facade's quantity() is `quantity || 1`: a zero, empty or null quantity is listed as 1.
    quantity: product.quantity || 1,
    category: product.category,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

export function productsOf(properties: Dict): Dict[] {
  const products = properties.products;
  if (!Array.isArray(products)) return [];
  return products.filter((p): p is Dict => p !== null && typeof p === 'object' && !Array.isArray(p));
}
