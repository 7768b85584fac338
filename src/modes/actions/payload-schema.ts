/**
 * What Segment's Actions runtime does to a preset's payload between the mapping and the action: empty values
 * are dropped (an empty string at the top level, a null where the field does not allow null), then each
 * field is coerced to the type its action declares (a numeric string becomes a number, a number in a string
 * field text, a one-element array its element). Charts and revenue depend on it: Segment books
 * `revenue: '25.00'` as 25. Where Segment cannot coerce a value it drops the whole event; the shim keeps the
 * event and that value as given, so the action treats it as Segment's action would have, had the value
 * passed (a deliberate difference: no event is lost). Pure.
 */
import type { Dict } from '../../core/types.js';
import { isPlainObject } from '../../core/values.js';

/** Field types, as the actions declare them: s(tring), n(umber), i(nteger), p(roduct list). */
const TYPES: Dict = {};
for (const group of [
  's user_id global_user_id device_id event_type app_version productId revenueType referrer group_type group_value',
  'n price revenue',
  'i quantity',
  'p products',
]) {
  const [type, ...fields] = group.split(' ');
  for (const field of fields) TYPES[field] = type;
}
/** The typed members of a product (typed as the payload's fields of those names); its others pass as they are. */
const PRODUCT_FIELDS = ['price', 'quantity', 'revenue', 'productId', 'revenueType'];

/** One value to a type by the coercion rules of Segment's validator; the value as given when they do not allow it. */
function coerce(value: unknown, type: unknown): unknown {
  const v = Array.isArray(value) && value.length === 1 && type !== 'p' ? value[0] : value;
  if (type === 's')
    return typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : v === null
          ? ''
          : value;
  if (type === 'n' || type === 'i') {
    // A boolean, null, or a non-empty string that reads as a number as the unary plus reads it (' 3 ', '1e3').
    const n = typeof v === 'boolean' || v === null || (typeof v === 'string' && v !== '') ? +(v as string) : v;
    return typeof n === 'number' && Number.isFinite(n) && (type === 'n' || n % 1 === 0) ? n : value;
  }
  if (type === 'p') {
    // Inside the list Segment drops nothing: a null member is coerced like any other (0 for a number).
    return (Array.isArray(v) ? v : [v])
      .filter((item) => item !== null)
      .map((item) => {
        if (!isPlainObject(item)) return item;
        const product: Dict = {};
        for (const key of Object.keys(item))
          product[key] = PRODUCT_FIELDS.includes(key) ? coerce(item[key], TYPES[key]) : item[key];
        return product;
      });
  }
  return value;
}

/** The payload as the action receives it. */
export function conformPayload(raw: Dict): Dict {
  const payload: Dict = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (value === undefined || value === '' || (value === null && key !== 'user_id')) continue;
    payload[key] = value === null ? null : coerce(value, TYPES[key]);
  }
  return payload;
}
