/** analytics-next's page fields (path, referrer, search, title, url) from a page snapshot. Pure. */
import type { Dict, PageContext, PageSnapshot } from './types.js';
export declare function pageContextFromSnapshot(snap: PageSnapshot): PageContext;
/**
 * context.page for an event: detected values, then (page events only) page keys the caller put in the
 * properties, then an explicit `options.context.page` / `options.page`.
 */
export declare function eventPageContext(detected: PageContext, isPageEvent: boolean, properties: Dict, explicit: unknown): PageContext;
/**
 * `context.campaign` as analytics.js fills it from the URL: every `utm_*` parameter without its prefix,
 * `utm_campaign` as `name`. Undefined when the URL has none.
 */
export declare function campaignFromSearch(query: Record<string, string>): Dict | undefined;
