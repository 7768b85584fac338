import type { SegmentAnalytics } from './public/types.js';
/** What `install()` returns: the page's `window.analytics` (or the global the snippet names), now the shim. */
export interface InstalledShim {
    analytics: SegmentAnalytics;
}
/** Takes over Segment's snippet on this page, as the script file does when it loads. */
export declare function install(): InstalledShim;
export type { SegmentAnalytics, ShimLoadOptions, AmplitudeDestinationSettings, CallOptions, Integrations, AnalyticsContext, SegmentEventShape, AnalyticsUser, AnalyticsGroup, AmplitudeAccess, SegmentPlugin, PluginContext, Properties, Traits, Callback, } from './public/types.js';
