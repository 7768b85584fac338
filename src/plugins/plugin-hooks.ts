/**
 * Calls one plugin hook on one event, and turns whatever happens (a value, a throw, a rejection, a
 * promise that never settles) into the context the next plugin sees, or a cancellation. Nothing a
 * hook does reaches the page: each problem becomes one console warning naming the plugin.
 * A hook that answers synchronously keeps the event on the synchronous path.
 */
import type { Clock } from '../runtime/clock.js';
import { describe, isThenable, raceTimeout } from '../runtime/page-code.js';
import { isCancelation, SegmentContext } from './segment-context.js';
import type { PluginHook, SegmentPlugin } from './plugin-types.js';
import { copyReplacing } from '../core/values.js';

export const CANCELLED = Symbol('cancelled');
export type HookResult = SegmentContext | typeof CANCELLED;

export interface HookDeps {
  clock: Clock;
  hookTimeoutMs: number;
  /** One console warning (repeats of the same text are shown once). */
  warn(message: string): void;
}

export function callHook(
  plugin: SegmentPlugin,
  hook: PluginHook,
  ctx: SegmentContext,
  deps: HookDeps,
): HookResult | Promise<HookResult> {
  const name = `plugin "${plugin.name}" (${plugin.type}) ${ctx.event.type}()`;
  const accepted = (value: unknown): HookResult => {
    if (value instanceof SegmentContext) return value;
    // analytics-next cancels (and after its retries drops) the event of a before plugin that returns
    // anything but a context; we keep the event and say so, since the plugin most likely forgot a return.
    if (plugin.type === 'before')
      deps.warn(`${name} returned ${describeValue(value)} instead of its context; the event continues`);
    return ctx;
  };
  const failed = (error: unknown): HookResult => {
    if (isCancelation(error)) {
      ctx.log('warn', error.type, { plugin: plugin.name, error });
      if (plugin.type === 'before') {
        ctx.stats.increment('context_canceled');
        return CANCELLED;
      }
      deps.warn(
        `${name} cancelled the event; only a before plugin can cancel one, so it continues, as in analytics-next`,
      );
      return ctx;
    }
    ctx.log('error', 'plugin Error', { plugin: plugin.name, error });
    ctx.stats.increment('plugin_error', 1, [`plugin:${plugin.name}`]);
    deps.warn(`${name} failed: ${describe(error)}; the event continues`);
    return ctx;
  };
  let returned: unknown;
  try {
    returned = hook.call(plugin, ctx);
  } catch (error) {
    return failed(error);
  }
  if (!isThenable(returned)) return accepted(returned);
  return raceTimeout<HookResult>(returned, deps.hookTimeoutMs, deps.clock, accepted, failed, () => {
    deps.warn(`${name} did not settle within ${deps.hookTimeoutMs} ms; the event went on without waiting for it`);
    // The late hook keeps writing to the context it holds; the event goes on as a copy, untouched by it.
    return new SegmentContext(detach(ctx.event), ctx.id);
  });
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/** A deep copy of the event's plain objects and arrays; other values (Dates included) are shared. */
function detach<T>(value: T): T {
  return copyReplacing(value, (v) =>
    Array.isArray(v) || (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) ? undefined : v,
  ) as T;
}
