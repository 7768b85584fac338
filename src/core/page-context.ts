/** analytics-next's page fields (path, referrer, search, title, url) from a page snapshot. Pure. */
import type { Dict, PageContext, PageSnapshot } from './types.js';

export function pageContextFromSnapshot(snap: PageSnapshot): PageContext {
  return {
    path: canonicalPath(snap),
    referrer: snap.referrer,
    search: snap.search,
    title: snap.title,
    url: canonicalUrl(snap),
  };
}

function canonicalPath(snap: PageSnapshot): string {
  if (!snap.canonical) return snap.pathname;
  try {
    return new URL(snap.canonical).pathname;
  } catch {
    // analytics-next keeps an unparseable canonical href as the path, made absolute.
    return snap.canonical.charAt(0) === '/' ? snap.canonical : `/${snap.canonical}`;
  }
}

function canonicalUrl(snap: PageSnapshot): string {
  if (snap.canonical) {
    return snap.canonical.includes('?') ? snap.canonical : snap.canonical + snap.search;
  }
  const hash = snap.href.indexOf('#');
  return hash === -1 ? snap.href : snap.href.slice(0, hash);
}

const PAGE_KEYS: (keyof PageContext)[] = ['path', 'referrer', 'search', 'title', 'url'];

/**
 * context.page for an event: detected values, then (page events only) page keys the caller put in the
 * properties, then an explicit `options.context.page` / `options.page`.
 */
export function eventPageContext(
  detected: PageContext,
  isPageEvent: boolean,
  properties: Dict | undefined,
  explicit: unknown,
): PageContext {
  const page: Dict = { ...detected };
  if (isPageEvent && properties) {
    for (const key of PAGE_KEYS) if (key in properties) page[key] = properties[key];
  }
  if (explicit && typeof explicit === 'object') Object.assign(page, explicit);
  return page as unknown as PageContext;
}

/**
 * `context.campaign` as analytics.js fills it from the URL: every `utm_*` parameter without its prefix,
 * `utm_campaign` as `name`. Undefined when the URL has none.
 */
export function campaignFromSearch(query: Record<string, string>): Dict | undefined {
  let campaign: Dict | undefined;
  for (const key of Object.keys(query)) {
    if (!key.startsWith('utm_') || key.length === 4) continue;
    const field = key.slice(4) === 'campaign' ? 'name' : key.slice(4);
    campaign = campaign || {};
    campaign[field] = query[key];
  }
  return campaign;
}
