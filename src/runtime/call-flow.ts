/**
 * The path every call takes once queued: the queue runs its stages, then hands consecutive ready calls
 * to delivery, in call order; after each hand-over the SDK's cookie is brought up to the identity the
 * calls carried. An internal failure settles the call it hit as failed and the queue keeps going.
 */
import type { Clock } from './clock.js';
import { CallQueue } from './call-queue.js';
import { Delivery, type CallItem, type Prepared } from './delivery.js';
import { describe } from './page-code.js';
import type { Pipeline } from './pipeline.js';
import type { Stages } from './stages.js';
import { mapUser } from './user-mapping.js';
import type { Logger } from './log.js';

export interface CallFlowDeps {
  clock: Clock;
  stages: Stages;
  pipeline(): Pipeline | null;
  deviceId(): string;
  userId(): string | null;
  newId(): string;
  /** Runs after each hand-over (the SDK's identity follows the calls). */
  afterHandOver(): void;
  aliasUrl(): unknown;
  post(url: string, body: unknown): Promise<boolean>;
  logger: Logger;
}

export function createCallFlow(deps: CallFlowDeps): { queue: CallQueue<CallItem, Prepared>; delivery: Delivery } {
  const { logger } = deps;
  const warn = (call: string, message: string, dropped: boolean) => logger.problem(call, message, dropped);
  // Delivery takes the clock, pipeline and identity from the call flow's own deps.
  const delivery = new Delivery({
    ...deps,
    mapUser: (mapping) =>
      mapUser(mapping, { aliasUrl: deps.aliasUrl, post: deps.post, warn: (m, d) => warn('analytics.alias()', m, d) }),
    warn,
    debug: (message) => logger.debug(message),
  });
  const queue = new CallQueue<CallItem, Prepared>({
    clock: deps.clock,
    prepare: (item) => deps.stages.prepare(item),
    handOver: (calls) => {
      delivery.handOver(calls);
      deps.afterHandOver();
      for (const call of calls) deps.stages.afterHandOver(call.prepared);
    },
    fail: (error, item) => {
      warn('analytics', `internal error: ${describe(error)}`, true);
      if (item) {
        item.ctx.setFailedDelivery({ reason: 'internal error' });
        delivery.settle(item);
      }
    },
  });
  return { queue, delivery };
}
