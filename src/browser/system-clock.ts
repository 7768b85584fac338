/**
 * The page's real clock: the wall clock, and performance.now() for waits, which jumps of the wall clock do not
 * move.
 */
import type { Clock } from '../runtime/clock.js';

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () =>
    typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
