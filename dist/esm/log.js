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
        this.muted = false;
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
        if (this.muted || this.seen.has(message))
            return;
        if (this.seen.size >= MAX_REMEMBERED) {
            // This many distinct messages means a page looping over bad input: say so once, then stay quiet.
            this.muted = true;
            this.print(`${MAX_REMEMBERED} distinct warnings so far; further ones are not shown`, 'warn');
            return;
        }
        this.seen.add(message);
        this.print(message, level);
    }
    print(message, level) {
        try {
            console[level](`${PREFIX} ${message}`);
        }
        catch (_a) {
            /* a page that replaced console must not break us */
        }
    }
}

export { Logger };
