/**
 * The fields the SDK's context plugin would add, added here at hand-over so an event is complete (and
 * can be beaconed) the moment the shim hands it over, with no timeline tick in between. Pure.
 */
import type { AmplitudeEvent } from '../core/types.js';
import type { WireEvent } from './outbox.js';
export interface EventStamp {
    userId: string | null | undefined;
    deviceId: string;
    /** The Segment call's time, not the hand-over time (pitfall P4). */
    time: number;
    insertId: string;
}
export interface SessionStamp {
    sessionId: number | undefined;
    eventId: number;
}
export interface EnvelopeFacts {
    library: string;
    userAgent?: string;
    language?: string;
    appVersion?: string;
    /** The SDK's trackingOptions: platform, language and IP can each be turned off. */
    platform: boolean;
    ipAddress: boolean;
    sourceName: string;
    sourceVersion: string;
}
/** The envelope's constant fields, from the page's raw SDK options (as the SDK would read them). */
export declare function envelopeFacts(sdkOptions: Record<string, unknown>, nav: {
    userAgent?: string;
    language?: string;
} | undefined, library: string, source: {
    name: string;
    version: string;
}): EnvelopeFacts;
export declare function wireEvent(event: AmplitudeEvent, stamp: EventStamp, session: SessionStamp, facts: EnvelopeFacts): WireEvent;
