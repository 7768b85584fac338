/**
 * Calling code the page gave us (callbacks, listeners, middleware, `use`, trackLink resolvers) and
 * reading what it returns, without letting a throw, a rejected promise or a hostile thenable reach
 * the page as an uncaught error.
 */
import { attempt } from '../core/values.js';
import type { Clock } from './clock.js';

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

/**
 * Waits for a thenable the page gave us (a plugin's load or hook, a middleware, a tracked call) for at
 * most `ms`, and resolves with the answer of whichever comes first: its value, its rejection (a `then`
 * that throws included) or the time running out. Only the first counts: a hostile thenable that settles
 * twice, or late, changes nothing and is not reported twice. Never rejects.
 */
export function raceTimeout<T>(
  thenable: { then: unknown },
  ms: number,
  clock: Clock,
  onValue: (value: unknown) => T,
  onError: (error: unknown) => T,
  onTimeout: () => T,
): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: () => T) => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      resolve(answer());
    };
    const timer = clock.setTimeout(() => finish(onTimeout), ms);
    safeThen(
      thenable,
      (value) => finish(() => onValue(value)),
      (error) => finish(() => onError(error)),
    );
  });
}

/** Resolves when `promise` settles or `ms` have passed, whichever comes first; never rejects. */
export function settledWithin(promise: PromiseLike<unknown>, ms: number, clock: Clock): Promise<void> {
  const nothing = () => undefined;
  return raceTimeout(promise, ms, clock, nothing, nothing, nothing);
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
