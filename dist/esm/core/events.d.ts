/**
 * Builds Segment events the way analytics-next's EventFactory does: options folded into context and
 * integrations, page context attached, identity stamped last. Pure: the clock and ids come in as inputs.
 */
import type { Dict, PageContext, SegmentEvent, SegmentEventType } from './types.js';
export interface EventBody {
    type: SegmentEventType;
    event?: string;
    name?: string | null;
    category?: string | null;
    properties?: Dict;
    traits?: Dict;
    groupId?: string | null;
    previousId?: string | null;
    userId?: string | null;
}
export interface EventEnvironment {
    page: PageContext;
    userId: string | null;
    anonymousId: string | null;
    now: Date;
    messageId: string;
    /** Load-time `integrations`, already coerced to booleans (analytics-next does the same). */
    loadIntegrations: Dict;
    /** What analytics.js adds to every context (campaign, userAgent, locale, library); the call's own context wins. */
    context?: Dict;
}
export declare function buildEvent(body: EventBody, rawOptions: Dict, env: EventEnvironment): SegmentEvent;
/** Load options' integrations as analytics-next keeps them on events: every value coerced to a boolean. */
export declare function coerceIntegrations(value: unknown): Dict;
/** Whether Segment's routing rules would hand this event to the Amplitude destination. */
export declare function isAmplitudeEnabled(integrations: Dict, name: string): boolean;
