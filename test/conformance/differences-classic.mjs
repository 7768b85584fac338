// Amplitude (Classic): the deliberate differences from amplitude-js as Segment ran it (differences.mjs describes a row).
import { asOperations, diffRecords, same } from './canonical.mjs';
import { decodeValue } from './sequence.mjs';

// ctx for Classic rows: `segment`, `ours` (the call's canonical records, or the storage record after the last
// call), `sequence`, `call` (the call as generated, undefined for the storage) and `callIndex`.

const settingsOf = (ctx) => decodeValue(ctx.sequence.settings ?? {});
const argsOf = (call) => (call ? decodeValue(call.args) : []);
const optionsOf = (call) => {
  const args = argsOf(call);
  const options = call?.method === 'page' ? args[3] : call?.method === 'alias' ? args[2] : args[2];
  return options !== null && typeof options === 'object' ? options : {};
};
const isPlaceholder = (value, kind) => typeof value === 'string' && new RegExp(`^"?<${kind} \\d+>"?$`).test(value);
const ANONYMOUS_ID_FIELDS = ['user.anonymousId', 'cookies.ajs_anonymous_id', 'localStorage.ajs_anonymous_id'];
const knownIds = (ctx) => {
  const ids = new Set([ctx.sequence.anonymousId]);
  for (const call of ctx.sequence.calls) if (typeof optionsOf(call).anonymousId === 'string') ids.add(optionsOf(call).anonymousId);
  return ids;
};
/** Calls up to and including this one (all of them for the storage). */
const callsSoFar = (ctx) => ctx.sequence.calls.slice(0, ctx.callIndex + 1);

/** What amplitude-js kept of a property value: nulls in objects and arrays nested in arrays dropped, at every level. */
function amplitudeJsKept(value) {
  if (Array.isArray(value))
    return value.filter((item) => !Array.isArray(item)).map((item) => (item !== null && typeof item === 'object' ? amplitudeJsKept(item) : item));
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) out[key] = amplitudeJsKept(item);
    return out;
  }
  return value;
}

/** A whole record as amplitude-js would have sent it, with what its dropped values left empty tidied away. */
function amplitudeJsRecord(record) {
  const out = { ...record };
  for (const key of ['event_properties', 'groups']) {
    const kept = amplitudeJsKept(out[key]);
    if (kept !== null && typeof kept === 'object' && Object.keys(kept).length) out[key] = kept;
    else delete out[key];
  }
  const userProperties = asOperations(amplitudeJsKept(out.user_properties));
  if (userProperties) out.user_properties = userProperties;
  else delete out.user_properties;
  return out;
}

function countNulls(value) {
  if (value === null) return 1;
  if (value === undefined || typeof value !== 'object') return 0;
  return Object.values(value).reduce((n, item) => n + countNulls(item), 0);
}

const isRevenueRecord = (record) => record?.kind === 'event' && record.event_type === 'revenue_amount';

