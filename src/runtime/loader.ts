/**
 * `analytics.load()`: once per page, with a key. The gate answers first, before any storage is read or
 * written; while a page's `disable` hook answers later, its queued calls wait in memory. Then start-up
 * carries load out, and the work deferred at start-up runs once the queued calls have been handed over.
 */
import type { Dict } from '../core/types.js';
import type { GateOutcome } from '../core/consent.js';
import { isNonEmptyString, isPlainObject } from '../core/values.js';
import { askLoadGate } from './load-gate.js';
import { describe } from './page-code.js';
import { startUp, type StartupDeps } from './startup.js';

export class Loader {
  private called = false;

  constructor(private readonly deps: StartupDeps) {}

  get loadCalled(): boolean {
    return this.called;
  }

  load(writeKey: unknown, options: unknown, replay: () => void): void {
    const { logger, state } = this.deps;
    if (this.called) {
      logger.once('analytics.load() was called again; the second call is ignored (is the snippet on the page twice?)');
      return;
    }
    if (!isNonEmptyString(writeKey)) {
      logger.once(
        'analytics.load(): no Amplitude API key was given; nothing will be sent until load(KEY) is called',
        'error',
      );
      replay();
      return;
    }
    this.called = true;
    state.writeKey = writeKey;
    state.options = isPlainObject(options) ? (options as Dict) : {};
    const gate = askLoadGate(state.options, this.deps.env.browser.globalPrivacyControl(), (m, d) =>
      logger.problem('analytics.load()', m, d),
    );
    if (gate instanceof Promise) {
      // The page decides later: its queued calls wait (in memory) behind what load sends first.
      replay();
      gate
        .then((outcome) => this.start(outcome))
        .catch((error: unknown) => logger.problem('analytics.load()', `internal error: ${describe(error)}`, true));
      return;
    }
    this.start(gate, replay);
  }

  private start(outcome: GateOutcome, replay: () => void = () => undefined): void {
    startUp(outcome, this.deps);
    replay();
    // Deferred start-up work runs once the calls queued at load have been handed over.
    this.deps.queue.push({ kind: 'task', run: () => this.deps.deferred.release() });
  }
}
