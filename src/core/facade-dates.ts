/**
 * Segment's classic stack wrapped every message in its "facade", which turned ISO-8601 date strings
 * anywhere in the message into Dates (strict mode: at least YYYY-MM-DD); amplitude-js then sent those
 * Dates as full timestamps. So `"2021-03-04"` reached Amplitude as `"2021-03-04T00:00:00.000Z"`. Charts
 * grouped by such a property would split if the shim sent the string as typed. Pure: the local timezone
 * offset (used only for a space-separated time, as the facade did) is passed in.
 */
import type { Dict } from './types.js';
import { isPlainObject } from './values.js';

/** The lax ISO grammar the facade accepted: date, optional time (T or space), fraction, zone. */
const ISO_PARTS = new RegExp(
  // date: YYYY[-MM[-DD]]; time: [ T]HH[:MM[:SS[.fraction]]]; zone: Z or ±HH[:MM]
  String.raw`^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?` +
    String.raw`(?:([ T])(\d{2}):?(\d{2})(?::?(\d{2})(?:[,.](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$`,
);
const STRICT_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * The timestamp the classic stack sent for `value`, or undefined when it left the value alone. A space
 * before the time meant local time (the zone written after it was ignored); otherwise UTC unless a zone
 * is given. Out-of-range fields roll over, as Date.UTC does.
 */
export function facadeTimestamp(value: string, localOffsetMinutes: number): string | undefined {
  if (!STRICT_PREFIX.test(value)) return undefined;
  const m = ISO_PARTS.exec(value);
  if (!m) return undefined;
  const int = (s: string | undefined) => (s ? parseInt(s, 10) || 0 : 0);
  let offset = 0;
  if (m[4] === ' ') offset = localOffsetMinutes;
  else if (m[9] !== 'Z' && m[10]) offset = (m[10] === '+' ? -1 : 1) * (int(m[11]) * 60 + int(m[12]));
  const millis = m[8] ? int(`${m[8]}00`.slice(0, 3)) : 0;
  const time = Date.UTC(
    int(m[1]),
    (int(m[2]) || 1) - 1,
    int(m[3]) || 1,
    int(m[5]),
    int(m[6]) + offset,
    int(m[7]),
    millis,
  );
  if (!Number.isFinite(time)) return undefined;
  try {
    return new Date(time).toISOString();
  } catch {
    return undefined;
  }
}

/**
 * Whether the classic stack held `value` as a Date: a date string the facade converted. Its readers of numbers
 * (revenue, quantity, Identify.add) refused a Date, so such a value counts as no number. The zone offset does
 * not matter: it moves the time, never whether the text is a date.
 */
export function wasFacadeDate(value: unknown): boolean {
  return typeof value === 'string' && facadeTimestamp(value, 0) !== undefined;
}

/** A copy of `value` with every facade date string replaced by its timestamp, at any depth. */
export function withFacadeDates<T>(value: T, localOffsetMinutes: number): T {
  if (typeof value === 'string') return (facadeTimestamp(value, localOffsetMinutes) || value) as T;
  if (Array.isArray(value)) return value.map((v) => withFacadeDates(v, localOffsetMinutes)) as T;
  if (isPlainObject(value)) {
    const out: Dict = {};
    for (const key of Object.keys(value)) out[key] = withFacadeDates(value[key], localOffsetMinutes);
    return out as T;
  }
  return value;
}