export const CLASSIC_DIFFERENCES = [
  {
    id: 'classic-null-and-nested-arrays-kept',
    mode: 'classic',
    what: 'A null value in properties or traits, or an array inside an array: amplitude-js dropped it before sending; the shim sends it as given.',
    why: 'Valid JSON that Amplitude accepts; dropping it lost data (a trait set to null to clear it, a list of pairs).',
    test: 'test/unit/translate.test.ts (null values and nested arrays); the conformance run (test/conformance/classic.conformance.test.ts)',
    matches: (diff, ctx) =>
      ['event', 'identify', 'group identify'].includes(diff.kind) &&
      diff.field !== '(record)' &&
      diff.ours !== undefined &&
      // Both sides without their nulls: a non-finite number is null on both (JSON), and only ours keeps the
      // nulls the page gave, so ours has at least as many.
      same(amplitudeJsKept(diff.ours), diff.segment === undefined ? amplitudeJsKept(diff.ours) : amplitudeJsKept(diff.segment)) &&
      countNulls(diff.ours) >= countNulls(diff.segment) &&
      (diff.segment !== undefined ||
        diff.ours === null ||
        (ctx.ours[diff.index] && !diffRecords([ctx.segment[diff.index]], [amplitudeJsRecord(ctx.ours[diff.index])]).some((d) => d.field === diff.field))),
  },
  {
    id: 'classic-reset-starts-over',
    mode: 'classic',
    what: 'After reset(): the classic integration did nothing, so amplitude-js kept the user ID, the device ID and the session; the shim clears the user ID, takes a new device ID (the new anonymousId with preferAnonymousIdForDeviceId) and starts a new session.',
    why: "Logging out must not attribute the next visitor's events to the previous user.",
    test: 'test/unit/analytics.test.ts (reset); the conformance run (test/conformance/classic.conformance.test.ts)',
    matches: (diff, ctx) => {
      if (!callsSoFar(ctx).some((call) => call.method === 'reset')) return false;
      if (diff.field === 'device_id')
        return isPlaceholder(diff.segment, 'device') || isPlaceholder(diff.segment, 'anonymous') || knownIds(ctx).has(diff.segment);
      if (diff.field === 'session_id') return typeof diff.ours === 'number' && diff.ours > diff.segment;
      if (diff.field === 'user_id') return diff.ours === null && typeof diff.segment === 'string';
      if (ANONYMOUS_ID_FIELDS.includes(diff.field)) return isPlaceholder(diff.segment, 'anonymous') && isPlaceholder(diff.ours, 'anonymous');
      return false;
    },
  },
  {
    id: 'classic-event-time-is-the-call-timestamp',
    mode: 'classic',
    what:
      "A call with `options.timestamp`: the classic integration called amplitude-js's logEvent (never logEventWithTimestamp), which stamped the event " +
      "with the browser's clock as the call ran; the shim sends the timestamp the page gave.",
    why:
      'Segment loses the time the page says the event happened (an order confirmed offline, an event replayed later): Amplitude books it at the ' +
      'moment of the call, so every chart over time shows it on the wrong date. Segment kept the given time in its own event only.',
    test: "test/unit/classic-call-values.test.ts › Classic: options.timestamp is the event's time (amplitude-js used its own clock); the conformance run (test/conformance/classic.conformance.test.ts)",
    matches: (diff, ctx) => {
      if (diff.field !== 'time' || !ctx.call) return false;
      const given = optionsOf(ctx.call).timestamp;
      const stamp = given instanceof Date ? given.getTime() : typeof given === 'string' ? new Date(given).getTime() : NaN;
      return diff.ours === stamp && diff.segment === ctx.sequence.startTime + (ctx.callIndex + 1) * 1000;
    },
  },
  {
    id: 'classic-products-once-books-revenue',
    mode: 'classic',
    what: 'Order Completed with trackProductsOnce and trackRevenuePerProduct: the classic integration booked no revenue at all; the shim books each product (price × quantity).',
    why: 'The revenue was silently lost.',
    test: 'test/unit/revenue.test.ts; the conformance run (test/conformance/classic.conformance.test.ts)',
    matches: (diff, ctx) =>
      diff.field === '(record)' &&
      diff.segment === undefined &&
      isRevenueRecord(diff.ours) &&
      settingsOf(ctx).trackProductsOnce === true &&
      settingsOf(ctx).trackRevenuePerProduct === true,
  },
  {
    id: 'classic-v1-revenue-is-the-total',
    mode: 'classic',
    what:
      'Revenue with useLogRevenueV2 off: amplitude-js logRevenue booked revenue × quantity (`{revenue: 20, quantity: 2}` as 40) and, per product, ' +
      "the order's revenue for each product; the shim books the revenue property as the total (price = revenue / quantity), and each product its own price × quantity " +
      '(its own revenue as its total when the order has none).',
    why: 'The revenue property is the total: Revenue LTV must not inflate.',
    test: 'test/unit/revenue.test.ts (L31 V1 books the revenue, not revenue x quantity); the conformance run',
    matches: v1RevenueIsTheTotal,
  },
  {
    id: 'classic-v2-numeric-product-id-kept',
    mode: 'classic',
    what:
      'A revenue event whose productId is a number (`{revenue: 5, productId: 42}`, or a product of an order) with useLogRevenueV2: ' +
      "amplitude-js's Revenue.setProductId refused anything but text, so Segment booked the revenue without a product ID; the shim books it " +
      'with the number as text (`"42"`).',
    why: 'The product ID is data the page gave (it is still in the event properties); without it the revenue is missing from every per-product revenue chart.',
    test: 'test/unit/revenue.test.ts (a numeric productId is booked as text); the conformance run (test/conformance/classic.conformance.test.ts)',
    matches: numericProductIdKept,
  },
  {
    id: 'classic-zero-price-product-books-nothing',
    mode: 'classic',
    what:
      'Order Completed with trackRevenuePerProduct and a product whose price is 0 or empty (not missing): the classic integration booked the ' +
      "order's whole revenue in that product's place (V2: for a quantity of one; V1: times its quantity); the shim books nothing for it.",
    why: "The order's revenue is also booked through its other products, so the same order counted twice.",
    test: 'test/unit/revenue.test.ts (a zero-price product books nothing instead of the order revenue); the conformance run',
    matches: orderRevenueInProductPlace,
  },
  {
    id: 'classic-non-finite-price-is-missing',
    mode: 'classic',
    what:
      'A revenue event whose price is Infinity with useLogRevenueV2: amplitude-js sent a revenue event with a null price, which books ' +
      'nothing; the shim sends every non-finite number as null, as JSON does, so the price is missing and the revenue property is ' +
      'booked for one unit, as for any revenue event without a price.',
    why: 'The page gave a revenue figure; a revenue event without an amount is a purchase no revenue chart can count.',
    test: 'test/unit/classic-call-values.test.ts (a price that is not a finite number); the conformance run',
    matches: nonFinitePriceIsMissing,
  },
];

