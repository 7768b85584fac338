// Both sides of a Classic run reduced to what Amplitude stores, so that the comparison sees meaning, not
// transport. amplitude-js uploads its own format (docs/conformance-classic.md: `timestamp`, `version_name`,
// every key present, revenue as `$price`/`$quantity` event properties or V1 `api_properties`); the shim
// posts the HTTP API v2 (`time`, `app_version`, absent keys omitted, revenue as top-level fields). Each is
// brought to canonical.mjs's records, then what is genuinely random on each side (device IDs nobody
// derived from the anonymousId, anonymousIds made up after a reset) becomes a numbered placeholder, kept
// consistent within the run, so a side that changes its ID where the other does not still shows.
import { canonicalRecord } from '../canonical.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v) => v === undefined || v === null || (isObject(v) && Object.keys(v).length === 0);
const REVENUE_KEYS = { price: '$price', quantity: '$quantity', revenue: '$revenue', productId: '$productId', revenueType: '$revenueType' };
const round = (n) => Math.round(n * 1e6) / 1e6;

/** An amplitude-js event in the HTTP API v2's words. */
function fromAmplitudeJs(event) {
  const out = { ...event, time: event.timestamp, app_version: event.version_name ?? undefined };
  delete out.timestamp;
  delete out.version_name;
  // V1 logRevenue: the revenue fields travel in api_properties.
  const api = isObject(event.api_properties) ? event.api_properties : {};
  if (api.special === 'revenue_amount') {
    for (const key of ['price', 'quantity', 'productId', 'revenueType']) if (api[key] !== undefined && api[key] !== null) out[key] = api[key];
    // logRevenue let a numeric text quantity ("2") through, and the shim sends the number it spells. Read as that
    // number, Segment's record books price × 2, as the declared V1 difference (classic-v1-revenue-is-the-total) says;
    // the shim's total is the page's revenue under any reading, so this reading hides no revenue figure.
    if (typeof out.quantity === 'string' && out.quantity.trim() !== '' && Number.isFinite(Number(out.quantity))) out.quantity = Number(out.quantity);
  }
  return out;
}

/**
 * The revenue Amplitude books from an event: from top-level fields or `$`-properties, whichever the
 * sender used, with the revenue computed as price × quantity when none is given.
 */
function withRevenue(record) {
  if (record.kind !== 'event') return record;
  const properties = isObject(record.event_properties) ? { ...record.event_properties } : {};
  const revenue = {};
  for (const [field, property] of Object.entries(REVENUE_KEYS)) {
    const value = record[field] ?? properties[property];
    if (value !== undefined && value !== null) revenue[field] = value;
    delete record[field];
    delete properties[property];
  }
  if (revenue.revenue === undefined && typeof revenue.price === 'number')
    revenue.revenue = revenue.price * (typeof revenue.quantity === 'number' ? revenue.quantity : 1);
  if (typeof revenue.revenue === 'number') revenue.revenue = round(revenue.revenue);
  // Amplitude stores a product ID as text, whichever type it arrived as.
  if (typeof revenue.productId === 'number') revenue.productId = String(revenue.productId);
  if (revenue.productId === '') delete revenue.productId;
  if (Object.keys(revenue).length) Object.assign(record, revenue);
  if (Object.keys(properties).length) record.event_properties = properties;
  else delete record.event_properties;
  return record;
}

function tidy(record) {
  for (const key of ['groups', 'app_version', 'user_properties']) if (isEmpty(record[key])) delete record[key];
  if (record.app_version === '') delete record.app_version;
  return record;
}

/** One side's payloads as canonical records. */
export function classicRecords(payloads) {
  return payloads.map(({ endpoint, event }) => {
    const plain = endpoint === '/' ? fromAmplitudeJs(event) : event;
    return tidy(withRevenue(canonicalRecord({ endpoint: endpoint === '/' ? '/2/httpapi' : endpoint, event: plain })));
  });
}

/** Every anonymousId a run could have derived an ID from: the visitor's and each call's `options.anonymousId`. */
export function knownAnonymousIds(sequence, decode) {
  const ids = new Set([sequence.anonymousId]);
  for (const call of sequence.calls) {
    for (const arg of decode(call.args)) if (isObject(arg) && typeof arg.anonymousId === 'string' && arg.anonymousId) ids.add(arg.anonymousId);
  }
  return ids;
}

/**
 * Replaces, in one side's records, each stored anonymousId that is not a known one (made up after a reset or
 * an identify) with `<anonymous 1>`, `<anonymous 2>`…, and each device_id that is not a known anonymousId
 * (made up by that side's SDK) with the same name when it is one of those made-up anonymousIds, else
 * `<device 1>`, `<device 2>`…, numbered in order of first appearance. `groups` is a list of record lists.
 */
export function placeholdRandomIds(groups, known) {
  const anonymous = new Map();
  const devices = new Map();
  const unquote = (raw) => {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  const anonName = (id) => {
    if (typeof id !== 'string' || id === '' || known.has(id)) return id;
    if (!anonymous.has(id)) anonymous.set(id, `<anonymous ${anonymous.size + 1}>`);
    return anonymous.get(id);
  };
  const deviceName = (id) => {
    if (typeof id !== 'string' || id === '' || known.has(id)) return id;
    if (anonymous.has(id)) return anonymous.get(id);
    if (!devices.has(id)) devices.set(id, `<device ${devices.size + 1}>`);
    return devices.get(id);
  };
  const records = groups.flat();
  // Stored anonymousIds first, so that a device ID equal to one of them takes its name.
  for (const record of records) {
    if (record.kind !== 'storage') continue;
    anonName(record.user?.anonymousId);
    anonName(record.cookies?.ajs_anonymous_id);
    if (record.localStorage?.ajs_anonymous_id !== undefined) anonName(unquote(record.localStorage.ajs_anonymous_id));
  }
  return groups.map((group) =>
    group.map((record) => {
      if (record.kind !== 'storage') return 'device_id' in record ? { ...record, device_id: deviceName(record.device_id) } : record;
      const user = { ...record.user, anonymousId: anonName(record.user?.anonymousId) };
      const cookies = { ...record.cookies };
      if (cookies.ajs_anonymous_id !== undefined) cookies.ajs_anonymous_id = anonName(cookies.ajs_anonymous_id);
      const local = { ...record.localStorage };
      if (local.ajs_anonymous_id !== undefined) local.ajs_anonymous_id = JSON.stringify(anonName(unquote(local.ajs_anonymous_id)));
      return { ...record, user, cookies, localStorage: local };
    }),
  );
}

/**
 * No ID stored, however it is spelled: analytics-next writes an empty or null user ID as `""` / `"null"`
 * (cookie) and `'""'` / `'null'` (localStorage) where the shim writes nothing; both read back as no ID.
 */
export function withoutEmptyIds(record) {
  if (record.kind !== 'storage') return record;
  const empty = (raw) => raw === undefined || raw === '' || raw === 'null' || raw === '""';
  const strip = (store) => Object.fromEntries(Object.entries(store ?? {}).filter(([key, raw]) => !(/_id$/.test(key) && empty(raw))));
  return { ...record, cookies: strip(record.cookies), localStorage: strip(record.localStorage) };
}
