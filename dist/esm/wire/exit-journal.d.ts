/**
 * What survives a page: one storage record per page holding the calls not yet handed to the SDK and
 * the events the browser has not taken over. Each page owns its record, so two tabs never overwrite
 * each other; a new page takes over the records of pages that have been left (or died) and sends them
 * under their original insert_ids. A page that was only hidden and finds its record taken over drops
 * those events, so they leave once.
 */
import type { Clock } from '../runtime/clock.js';
import type { WireEvent } from './outbox.js';
import type { Dict } from '../core/types.js';
export interface KeyValueStore {
    get(key: string): string | null;
    /** false when storage is unavailable or full. */
    set(key: string, value: string): boolean;
    remove(key: string): void;
    keys(): string[];
}
/** A Segment call the SDK had not received yet, as JSON (timestamp as an ISO string). */
export interface JournaledCall {
    event: Dict & {
        messageId: string;
        type: string;
        timestamp: string | Date;
    };
    deviceId: string | null;
    referrer: string;
}
export declare const JOURNAL_PREFIX = "segment_amplitude_shim_unsent_";
/** A record whose page has not written for this long, and never said it left, belonged to a page that died. */
export declare const STALE_RECORD_MS: number;
/** While the page is visible, at most one write per this many ms: persisting a long queue costs O(queue). */
export declare const WRITE_INTERVAL_MS = 250;
export interface JournalContents {
    calls: JournaledCall[];
    events: WireEvent[];
}
export declare class ExitJournal {
    private readonly store;
    private readonly clock;
    private readonly apiKey;
    private readonly contents;
    readonly key: string;
    private timer;
    private heartbeat;
    private left;
    /** insert_ids and messageIds in the record this page last wrote (to notice a takeover). */
    private written;
    private writtenLeft;
    constructor(store: KeyValueStore, clock: Clock, apiKey: string, pageId: string, contents: () => JournalContents);
    private prefix;
    /** Something pending changed: write soon (at once when the page has been left). */
    changed(): void;
    /** The page is being left or hidden: write now, synchronously. */
    pageLeft(): void;
    /** The page is visible again: its record goes back to being a live page's. */
    pageShown(): void;
    /** Writes the record now (removes it when nothing is pending). */
    write(): void;
    private startHeartbeat;
    private stopHeartbeat;
    /**
     * Ids another page has taken over since this page last wrote its record as left (they must not be
     * sent again from here). Empty when the record is still there.
     */
    takenOver(): Set<string> | undefined;
    /**
     * Takes over the records of pages that were left or died, and of the previous storage formats
     * (the shim's single journal key, and the SDK's own unsent queue). Removes what it took.
     */
    claim(): JournalContents;
}
