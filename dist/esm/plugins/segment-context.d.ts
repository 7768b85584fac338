/**
 * The Context that analytics-next hands to a plugin's `load` and to its per-call hooks: the event, a
 * way to change it by path, a way to cancel it, and per-event logs and metrics. Plugins written for
 * analytics-next (Amplitude's Segment Session Replay wrapper among them) use exactly these members,
 * so their names and behaviour follow `@segment/analytics-core`'s Context (see docs/plugins.md).
 */
import type { SegmentEvent } from '../core/types.js';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface LogMessage {
    level: LogLevel;
    message: string;
    time: Date;
    extras?: Record<string, unknown>;
}
export interface Metric {
    metric: string;
    value: number;
    type: 'counter' | 'gauge';
    tags: string[];
    timestamp: number;
}
/** What `ctx.cancel()` throws. A plugin may also throw its own copy of analytics-next's class. */
export declare class ContextCancelation {
    retry: boolean;
    type: string;
    reason: string;
    constructor({ retry, type, reason, }?: {
        retry?: boolean;
        reason?: string;
        type?: string;
    });
}
/**
 * True for our ContextCancelation and for one from a plugin's own bundle of analytics-next, which
 * `instanceof` cannot recognise: both are plain objects with a boolean `retry` and a string `type`.
 */
export declare function isCancelation(value: unknown): value is ContextCancelation;
/** Per-event counters and gauges, kept on the context as analytics-next keeps them; never sent. */
declare class ContextStats {
    metrics: Metric[];
    increment(metric: string, by?: number, tags?: string[]): void;
    gauge(metric: string, value: number, tags?: string[]): void;
    flush(): void;
    serialize(): Metric[];
}
export declare class SegmentContext {
    event: SegmentEvent;
    stats: ContextStats;
    /** 1 once the event has been dispatched; analytics-next counts retries here, we never retry. */
    attempts: number;
    private readonly messages;
    private failure?;
    private ctxId?;
    constructor(event: SegmentEvent, id?: string);
    /** The context `register` and `deregister` resolve to: not an event anyone sends. */
    static system(): SegmentContext;
    get id(): string;
    isSame(other: SegmentContext): boolean;
    /** Throws, as analytics-next's does: a `before` plugin that calls it cancels the event. */
    cancel(error?: unknown): never;
    log(level: LogLevel, message: string, extras?: Record<string, unknown>): void;
    logs(): LogMessage[];
    /**
     * Sets `value` at a dotted path, creating objects (or arrays, before a numeric key) on the way.
     * A path into an integration that the event turned off (`integrations.X` is false) is ignored, so a
     * plugin cannot switch a destination back on with its settings.
     */
    updateEvent(path: string, value: unknown): SegmentEvent;
    failedDelivery(): {
        reason: unknown;
    } | undefined;
    setFailedDelivery(options: {
        reason: unknown;
    }): void;
    flush(): void;
    toJSON(): {
        id: string;
        event: SegmentEvent;
        logs: LogMessage[];
        metrics: Metric[];
    };
}
export {};
