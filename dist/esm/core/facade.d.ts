/**
 * The facade accessors Segment's classic integrations read through: obj-case key matching and
 * `proxy(path)` lookups on an event. Pure.
 */
import type { SegmentEvent } from './types.js';
export declare function objCaseGet(obj: unknown, key: string): unknown;
/**
 * The facade's `proxy(path)`: the first segment names a facade accessor (context, properties, traits,
 * or a top-level field), the rest is an obj-case path.
 */
export declare function lookupField(event: SegmentEvent, path: string): unknown;
