/**
 * Calls in true call order. Calls wait here until the SDK is ready; then each task's calls are drained
 * together, on the next tick, so a call costs its caller only a push. Middleware runs as calls are
 * drained; a call whose middleware answers later holds the calls behind it (hand-over stays in call
 * order) but never the middleware of those calls, which starts at once.
 */
import type { Clock } from './clock.js';

export type Step<Item, Prepared> =
  { kind: 'call'; item: Item; prepared?: Prepared; pending?: boolean } | { kind: 'task'; run: () => void };

export interface CallQueueDeps<Item, Prepared> {
  clock: Clock;
  /** Runs middleware for an item: a value now, or a promise when some middleware is asynchronous. */
  prepare(item: Item): Prepared | Promise<Prepared>;
  /** Hands calls over, in order; called with consecutive ready calls. */
  handOver(calls: Array<{ item: Item; prepared: Prepared }>): void;
  /** An internal failure, reported once; the queue keeps going. With an item: that call is settled as failed. */
  fail(error: unknown, item?: Item): void;
}

export class CallQueue<Item, Prepared> {
  /** Not drained yet. */
  private waiting: Array<Step<Item, Prepared>> = [];
  /** Drained, in order; the head may still be in asynchronous middleware. */
  private inOrder: Array<Step<Item, Prepared>> = [];
  private open = false;
  private scheduled = false;
  /** While load decides what it sends first, new steps collect here (see sendFirst). */
  private front: Array<Step<Item, Prepared>> | null = null;

  constructor(private readonly deps: CallQueueDeps<Item, Prepared>) {}

  push(step: Step<Item, Prepared>): void {
    if (this.front) {
      this.front.push(step);
      return;
    }
    this.waiting.push(step);
    this.schedule();
  }

  /** Whatever `decide` queues goes ahead of every step queued so far (what load sends first). */
  sendFirst(decide: () => void): void {
    this.front = [];
    try {
      decide();
    } finally {
      const steps = this.front;
      this.front = null;
      this.waiting.unshift(...steps);
      this.schedule();
    }
  }

  /** The SDK is ready: from now on calls are handed over. */
  start(): void {
    this.open = true;
    this.schedule();
  }

  get started(): boolean {
    return this.open;
  }

  private schedule(): void {
    if (!this.open || this.scheduled) return;
    this.scheduled = true;
    this.deps.clock.setTimeout(() => this.drain(), 0);
  }

  /** Hands over everything that can be, now (also called synchronously when the page is left). */
  drain(): void {
    this.scheduled = false;
    if (!this.open) return;
    const batch = this.waiting;
    this.waiting = [];
    for (const step of batch) {
      if (step.kind === 'call') this.prepare(step);
      this.inOrder.push(step);
    }
    this.advance();
  }

  private prepare(step: { kind: 'call'; item: Item; prepared?: Prepared; pending?: boolean }): void {
    let result: Prepared | Promise<Prepared>;
    try {
      result = this.deps.prepare(step.item);
    } catch (error) {
      this.deps.fail(error, step.item);
      return;
    }
    if (result instanceof Promise) {
      step.pending = true;
      result.then(
        (prepared) => {
          step.prepared = prepared;
          step.pending = false;
          this.advance();
        },
        (error) => {
          this.deps.fail(error, step.item);
          step.pending = false;
          this.advance();
        },
      );
    } else {
      step.prepared = result;
    }
  }

  private advance(): void {
    let ready: Array<{ item: Item; prepared: Prepared }> = [];
    const flush = () => {
      if (!ready.length) return;
      const calls = ready;
      ready = [];
      try {
        this.deps.handOver(calls);
      } catch (error) {
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
        } catch (error) {
          this.deps.fail(error);
        }
        continue;
      }
      if (step.pending) break;
      if (step.prepared !== undefined) ready.push({ item: step.item, prepared: step.prepared });
    }
    this.inOrder = i === this.inOrder.length ? [] : this.inOrder.slice(i);
    flush();
  }

  /** Calls not handed over yet, in order (for the exit journal). */
  pendingItems(): Item[] {
    const out: Item[] = [];
    for (const step of this.inOrder) if (step.kind === 'call') out.push(step.item);
    for (const step of this.waiting) if (step.kind === 'call') out.push(step.item);
    return out;
  }
}
