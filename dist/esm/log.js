/**
 * Console output. A problem that drops data is always shown; anything else only in debug mode.
 * Each distinct message is printed once, so a hot loop with bad input cannot flood the console.
 */
const PREFIX = '[segment-amplitude-shim]';
const MAX_REMEMBERED = 500;
class Logger {
    constructor() {
        this.debugEnabled = false;
        this.seen = new Set();
    }
    /** `call` names the public method, e.g. "analytics.track()". */
    problem(call, message, dataDropped) {
        if (!dataDropped && !this.debugEnabled)
            return;
        this.once(`${call}: ${message}`, 'warn');
    }
    debug(message, ...details) {
        if (!this.debugEnabled)
            return;
        try {
            console.debug(PREFIX, message, ...details);
        }
        catch (_a) {
            /* a page that replaced console must not break us */
        }
    }
    once(message, level = 'warn') {
        if (this.seen.has(message))
            return;
        if (this.seen.size < MAX_REMEMBERED)
            this.seen.add(message);
        try {
            console[level](`${PREFIX} ${message}`);
        }
        catch (_a) {
            /* ignore */
        }
    }
}

export { Logger };