/** The properties of a track or page call as generated (a page's are its first plain object). */
function callProperties(call) {
  const args = argsOf(call);
  if (call?.method === 'track') return args[1];
  if (call?.method === 'page') return args.find((arg) => arg !== null && typeof arg === 'object' && !Array.isArray(arg));
  return undefined;
}

/** Segment's revenue record without price or revenue, where the shim booked the revenue property for one unit. */
function nonFinitePriceIsMissing(diff, ctx) {
  const segment = ctx.segment[diff.index];
  const ours = ctx.ours[diff.index];
  if (settingsOf(ctx).useLogRevenueV2 === false || !['price', 'revenue'].includes(diff.field) || diff.segment !== undefined) return false;
  if (!isRevenueRecord(segment) || !isRevenueRecord(ours) || segment.price !== undefined || segment.revenue !== undefined) return false;
  const properties = callProperties(ctx.call);
  if (!properties || typeof properties.price !== 'number' || Number.isFinite(properties.price) || Number.isNaN(properties.price)) return false;
  const revenue = facadeCurrency(properties.revenue);
  return typeof revenue === 'number' && ours.quantity === 1 && ours.price === revenue && ours.revenue === round6(revenue);
}

const round6 = (n) => Math.round(n * 1e6) / 1e6;
const ORDER_COMPLETED = /^[ _]?completed[ _]?order[ _]?|^[ _]?order[ _]?completed[ _]?$/i;

/** The facade's currency(): a number, or text parsed after dropping `$`; anything else, and 0, is no amount. */
function facadeCurrency(value) {
  if (typeof value === 'number') return value || undefined;
  if (typeof value !== 'string' || !value) return undefined;
  const parsed = parseFloat(value.replace(/\$/g, ''));
  return Number.isNaN(parsed) || parsed === 0 ? undefined : parsed;
}

/**
 * With trackRevenuePerProduct on an order, the amount amplitude-js's logRevenue was given for the product the shim's
 * revenue record books (found by its price × quantity): the order's revenue the classic integration copied into every
 * product, else the product's own revenue, else its price × quantity. Undefined when no product of the call is that one.
 */
function perProductAmount(ctx, ours) {
  const settings = settingsOf(ctx);
  const [name, properties] = argsOf(ctx.call);
  if (settings.trackRevenuePerProduct !== true || settings.trackProductsOnce === true || ctx.call?.method !== 'track') return undefined;
  if (typeof name !== 'string' || !ORDER_COMPLETED.test(name) || properties === null || typeof properties !== 'object') return undefined;
  const products = Array.isArray(properties.products) ? properties.products : [];
  const product = products.find(
    (p) =>
      p !== null &&
      typeof p === 'object' &&
      p.price != null &&
      p.quantity &&
      // V1 passed the quantity on as given (a fraction stays one; numeric text is its number).
      Number(p.quantity) === ours.quantity &&
      round6((facadeCurrency(p.price) ?? 0) * ours.quantity) === ours.revenue,
  );
  if (!product) return undefined;
  const orderRevenue = facadeCurrency(properties.revenue || properties.total);
  return orderRevenue || facadeCurrency(product.revenue) || product.price * product.quantity;
}

