/**
 * Calling code the page gave us (callbacks, listeners, middleware, `use`, trackLink resolvers) and
 * reading what it returns, without letting a throw, a rejected promise or a hostile thenable reach
 * the page as an uncaught error.
 */
export declare function isThenable(value: unknown): value is Promise<unknown> & {
    then: Promise<unknown>['then'];
};
/** Subscribes to a page-supplied thenable without letting its `then` throw into us. */
export declare function safeThen(value: {
    then: unknown;
}, onFulfilled: ((value: unknown) => void) | undefined, onRejected: (error: unknown) => void): void;
/** A message for any thrown value, even one whose toString throws. */
export declare function describe(error: unknown): string;
/**
 * Calls a page function. A throw, or a promise it returns that rejects, becomes `onError`; the result
 * is returned (undefined after a throw).
 */
export declare function callPageFunction(fn: (...args: never[]) => unknown, thisArg: unknown, args: unknown[], onError: (error: unknown) => void): unknown;
/** String(x) that cannot throw (hostile toString, revoked Proxy, symbols). */
export declare function safeString(value: unknown): string;
