/**
 * What taking over the page needs from it: its global object, its script tags (where the snippet and the
 * script's own URL say which key and which global to use), and its lifecycle events. install.ts decides
 * what each means; only these functions touch the page.
 */
import type { Dict } from '../core/types.js';

/** The page's global object, where the snippet left `window.analytics`. */
export function pageGlobal(): Dict {
  return window as unknown as Dict;
}

/** The value of `attribute` on the first script tag that has it. */
export function scriptTagAttribute(attribute: string): string | undefined {
  try {
    const tag = document.querySelector(`script[${attribute}]`);
    return (tag && tag.getAttribute(attribute)) || undefined;
  } catch {
    return undefined;
  }
}

/** The URLs of the page's scripts, this one's first. */
export function scriptSources(): string[] {
  const sources: string[] = [];
  try {
    const current = document.currentScript as HTMLScriptElement | null;
    if (current?.src) sources.push(current.src);
    for (const s of Array.from(document.getElementsByTagName('script'))) if (s.src) sources.push(s.src);
  } catch {
    /* a page whose DOM cannot be read: no URL to take a key from */
  }
  return sources;
}

/** What the runtime does at each moment of the page's life (src/runtime/page-lifecycle.ts). */
interface LifecycleHandlers {
  /** The page is gone (pagehide), or hidden, which on mobile may be the last moment it is given. */
  exit(gone?: boolean): void;
  /** Visible again, or restored from the back/forward cache. */
  shown(): void;
  online(): void;
}

export function onPageLifecycle(win: Dict, lifecycle: LifecycleHandlers): void {
  const w = win as unknown as Window;
  w.addEventListener('pagehide', () => lifecycle.exit(true));
  w.addEventListener('pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) lifecycle.shown();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') lifecycle.exit();
    else lifecycle.shown();
  });
  w.addEventListener('online', () => lifecycle.online());
}

/** Another tab of the site wrote `key` in localStorage (null: it cleared it). */
export function onOtherTabStorage(win: Dict, changed: (key: string | null) => void): void {
  (win as unknown as Window).addEventListener('storage', (e) => changed((e as StorageEvent).key));
}
