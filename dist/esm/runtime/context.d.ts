/** The Context object analytics-next resolves every call with (the subset pages actually read). */
import type { SegmentEvent } from '../core/types.js';
export interface DeliveryFailure {
    reason: string;
}
export declare class Context {
    readonly event: SegmentEvent | {
        type: string;
        messageId?: string;
    };
    attempts: number;
    readonly stats: {
        metrics: unknown[];
    };
    private failure;
    private readonly logLines;
    constructor(event: SegmentEvent | {
        type: string;
        messageId?: string;
    });
    get id(): string;
    setFailedDelivery(failure: DeliveryFailure): void;
    failedDelivery(): DeliveryFailure | undefined;
    log(level: string, message: string): void;
    logs(): {
        level: string;
        message: string;
    }[];
    isSame(other: Context): boolean;
    toJSON(): {
        id: string;
        event: unknown;
    };
}
/** What a call that could not be carried out resolves with (analytics-next calls no callback either). */
export declare function failedContext(type: string, reason: string): Promise<Context>;
