// What Amplitude stores from a run's payloads, reduced to the fields a chart, a revenue figure or a stored
// property depends on, so that two runs that Amplitude would store alike compare equal however each one
// sent it (HTTP V2 `$identify` events, or the Identify API with plain properties). See docs/conformance.md.

const EVENT_FIELDS = ['event_type', 'user_id', 'device_id', 'time', 'session_id', 'event_properties', 'user_properties', 'groups', 'app_version'];
const REVENUE_FIELDS = ['revenue', 'price', 'quantity', 'productId', 'revenueType'];

/** The user-property operations of Amplitude's APIs; any other key starting with `$` is not one. */
export const AMPLITUDE_OPERATIONS = ['$set', '$setOnce', '$add', '$append', '$prepend', '$unset', '$preInsert', '$postInsert', '$remove', '$clearAll'];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * User or group properties as operations: plain top-level keys are what Amplitude applies as `$set`, and an
 * empty operation changes nothing. Undefined when nothing is left.
 */
export function asOperations(properties) {
  if (!isObject(properties)) return undefined;
  const out = {};
  const plain = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key.startsWith('$')) out[key] = value;
    else plain[key] = value;
  }
  if (Object.keys(plain).length) out.$set = { ...plain, ...(isObject(out.$set) ? out.$set : {}) };
  for (const key of Object.keys(out)) if (AMPLITUDE_OPERATIONS.includes(key) && isObject(out[key]) && Object.keys(out[key]).length === 0) delete out[key];
  return Object.keys(out).length ? out : undefined;
}

function pick(event, fields) {
  const out = {};
  for (const field of fields) if (event[field] !== undefined) out[field] = event[field];
  return out;
}

/** One payload entry as a record: its kind and the fields Amplitude keeps from it. */
export function canonicalRecord({ endpoint, event }) {
  if (endpoint === '/usermap') return { kind: 'user mapping', user_id: event.user_id, global_user_id: event.global_user_id };
  if (endpoint === '/groupidentify' || event.event_type === '$groupidentify') {
    const groups = endpoint === '/groupidentify' ? { [event.group_type]: event.group_value } : event.groups;
    return { kind: 'group identify', groups, ...pick({ group_properties: asOperations(event.group_properties) }, ['group_properties']) };
  }
  if (endpoint === '/identify' || event.event_type === '$identify') {
    // The Identify API takes no time or session: Amplitude stamps it on arrival, out of session.
    const record = { kind: 'identify', ...pick(event, ['user_id', 'device_id', 'groups', 'app_version']) };
    record.user_id = event.user_id ?? null;
    const ops = asOperations(event.user_properties);
    if (ops) record.user_properties = ops;
    return record;
  }
  const record = { kind: 'event', ...pick(event, [...EVENT_FIELDS, ...REVENUE_FIELDS]) };
  record.user_id = event.user_id ?? null;
  // No session id is stored as -1, out of session.
  record.session_id = event.session_id ?? -1;
  const ops = asOperations(event.user_properties);
  if (ops) record.user_properties = ops;
  else delete record.user_properties;
  return record;
}

export const canonicalRecords = (payloads) => payloads.map(canonicalRecord);

/** Two values with the same JSON. */
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field-level differences between two record lists, in order: `{ index, field, segment, ours }`, with
 * `field` a dotted path down to the first level where the two differ (user_properties.$set.plan), or
 * `(record)` when one side has a record the other lacks.
 */
export function diffRecords(segment, ours) {
  const diffs = [];
  const walk = (index, path, a, b) => {
    if (same(a, b)) return;
    if (isObject(a) && isObject(b) && path.length < 3) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(index, [...path, key], a[key], b[key]);
      return;
    }
    diffs.push({ index, field: path.join('.') || '(record)', segment: a, ours: b });
  };
  for (let i = 0; i < Math.max(segment.length, ours.length); i++) {
    if (segment[i] && ours[i] && segment[i].kind === ours[i].kind) walk(i, [], segment[i], ours[i]);
    else diffs.push({ index: i, field: '(record)', segment: segment[i], ours: ours[i] });
  }
  return diffs;
}
