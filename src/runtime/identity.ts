/**
 * Segment's user and group stores, in Segment's own formats, so a visitor keeps the IDs analytics.js
 * gave them: ids in localStorage (JSON-quoted) and cookies (raw), traits in localStorage only.
 * Reads are get-and-sync like analytics-next: the value found is written back to every store.
 */
import type { Dict } from '../core/types.js';
import type { CookieOptions } from '../browser/cookies.js';
import type { SegmentStorage } from '../browser/port.js';
import { parseStoredValue } from '../core/stored-value.js';
import { isPlainObject } from '../core/values.js';

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

class EntityStore implements EntityStoreApi {
  /**
   * The values in force, read from storage once and then kept here: a call then costs no cookie or
   * storage access, and storage is written only when a value changes. invalidate() re-reads, for when
   * another tab may have changed them.
   */
  private cache = new Map<string, unknown>();

  constructor(
    protected readonly keys: EntityKeys,
    protected options: StoreOptions,
    private readonly storage: SegmentStorage,
  ) {}

  /**
   * Keys written by the page before the store was opened (identify, setAnonymousId, user().id(...)
   * before load): they win over stored values when it opens. Other cached values were only made up
   * in memory, and give way to what the visitor already has.
   */
  private explicit = new Set<string>();
  private opened = false;

  /**
   * Applies load's decision: persisted (cookies and localStorage) or memory only. Until then the store
   * lives in memory and touches no storage, so nothing is read or written before consent.
   */
  open(options: StoreOptions): void {
    const first = !this.opened;
    this.opened = true;
    this.options = options;
    if (!first || !options.persist) return;
    const pending = this.cache;
    this.cache = new Map();
    for (const [key, value] of pending) {
      const cookieToo = key !== this.keys.traits;
      if (this.explicit.has(key) || this.readStored(key, cookieToo) === null) this.writeValue(key, value, cookieToo);
    }
    this.explicit.clear();
  }

  /** Forget what was read, so the next read sees changes other tabs made. */
  invalidate(): void {
    if (this.options.persist) this.cache = new Map();
  }

  protected readValue(key: string, cookieToo: boolean): unknown {
    if (this.cache.has(key)) return this.cache.get(key);
    const value = this.options.persist ? this.readStored(key, cookieToo) : null;
    this.cache.set(key, value);
    // Get-and-sync, once: a value found in one store is written back to the others, as analytics-next does.
    if (value !== null) this.persist(key, value, cookieToo);
    return value;
  }

  protected writeValue(key: string, value: unknown, cookieToo: boolean, madeUp = false): void {
    const next = value === undefined ? null : value;
    if (!this.opened && !madeUp) this.explicit.add(key);
    if (this.cache.has(key) && sameValue(this.cache.get(key), next)) return;
    this.cache.set(key, next);
    this.persist(key, next, cookieToo);
  }

  private persist(key: string, value: unknown, cookieToo: boolean): void {
    if (!this.options.persist) return;
    if (value === null) {
      this.storage.localRemove(key);
      if (cookieToo) this.storage.removeCookie(key, this.options.cookie);
      return;
    }
    this.storage.localSet(key, JSON.stringify(value));
    if (cookieToo)
      this.storage.setCookie(key, typeof value === 'string' ? value : JSON.stringify(value), this.options.cookie);
  }

  private readStored(key: string, cookieToo: boolean): unknown {
    const local = this.storage.localGet(key);
    if (local !== null) {
      const parsed = parseStoredValue(local);
      if (parsed !== null) return parsed;
    }
    if (cookieToo) {
      const cookie = this.storage.getCookie(key);
      if (cookie !== undefined) return parseStoredValue(cookie);
    }
    return null;
  }

  id(value?: string | null): string | null {
    if (value !== undefined) {
      this.writeValue(this.keys.id, value === null ? null : String(value), true);
    }
    return storedId(this.readValue(this.keys.id, true));
  }

  traits(value?: Dict | null): Dict {
    if (value !== undefined) this.writeValue(this.keys.traits, isPlainObject(value) ? value : {}, false);
    const stored = this.readValue(this.keys.traits, false);
    return isPlainObject(stored) ? stored : {};
  }

  /** Same id (or none yet): traits merge. A different id: traits are replaced. */
  identify(id: string | null | undefined, traits: Dict | undefined): void {
    const current = this.id();
    const sameEntity = current === null || id === null || id === undefined || id === current;
    const next = { ...(sameEntity ? this.traits() : {}), ...traits };
    if (id) this.id(id);
    this.traits(next);
  }

  reset(): void {
    this.writeValue(this.keys.id, null, true);
    this.writeValue(this.keys.traits, null, false);
  }
}

const ANON_KEY = 'ajs_anonymous_id';

export class UserStore extends EntityStore {
  constructor(
    options: StoreOptions,
    storage: SegmentStorage,
    private readonly newId: () => string,
    /** Told whenever the anonymousId takes a new value, so the Amplitude device ID can follow it. */
    private readonly onAnonymousIdChange: (id: string | null) => void = () => undefined,
  ) {
    super({ id: 'ajs_user_id', traits: 'ajs_user_traits' }, options, storage);
  }

  override id(value?: string | null): string | null {
    if (value !== undefined && value !== null) {
      const previous = super.id();
      // analytics-next: a different, non-null user on this browser gets a fresh anonymousId.
      if (previous !== null && previous !== String(value)) this.anonymousId(null);
    }
    return super.id(value);
  }

  /** Lazily created: the first read makes and persists a UUID, as analytics-next does. */
  anonymousId(value?: string | null): string | null {
    if (value !== undefined) {
      const next = value === null ? null : String(value);
      const changed = next !== this.peekAnonymousId();
      this.writeValue(ANON_KEY, next, true);
      if (changed && next !== null) this.onAnonymousIdChange(next);
      if (next === null) return null;
    }
    const stored = this.peekAnonymousId();
    if (stored !== null) return stored;
    const fresh = this.newId();
    this.writeValue(ANON_KEY, fresh, true, true);
    this.onAnonymousIdChange(fresh);
    return fresh;
  }

  /** Reads without creating one (for deciding whether a visitor is new). */
  peekAnonymousId(): string | null {
    return storedId(this.readValue(ANON_KEY, true));
  }

  logout(): void {
    this.anonymousId(null);
    super.id(null);
    this.traits({});
  }

  override reset(): void {
    this.logout();
    super.reset();
    this.writeValue(ANON_KEY, null, true);
  }
}

export class GroupStore extends EntityStore {
  constructor(options: StoreOptions, storage: SegmentStorage) {
    super({ id: 'ajs_group_id', traits: 'ajs_group_properties' }, options, storage);
  }
}

/** An id as read back: nothing stored, or an empty string, is no id. */
function storedId(stored: unknown): string | null {
  return stored === null || stored === undefined || stored === '' ? null : String(stored);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
