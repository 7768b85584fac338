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

/** A load that went ahead keeps its key in `state.writeKey`: a later call finds it there and is ignored. */
export function loadOnce(deps: StartupDeps, writeKey: unknown, options: unknown, replay: () => void): void {
  const { logger, state } = deps;
  if (state.writeKey) {
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
  state.writeKey = writeKey;
  state.options = isPlainObject(options) ? (options as Dict) : {};
  const start = (outcome: GateOutcome, replayNow: () => void = () => undefined) => {
    startUp(outcome, deps);
    replayNow();
    // Deferred start-up work runs once the calls queued at load have been handed over.
    deps.queue.push({ kind: 'task', run: () => deps.deferred.release() });
  };
  const gate = askLoadGate(state.options, deps.env.browser.globalPrivacyControl(), (m, d) =>
    logger.problem('analytics.load()', m, d),
  );
  if (gate instanceof Promise) {
    // The page decides later: its queued calls wait (in memory) behind what load sends first.
    replay();
    gate
      .then((outcome) => start(outcome))
      .catch((error: unknown) => logger.problem('analytics.load()', `internal error: ${describe(error)}`, true));
    return;
  }
  start(gate, replay);
}
