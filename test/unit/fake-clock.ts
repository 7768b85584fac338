// A Clock for the runtime's modules whose time moves only when a test says so.
import type { Clock } from '../../src/runtime/clock';

export class FakeClock implements Clock {
  private time = 1_700_000_000_000;
  private nextId = 1;
  private timers = new Map<number, { due: number; fn: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { due: this.time + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Moves time forward, running each timer that falls due, in order of due time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { due: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].due <= end && (!next || entry[1].due < next[1].due)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].due);
      next[1].fn();
    }
    this.time = end;
  }
}

/** Lets promise callbacks run (the transport's answers are promises). */
export const microtasks = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
};
