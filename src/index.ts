/**
 * Module entry for bundler users: `install()` and the public types, nothing else. Everything exported here is
 * a promise to users, and its declarations are published; the script-tag build runs install() itself.
 */
import { install as installOnPage } from './public/install.js';
import type { SegmentAnalytics } from './public/types.js';

/** What `install()` returns: the page's `window.analytics` (or the global the snippet names), now the shim. */
export interface InstalledShim {
  analytics: SegmentAnalytics;
}

/** Takes over Segment's snippet on this page, as the script file does when it loads. */
export function install(): InstalledShim {
  // The runtime builds the public object member by member onto the snippet's array, so it is typed only here.
  return { analytics: installOnPage().analytics as unknown as SegmentAnalytics };
}

export type {
  SegmentAnalytics,
  ShimLoadOptions,
  AmplitudeDestinationSettings,
  CallOptions,
  Integrations,
  AnalyticsContext,
  SegmentEventShape,
  AnalyticsUser,
  AnalyticsGroup,
  AmplitudeAccess,
  SegmentPlugin,
  PluginContext,
  Properties,
  Traits,
  Callback,
} from './public/types.js';
