/** Value predicates and the JSON sanitizer. Pure: no DOM globals, no clock. */
import type { Dict } from './types.js';
/** analytics-next's notion of a plain object: anything whose tag is [object Object] (class instances too). */
export declare function isPlainObject(value: unknown): value is Dict;
/** fn(), or `fallback` when it throws (storage disabled, cookies blocked, a hostile getter). */
export declare function attempt<T>(fn: () => T, fallback: T): T;
/** obj[key], or undefined when reading it throws (a hostile getter or Proxy trap). */
export declare function readKey(obj: unknown, key: string): unknown;
export declare function isNonEmptyString(value: unknown): value is string;
/** Amplitude's classic SDK (5.2.2) truncated every string value to this many characters. */
export declare const MAX_STRING_LENGTH = 4096;
export interface SanitizeResult<T> {
    value: T;
    /** Human-readable notes about what was dropped or changed, for one warning per call. */
    problems: string[];
}
/**
 * Returns a JSON-safe deep copy. The SDK serializes a whole batch with JSON.stringify, so one cyclic
 * object or BigInt in one event would otherwise make every event in that batch fail (pitfall P9).
 * Bad values are dropped or converted, never the event.
 */
export declare function sanitizeProperties(input: unknown): SanitizeResult<Dict>;
