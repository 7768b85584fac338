class SessionClock {
    constructor(state, timeoutMs, 
    /** Called once per hand-over with the state to persist (the SDK's cookie). */
    persist) {
        this.state = state;
        this.timeoutMs = timeoutMs;
        this.persist = persist;
    }
    get sessionId() {
        return this.state.sessionId;
    }
    snapshot() {
        return Object.assign({}, this.state);
    }
    /** A hand-over at `now`: starts a new session if the last one expired, and extends it. */
    open(now) {
        if (now - this.state.lastEventTime > this.timeoutMs)
            this.state.sessionId = now;
        this.state.lastEventTime = Math.max(this.state.lastEventTime, now);
        let eventId = this.state.lastEventId;
        return {
            sessionId: this.state.sessionId,
            nextEventId: () => ++eventId,
            close: () => {
                this.state.lastEventId = eventId;
                this.persist(this.snapshot());
            },
        };
    }
    /** reset(): a new session from now. */
    restart(now) {
        this.state.sessionId = now;
        this.state.lastEventTime = now;
        this.persist(this.snapshot());
    }
}

export { SessionClock };
