const systemClock = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle),
};
/** Resolves when `promise` settles or `ms` have passed, whichever comes first; never rejects. */
function settledWithin(promise, ms, clock) {
    return new Promise((resolve) => {
        const timer = clock.setTimeout(resolve, ms);
        const done = () => {
            clock.clearTimeout(timer);
            resolve();
        };
        try {
            promise.then(done, done);
        }
        catch (_a) {
            done();
        }
    });
}

export { settledWithin, systemClock };
