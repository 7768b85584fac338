/**
 * analytics-next's plugin pipeline without a page or an SDK: `register` / `deregister`, loads that
 * cannot hang the page, and the stages an event goes through (before, then enrichment; destination
 * and after once the event has been handed over). The contract, and where we deliberately differ
 * from analytics-next, is written down in docs/plugins.md.
 *
 * Cost: with no before or enrichment plugin that has a hook for the event's type, and no such plugin
 * loading, `run` answers synchronously without allocating a context.
 */
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/log.js';
import type { SegmentEvent } from '../core/types.js';
import { callHook, CANCELLED, type HookDeps, type HookResult } from './plugin-hooks.js';
import { callLifecycle, type LifecycleDeps } from './plugin-lifecycle.js';
import {
  destinationEnabled,
  hookFor,
  pluginProblem,
  type PluginHook,
  type PluginType,
  type SegmentPlugin,
} from './plugin-types.js';
import { SegmentContext } from './segment-context.js';

/** How long a plugin's load may hold events before it is given up on. */
export const PLUGIN_LOAD_TIMEOUT_MS = 5000;
/** How long one hook may hold its event. Middleware has the same bound. */
export const PLUGIN_HOOK_TIMEOUT_MS = 1000;

export interface PluginRegistryOptions {
  clock: Clock;
  logger: Logger;
  /** What a plugin's `load(ctx, analytics)` and `unload` receive: the page's `window.analytics`. */
  analytics: () => unknown;
  loadTimeoutMs?: number;
  hookTimeoutMs?: number;
}

export interface RunOutcome {
  event: SegmentEvent;
  /** A before plugin cancelled the event: it must not be sent. */
  cancelled: boolean;
  /** The context the plugins saw; absent when no plugin ran. Pass the outcome on to the later stages. */
  context?: SegmentContext;
}

interface Entry {
  plugin: SegmentPlugin;
  /** Settles when the load has resolved, failed or timed out; never rejects. */
  loaded: Promise<void>;
  /** Still counted in `holding`: a before or enrichment plugin whose load has not settled. */
  holds: boolean;
}

const CRITICAL: ReadonlySet<PluginType> = new Set(['before', 'enrichment']);

export class PluginRegistry {
  private entries: Entry[] = [];
  /** Before and enrichment plugins whose load has not settled: events wait for them. */
  private holding = 0;
  private waiters: Array<() => void> = [];
  /** Before then enrichment plugins with a hook for a type, in order; rebuilt after each change. */
  private stagesByType = new Map<string, SegmentPlugin[]>();
  private readonly lifecycleDeps: LifecycleDeps;
  private readonly hookDeps: HookDeps;
  /** For a plugin's hooks until one has settled: they may be waiting on what load started (see hook). */
  private readonly firstHookDeps: HookDeps;
  private readonly warmed = new WeakSet<SegmentPlugin>();

  constructor(private readonly options: PluginRegistryOptions) {
    const { clock, logger, loadTimeoutMs = PLUGIN_LOAD_TIMEOUT_MS, hookTimeoutMs = PLUGIN_HOOK_TIMEOUT_MS } = options;
    this.lifecycleDeps = { clock, logger, timeoutMs: loadTimeoutMs };
    const hookDeps = (timeoutMs: number): HookDeps => ({
      clock,
      hookTimeoutMs: timeoutMs,
      warn: (message) => logger.once(`analytics.register(): ${message}`),
    });
    this.hookDeps = hookDeps(hookTimeoutMs);
    this.firstHookDeps = hookDeps(Math.max(hookTimeoutMs, loadTimeoutMs));
  }

  /** The registered plugins, in registration order (failed loads removed). */
  get plugins(): SegmentPlugin[] {
    return this.entries.map((entry) => entry.plugin);
  }

  /**
   * Loads each plugin now (its hooks see no event until the load settles) and resolves, with a system
   * context, once every load but destinations' has settled. Never rejects.
   */
  register(...plugins: unknown[]): Promise<SegmentContext> {
    const ctx = SegmentContext.system();
    const waits: Array<Promise<void>> = [];
    plugins.forEach((value, index) => {
      const problem = pluginProblem(value);
      if (problem) {
        this.options.logger.once(`analytics.register(): argument ${index + 1} ${problem}; it was not registered`);
        ctx.log('warn', 'Invalid plugin', { index, problem });
        return;
      }
      const entry = this.add(value as SegmentPlugin, ctx);
      if (entry.plugin.type !== 'destination') waits.push(entry.loaded);
    });
    return Promise.all(waits).then(() => ctx);
  }

  /** Unloads and removes every plugin with each name. Never rejects. */
  deregister(...names: unknown[]): Promise<SegmentContext> {
    const ctx = SegmentContext.system();
    const unloads = names.map((name) => {
      const named = this.entries.filter((e) => e.plugin.name === name);
      if (!named.length) {
        ctx.log('warn', `plugin ${String(name)} not found`);
        this.options.logger.once(`analytics.deregister(): no plugin is registered as ${JSON.stringify(String(name))}`);
        return undefined;
      }
      // Removed at once, so no event reaches a plugin that is being unloaded.
      named.forEach((e) => this.stopHolding(e));
      this.keepEntries((e) => !named.includes(e));
      const { plugin } = named[0];
      return callLifecycle(
        plugin,
        'unload',
        () => plugin.unload?.(ctx, this.options.analytics()),
        this.lifecycleDeps,
        ctx,
      );
    });
    return Promise.all(unloads).then(() => ctx);
  }

  /** True when `run` would do nothing for this event type: the facade can skip it entirely. */
  idle(type: string): boolean {
    return this.holding === 0 && this.stageFor(type).length === 0;
  }

