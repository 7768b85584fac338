/**
 * A call becomes a queued Segment event: its values made safe (one warning per problem), the event built
 * with the identity, time and page of the moment (core/events.ts), and the call's promise, callback and
 * emitted event tied to its hand-over. That is all a call costs its caller; the queue does the rest.
 */
import type { Dict } from '../core/types.js';
import type { BrowserPort } from '../browser/port.js';
import type { Clock } from './clock.js';
import { Context } from './context.js';
import type { CallItem } from './delivery.js';
import type { GroupStore, UserStore } from './identity.js';
export interface CallDeps {
    clock: Clock;
    newId(): string;
    browser: Pick<BrowserPort, 'snapshot' | 'navigatorFacts'>;
    user: UserStore;
    group: GroupStore;
    deviceIdFor(anonymousId: string | null): string | null;
    /** Load-level routing, as analytics-next stamps it on every event. */
    loadIntegrations(): Dict;
    /** Starts the call's callback clock, then queues it. */
    enqueue(item: CallItem): void;
    emit(type: string, args: unknown[]): void;
    warn(call: string, message: string, dropped: boolean): void;
}
export declare class Calls {
    private readonly deps;
    private readonly cache;
    constructor(deps: CallDeps);
    track(rawArgs: unknown[]): Promise<Context>;
    page(type: 'page' | 'screen', rawArgs: unknown[]): Promise<Context>;
    identify(rawArgs: unknown[]): Promise<Context>;
    /** group() with no arguments is the group store itself, as in analytics-next. */
    group(rawArgs: unknown[]): Promise<Context> | GroupStore;
    /** The user mapping goes out at hand-over, like any event: after middleware, routing and consent. */
    alias(rawArgs: unknown[]): Promise<Context>;
    /** A JSON-safe copy of page-given values; what had to go is said once, naming the call. */
    clean(call: string, value: Dict): Dict;
    /** A call that cannot be carried out: one warning, and a failed Context (analytics-next calls no callback either). */
    private reject;
    /** `options.anonymousId` on a call sets the visitor's anonymousId, as analytics-next does. */
    private applyAnonymousIdOption;
    private dispatch;
    /**
     * What analytics.js adds to every event's context besides the page (the Actions presets read it).
     * navigator.userAgent alone costs a single call microseconds to read, and it does not change on a page.
     */
    private contextFromPage;
}
