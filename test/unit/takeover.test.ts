// A page still open takes over what gone pages left, through a site-wide lock, and carries the
// endpoint's state to the pages that follow. Fake clock, in-memory store, a lock the test controls.
import { describe, expect, it } from 'vitest';
import { ExitJournal, type JournalContents } from '../../src/wire/exit-journal';
import { createOutbox } from '../../src/wire/outbox';
import type { WireEvent } from '../../src/wire/wire-types';
import { TAKEOVER_GRACE_MS, Takeover, type SiteLock } from '../../src/wire/takeover';
import { memoryStore } from '../../src/browser/storage';
import { FakeClock } from './fake-clock';
import { RecordingTransport } from './runtime-harness';

const KEY = 'api-key-0123456789';
const event = (id: string): WireEvent => ({ event_type: id, insert_id: id, device_id: 'device-1' });

function site() {
  const store = memoryStore();
  const clock = new FakeClock();
  /** One holder at a time, as navigator.locks grants it; queued work runs when the test releases. */
  const queued: Array<() => void> = [];
  const lock: SiteLock = (_name, work) => (queued.push(work), true);
  const runLocked = () => {
    while (queued.length) (queued.shift() as () => void)();
  };
  const pageOf = (id: string, withLock: SiteLock = lock) => {
    const contents: JournalContents = { calls: [], events: [] };
    const journal = new ExitJournal(store, clock, KEY, id, () => contents);
    const outbox = createOutbox(
      { apiKey: KEY, serverUrl: 'u', batchSize: 30, flushIntervalMs: 10, uploadThreshold: 0, throttleMs: 30000 },
      { clock, transport: new RecordingTransport(), onChange: () => undefined, warn: () => undefined },
    );
    const adopted: string[] = [];
    const takeover = new Takeover(clock, journal, outbox, (left) => adopted.push(...left.events.map((e) => e.insert_id)), withLock);
    return { contents, journal, outbox, takeover, adopted };
  };
  return { store, clock, pageOf, runLocked };
}

describe('a page still open takes over', () => {
  it("a gone page's record once the grace has passed, through the lock, and only one of two open pages gets it", () => {
    const s = site();
    const gone = s.pageOf('gone');
    gone.contents.events.push(event('left-behind'));
    gone.journal.pageLeft(true);
    const one = s.pageOf('one');
    const two = s.pageOf('two');
    one.takeover.noticed();
    two.takeover.noticed();
    s.clock.advance(TAKEOVER_GRACE_MS - 1);
    s.runLocked();
    expect([...one.adopted, ...two.adopted]).toEqual([]);
    s.clock.advance(200);
    s.runLocked();
    expect([...one.adopted, ...two.adopted]).toEqual(['left-behind']);
    expect(s.store.keys()).toEqual([]);
  });

  it('when the endpoint answers again, at once', () => {
    const s = site();
    const gone = s.pageOf('gone');
    gone.contents.events.push(event('left-behind'));
    gone.journal.pageLeft(true);
    s.clock.advance(TAKEOVER_GRACE_MS);
    const open = s.pageOf('open');
    open.takeover.endpointAnswered(false);
    s.runLocked();
    expect(open.adopted).toEqual([]);
    open.takeover.endpointAnswered(true);
    s.runLocked();
    expect(open.adopted).toEqual(['left-behind']);
  });

  it('without Web Locks, nothing: the record waits for the next page load', () => {
    const s = site();
    const gone = s.pageOf('gone');
    gone.contents.events.push(event('left-behind'));
    gone.journal.pageLeft(true);
    const open = s.pageOf('open', () => false);
    s.clock.advance(TAKEOVER_GRACE_MS);
    open.takeover.endpointAnswered(true);
    open.takeover.noticed();
    s.clock.advance(TAKEOVER_GRACE_MS + 200);
    expect(open.adopted).toEqual([]);
    expect(s.store.keys()).toEqual([gone.journal.key]);
  });
});

describe("the endpoint's state, from page to page", () => {
  it('a page opened after a failure starts out assuming the endpoint fails, until it answers', () => {
    const s = site();
    s.pageOf('first').takeover.endpointAnswered(false);
    const next = s.pageOf('next');
    next.outbox.add(event('a'));
    next.outbox.exit();
    expect(next.outbox.unsent().map((e) => e.insert_id)).toEqual(['a']);
    next.takeover.endpointAnswered(true);
    const after = s.pageOf('after');
    after.outbox.add(event('b'));
    after.outbox.exit();
    expect(after.outbox.unsent()).toEqual([]);
  });
});
