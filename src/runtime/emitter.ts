/** analytics-next's emitter: listeners run synchronously with `this` bound to the analytics object. */
import { callPageFunction } from './page-code.js';

type Listener = (...args: unknown[]) => unknown;

export class Emitter {
  private listeners: Record<string, Listener[]> = {};

  constructor(
    private readonly self: () => unknown,
    private readonly onListenerError: (event: string, error: unknown) => void,
  ) {}

  on(event: string, fn: Listener): void {
    (this.listeners[event] ||= []).push(fn);
  }

  once(event: string, fn: Listener): void {
    const wrapper: Listener = (...args) => {
      this.off(event, wrapper);
      return fn.apply(this.self(), args); // errors are contained by emit()
    };
    this.on(event, wrapper);
  }

  off(event: string, fn: Listener): void {
    const list = this.listeners[event];
    if (list) this.listeners[event] = list.filter((l) => l !== fn);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const fn of (this.listeners[event] || []).slice()) {
      // An async listener that rejects must not surface as an unhandled rejection on the page either.
      callPageFunction(fn, this.self(), args, (error) => this.onListenerError(event, error));
    }
  }
}
