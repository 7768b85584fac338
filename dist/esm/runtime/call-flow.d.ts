/**
 * The path every call takes once queued: the queue runs its stages, then hands consecutive ready calls
 * to delivery, in call order; after each hand-over the SDK's cookie is brought up to the identity the
 * calls carried. An internal failure settles the call it hit as failed and the queue keeps going.
 */
import type { Clock } from './clock.js';
import { CallQueue } from './call-queue.js';
import { Delivery, type CallItem, type Prepared } from './delivery.js';
import type { Pipeline } from './pipeline.js';
import type { Stages } from './stages.js';
import type { Logger } from './log.js';
export interface CallFlowDeps {
    clock: Clock;
    stages: Stages;
    pipeline(): Pipeline | null;
    deviceId(): string;
    /** Runs after each hand-over (the SDK's identity follows the calls). */
    afterHandOver(): void;
    aliasUrl(): unknown;
    post(url: string, body: unknown): Promise<boolean>;
    logger: Logger;
}
export declare function createCallFlow(deps: CallFlowDeps): {
    queue: CallQueue<CallItem, Prepared>;
    delivery: Delivery;
};
