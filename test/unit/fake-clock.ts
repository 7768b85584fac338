// A Clock for the runtime's modules whose time moves only when a test says so. Like a browser's, its
// timers run on the monotonic clock; the wall clock can also be made to jump on its own.
import type { Clock } from '../../src/runtime/clock';

export class FakeClock implements Clock {
  private wall = 1_700_000_000_000;
  private mono = 0;
  private nextId = 1;
  private timers = new Map<number, { due: number; fn: () => void }>();

  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { due: this.mono + Math.max(0, ms), fn });
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
    const end = this.mono + ms;
    for (;;) {
      let next: [number, { due: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].due <= end && (!next || entry[1].due < next[1].due)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.wall += Math.max(0, next[1].due - this.mono);
      this.mono = Math.max(this.mono, next[1].due);
      next[1].fn();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }
  /** The wall clock alone jumps (a resync, a user changing it): timers and the monotonic clock do not notice. */
  jump(ms: number): void {
    this.wall += ms;
  }
}

/** Lets promise callbacks run (the transport's answers are promises). */
export const microtasks = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
};
