/**
 * analytics-next's middleware contract. A middleware that calls `next` synchronously keeps the event on
 * the synchronous path (no promise, no timer), so pages with simple middleware pay nothing for it. One
 * that returns without calling `next` cancels the event at once, as analytics-next does; one that
 * returns a promise is awaited, bounded by a timeout.
 */
import type { Clock } from './clock.js';
import type { Dict, SegmentEvent } from '../core/types.js';
interface MiddlewarePayload {
    obj: SegmentEvent;
    type(): string;
    event(): string | undefined;
}
export type Middleware = (ctx: {
    payload: MiddlewarePayload;
    integrations?: Dict;
    integration?: string;
    next: (payload?: MiddlewarePayload | null) => void;
}) => unknown;
/** The longest a middleware's returned promise may hold its event. */
export declare const MIDDLEWARE_TIMEOUT_MS = 1000;
export type ChainResult = SegmentEvent | null | Promise<SegmentEvent | null>;
export interface ChainDeps {
    clock: Clock;
    /** One warning per problem; `dropped` tells whether data was lost. */
    warn: (message: string, dropped: boolean) => void;
}
/**
 * Runs `chain` over `event`. Source middleware (no `integration`): next(null) passes the event through
 * unchanged. Destination middleware: next(null) drops the event for that destination.
 */
export declare function runChain(chain: readonly Middleware[], event: SegmentEvent, integration: string | undefined, deps: ChainDeps): ChainResult;
export {};
