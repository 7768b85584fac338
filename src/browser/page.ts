/**
 * The page as the runtime reads it: URL, title, referrer, canonical link, the browser's signals, and
 * navigation. Every read is defensive: any getter can throw in a hostile or sandboxed page.
 */
import type { PageSnapshot } from '../core/types.js';
import { attempt } from '../core/values.js';

export const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';

let lastSnapshot: PageSnapshot | undefined;

/**
 * The page as a call sees it. A call on the same URL, title and referrer as the previous one reuses its
 * snapshot (the canonical link is assumed to change only with the URL or title), which saves the canonical
 * link's DOM query in a burst.
 */
export function readPageSnapshot(): PageSnapshot {
  if (!hasWindow) return { pathname: '', href: '', search: '', title: '', referrer: '' };
  const href = attempt(() => location.href, '');
  const title = attempt(() => document.title, '');
  const referrer = currentReferrer();
  if (lastSnapshot && lastSnapshot.href === href && lastSnapshot.title === title && lastSnapshot.referrer === referrer)
    return { ...lastSnapshot };
  const snap: PageSnapshot = {
    pathname: attempt(() => location.pathname, ''),
    href,
    search: attempt(() => location.search, ''),
    title,
    referrer,
  };
  const canonical = attempt(() => {
    const el = document.querySelector('link[rel="canonical"]');
    return (el && el.getAttribute('href')) || undefined;
  }, undefined);
  if (canonical) snap.canonical = canonical;
  lastSnapshot = snap;
  return { ...snap };
}

export function locationSearch(): string {
  return hasWindow ? attempt(() => location.search, '') : '';
}

export function locationHash(): string {
  return hasWindow ? attempt(() => location.hash, '') : '';
}

export function currentReferrer(): string {
  return hasWindow ? attempt(() => document.referrer, '') : '';
}

/** The browser's Global Privacy Control signal (`navigator.globalPrivacyControl`), if it sends one. */
export function globalPrivacyControl(): unknown {
  return attempt(
    () =>
      typeof navigator === 'undefined'
        ? undefined
        : (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl,
    undefined,
  );
}

export function isHttps(): boolean {
  return hasWindow && attempt(() => location.protocol === 'https:', false);
}

/** What the browser says of itself that events carry (user agent, language). Read once per page by callers. */
export function navigatorFacts(): { userAgent?: string; language?: string } {
  if (typeof navigator === 'undefined') return {};
  return attempt(
    (): { userAgent?: string; language?: string } => ({
      userAgent: navigator.userAgent || undefined,
      language: navigator.language || undefined,
    }),
    {},
  );
}

export function navigate(href: string): void {
  attempt(() => {
    window.location.href = href;
  }, undefined);
}
