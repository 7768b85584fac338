import { callPageFunction } from './page-code.js';

/** analytics-next's emitter: listeners run synchronously with `this` bound to the analytics object. */
class Emitter {
    constructor(self, onListenerError) {
        this.self = self;
        this.onListenerError = onListenerError;
        this.listeners = {};
    }
    on(event, fn) {
        var _a;
        var _b;
        ((_a = (_b = this.listeners)[event]) !== null && _a !== void 0 ? _a : (_b[event] = [])).push(fn);
    }
    once(event, fn) {
        const wrapper = (...args) => {
            this.off(event, wrapper);
            return fn.apply(this.self(), args); // errors are contained by emit()
        };
        this.on(event, wrapper);
    }
    off(event, fn) {
        const list = this.listeners[event];
        if (list)
            this.listeners[event] = list.filter((l) => l !== fn);
    }
    emit(event, ...args) {
        var _a;
        for (const fn of ((_a = this.listeners[event]) !== null && _a !== void 0 ? _a : []).slice()) {
            // An async listener that rejects must not surface as an unhandled rejection on the page either.
            callPageFunction(fn, this.self(), args, (error) => this.onListenerError(event, error));
        }
    }
}

export { Emitter };
