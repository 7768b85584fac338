/**
 * What survives a page: one storage record per page holding the calls not yet handed to the SDK and
 * the events the browser has not taken over. Each page owns its record, so two tabs never overwrite
 * each other; a new page takes over the records of pages that have been left (or died) and sends them
 * under their original insert_ids. A page that was only hidden and finds its record taken over drops
 * those events, so they leave once. A page still open also takes over the record of a page that is
 * gone (closed, or navigated away), so a closed tab's events need no new page load to leave.
 */
import type { Clock } from '../runtime/clock.js';
import type { WireEvent } from './wire-types.js';
import type { Dict } from '../core/types.js';
import { attempt, isPlainObject } from '../core/values.js';

export interface KeyValueStore {
  get(key: string): string | null;
  /** false when storage is unavailable or full. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(): string[];
}

/** A Segment call the SDK had not received yet, as JSON (timestamp as an ISO string). */
export interface JournaledCall {
  event: Dict & { messageId: string; type: string; timestamp: string | Date };
  deviceId: string | null;
  referrer: string;
}

interface JournalRecord {
  v: 1;
  at: number;
  left: boolean;
  /** Left for good (pagehide), not only hidden: a page still open may take it over. */
  gone?: boolean;
  calls: JournaledCall[];
  events: WireEvent[];
}

export const JOURNAL_PREFIX = 'segment_amplitude_shim_unsent_';
/** Present while the endpoint's last answer, seen by any page of the site, was a failure. */
const FAILING_PREFIX = 'segment_amplitude_shim_failing_';
/** A record whose page has not written for this long, and never said it left, belonged to a page that died. */
export const STALE_RECORD_MS = 10 * 60 * 1000;
/** While the page is visible, at most one write per this many ms: persisting a long queue costs O(queue). */
export const WRITE_INTERVAL_MS = 250;
/** A visible page with something pending rewrites its record this often, so no other page thinks it died. */
const HEARTBEAT_MS = 60 * 1000;
const MAX_CALLS = 500;
const MAX_EVENTS = 1000;

export interface JournalContents {
  calls: JournaledCall[];
  events: WireEvent[];
}

export class ExitJournal {
  readonly key: string;
  private timer: unknown = undefined;
  private heartbeat: unknown = undefined;
  private left = false;
  private gone = false;
  /** insert_ids and messageIds in the record this page last wrote (to notice a takeover). */
  private written = new Set<string>();
  private writtenLeft = false;

  /** The start of the API key, which names the site's keys (as the SDK names its own). */
  private readonly site: string;
  /** The site's records start with it (this page's, `${prefix}_${pageId}`, and the lock's name). */
  private readonly prefix: string;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    apiKey: string,
    pageId: string,
    private readonly contents: () => JournalContents,
  ) {
    this.site = apiKey.slice(0, 10);
    this.prefix = JOURNAL_PREFIX + this.site;
    this.key = `${this.prefix}_${pageId}`;
  }

