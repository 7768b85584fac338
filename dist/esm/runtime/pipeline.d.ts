import type { LoadPlan } from '../core/load-plan.js';
import type { DestinationMode } from '../modes/mode.js';
import type { CookieOptions } from '../browser/cookies.js';
import { type EnvelopeFacts } from '../wire/envelope.js';
import { Outbox, type Transport } from '../wire/outbox.js';
import { ExitJournal, type JournaledCall, type KeyValueStore } from '../wire/exit-journal.js';
import type { Clock } from './clock.js';
import { SessionClock, type SessionState, type SessionTicket } from './session.js';
export interface PipelineDeps {
    writeKey: string;
    clock: Clock;
    transport: Transport;
    /** Where the journal lives when the page may persist (localStorage in the browser). */
    store: KeyValueStore;
    memoryStore(): KeyValueStore;
    newId(): string;
    navigatorFacts: {
        userAgent?: string;
        language?: string;
    };
    /** Calls not handed over yet, for the journal. */
    pendingCalls(): JournaledCall[];
    /** The session changed at a hand-over: the SDK's cookie follows. */
    persistSession(state: SessionState): void;
    keepSegmentSession(id: number, lastAccess: number, cookie: CookieOptions): void;
    warn(message: string): void;
}
export declare class Pipeline {
    readonly mode: DestinationMode;
    readonly outbox: Outbox;
    readonly journal: ExitJournal;
    readonly session: SessionClock;
    readonly facts: EnvelopeFacts;
    constructor(plan: LoadPlan, deps: PipelineDeps);
    openSession(now: number): SessionTicket;
    /** The page is being left or hidden: the browser takes what it can, the journal keeps the rest. */
    exit(): void;
}