  /**
   * Before plugins, then enrichment plugins, in registration order, each awaited. Waits first while a
   * before or enrichment plugin is loading. Synchronous when nothing waits and no hook returns a promise.
   */
  run(event: SegmentEvent): RunOutcome | Promise<RunOutcome> {
    if (this.holding > 0) return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.run(event));
    const stage = this.stageFor(event.type);
    if (stage.length === 0) return { event, cancelled: false };
    const ctx = new SegmentContext(event);
    ctx.attempts = 1;
    return this.continueStage(stage, 0, ctx);
  }

  /**
   * Destination plugins the event's `integrations` allow, in parallel, each after its own load; then
   * resolves. Failures are contained. Undefined (no promise) when there is none.
   */
  runDestinations(outcome: RunOutcome): Promise<void> | undefined {
    const integrations = outcome.event.integrations;
    const targets = this.entries.filter(
      (e) => e.plugin.type === 'destination' && destinationEnabled(e.plugin, integrations),
    );
    return this.runInParallel(targets, outcome);
  }

  /** After plugins, in parallel; failures are contained. Undefined when there is none. */
  runAfter(outcome: RunOutcome): Promise<void> | undefined {
    return this.runInParallel(
      this.entries.filter((e) => e.plugin.type === 'after'),
      outcome,
    );
  }

  /** What `analytics.ready()` waits for: every plugin's `ready()`, contained and bounded like a load. */
  ready(): Promise<unknown[]> {
    return Promise.all(
      this.entries.map(({ plugin }) =>
        typeof plugin.ready === 'function'
          ? callLifecycle(plugin, 'ready', () => plugin.ready!(), this.lifecycleDeps)
          : undefined,
      ),
    );
  }

  /**
   * Events stop waiting for loads that have not settled yet (the page is being left): the plugins stay
   * registered and see the next events as they are run.
   */
  release(): void {
    for (const entry of this.entries) this.stopHolding(entry);
  }

  private add(plugin: SegmentPlugin, ctx: SegmentContext): Entry {
    const entry: Entry = { plugin, loaded: Promise.resolve(), holds: CRITICAL.has(plugin.type) };
    if (entry.holds) this.holding += 1;
    this.entries.push(entry);
    this.stagesByType.clear();
    entry.loaded = callLifecycle(
      plugin,
      'load',
      () => plugin.load(ctx, this.options.analytics()),
      this.lifecycleDeps,
      ctx,
      (failure) => {
        ctx.log('warn', 'Failed to load destination', { plugin: plugin.name, error: failure });
        this.keepEntries((e) => e !== entry);
      },
    ).then(() => this.stopHolding(entry));
    return entry;
  }

  private stopHolding(entry: Entry): void {
    if (!entry.holds) return;
    entry.holds = false;
    this.holding -= 1;
    if (this.holding > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Keeps the entries that pass `keep`; the stages are rebuilt from them. */
  private keepEntries(keep: (entry: Entry) => boolean): void {
    this.entries = this.entries.filter(keep);
    this.stagesByType.clear();
  }

  private stageFor(type: string): SegmentPlugin[] {
    let stage = this.stagesByType.get(type);
    if (!stage) {
      const withHook = (t: PluginType) =>
        this.entries.filter((e) => e.plugin.type === t && hookFor(e.plugin, type)).map((e) => e.plugin);
      stage = [...withHook('before'), ...withHook('enrichment')];
      this.stagesByType.set(type, stage);
    }
    return stage;
  }

  private continueStage(stage: SegmentPlugin[], from: number, ctx: SegmentContext): RunOutcome | Promise<RunOutcome> {
    let current = ctx;
    for (let i = from; i < stage.length; i++) {
      const hook = hookFor(stage[i], current.event.type);
      const result: HookResult | Promise<HookResult> = hook ? this.hook(stage[i], hook, current) : current;
      if (result instanceof Promise) {
        return result.then((settled) =>
          settled === CANCELLED ? outcome(current, true) : this.continueStage(stage, i + 1, settled),
        );
      }
      if (result === CANCELLED) return outcome(current, true);
      current = result;
    }
    return outcome(current, false);
  }

  /**
   * A plugin's first hooks get the load's bound rather than the hook's: plugins often start work in
   * `load` without awaiting it and await it in their hooks (Amplitude's Segment Session Replay wrapper
   * waits there for its remote config), and cutting those hooks short would send the first events
   * without what the plugin adds. Once one of its hooks has settled, the hook bound applies.
   */
  private hook(plugin: SegmentPlugin, hook: PluginHook, ctx: SegmentContext): HookResult | Promise<HookResult> {
    const result = callHook(plugin, hook, ctx, this.warmed.has(plugin) ? this.hookDeps : this.firstHookDeps);
    const warm = <T>(settled: T): T => {
      this.warmed.add(plugin);
      return settled;
    };
    return result instanceof Promise ? result.then(warm) : warm(result);
  }

  private runInParallel(targets: Entry[], from: RunOutcome): Promise<void> | undefined {
    const withHooks = targets.filter((e) => hookFor(e.plugin, from.event.type));
    if (withHooks.length === 0) return undefined;
    const ctx = from.context || new SegmentContext(from.event);
    return Promise.all(
      withHooks.map((e) =>
        e.loaded.then(() => {
          if (!this.entries.includes(e)) return undefined; // its load failed or it was deregistered meanwhile
          const hook = hookFor(e.plugin, ctx.event.type);
          return hook ? this.hook(e.plugin, hook, ctx) : undefined;
        }),
      ),
    ).then(() => undefined);
  }
}

function outcome(ctx: SegmentContext, cancelled: boolean): RunOutcome {
  return { event: ctx.event, cancelled, context: ctx };
}
