/**
 * What Segment's Actions runtime does to a preset's payload between the mapping and the action: empty values
 * are dropped (an empty string at the top level, a null where the field does not allow null), then each
 * field is coerced to the type its action declares (a numeric string becomes a number, a number in a string
 * field a string, a one-element array its element). Charts and revenue depend on it: Segment books
 * `revenue: '25.00'` as 25. Where Segment cannot coerce a value it drops the whole event; the shim keeps the
 * event and that value as given, so the action treats it as Segment's action would have, had the value
 * passed (a deliberate difference: no event is lost). Pure.
 */
import type { Dict } from './types.js';
import { isPlainObject } from './values.js';

type FieldType = 'string' | 'number' | 'integer' | 'date' | 'object' | 'boolean' | 'products';

const TYPES: Dict = {
  user_id: 'string',
  global_user_id: 'string',
  device_id: 'string',
  event_type: 'string',
  app_version: 'string',
  productId: 'string',
  revenueType: 'string',
  referrer: 'string',
  group_type: 'string',
  group_value: 'string',
  price: 'number',
  revenue: 'number',
  quantity: 'integer',
  time: 'date',
  session_id: 'date',
  trackRevenuePerProduct: 'boolean',
  event_properties: 'object',
  user_properties: 'object',
  group_properties: 'object',
  groups: 'object',
  setOnce: 'object',
  setAlways: 'object',
  add: 'object',
  utm_properties: 'object',
  products: 'products',
};
/** Typed members of the product items and of the attribution objects; other members pass as they are. */
const PRODUCT_TYPES: Dict = { price: 'number', quantity: 'integer', revenue: 'number', productId: 'string', revenueType: 'string' };
const NULLABLE = ['user_id'];

const INVALID = Symbol('invalid');
/** A product list with a member that could not be coerced, carried as it is. */
const INVALID_LIST = Symbol('invalid list');

/** One value to a type, by the coercion rules of Segment's validator; INVALID when they do not allow it. */
function coerce(value: unknown, type: FieldType): unknown {
  if (Array.isArray(value) && value.length === 1 && type !== 'products') value = value[0];
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return value === null ? '' : INVALID;
    case 'number':
    case 'integer': {
      let n: unknown = value;
      if (typeof value === 'boolean' || value === null) n = Number(value);
      // A non-empty string that reads as a number exactly as the unary plus reads it (' 3 ', '0x10', '1e3').
      else if (typeof value === 'string' && value !== '' && !Number.isNaN(+value)) n = +value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return INVALID;
      return type === 'integer' && !Number.isInteger(n) ? INVALID : n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 1) return true;
      if (value === 'false' || value === 0 || value === null) return false;
      return INVALID;
    case 'date':
      if (typeof value === 'number') return value;
      if (typeof value === 'string') return /^\d+$/.test(value) || !Number.isNaN(Date.parse(value)) ? value : INVALID;
      return INVALID;
    case 'object':
      return isPlainObject(value) ? value : INVALID;
    case 'products':
      return coerceProducts(Array.isArray(value) ? value : [value]);
  }
}

/** Product items member by member; a member that cannot be coerced stays as given, and the list is INVALID. */
function coerceProducts(items: unknown[]): unknown {
  let valid = true;
  const out: unknown[] = [];
  for (const item of items) {
    if (item === null) continue;
    if (!isPlainObject(item)) {
      valid = false;
      out.push(item);
      continue;
    }
    const product: Dict = {};
    for (const key of Object.keys(item)) {
      const member = item[key];
      const memberType = PRODUCT_TYPES[key] as FieldType | undefined;
      // Inside a list Segment drops nothing: a null member is coerced like any other (0 for a number).
      if (!memberType) product[key] = member;
      else {
        const coerced = coerce(member, memberType);
        valid = valid && coerced !== INVALID;
        product[key] = coerced === INVALID ? member : coerced;
      }
    }
    out.push(product);
  }
  return valid ? out : { [INVALID_LIST]: out };
}

export interface ConformedPayload {
  payload: Dict;
  /** The fields Segment could not coerce (Segment drops the whole event for any of them). */
  invalid: string[];
}

/** The payload as the action receives it. */
export function conformPayload(raw: Dict): ConformedPayload {
  const payload: Dict = {};
  const invalid: string[] = [];
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (value === undefined || value === '') continue;
    if (value === null && !NULLABLE.includes(key)) continue;
    const type = TYPES[key] as FieldType | undefined;
    if (!type || value === null) {
      payload[key] = value;
      continue;
    }
    const coerced = coerce(value, type);
    if (coerced === INVALID) {
      invalid.push(key);
      payload[key] = value;
    } else if (isPlainObject(coerced) && INVALID_LIST in coerced) {
      invalid.push(key);
      payload[key] = (coerced as Record<symbol, unknown>)[INVALID_LIST];
    } else payload[key] = coerced;
  }
  return { payload, invalid };
}
