/**
 * The one policy for values taken from a URL (querystring calls, UTM, gclid): anyone can craft a link,
 * so values longer than this, or with markup or control characters (DEL included), are refused. Pure.
 */
export declare const MAX_URL_VALUE_LENGTH = 512;
export declare function isSafeUrlValue(value: string): boolean;
