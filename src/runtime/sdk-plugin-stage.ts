/**
 * The last stage of the pipeline (see stages.ts for the first ones): the plugins the page added to the
 * SDK run on each stamped Amplitude event, between the envelope and the outbox, as the SDK's timeline
 * would run them (before plugins, then enrichment plugins, in the order added; each gets a shallow copy,
 * may return a changed event, or null to drop it). One event at a time, so events reach the outbox in
 * the order they were handed over.
 *
 * With no page plugin an event goes to the outbox at once, synchronously, as before. Otherwise it waits
 * here until its plugins have answered; while it waits, the exit journal holds it (see Pipeline), and if
 * the page is left first it goes to the outbox as it is, so nothing is lost or sent twice. A plugin's
 * setup may hold events up to PAGE_PLUGIN_SETUP_TIMEOUT_MS from when it was added; one execute may hold
 * its event up to PAGE_PLUGIN_EXECUTE_TIMEOUT_MS, then the event goes on without that plugin's answer.
 */
import type { Dict } from '../core/types.js';
import type { PagePlugin, PagePlugins } from '../amplitude/page-plugins.js';
import type { DeliveryOutcome, WireEvent } from '../wire/wire-types.js';
import type { Clock } from './clock.js';
import { describe, isThenable, raceTimeout } from './page-code.js';

const PAGE_PLUGIN_SETUP_TIMEOUT_MS = 5000;
export const PAGE_PLUGIN_EXECUTE_TIMEOUT_MS = 1000;

type Settled = ((outcome: DeliveryOutcome) => void) | undefined;

interface Waiting {
  event: WireEvent;
  settled: Settled;
  /** Sent as it was (the page was left) while its plugins were still running. */
  forced?: boolean;
}

export interface SdkPluginStageDeps {
  plugins: PagePlugins;
  clock: Clock;
  /** Into the outbox. */
  send(event: WireEvent, settled: Settled): void;
  /** What waits here changed: the exit journal rewrites its record. */
  changed(): void;
  warn(message: string): void;
}

const TIMED_OUT = Symbol('timed out');

export class SdkPluginStage {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly deps: SdkPluginStageDeps) {}

  accept(event: WireEvent, settled?: Settled): void {
    if (!this.running && this.deps.plugins.size === 0) {
      this.deps.send(event, settled);
      return;
    }
    this.waiting.push({ event, settled });
    this.deps.changed();
    if (this.running) return;
    this.running = true;
    // After the current hand-over has finished, so the SDK already has the session and identity it set.
    void Promise.resolve().then(() => this.next());
  }

  /** Events waiting for plugins, in order (the exit journal keeps them). */
  pending(): WireEvent[] {
    return this.waiting.map((w) => w.event);
  }

  /** The page is being left: whatever waits goes to the outbox now, as it is. */
  release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) {
      w.forced = true;
      this.deps.send(w.event, w.settled);
    }
  }

  private async next(): Promise<void> {
    while (this.waiting.length > 0) {
      const head = this.waiting[0];
      let event: WireEvent | null = head.event;
      try {
        event = await this.runPlugins(head.event);
      } catch (error) {
        this.deps.warn(`internal error: ${describe(error)}`);
      }
      if (head.forced) continue; // release() sent it already, and emptied the queue
      this.waiting.shift();
      if (event) this.deps.send(event, head.settled);
      else if (head.settled) head.settled({ code: 0, message: 'dropped by a plugin added to the Amplitude SDK' });
      this.deps.changed();
    }
    this.running = false;
  }

  private async runPlugins(original: WireEvent): Promise<WireEvent | null> {
    let event = original;
    for (const entry of this.deps.plugins.inOrder()) {
      if (!(await this.isSetUp(entry))) continue;
      const result = await this.execute(entry, event);
      if (result === null) return null;
      event = result;
    }
    return event;
  }

  private isSetUp(entry: PagePlugin): boolean | Promise<boolean> {
    if (entry.ready || entry.abandoned) return entry.ready;
    const left = entry.addedAt + PAGE_PLUGIN_SETUP_TIMEOUT_MS - this.deps.clock.now();
    return this.bounded(entry.setUp, Math.max(0, left)).then((ok) => {
      if (ok === TIMED_OUT && !entry.ready) {
        entry.abandoned = true;
        this.deps.warn(
          `${label(entry)} was not set up within ${PAGE_PLUGIN_SETUP_TIMEOUT_MS} ms; events go on without it`,
        );
      } else if (ok === false) this.deps.warn(`${label(entry)} setup failed; events go on without it`);
      // A task more: work a plugin's setup started without awaiting it (Session Replay's capture decision
      // after its remote config) has then run, as it has for an event made after setup resolved.
      return new Promise<boolean>((resolve) => this.deps.clock.setTimeout(() => resolve(entry.ready), 0));
    });
  }

  private async execute(entry: PagePlugin, event: WireEvent): Promise<WireEvent | null> {
    let returned: unknown;
    try {
      returned = entry.plugin.execute?.({ ...event });
    } catch (error) {
      this.deps.warn(`${label(entry)} execute() threw ${describe(error)}; the event continues`);
      return event;
    }
    const answer = isThenable(returned)
      ? await this.bounded(returned, PAGE_PLUGIN_EXECUTE_TIMEOUT_MS, entry)
      : returned;
    if (answer === TIMED_OUT) {
      this.deps.warn(
        `${label(entry)} execute() did not answer within ${PAGE_PLUGIN_EXECUTE_TIMEOUT_MS} ms; ` +
          'the event went on without it',
      );
      return event;
    }
    if (answer === null) return null;
    if (answer && typeof answer === 'object' && typeof (answer as Dict).event_type === 'string')
      return answer as WireEvent;
    if (answer !== undefined)
      this.deps.warn(`${label(entry)} execute() answered with something that is not an event; the event continues`);
    return event;
  }

  /** The value `thenable` settles with, TIMED_OUT after `ms`; a rejection is a warning and undefined. */
  private bounded<T>(
    thenable: PromiseLike<T>,
    ms: number,
    entry?: PagePlugin,
  ): Promise<T | undefined | typeof TIMED_OUT> {
    return raceTimeout<T | undefined | typeof TIMED_OUT>(
      thenable,
      ms,
      this.deps.clock,
      (value) => value as T,
      (error) => {
        if (entry) this.deps.warn(`${label(entry)} execute() rejected: ${describe(error)}; the event continues`);
        return undefined;
      },
      () => TIMED_OUT,
    );
  }
}

function label(entry: PagePlugin): string {
  return `Amplitude SDK plugin "${entry.name}" (${entry.type})`;
}
