class Context {
    constructor(event) {
        this.event = event;
        this.attempts = 1;
        this.stats = { metrics: [] };
        this.logLines = [];
    }
    get id() {
        var _a;
        return (_a = this.event.messageId) !== null && _a !== void 0 ? _a : '';
    }
    setFailedDelivery(failure) {
        this.failure = failure;
    }
    failedDelivery() {
        return this.failure;
    }
    log(level, message) {
        this.logLines.push({ level, message });
    }
    logs() {
        return this.logLines.slice();
    }
    isSame(other) {
        return other.id === this.id;
    }
    toJSON() {
        return { id: this.id, event: this.event };
    }
}

export { Context };
