// The exit journal on a fake clock and an in-memory store: one record per page, written rarely while
// the page is visible and at once when it is left, taken over only from pages that are gone.
import { describe, expect, it } from 'vitest';
import { ExitJournal, JOURNAL_PREFIX, STALE_RECORD_MS, WRITE_INTERVAL_MS, type JournalContents, type JournaledCall } from '../../src/wire/exit-journal';
import { memoryStore } from '../../src/browser/storage';
import type { WireEvent } from '../../src/wire/wire-types';
import { FakeClock } from './fake-clock';

const KEY = 'api-key-0123456789';
const call = (id: string): JournaledCall => ({
  event: { messageId: id, type: 'track', timestamp: '2026-11-29T00:00:00.000Z', event: id },
  deviceId: 'd',
  referrer: '',
});
const event = (id: string): WireEvent => ({ event_type: id, insert_id: id });

function page(store = memoryStore(), clock = new FakeClock(), id = 'page-1') {
  const contents: JournalContents = { calls: [], events: [] };
  let writes = 0;
  const counting = { ...store, set: (k: string, v: string) => (writes++, store.set(k, v)) };
  const journal = new ExitJournal(counting, clock, KEY, id, () => contents);
  return { journal, contents, store, clock, writes: () => writes };
}

describe('writing', () => {
  it('coalesces changes while visible into one write per interval', () => {
    const p = page();
    p.contents.events.push(event('a'));
    for (let i = 0; i < 100; i++) p.journal.changed();
    expect(p.writes()).toBe(0);
    p.clock.advance(WRITE_INTERVAL_MS);
    expect(p.writes()).toBe(1);
    expect(JSON.parse(p.store.get(p.journal.key)!)).toMatchObject({ v: 1, left: false, events: [event('a')], calls: [] });
  });

  it('writes at once when the page is left, and removes the record once nothing is pending', () => {
    const p = page();
    p.contents.calls.push(call('c1'));
    p.journal.pageLeft();
    expect(JSON.parse(p.store.get(p.journal.key)!).left).toBe(true);
    p.contents.calls.length = 0;
    p.journal.changed();
    p.clock.advance(0);
    expect(p.store.get(p.journal.key)).toBeNull();
  });

  it("pageShown() turns the record back into a live page's", () => {
    const p = page();
    p.contents.events.push(event('a'));
    p.journal.pageLeft();
    p.journal.pageShown();
    p.clock.advance(WRITE_INTERVAL_MS);
    expect(JSON.parse(p.store.get(p.journal.key)!).left).toBe(false);
  });
});

describe('taking over', () => {
  it("takes the records of pages that were left, and of pages silent for too long, never a live page's", () => {
    const store = memoryStore();
    const clock = new FakeClock();
    const left = page(store, clock, 'left');
    left.contents.calls.push(call('from-left'));
    left.journal.pageLeft();
    const live = page(store, clock, 'live');
    live.contents.events.push(event('from-live'));
    live.journal.write();
    const dead = page(store, new FakeClock(), 'dead'); // its timers never run again
    dead.contents.events.push(event('from-dead'));
    dead.journal.write();
    clock.advance(STALE_RECORD_MS - 1000);
    live.journal.write(); // still alive: it rewrites
    clock.advance(2000);

    const next = page(store, clock, 'next');
    const taken = next.journal.claim();
    expect(taken.calls.map((c) => c.event.messageId)).toEqual(['from-left']);
    expect(taken.events.map((e) => e.insert_id)).toEqual(['from-dead']);
    expect(store.keys().sort()).toEqual([live.journal.key]);
  });

  it("also takes the previous formats: the single journal key and the SDK's unsent queue", () => {
    const store = memoryStore();
    store.set(JOURNAL_PREFIX + KEY.slice(0, 10), JSON.stringify([call('old-journal'), { junk: true }]));
    store.set(`AMP_unsent_${KEY.slice(0, 10)}`, JSON.stringify([event('sdk-queue'), 'junk']));
    store.set(`${JOURNAL_PREFIX}${KEY.slice(0, 10)}_broken`, '{not json');
    store.set('unrelated', 'keep');
    const taken = page(store).journal.claim();
    expect(taken.calls.map((c) => c.event.messageId)).toEqual(['old-journal']);
    expect(taken.events.map((e) => e.insert_id)).toEqual(['sdk-queue']);
    expect(store.keys()).toEqual(['unrelated']);
  });

  it('a hidden page learns which of its events another page took, once', () => {
    const store = memoryStore();
    const hidden = page(store, new FakeClock(), 'hidden');
    hidden.contents.events.push(event('e1'));
    hidden.contents.calls.push(call('c1'));
    hidden.journal.pageLeft();
    expect(hidden.journal.takenOver()).toBeUndefined(); // still there
    page(store, new FakeClock(), 'next').journal.claim();
    expect([...(hidden.journal.takenOver() ?? [])].sort()).toEqual(['c1', 'e1']);
    expect(hidden.journal.takenOver()).toBeUndefined();
  });

  it('a page that removed its own empty record is not mistaken for one taken over', () => {
    const p = page();
    p.contents.events.push(event('e1'));
    p.journal.pageLeft();
    p.contents.events.length = 0;
    p.journal.write();
    expect(p.journal.takenOver()).toBeUndefined();
  });
});

describe('pages still open, and the endpoint state', () => {
  it('a page still open takes only records of pages gone (pagehide) for the grace period, or dead; never a hidden one', () => {
    const store = memoryStore();
    const clock = new FakeClock();
    const gone = page(store, clock, 'gone');
    gone.contents.events.push(event('from-gone'));
    gone.journal.pageLeft(true);
    const hidden = page(store, clock, 'hidden');
    hidden.contents.events.push(event('from-hidden'));
    hidden.journal.pageLeft();
    store.set(`AMP_unsent_${KEY.slice(0, 10)}`, JSON.stringify([event('sdk-queue')]));
    const open = page(store, clock, 'open');
    expect(open.journal.claim(3000).events).toEqual([]); // too soon: the gone page's own next page goes first
    clock.advance(3000);
    expect(open.journal.claim(3000).events.map((e) => e.insert_id)).toEqual(['from-gone']);
    expect(store.keys().sort()).toEqual([`AMP_unsent_${KEY.slice(0, 10)}`, hidden.journal.key].sort());
    // A new page still takes both, as before.
    expect(
      page(store, clock, 'next')
        .journal.claim()
        .events.map((e) => e.insert_id)
        .sort(),
    ).toEqual(['from-hidden', 'sdk-queue']);
  });

  it('pageShown() makes a gone record a live one again', () => {
    const store = memoryStore();
    const clock = new FakeClock();
    const p = page(store, clock, 'bfcache');
    p.contents.events.push(event('e'));
    p.journal.pageLeft(true);
    p.journal.pageShown();
    p.clock.advance(WRITE_INTERVAL_MS);
    clock.advance(10000);
    expect(page(store, clock, 'open').journal.claim(3000).events).toEqual([]);
  });

  it('remembers for the next pages whether the endpoint last failed', () => {
    const store = memoryStore();
    const a = page(store);
    expect(a.journal.endpointFailing()).toBe(false);
    a.journal.noteEndpoint(false);
    expect(page(store, new FakeClock(), 'b').journal.endpointFailing()).toBe(true);
    expect(page(store, new FakeClock(), 'c').journal.claim()).toEqual({ calls: [], events: [] }); // not mistaken for a record
    a.journal.noteEndpoint(true);
    expect(page(store, new FakeClock(), 'd').journal.endpointFailing()).toBe(false);
  });
});