  /** Something pending changed: write soon (at once when the page has been left). */
  changed(): void {
    if (this.timer !== undefined) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.write();
      },
      this.left ? 0 : WRITE_INTERVAL_MS,
    );
  }

  /** The page is being left or hidden (`gone`: left, by pagehide): write now, synchronously. */
  pageLeft(gone = false): void {
    this.left = true;
    this.gone = this.gone || gone;
    this.write();
  }

  /** The page is visible again: its record goes back to being a live page's. */
  pageShown(): void {
    this.left = false;
    this.gone = false;
    this.changed();
  }

  /** Writes the record now (removes it when nothing is pending). */
  write(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    const { calls, events } = this.contents();
    if (calls.length === 0 && events.length === 0) {
      if (this.written.size || this.writtenLeft) this.store.remove(this.key);
      this.written = new Set();
      this.writtenLeft = false;
      this.stopHeartbeat();
      return;
    }
    const record: JournalRecord = {
      v: 1,
      at: this.clock.now(),
      left: this.left,
      // Written only when true: JSON leaves an undefined key out.
      gone: this.gone || undefined,
      calls: calls.slice(-MAX_CALLS),
      events: events.slice(-MAX_EVENTS),
    };
    if (this.store.set(this.key, JSON.stringify(record))) {
      this.written = new Set([...record.calls.map((c) => c.event.messageId), ...record.events.map((e) => e.insert_id)]);
      this.writtenLeft = this.left;
    }
    this.startHeartbeat();
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) return;
    this.heartbeat = this.clock.setTimeout(() => {
      this.heartbeat = undefined;
      this.write();
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat === undefined) return;
    this.clock.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
  }

  /**
   * Ids another page has taken over since this page last wrote its record as left (they must not be
   * sent again from here). Empty when the record is still there.
   */
  takenOver(): Set<string> | undefined {
    if (!this.writtenLeft || this.written.size === 0) return undefined;
    if (this.store.get(this.key) !== null) return undefined;
    const taken = this.written;
    this.written = new Set();
    this.writtenLeft = false;
    return taken;
  }

  /** The name under which pages of the site take turns to take over records (see takeover.ts). */
  get lockName(): string {
    return `${this.prefix}_takeover`;
  }

  /** Remembers, for the pages that follow, whether the endpoint's last answer was a failure. */
  noteEndpoint(healthy: boolean): void {
    const key = FAILING_PREFIX + this.site;
    if (healthy) this.store.remove(key);
    else this.store.set(key, String(this.clock.now()));
  }

  endpointFailing(): boolean {
    return this.store.get(FAILING_PREFIX + this.site) !== null;
  }

  /**
   * Takes over the records of pages that were left or died, and of the previous storage formats
   * (the shim's single journal key, and the SDK's own unsent queue). Removes what it took.
   * With `goneFor` (a page still open looking for orphans): only records of pages gone for at least
   * that long, or dead, so that a page's own next page, which claims at once, is not raced.
   */
  claim(goneFor?: number): JournalContents {
    const now = this.clock.now();
    const calls: JournaledCall[] = [];
    const events: WireEvent[] = [];
    const prefix = this.prefix;
    const legacySdkKey = `AMP_unsent_${this.site}`;
    for (const key of this.store.keys()) {
      if (key === this.key) continue;
      const isRecord = key.startsWith(`${prefix}_`);
      const isLegacyJournal = key === prefix;
      if (!isRecord && !isLegacyJournal && key !== legacySdkKey) continue;
      if (goneFor !== undefined && !isRecord) continue;
      const parsed = parse(this.store.get(key));
      if (isRecord) {
        const record = parsed as Partial<JournalRecord> | undefined;
        if (!record || typeof record !== 'object') {
          this.store.remove(key);
          continue;
        }
        const stale = typeof record.at !== 'number' || now - record.at > STALE_RECORD_MS;
        const dead =
          goneFor === undefined
            ? record.left === true || stale
            : stale || (record.gone === true && now - (record.at as number) >= goneFor);
        if (!dead) continue;
        calls.push(...validCalls(record.calls));
        events.push(...validEvents(record.events));
      } else if (isLegacyJournal) {
        calls.push(...validCalls(parsed));
      } else {
        events.push(...validEvents(parsed));
      }
      this.store.remove(key);
    }
    return { calls, events };
  }
}

function parse(raw: string | null): unknown {
  return raw === null ? undefined : attempt(() => JSON.parse(raw) as unknown, undefined);
}

function validCalls(list: unknown): JournaledCall[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is JournaledCall =>
      isPlainObject(c) &&
      isPlainObject(c.event) &&
      typeof c.event.messageId === 'string' &&
      typeof c.event.type === 'string',
  );
}

function validEvents(list: unknown): WireEvent[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is WireEvent => isPlainObject(e) && typeof e.event_type === 'string' && typeof e.insert_id === 'string',
  );
}
