/** Shapes shared by the pure translation layer and the runtime. */
export type Dict = Record<string, unknown>;
/** The five page fields analytics-next fills for every event (context.page) and for page properties. */
export interface PageContext {
    path: string;
    referrer: string;
    search: string;
    title: string;
    url: string;
}
/**
 * Page state as captured when a call was made: either by the 5.x snippet (`{__t:'bpc'}` argument)
 * or read from the DOM by the shim. `canonical` is the href of `link[rel=canonical]`, if any.
 */
export interface PageSnapshot {
    canonical?: string;
    pathname: string;
    href: string;
    search: string;
    title: string;
    referrer: string;
}
export type SegmentEventType = 'track' | 'page' | 'screen' | 'identify' | 'group' | 'alias';
/** A Segment event as analytics-next builds it, before any destination sees it. */
export interface SegmentEvent {
    type: SegmentEventType;
    event?: string;
    name?: string | null;
    category?: string | null;
    properties?: Dict;
    traits?: Dict;
    userId?: string | null;
    anonymousId?: string | null;
    groupId?: string | null;
    previousId?: string | null;
    messageId: string;
    timestamp: Date;
    context: Dict & {
        page: PageContext;
    };
    integrations: Dict;
}
/** One event for Amplitude, as the translation decides it; ids and time are stamped by the adapter. */
export interface AmplitudeEvent {
    event_type: string;
    /** Set by a translation that decides the ids, time and session itself (Actions mode); else stamped at hand-over. */
    user_id?: string | null;
    device_id?: string;
    time?: number;
    session_id?: number;
    group_properties?: Dict;
    event_properties?: Dict;
    user_properties?: Dict;
    groups?: Dict;
    app_version?: string;
    /** Revenue fields of the HTTP API, set on `revenue_amount` events. */
    price?: number;
    quantity?: number;
    revenue?: number;
    productId?: string;
    revenueType?: string;
}
/** What the translation asks of Amplitude for one Segment event, in order. */
export type AmplitudeOperation = {
    op: 'event';
    event: AmplitudeEvent;
}
/** Amplitude's user mapping (previousId's events merge into userId's), which only its server API takes. */
 | {
    op: 'mapUser';
    userId: string;
    previousId: string;
};
