/** Value predicates and the JSON sanitizer. Pure: no DOM globals, no clock. */
import type { Dict } from './types.js';

/** analytics-next's notion of a plain object: anything whose tag is [object Object] (class instances too). */
export function isPlainObject(value: unknown): value is Dict {
  // A revoked Proxy, or one whose traps throw, is not something we can read.
  return attempt(() => Object.prototype.toString.call(value) === '[object Object]', false);
}

/** fn(), or `fallback` when it throws (storage disabled, cookies blocked, a hostile getter). */
export function attempt<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** obj[key], or undefined when reading it throws (a hostile getter or Proxy trap). */
export function readKey(obj: unknown, key: string): unknown {
  return attempt(() => (obj as Dict)[key], undefined);
}

/** A key that would let a path reach Object.prototype (dset and dot-prop refuse them too). */
export function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Amplitude's classic SDK (5.2.2) truncated every string value to this many characters as it sent it. */
export const MAX_STRING_LENGTH = 4096;

/**
 * A copy of a value in which each value that `replace` answers for (anything but undefined) is replaced, and
 * every other object or array is copied the same way (its own enumerable keys).
 */
export function copyReplacing(value: unknown, replace: (value: unknown) => unknown): unknown {
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((item) => copyReplacing(item, replace));
  if (value !== null && typeof value === 'object') {
    const out: Dict = {};
    for (const key of Object.keys(value)) out[key] = copyReplacing((value as Dict)[key], replace);
    return out;
  }
  return value;
}

/** A copy of a JSON-safe value with every string cut to MAX_STRING_LENGTH, as amplitude-js uploaded it. */
export function truncateStrings(value: unknown): unknown {
  return copyReplacing(value, (v) =>
    typeof v === 'string' && v.length > MAX_STRING_LENGTH ? v.slice(0, MAX_STRING_LENGTH) : undefined,
  );
}

/**
 * The text of each Error the page gave, keyed by the object that stands for it in the event. An event carries
 * an Error as JSON does (its own enumerable keys, usually `{}`), which is what Segment's API and Actions saw;
 * amplitude-js, which Classic mode reproduces, was handed the Error itself and sent String(error) at any depth.
 */
const errorTexts = new WeakMap<object, string>();

/** A copy of a sanitized value with every Error the page gave replaced by its text, as amplitude-js sent it. */
export function withErrorTexts(value: unknown): unknown {
  // A WeakMap answers undefined for anything that is not an object.
  return copyReplacing(value, (v) => errorTexts.get(v as object));
}

function isError(value: object): boolean {
  return attempt(() => Object.prototype.toString.call(value) === '[object Error]', false);
}

function errorText(value: object): string | undefined {
  const known = errorTexts.get(value);
  if (known !== undefined || !isError(value)) return known;
  return attempt<string | undefined>(() => String(value), undefined);
}

/** Deeper structures are cut here; nothing legitimate is this deep, and the wire must stay serializable. */
const MAX_DEPTH = 40;

export interface SanitizeResult<T> {
  value: T;
  /** Human-readable notes about what was dropped or changed, for one warning per call. */
  problems: string[];
}

/**
 * Returns a JSON-safe deep copy. The SDK serializes a whole batch with JSON.stringify, so one cyclic
 * object or BigInt in one event would otherwise make every event in that batch fail.
 * Bad values are dropped or converted, never the event.
 */
export function sanitizeProperties(input: unknown): SanitizeResult<Dict> {
  const problems: string[] = [];
  /** The objects being copied, outermost first: meeting one of them again is a cycle. */
  const stack: unknown[] = [];

  /** Records what happened to the value at `path`, for the call's one warning; undefined: the value is left out. */
  const note = (path: string, what: string): undefined => {
    problems.push(`${path ? `"${path}"` : 'the value'} ${what}`);
    return undefined;
  };

  /** container[key], or UNREADABLE when its getter (or Proxy trap) throws. */
  const read = (container: unknown, key: string | number, path: string): unknown => {
    try {
      return (container as Dict)[key as string];
    } catch {
      note(path, 'threw when read and was dropped');
      return UNREADABLE;
    }
  };

  const copy = (value: unknown, path: string, depth: number): unknown => {
    try {
      return copyValue(value, path, depth);
    } catch {
      // Proxies whose traps throw, exotic host objects: whatever cannot be read is left out.
      return note(path, 'could not be read and was dropped');
    }
  };

  const copyValue = (value: unknown, path: string, depth: number): unknown => {
    switch (typeof value) {
      case 'string':
        // Kept whole: Segment's storage keeps what the page gave; Classic cuts long strings on the wire only.
        return value;
      case 'boolean':
        return value;
      case 'number':
        if (Number.isFinite(value)) return value;
        // JSON's null, which is what analytics.js stores for it and Segment's API receives.
        note(path, `is ${String(value)} and was sent as null`);
        return null;
      case 'bigint':
        note(path, 'is a BigInt and was sent as a string');
        return value.toString();
      case 'undefined':
        return undefined;
      case 'function':
      case 'symbol':
        return note(path, `is a ${typeof value} and was dropped`);
    }
    if (value === null) return null;
    if (depth >= MAX_DEPTH) return note(path, `is nested deeper than ${MAX_DEPTH} levels and was dropped`);
    if (stack.includes(value)) return note(path, 'is a circular reference and was dropped');
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return note(path, 'is an invalid Date and was dropped');
      return value.toISOString();
    }
    if (isDomNode(value)) return note(path, 'is a DOM node and was dropped');
    stack.push(value);
    try {
      if (Array.isArray(value)) {
        const arr: unknown[] = [];
        const length = attempt(() => value.length, 0);
        for (let i = 0; i < length; i++) {
          // An item that throws when read is reported under the array's path.
          const item = read(value, i, path);
          const copied = item === UNREADABLE ? undefined : copy(item, `${path}[${i}]`, depth + 1);
          // JSON turns holes into null; keeping null keeps the array's positions meaningful.
          arr.push(copied === undefined ? null : copied);
        }
        return arr;
      }
      const obj: Dict = {};
      // Copies of copies (the event's clone for Amplitude) still know which object was an Error.
      const text = errorText(value as object);
      if (text !== undefined) errorTexts.set(obj, text);
      // Keys that cannot be listed throw to copy(): the object could not be read.
      for (const key of Object.keys(value as object)) {
        const childPath = path ? `${path}.${key}` : key;
        const item = read(value, key, childPath);
        if (item === UNREADABLE) continue;
        const copied = copy(item, childPath, depth + 1);
        if (copied !== undefined) obj[key] = copied;
      }
      return obj;
    } finally {
      stack.pop();
    }
  };

  const out = copy(input, '', 0);
  return { value: isPlainObject(out) ? out : {}, problems };
}

/** What read() answers for a key whose getter (or Proxy trap) threw. */
const UNREADABLE = Symbol('unreadable');

function isDomNode(value: unknown): boolean {
  const v = value as { nodeType?: unknown; nodeName?: unknown };
  return attempt(() => typeof v.nodeType === 'number' && typeof v.nodeName === 'string', false);
}
