class CallQueue {
    constructor(deps) {
        this.deps = deps;
        /** Not drained yet. */
        this.waiting = [];
        /** Drained, in order; the head may still be in asynchronous middleware. */
        this.inOrder = [];
        this.open = false;
        this.scheduled = false;
    }
    push(step) {
        this.waiting.push(step);
        this.schedule();
    }
    /** The SDK is ready: from now on calls are handed over. */
    start() {
        this.open = true;
        this.schedule();
    }
    get started() {
        return this.open;
    }
    schedule() {
        if (!this.open || this.scheduled)
            return;
        this.scheduled = true;
        this.deps.clock.setTimeout(() => this.drain(), 0);
    }
    /** Hands over everything that can be, now (also called synchronously when the page is left). */
    drain() {
        this.scheduled = false;
        if (!this.open)
            return;
        const batch = this.waiting;
        this.waiting = [];
        for (const step of batch) {
            if (step.kind === 'call')
                this.prepare(step);
            this.inOrder.push(step);
        }
        this.advance();
    }
    prepare(step) {
        let result;
        try {
            result = this.deps.prepare(step.item);
        }
        catch (error) {
            this.deps.fail(error, step.item);
            return;
        }
        if (result instanceof Promise) {
            step.pending = true;
            result.then((prepared) => {
                step.prepared = prepared;
                step.pending = false;
                this.advance();
            }, (error) => {
                this.deps.fail(error, step.item);
                step.pending = false;
                this.advance();
            });
        }
        else {
            step.prepared = result;
        }
    }
    advance() {
        let ready = [];
        const flush = () => {
            if (!ready.length)
                return;
            const calls = ready;
            ready = [];
            try {
                this.deps.handOver(calls);
            }
            catch (error) {
                this.deps.fail(error);
            }
        };
        let i = 0;
        for (; i < this.inOrder.length; i++) {
            const step = this.inOrder[i];
            if (step.kind === 'task') {
                flush();
                try {
                    step.run();
                }
                catch (error) {
                    this.deps.fail(error);
                }
                continue;
            }
            if (step.pending)
                break;
            if (step.prepared !== undefined)
                ready.push({ item: step.item, prepared: step.prepared });
        }
        this.inOrder = i === this.inOrder.length ? [] : this.inOrder.slice(i);
        flush();
    }
    /** Calls not handed over yet, in order (for the exit journal). */
    pendingItems() {
        const out = [];
        for (const step of this.inOrder)
            if (step.kind === 'call')
                out.push(step.item);
        for (const step of this.waiting)
            if (step.kind === 'call')
                out.push(step.item);
        return out;
    }
}

export { CallQueue };
