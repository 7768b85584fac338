/**
 * How Segment's stored values read back, in the browser and on the server: JSON when it parses
 * (localStorage, and cookies classic analytics.js JSON-quoted), else the raw text (analytics-next writes
 * ids raw in cookies). Pure.
 */
export declare function parseStoredValue(raw: string): unknown;
/** An id from an `ajs_*` cookie as it arrives in a `Cookie:` header: URL-encoded or not, quoted or not. */
export declare function segmentIdFromCookie(raw: string | undefined): string | undefined;
