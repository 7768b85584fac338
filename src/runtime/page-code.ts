/**
 * Calling code the page gave us (callbacks, listeners, middleware, `use`, trackLink resolvers) and
 * reading what it returns, without letting a throw, a rejected promise or a hostile thenable reach
 * the page as an uncaught error.
 */
import { attempt } from '../core/values.js';
export function isThenable(value: unknown): value is Promise<unknown> & { then: Promise<unknown>['then'] } {
  try {
    return (
      !!value &&
      (typeof value === 'object' || typeof value === 'function') &&
      typeof (value as { then?: unknown }).then === 'function'
    );
  } catch {
    return false;
  }
}

/** Subscribes to a page-supplied thenable without letting its `then` throw into us. */
export function safeThen(
  value: { then: unknown },
  onFulfilled: ((value: unknown) => void) | undefined,
  onRejected: (error: unknown) => void,
): void {
  try {
    (value.then as (a: unknown, b: unknown) => unknown).call(value, onFulfilled, onRejected);
  } catch (error) {
    onRejected(error);
  }
}

/** A message for any thrown value, even one whose toString throws. */
export function describe(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'an unprintable value';
  }
}

/**
 * Calls a page function. A throw, or a promise it returns that rejects, becomes `onError`; the result
 * is returned (undefined after a throw).
 */
export function callPageFunction(
  fn: (...args: never[]) => unknown,
  thisArg: unknown,
  args: unknown[],
  onError: (error: unknown) => void,
): unknown {
  try {
    const returned = fn.apply(thisArg, args as never[]);
    if (isThenable(returned)) safeThen(returned, undefined, onError);
    return returned;
  } catch (error) {
    onError(error);
    return undefined;
  }
}

/** String(x) that cannot throw (hostile toString, revoked Proxy, symbols). */
export function safeString(value: unknown): string {
  return attempt(() => String(value), '[unprintable]');
}
