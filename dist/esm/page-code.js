/**
 * Calling code the page gave us (callbacks, listeners, middleware, `use`, trackLink resolvers) and
 * reading what it returns, without letting a throw, a rejected promise or a hostile thenable reach
 * the page as an uncaught error.
 */
function isThenable(value) {
    try {
        return !!value && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
    }
    catch (_a) {
        return false;
    }
}
/** Subscribes to a page-supplied thenable without letting its `then` throw into us. */
function safeThen(value, onFulfilled, onRejected) {
    try {
        value.then.call(value, onFulfilled, onRejected);
    }
    catch (error) {
        onRejected(error);
    }
}
/** A message for any thrown value, even one whose toString throws. */
function describe(error) {
    try {
        if (error instanceof Error)
            return `${error.name}: ${error.message}`;
        return String(error);
    }
    catch (_a) {
        return 'an unprintable value';
    }
}
/**
 * Calls a page function. A throw, or a promise it returns that rejects, becomes `onError`; the result
 * is returned (undefined after a throw).
 */
function callPageFunction(fn, thisArg, args, onError) {
    try {
        const returned = fn.apply(thisArg, args);
        if (isThenable(returned))
            safeThen(returned, undefined, onError);
        return returned;
    }
    catch (error) {
        onError(error);
        return undefined;
    }
}

export { callPageFunction, describe, isThenable, safeThen };
