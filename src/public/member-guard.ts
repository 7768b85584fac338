/**
 * How a public member meets what the page hands it: an internal failure becomes one warning and a harmless
 * return value, and an argument of the wrong kind is refused with a warning that names the call and what it
 * got. The page never sees a throw from the shim.
 */
import type { Dict } from '../core/types.js';
import type { AnalyticsCore } from '../runtime/analytics.js';
import { describe } from '../runtime/page-code.js';
import { attempt, isPlainObject } from '../core/values.js';

export type Guard = <A extends unknown[], R>(
  name: string,
  fallback: () => R,
  fn: (...args: A) => R,
) => (...args: A) => R;

/** How a warning names the member: `analytics.track()`. */
export const callName = (name: string): string => `analytics.${name}()`;

/** Wraps members so any internal failure becomes a warning and the fallback's value. */
export function guardWith(core: AnalyticsCore): Guard {
  return (name, fallback, fn) =>
    function guarded(this: unknown, ...args) {
      try {
        return fn(...args);
      } catch (error) {
        core.logger.problem(callName(name), `could not be carried out and was ignored (${describe(error)})`, true);
        return fallback();
      }
    };
}

/**
 * An id argument: a string, a finite number (as a string) or null. Anything else is refused with a
 * warning and reads as "no argument" (undefined), so the current value is returned unchanged.
 */
export function idArgument(core: AnalyticsCore, name: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  core.logger.problem(callName(name), `expects a string or null, got ${kind(value)}; the value was ignored`, true);
  return undefined;
}

/** A traits argument: a plain object (sanitized as any call's), or null; anything else is refused like an id. */
export function traitsArgument(core: AnalyticsCore, name: string, value: unknown): Dict | null | undefined {
  if (value === undefined || value === null) return value;
  if (!isPlainObject(value)) {
    core.logger.problem(callName(name), `expects an object, got ${kind(value)}; the value was ignored`, true);
    return undefined;
  }
  return core.calls.clean(callName(name), value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return attempt(() => (Array.isArray(value) ? 'an array' : `a ${typeof value}`), 'a revoked Proxy');
}
