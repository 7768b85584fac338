/** Cookie text (`document.cookie`, or a request's `Cookie:` header) as name/value pairs. Pure. */
/** A string, or the array some server frameworks give; the first value of a name wins. */
export declare function parseCookieHeader(header: string | string[] | undefined | null): Record<string, string>;