/**
 * useLogRevenueV2 off: logRevenue(amount, quantity) made Amplitude book amount × quantity, where the shim books the amount
 * as the total (price = amount / quantity). Accepted only when both records have the same quantity and Segment's price is
 * exactly what the shim booked in total (or, per product, the amount the classic integration passed): a wrong sign, a
 * wrong quantity or another amount on the shim's side is not this difference.
 */
function v1RevenueIsTheTotal(diff, ctx) {
  const segment = ctx.segment[diff.index];
  const ours = ctx.ours[diff.index];
  if (settingsOf(ctx).useLogRevenueV2 !== false || !['price', 'revenue'].includes(diff.field)) return false;
  if (!isRevenueRecord(segment) || !isRevenueRecord(ours) || diff.segment !== segment[diff.field] || diff.ours !== ours[diff.field]) return false;
  if (segment.quantity !== ours.quantity || typeof segment.price !== 'number' || typeof ours.revenue !== 'number') return false;
  if (segment.revenue !== round6(segment.price * segment.quantity) || ours.revenue !== round6(ours.price * ours.quantity)) return false;
  if (round6(segment.price) === ours.revenue) return true;
  const amount = perProductAmount(ctx, ours);
  return typeof amount === 'number' && round6(amount) === round6(segment.price);
}

/** The product ID the facade read from event properties: product_id, else productId. */
const productIdProperty = (properties) => (properties ? properties.product_id || properties.productId : undefined);

/** A numeric productId that Segment's V2 revenue record lacks and the shim's carries as the same number in text. */
function numericProductIdKept(diff, ctx) {
  const segment = ctx.segment[diff.index];
  const ours = ctx.ours[diff.index];
  if (diff.field !== 'productId' || diff.segment !== undefined || settingsOf(ctx).useLogRevenueV2 === false) return false;
  if (!isRevenueRecord(segment) || !isRevenueRecord(ours)) return false;
  const given = productIdProperty(segment.event_properties);
  return typeof given === 'number' && productIdProperty(ours.event_properties) === given && diff.ours === String(given);
}

/**
 * Segment's revenue records that booked the order's revenue for a product with a falsy price (0 or ''): each is
 * followed by that product's Product Purchased, and books the order's revenue (V2: one unit; V1: × the quantity).
 */
function orderRevenueInPlaceOfPrice(ctx) {
  const settings = settingsOf(ctx);
  const [name, properties] = argsOf(ctx.call);
  if (settings.trackRevenuePerProduct !== true || settings.trackProductsOnce === true || ctx.call?.method !== 'track') return [];
  if (typeof name !== 'string' || !ORDER_COMPLETED.test(name) || properties === null || typeof properties !== 'object') return [];
  const orderRevenue = facadeCurrency(properties.revenue || properties.total);
  if (orderRevenue === undefined) return [];
  const v1 = settings.useLogRevenueV2 === false;
  return ctx.segment.filter((record, i) => {
    const product = ctx.segment[i + 1];
    if (!isRevenueRecord(record) || product?.kind !== 'event' || product.event_type !== 'Product Purchased') return false;
    const price = product.event_properties?.price;
    if (price !== 0 && price !== '') return false;
    if (!v1 && !same(record.event_properties, product.event_properties)) return false;
    const quantity = v1 ? product.event_properties?.quantity : 1;
    return round6(record.price) === round6(orderRevenue) && record.quantity === quantity;
  });
}

/**
 * The records differ because Segment has the extra revenue records above (the lists no longer line up after the
 * first); accepted only when, with those taken out, every remaining difference of the call is declared by another row.
 */
function orderRevenueInProductPlace(diff, ctx) {
  const extra = orderRevenueInPlaceOfPrice(ctx);
  if (extra.length === 0 || diff.index < ctx.segment.indexOf(extra[0])) return false;
  const segment = ctx.segment.filter((record) => !extra.includes(record));
  const rest = { ...ctx, segment };
  return diffRecords(segment, ctx.ours).every((other) => {
    const full = { ...other, call: diff.call, kind: String((segment[other.index] ?? ctx.ours[other.index])?.kind) };
    const row = CLASSIC_DIFFERENCES.find((candidate) => candidate.matches(full, rest));
    return row !== undefined && row.id !== 'classic-zero-price-product-books-nothing';
  });
}
