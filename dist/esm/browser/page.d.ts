/**
 * The page as the runtime reads it: URL, title, referrer, canonical link, the browser's signals, and
 * navigation. Every read is defensive: any getter can throw in a hostile or sandboxed page.
 */
import type { PageSnapshot } from '../core/types.js';
export declare const hasWindow: boolean;
/**
 * The page as a call sees it. A call on the same URL and title as the previous one reuses its snapshot
 * (the referrer cannot change, and the canonical link is assumed to change only with the URL or title),
 * which saves most of a call's DOM reads in a burst.
 */
export declare function readPageSnapshot(): PageSnapshot;
export declare function locationSearch(): string;
export declare function locationHash(): string;
export declare function currentReferrer(): string;
/** The browser's Global Privacy Control signal (`navigator.globalPrivacyControl`), if it sends one. */
export declare function globalPrivacyControl(): unknown;
export declare function isHttps(): boolean;
/** What the browser says of itself that events carry (user agent, language). Read once per page by callers. */
export declare function navigatorFacts(): {
    userAgent?: string;
    language?: string;
};
export declare function navigate(href: string): void;
