/**
 * Calls a plugin's `load`, `unload` or `ready` the way analytics-next's contract needs and the page can
 * survive: a throw, a rejection or a promise that never settles is one console warning that says what
 * happens next, then `onFailure`; the answer always settles, within the load bound.
 */
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/log.js';
import { describe, isThenable, raceTimeout } from '../runtime/page-code.js';
import type { SegmentPlugin } from './plugin-types.js';
import type { SegmentContext } from './segment-context.js';

export type LifecycleCall = 'load' | 'unload' | 'ready';

export interface LifecycleDeps {
  clock: Clock;
  logger: Logger;
  timeoutMs: number;
}

const CONSEQUENCE: Record<LifecycleCall, string> = {
  load: 'the plugin was removed and events go on without it',
  unload: 'the plugin was removed anyway',
  ready: 'ready() goes on without it',
};

export function callLifecycle(
  plugin: SegmentPlugin,
  what: LifecycleCall,
  call: () => unknown,
  deps: LifecycleDeps,
  ctx?: SegmentContext,
  onFailure?: (failure: unknown) => void,
): Promise<void> {
  const fail = (failure: unknown, message: string) => {
    deps.logger.once(
      `analytics.${what === 'unload' ? 'deregister' : 'register'}(): plugin "${plugin.name}" (${plugin.type}) ` +
        `${what}() ${message}; ${CONSEQUENCE[what]}`,
    );
    if (what === 'unload') ctx?.log('warn', 'Failed to unload destination', { plugin: plugin.name, error: failure });
    onFailure?.(failure);
  };
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    fail(error, `threw ${describe(error)}`);
    return Promise.resolve();
  }
  if (!isThenable(returned)) return Promise.resolve();
  return raceTimeout(
    returned,
    deps.timeoutMs,
    deps.clock,
    () => undefined,
    (error) => fail(error, `rejected: ${describe(error)}`),
    () => fail(new Error('timeout'), `did not settle within ${deps.timeoutMs} ms`),
  );
}
