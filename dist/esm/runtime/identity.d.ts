/**
 * Segment's user and group stores, in Segment's own formats, so a visitor keeps the IDs analytics.js
 * gave them: ids in localStorage (JSON-quoted) and cookies (raw), traits in localStorage only.
 * Reads are get-and-sync like analytics-next: the value found is written back to every store.
 */
import type { Dict } from '../core/types.js';
import type { CookieOptions } from '../browser/cookies.js';
import type { SegmentStorage } from '../browser/port.js';
interface EntityKeys {
    id: string;
    traits: string;
}
export interface StoreOptions {
    /** false: memory only (analytics-next's `user.persist:false` / `disableClientPersistence`). */
    persist: boolean;
    cookie: CookieOptions;
}
/** What user() and group() expose of a store. */
export interface EntityStoreApi {
    id(value?: string | null): string | null;
    traits(value?: Dict | null): Dict;
}
declare class EntityStore implements EntityStoreApi {
    protected readonly keys: EntityKeys;
    protected options: StoreOptions;
    private readonly storage;
    /**
     * The values in force, read from storage once and then kept here: a call then costs no cookie or
     * storage access, and storage is written only when a value changes. invalidate() re-reads, for when
     * another tab may have changed them.
     */
    private cache;
    constructor(keys: EntityKeys, options: StoreOptions, storage: SegmentStorage);
    /**
     * Keys written by the page before the store was opened (identify, setAnonymousId, user().id(...)
     * before load): they win over stored values when it opens. Other cached values were only made up
     * in memory, and give way to what the visitor already has.
     */
    private explicit;
    private opened;
    /**
     * Applies load's decision: persisted (cookies and localStorage) or memory only. Until then the store
     * lives in memory and touches no storage, so nothing is read or written before consent.
     */
    open(options: StoreOptions): void;
    /** Forget what was read, so the next read sees changes other tabs made. */
    invalidate(): void;
    protected readValue(key: string, cookieToo: boolean): unknown;
    protected writeValue(key: string, value: unknown, cookieToo: boolean, madeUp?: boolean): void;
    private persist;
    private readStored;
    id(value?: string | null): string | null;
    traits(value?: Dict | null): Dict;
    /** Same id (or none yet): traits merge. A different id: traits are replaced. */
    identify(id: string | null | undefined, traits: Dict | undefined): void;
    reset(): void;
}
export declare class UserStore extends EntityStore {
    private readonly newId;
    /** Told whenever the anonymousId takes a new value, so the Amplitude device ID can follow it. */
    private readonly onAnonymousIdChange;
    constructor(options: StoreOptions, storage: SegmentStorage, newId: () => string, 
    /** Told whenever the anonymousId takes a new value, so the Amplitude device ID can follow it. */
    onAnonymousIdChange?: (id: string | null) => void);
    id(value?: string | null): string | null;
    /** Lazily created: the first read makes and persists a UUID, as analytics-next does. */
    anonymousId(value?: string | null): string | null;
    /** Reads without creating one (for deciding whether a visitor is new). */
    peekAnonymousId(): string | null;
    logout(): void;
    reset(): void;
}
export declare class GroupStore extends EntityStore {
    constructor(options: StoreOptions, storage: SegmentStorage);
}
export {};
