export interface QueryStringCalls {
    anonymousId?: string;
    identify?: {
        userId: string;
        traits: Record<string, string>;
    };
    track?: {
        event: string;
        properties: Record<string, string>;
    };
}
/** Parses `?a=1&b=2` (or the `?…` part of a hash) leniently; for repeated keys the last value wins. */
export declare function parseQuery(search: string): Record<string, string>;
export declare function queryStringCalls(search: string, hash: string): {
    calls: QueryStringCalls;
    warnings: string[];
};
