// The sequence format shared by the runner and every mode (see docs/conformance.md): plain data, with the
// values JSON cannot carry encoded, so a sequence crosses into a browser page unchanged.

/**
 * Decodes one encoded argument. Self-contained on purpose (no closure, no imports): a browser-side
 * runner can pass its source to `page.evaluate`.
 */
export function decodeValue(value) {
  const decode = (v) => {
    if (Array.isArray(v)) return v.map(decode);
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      if (keys[0] === '$date') return new Date(v.$date);
      if (keys[0] === '$error') return new Error(v.$error);
      if (keys[0] === '$undefined') return undefined;
      if (keys[0] === '$number') return v.$number === '-0' ? -0 : Number(v.$number);
    }
    const out = {};
    for (const key of keys) out[key] = decode(v[key]);
    return out;
  };
  return decode(value);
}

/** The inverse of decodeValue, for printing and storing sequences built from live values. */
export function encodeValue(value) {
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (value instanceof Error) return { $error: value.message };
  if (value === undefined) return { $undefined: true };
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { $number: Object.is(value, -0) ? '-0' : String(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = encodeValue(value[key]);
    return out;
  }
  return value;
}
