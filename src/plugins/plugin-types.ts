/**
 * The shape of an analytics-next plugin (`CorePlugin` in `@segment/analytics-core`), as pages pass it
 * to `analytics.register()`, and the checks we make before trusting one.
 */
import type { SegmentContext } from './segment-context.js';

export type PluginType = 'before' | 'enrichment' | 'destination' | 'after' | 'utility';

/** The event types that have a per-call hook of the same name. */
const HOOK_NAMES = ['track', 'page', 'identify', 'group', 'alias', 'screen'] as const;
type HookName = (typeof HOOK_NAMES)[number];

export type PluginHook = (ctx: SegmentContext) => unknown;

export interface SegmentPlugin {
  name: string;
  type: PluginType;
  version?: string;
  /** Other names the `integrations` option may use to turn a destination off. */
  alternativeNames?: string[];
  /** Part of the type; analytics-next never consults it to decide whether to run a plugin. */
  isLoaded?: () => boolean;
  load: (ctx: SegmentContext, analytics: unknown) => unknown;
  unload?: (ctx: SegmentContext, analytics: unknown) => unknown;
  ready?: () => unknown;
  track?: PluginHook;
  page?: PluginHook;
  identify?: PluginHook;
  group?: PluginHook;
  alias?: PluginHook;
  screen?: PluginHook;
}

const TYPES: readonly string[] = ['before', 'enrichment', 'destination', 'after', 'utility'];

/** Why `value` cannot be registered, or undefined when it can. Reads the page's object defensively. */
export function pluginProblem(value: unknown): string | undefined {
  try {
    if (!value || typeof value !== 'object') return 'is not an object';
    const plugin = value as Partial<SegmentPlugin>;
    if (typeof plugin.name !== 'string' || plugin.name === '') return 'has no name';
    if (typeof plugin.type !== 'string' || !TYPES.includes(plugin.type)) {
      return `has type ${JSON.stringify(plugin.type)}, not one of ${TYPES.join(', ')}`;
    }
    if (typeof plugin.load !== 'function') return 'has no load() function';
    return undefined;
  } catch {
    return 'cannot be read';
  }
}

/** The hook a plugin has for an event type, if any. */
export function hookFor(plugin: SegmentPlugin, type: string): PluginHook | undefined {
  if (!(HOOK_NAMES as readonly string[]).includes(type)) return undefined;
  try {
    const hook = plugin[type as HookName];
    return typeof hook === 'function' ? hook : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the event's `integrations` let a destination plugin run: its own name decides, then any of
 * its alternative names (the last one present), then `All`. An object counts as on; only a falsy value
 * turns it off. Before, enrichment and after plugins are never filtered.
 */
export function destinationEnabled(plugin: SegmentPlugin, integrations: Record<string, unknown> | undefined): boolean {
  const options = integrations || {};
  let byAlternative: unknown;
  for (const name of plugin.alternativeNames ?? []) {
    if (options[name] !== undefined) byAlternative = options[name];
  }
  return Boolean(options[plugin.name] ?? byAlternative ?? options.All !== false);
}
