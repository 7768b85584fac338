/**
 * The shape of an analytics-next plugin (`CorePlugin` in `@segment/analytics-core`), as pages pass it
 * to `analytics.register()`, and the checks we make before trusting one.
 */
import type { SegmentContext } from './segment-context.js';
export type PluginType = 'before' | 'enrichment' | 'destination' | 'after' | 'utility';
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
/** Why `value` cannot be registered, or undefined when it can. Reads the page's object defensively. */
export declare function pluginProblem(value: unknown): string | undefined;
/** The hook a plugin has for an event type, if any. */
export declare function hookFor(plugin: SegmentPlugin, type: string): PluginHook | undefined;
/**
 * Whether the event's `integrations` let a destination plugin run: its own name decides, then any of
 * its alternative names (the last one present), then `All`. An object counts as on; only a falsy value
 * turns it off. Before, enrichment and after plugins are never filtered.
 */
export declare function destinationEnabled(plugin: SegmentPlugin, integrations: Record<string, unknown> | undefined): boolean;
