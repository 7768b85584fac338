/**
 * Console output. A problem that drops data is always shown; anything else only in debug mode.
 * Each distinct message is printed once, so a hot loop with bad input cannot flood the console.
 */
const PREFIX = '[segment-amplitude-shim]';
const MAX_REMEMBERED = 500;

export class Logger {
  debugEnabled = false;
  private readonly seen = new Set<string>();
  private muted = false;

  /** `call` names the public method, e.g. "analytics.track()". */
  problem(call: string, message: string, dataDropped: boolean): void {
    if (!dataDropped && !this.debugEnabled) return;
    this.once(`${call}: ${message}`, 'warn');
  }

  debug(message: string, ...details: unknown[]): void {
    if (!this.debugEnabled) return;
    try {
      console.debug(PREFIX, message, ...details);
    } catch {
      /* a page that replaced console must not break us */
    }
  }

  once(message: string, level: 'warn' | 'error' = 'warn'): void {
    if (this.muted || this.seen.has(message)) return;
    if (this.seen.size >= MAX_REMEMBERED) {
      // This many distinct messages means a page looping over bad input: say so once, then stay quiet.
      this.muted = true;
      this.print(`${MAX_REMEMBERED} distinct warnings so far; further ones are not shown`, 'warn');
      return;
    }
    this.seen.add(message);
    this.print(message, level);
  }

  private print(message: string, level: 'warn' | 'error'): void {
    try {
      console[level](`${PREFIX} ${message}`);
    } catch {
      /* a page that replaced console must not break us */
    }
  }
}
