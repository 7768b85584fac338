/**
 * analytics-next's argument resolution, rule for rule (its arguments-resolver), so every call form a site
 * already uses means the same thing here. Pure.
 */
import type { Dict, PageSnapshot } from './types.js';
export type Callback = (...args: unknown[]) => unknown;
/** The 5.x snippet's buffered page context: `{__t:'bpc', ...}` with no other keys. */
export declare function isBufferedPageContext(value: unknown): boolean;
/** Removes a trailing buffered page context, returning it separately. */
export declare function splitPageContext(args: unknown[]): {
    args: unknown[];
    snapshot?: PageSnapshot;
};
export interface ResolvedTrack {
    name: unknown;
    properties: Dict;
    options: Dict;
    callback?: Callback;
}
export declare function resolveTrackArguments(args: unknown[]): ResolvedTrack;
export interface ResolvedPage {
    category: string | null;
    name: string | null;
    properties: Dict;
    options: Dict;
    callback?: Callback;
}
export declare function resolvePageArguments(input: unknown[]): ResolvedPage;
export interface ResolvedEntity {
    /** undefined: keep the stored id. null: explicitly none given (still keeps the stored id, as analytics-next). */
    id: string | null | undefined;
    traits: Dict | undefined;
    options: Dict;
    callback?: Callback;
}
/** identify([id], [traits], [options], [cb]) and group([id], [traits], [options], [cb]). */
export declare function resolveEntityArguments(args: unknown[]): ResolvedEntity;
export interface ResolvedAlias {
    to: string | undefined;
    from: string | null;
    options: Dict;
    callback?: Callback;
}
export declare function resolveAliasArguments(input: unknown[]): ResolvedAlias;
