/**
 * The facade accessors Segment's classic integrations read through: obj-case key matching and
 * `proxy(path)` lookups on an event. Pure.
 */
import type { Dict, SegmentEvent } from './types.js';

/** obj-case comparison: keys match after dropping non-alphanumerics and lowercasing. */
function objCaseKey(key: string): string {
  return key.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}

export function objCaseGet(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object') return undefined;
  const record = obj as Dict;
  if (Object.prototype.hasOwnProperty.call(record, key)) return record[key];
  const wanted = objCaseKey(key);
  for (const k of Object.keys(record)) if (objCaseKey(k) === wanted) return record[k];
  return undefined;
}

/**
 * The facade's `proxy(path)`: the first segment names a facade accessor (context, properties, traits,
 * or a top-level field), the rest is an obj-case path.
 */
export function lookupField(event: SegmentEvent, path: string): unknown {
  const [head, ...rest] = path.split('.');
  let node: unknown;
  switch (head) {
    case 'context':
    case 'options':
      node = event.context;
      break;
    case 'properties':
      node = event.properties;
      break;
    case 'traits':
      node = event.traits ?? event.context.traits;
      break;
    default:
      node = objCaseGet(event, head);
  }
  for (const part of rest) node = objCaseGet(node, part);
  return node;
}
