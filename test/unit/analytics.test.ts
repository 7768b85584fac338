// The window.analytics runtime against a recording driver and transport, on fake timers: call order,
// identity stamping, reset, device-ID following, ready, callback timing, exit and storage formats.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_PREFIX } from '../../src/wire/exit-journal';
import { memoryStore } from '../../src/browser/storage';
import type { Dict } from '../../src/core/types';
import { KEY, clearBrowserStorage, make, run } from './runtime-harness';
import { LIBRARY } from '../../src/core/version';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  clearBrowserStorage();
  history.replaceState(null, '', '/page');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('call order and identity stamping', () => {
  it('calls made while the SDK is still starting leave at once, in true call order, each with the identity it was made under', async () => {
    const { analytics, driver, transport, load } = make({}, { holdInit: true });
    load();
    analytics.track('A');
    analytics.identify('user-1', { plan: 'pro' });
    analytics.track('B');
    await run();
    // Events are complete without the SDK (P6 cannot happen): nothing waits for its start.
    expect(transport.types()).toEqual(['A', '$identify', 'B']);
    driver.finishInit();
    await run();
    expect(transport.types()).toEqual(['A', '$identify', 'B']);
    expect(driver.sessions[0].sessionId).toBe(transport.wire[0].session_id); // the SDK adopts the shim's session
    expect(transport.wire.map((e) => e.user_id ?? null)).toEqual([null, 'user-1', 'user-1']);
    expect(transport.wire[1].user_properties).toEqual({ $set: { plan: 'pro', id: 'user-1' } });
  });

  it('an event made just before reset() keeps the old user and device; reset reaches the SDK between them', async () => {
    const { analytics, driver, transport, load } = make();
    load();
    await run();
    analytics.identify('alice');
    analytics.track('before logout');
    analytics.reset();
    analytics.identify('bob');
    analytics.track('after bob');
    await run();
    const before = transport.wire.find((e) => e.event_type === 'before logout')!;
    const after = transport.wire.find((e) => e.event_type === 'after bob')!;
    expect(before.user_id).toBe('alice');
    expect(after.user_id).toBe('bob');
    expect(after.device_id).not.toBe(before.device_id);
    const resetAt = driver.calls.findIndex((c) => c.startsWith('reset:'));
    const handovers = driver.calls.map((c, i) => (c === 'persist' ? i : -1)).filter((i) => i >= 0);
    expect(handovers.some((i) => i < resetAt)).toBe(true);
    expect(handovers.some((i) => i > resetAt)).toBe(true);
  });

  it('stamps insert_id with the messageId, time with the call time, and the session and envelope fields', async () => {
    const { analytics, driver, transport, load } = make({ trackAllPages: true, trackReferrer: false });
    const loadedAt = Date.now();
    load();
    await run();
    const pending = analytics.page('Docs', 'Index');
    await run();
    const ctx = await pending;
    const ids = transport.wire.map((e) => e.insert_id);
    expect(ids).toEqual([ctx.event.messageId, `${ctx.event.messageId}-1`, `${ctx.event.messageId}-2`]);
    expect(ctx.event.messageId).toMatch(/^ajs-next-\d+-[0-9a-f-]{36}$/);
    for (const e of transport.wire) {
      expect(e.time).toBe(ctx.event.timestamp.getTime());
      expect(e).toMatchObject({
        session_id: loadedAt,
        platform: 'Web',
        ip: '$remote',
        library: LIBRARY,
        language: navigator.language,
        user_agent: navigator.userAgent,
      });
    }
    expect(transport.wire.map((e) => e.event_id)).toEqual([0, 1, 2]);
    expect(driver.sessions.at(-1)).toMatchObject({ sessionId: loadedAt, lastEventId: 2 });
    expect(driver.initOptions?.sessionId).toBe(loadedAt);
  });

  it('a burst of calls in one task is handed over in one drain and leaves in few requests', async () => {
    const { analytics, driver, transport, load } = make();
    load();
    await run();
    const before = driver.calls.filter((c) => c === 'persist').length;
    for (let i = 0; i < 100; i++) analytics.track('Burst', { i });
    await run();
    expect(driver.calls.filter((c) => c === 'persist').length - before).toBe(1);
    expect(transport.wire.map((e) => (e.event_properties as Dict).i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(transport.posts.length).toBe(Math.ceil(100 / 30));
  });
});

describe('promises and callbacks (analytics-next timing)', () => {
  it('a call resolves as soon as it is handed over, with no timer left behind', async () => {
    const { analytics, load } = make();
    load();
    await run();
    let resolved = false;
    void analytics.track('Quick').then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2); // the outbox's flush and the journal's write, nothing per call
  });

  it('a callback runs at hand-over; while a slow middleware holds the event, at the timeout at the latest', async () => {
    const { analytics, transport, load } = make();
    analytics.timeout(50);
    load();
    analytics.addSourceMiddleware(
      ({ payload, next }: { payload: unknown; next: (p: unknown) => void }) => new Promise<void>((r) => setTimeout(() => (next(payload), r()), 500)),
    );
    const seen: string[] = [];
    const pending = analytics.track('Held', {}, () => seen.push('callback'));
    await vi.advanceTimersByTimeAsync(49);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['callback']);
    await run(1000);
    expect(seen).toEqual(['callback']); // once only
    expect((await pending).event.event).toBe('Held');
    expect(transport.types()).toEqual(['Held']);
  });

  it('callback and emitted event receive analytics-next arguments; a rejecting async callback is contained', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, load } = make();
    load();
    analytics.debug(true);
    await run();
    const seen: unknown[][] = [];
    analytics.on('track', (...args: unknown[]) => seen.push(args));
    let callbackCtx: unknown;
    const pending = analytics.track('Clicked', { a: 1 }, async (c: unknown) => {
      callbackCtx = c;
      throw new Error('async site bug');
    });
    await run();
    const ctx = await pending;
    expect(callbackCtx).toBe(ctx);
    expect(seen).toEqual([['Clicked', { a: 1 }, undefined]]);
    expect(warn.mock.calls.some((c) => String(c[0]).includes('analytics.track(): callback failed: Error: async site bug'))).toBe(true);
    expect(ctx.logs().some((l: { message: string }) => l.message.includes('async site bug'))).toBe(true);
  });
});

describe('middleware', () => {
  it('source middleware can change or drop events; destination middleware only affects Amplitude', async () => {
    const { analytics, transport, load } = make();
    load();
    await run();
    analytics.addSourceMiddleware(({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      if ((payload.obj.event as string) === 'drop') return;
      (payload.obj.properties as Dict).touched = true;
      next(payload);
    });
    analytics.addDestinationMiddleware('amplitude', ({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      if ((payload.obj.event as string) === 'not for amplitude') next(null);
      else next(payload);
    });
    const kept = analytics.track('kept');
    const notForAmplitude = analytics.track('not for amplitude');
    const dropped = analytics.track('drop');
    await run();
    expect(transport.types()).toEqual(['kept']);
    expect(transport.wire[0].event_properties).toEqual({ touched: true });
    expect((await dropped).failedDelivery()).toEqual({ reason: 'dropped by source middleware' });
    expect((await notForAmplitude).failedDelivery()).toBeUndefined();
    expect((await kept).event.properties).toEqual({ touched: true });
  });

  it('a source middleware that returns without calling next drops its event at once, silently', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, transport, load } = make();
    load();
    await run();
    analytics.addSourceMiddleware(({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      if (payload.obj.event === 'later') setTimeout(() => next(payload), 10);
      else next(payload);
    });
    let settled = false;
    void analytics.track('later').then(() => (settled = true));
    analytics.track('after');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    await run();
    expect(transport.types()).toEqual(['after']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('an asynchronous middleware holds hand-over in call order, never longer than its timeout', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, transport, load } = make();
    load();
    await run();
    analytics.addSourceMiddleware(({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      if (payload.obj.event === 'slow') return new Promise<void>((r) => setTimeout(() => (next(payload), r()), 200));
      if (payload.obj.event === 'stuck') return new Promise(() => undefined);
      next(payload);
      return undefined;
    });
    analytics.track('slow');
    analytics.track('fast');
    analytics.track('stuck');
    analytics.track('last');
    await vi.advanceTimersByTimeAsync(100);
    expect(transport.types()).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(transport.types()).toEqual(['slow', 'fast']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.types()).toEqual(['slow', 'fast', 'last']);
  });

  it('middleware registered while calls wait for the SDK applies to them', async () => {
    const { analytics, driver, transport, load } = make({}, { holdInit: true });
    load();
    analytics.track('queued');
    analytics.addSourceMiddleware(({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      (payload.obj.properties as Dict).late = true;
      next(payload);
    });
    driver.finishInit();
    await run();
    expect(transport.wire[0].event_properties).toEqual({ late: true });
  });
});

describe('leaving the page', () => {
  const journalKeys = (store: { keys(): string[] }) => store.keys().filter((k) => k.startsWith(JOURNAL_PREFIX));

  it('hands every waiting call and event to the beacon at once, and journals nothing', async () => {
    const { analytics, core, transport, store, load } = make();
    load();
    await run();
    analytics.track('Just Before Leaving'); // still in the call queue: no tick has passed
    core.lifecycle.exit();
    expect(transport.beacons).toHaveLength(1);
    expect(transport.types()).toEqual(['Just Before Leaving']);
    expect(journalKeys(store)).toEqual([]);
    core.lifecycle.exit(); // visibilitychange, then pagehide
    await run(5000);
    expect(transport.types()).toEqual(['Just Before Leaving']);
  });

  it('a keepalive request in flight at exit counts as sent, even if the page then sees it fail', async () => {
    const { analytics, core, transport, store, load } = make();
    load();
    await run();
    let fail: (v: null) => void = () => undefined;
    transport.answer = () => new Promise((r) => (fail = r));
    analytics.track('In Flight');
    await run(20);
    expect(transport.posts).toHaveLength(1);
    expect(transport.posts[0].keepalive).toBe(true);
    core.lifecycle.exit();
    fail(null);
    core.lifecycle.exit();
    await run(5000);
    expect(transport.types()).toEqual(['In Flight']);
    expect(journalKeys(store)).toEqual([]);
  });

  it('what the browser refuses is journaled, and the next page sends it under the same insert_id, time and IDs', async () => {
    const store = memoryStore();
    const first = make({}, { store });
    first.load();
    await run();
    first.transport.beaconAccepts = false;
    const ctx = first.analytics.track('Left Behind', { n: 1 });
    first.core.lifecycle.exit();
    expect(first.transport.wire).toHaveLength(0);
    expect(journalKeys(store)).toHaveLength(1);

    const next = make({}, { store });
    next.load();
    next.analytics.track('On Next Page');
    await run();
    const event = (await ctx).event;
    expect(next.transport.types()).toEqual(['Left Behind', 'On Next Page']);
    expect(next.transport.wire[0]).toMatchObject({ insert_id: event.messageId, time: event.timestamp.getTime(), event_properties: { n: 1 } });
    expect(journalKeys(store)).toEqual([]);
  });

  it('calls not handed over yet (held by middleware) are journaled with their original time, and sent once by the next page', async () => {
    const store = memoryStore();
    const first = make({}, { store });
    first.load();
    first.analytics.addSourceMiddleware(() => new Promise(() => undefined));
    const ctx = first.analytics.track('Waiting', { n: 2 });
    await run(10);
    first.core.lifecycle.exit();
    const [key] = journalKeys(store);
    const record = JSON.parse(store.get(key)!);
    expect(record.calls.map((c: { event: Dict }) => c.event.event)).toEqual(['Waiting']);
    expect(record.left).toBe(true);

    const next = make({}, { store });
    next.load();
    await run();
    const event = (await Promise.race([ctx, Promise.resolve(undefined)])) ?? undefined;
    expect(event).toBeUndefined(); // the first page never handed it over
    expect(next.transport.types()).toEqual(['Waiting']);
    expect(next.transport.wire[0].insert_id).toBe(record.calls[0].event.messageId);
    expect(next.transport.wire[0].time).toBe(new Date(record.calls[0].event.timestamp).getTime());
  });

  it('a page that was only hidden and comes back keeps sending, and its record no longer says it left', async () => {
    const store = memoryStore();
    const { analytics, core, transport, load } = make({}, { store });
    load();
    transport.isOnline = false;
    analytics.track('Hidden Then Shown');
    await run();
    core.lifecycle.exit();
    core.lifecycle.shown();
    await run(300);
    const [key] = journalKeys(store);
    expect(JSON.parse(store.get(key)!).left).toBe(false);
    // A page loading now must not take a live page's calls.
    const other = make({}, { store });
    other.load();
    await run();
    expect(other.transport.wire).toHaveLength(0);
  });

  it('a hidden page whose record another page took over does not send those events again', async () => {
    const store = memoryStore();
    const hidden = make({}, { store });
    hidden.load();
    await run();
    hidden.transport.isOnline = false;
    hidden.analytics.track('Offline In Hidden Tab');
    await run();
    hidden.core.lifecycle.exit(); // offline: nothing handed over, all journaled
    const next = make({}, { store });
    next.load();
    await run();
    expect(next.transport.types()).toEqual(['Offline In Hidden Tab']);
    hidden.transport.isOnline = true;
    hidden.core.lifecycle.online();
    await run(5000);
    expect(hidden.transport.wire).toHaveLength(0);
  });
});

describe('ready()', () => {
  it('fires once the SDK is initialized and the queued calls were handed over', async () => {
    const { analytics, driver, transport, load } = make({}, { holdInit: true });
    const handedOver: string[] = [];
    const seenAtReady: string[][] = [];
    analytics.ready(() => seenAtReady.push([...handedOver]));
    void analytics.track('queued 1').then(() => handedOver.push('queued 1'));
    void analytics.track('queued 2').then(() => handedOver.push('queued 2'));
    load();
    await run();
    expect(seenAtReady).toEqual([]); // the SDK has not started
    driver.finishInit();
    await run();
    expect(await analytics.ready()).toEqual([]);
    expect(seenAtReady).toEqual([['queued 1', 'queued 2']]);
    expect(transport.types()).toEqual(['queued 1', 'queued 2']);
  });

  it('runs a callback registered after ready at once, and survives a throwing or rejecting callback', async () => {
    const { analytics, load } = make();
    load();
    await run();
    let ran = 0;
    await analytics.ready(() => {
      ran++;
      throw new Error('site bug');
    });
    await analytics.ready(async () => {
      ran++;
      throw new Error('async site bug');
    });
    expect(ran).toBe(2);
  });
});

describe('alias(): the user mapping goes to the aliasUrl at hand-over, like an event', () => {
  const mappingsPosted = (fetchSpy: ReturnType<typeof vi.fn>) =>
    fetchSpy.mock.calls.filter(([url]) => url === '/api/alias').map(([, init]) => JSON.parse((init as { body: string }).body));
  const spyFetch = () => {
    const fetchSpy = vi.fn(() => Promise.resolve(new Response('{}', { status: 200 })));
    vi.stubGlobal('fetch', fetchSpy);
    return fetchSpy;
  };
  afterEach(() => vi.unstubAllGlobals());

  it('posts {userId, previousId} once, sends no Amplitude event, and respects middleware and routing', async () => {
    const fetchSpy = spyFetch();
    const { analytics, transport, load } = make();
    analytics.addSourceMiddleware(({ payload, next }: Dict) => {
      const event = (payload as Dict).obj as Dict;
      if (event.userId === 'dropped-by-middleware') return null;
      return (next as (p: unknown) => void)(payload);
    });
    load({ aliasUrl: '/api/alias' });
    void analytics.alias('new-id', 'old-id');
    void analytics.alias('dropped-by-middleware', 'old-id');
    void analytics.alias('routed-away', 'old-id', { integrations: { Amplitude: false } });
    void analytics.alias('same-id', 'same-id');
    await run();
    expect(mappingsPosted(fetchSpy)).toEqual([{ userId: 'new-id', previousId: 'old-id' }]);
    expect(transport.wire).toEqual([]);
  });

  it('sends nothing while Amplitude is off for the page (consent refused)', async () => {
    const fetchSpy = spyFetch();
    const { analytics, load } = make();
    load({ aliasUrl: '/api/alias', disable: true });
    void analytics.alias('new-id', 'old-id');
    await run();
    expect(mappingsPosted(fetchSpy)).toEqual([]);
  });

  it('in Actions mode, a call made before load follows the Alias Calls mapping, which sees the whole event', async () => {
    const fetchSpy = spyFetch();
    const { analytics, core } = make();
    void analytics.alias('new-id', 'old-id', { context: { traits: { crm: 'crm-7' } } });
    core.load(KEY, {
      aliasUrl: '/api/alias',
      integrations: { 'Actions Amplitude': { mappings: { 'Alias Calls': { global_user_id: { '@path': '$.context.traits.crm' } } } } },
    });
    await run();
    expect(mappingsPosted(fetchSpy)).toEqual([{ userId: 'crm-7', previousId: 'old-id' }]);
  });
});

describe('context.campaign and the browser facts', () => {
  it("each event gets its own campaign from the URL of its call; an edit to one event's copy stays there", async () => {
    const { analytics, load } = make();
    const seen: Dict[] = [];
    analytics.addSourceMiddleware(({ payload, next }: Dict) => {
      const event = (payload as Dict).obj as Dict;
      seen.push(structuredClone((event.context as Dict).campaign as Dict));
      ((event.context as Dict).campaign as Dict).source = 'edited by middleware';
      return (next as (p: unknown) => void)(payload);
    });
    load();
    history.replaceState(null, '', '/page?utm_source=first&utm_campaign=spring');
    void analytics.track('One');
    void analytics.track('Two');
    history.replaceState(null, '', '/page?utm_source=second');
    void analytics.track('Three');
    await run();
    expect(seen).toEqual([{ source: 'first', name: 'spring' }, { source: 'first', name: 'spring' }, { source: 'second' }]);
  });
});

describe('load() puts the first request ahead of deferrable work', () => {
  it("the SDK's init (its cookie probing) starts only after the calls queued at load, replayed ones included, have left", async () => {
    const { analytics, core, driver, transport } = make();
    const initDoneAtPost: boolean[] = [];
    transport.answer = () => {
      initDoneAtPost.push(driver.calls.some((c) => c.startsWith('init')));
      return { status: 200, body: { code: 200 } };
    };
    void analytics.track('before load');
    core.load(KEY, { integrations: { Amplitude: {} } }, () => void analytics.track('replayed'));
    await run();
    expect(transport.types()).toEqual(['before load', 'replayed']);
    expect(initDoneAtPost).toEqual([false]);
    expect(driver.calls.filter((c) => c.startsWith('init'))).toHaveLength(1);
    expect(await analytics.ready()).toEqual([]);
  });

  it('with batching, nothing leaves yet, and the SDK still starts (and ready fires) at once', async () => {
    const { analytics, driver, transport, load } = make({ batchEvents: true });
    let ready = false;
    analytics.ready(() => (ready = true));
    void analytics.track('waits for its batch');
    load();
    await run(10);
    expect(driver.calls.filter((c) => c.startsWith('init'))).toHaveLength(1);
    expect(ready).toBe(true);
    expect(transport.posts).toHaveLength(0);
  });

  it('work deferred after that point still runs, in a timer of its own, and a failure in it is contained', async () => {
    const { core, driver, load } = make();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    load();
    await run();
    const ran: string[] = [];
    core.deferred.add(() => {
      throw new Error('boom');
    });
    core.deferred.add(() => ran.push('late'));
    expect(ran).toEqual([]);
    await run(1);
    expect(ran).toEqual(['late']);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/internal error: .*boom/);
    expect(driver.calls.filter((c) => c.startsWith('init'))).toHaveLength(1);
  });
});

describe('load()', () => {
  it('initializes once; a second load warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, driver, core } = make();
    core.load(KEY, {});
    analytics.load(KEY, {});
    analytics.load(KEY, {});
    await run();
    expect(driver.calls.filter((c) => c.startsWith('init:'))).toHaveLength(1);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('load() was called again'))).toHaveLength(1);
  });

  it('passes the catalog defaults and the resolved device ID to the driver', async () => {
    const { driver, load } = make();
    load();
    await run();
    expect(driver.initOptions?.settings.trackReferrer).toBe(true);
    expect(driver.initOptions?.settings.useLogRevenueV2).toBe(true);
    expect(driver.initOptions?.deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('device ID follows the anonymousId when preferAnonymousIdForDeviceId is on', () => {
  it('at load, on setAnonymousId, on user().anonymousId(x) and on reset', async () => {
    const { analytics, driver, transport, load, core } = make({ preferAnonymousIdForDeviceId: true });
    load();
    await run();
    const amp = analytics.amplitude as { getDeviceId(): string };
    const user = analytics.user();
    expect(driver.initOptions?.deviceId).toBe(user.anonymousId());
    analytics.setAnonymousId('anon-set-explicitly-1');
    expect(amp.getDeviceId()).toBe('anon-set-explicitly-1');
    user.anonymousId('anon-set-explicitly-2');
    expect(amp.getDeviceId()).toBe('anon-set-explicitly-2');
    analytics.track('E');
    await run();
    expect(transport.wire.at(-1)!.device_id).toBe('anon-set-explicitly-2');
    analytics.reset();
    const fresh = user.anonymousId();
    expect(fresh).not.toBe('anon-set-explicitly-2');
    expect(amp.getDeviceId()).toBe(fresh);
    expect(core.deviceIdSource).toBe('anonymousId');
    await run();
    expect(driver.calls).toContain(`reset:${fresh}`);
  });

  it('takes ajs_aid from the URL before anything is sent', async () => {
    history.replaceState(null, '', '/page?ajs_aid=from-the-link-123');
    const { driver, load } = make({ preferAnonymousIdForDeviceId: true });
    load();
    await run();
    expect(driver.initOptions?.deviceId).toBe('from-the-link-123');
  });

  it('with the preference off, reset() issues a new random device ID', async () => {
    const { analytics, driver, load } = make();
    load();
    await run();
    const amp = analytics.amplitude as { getDeviceId(): string; getDeviceIdSource(): string };
    const first = amp.getDeviceId();
    analytics.reset();
    await run();
    expect(amp.getDeviceId()).not.toBe(first);
    expect(amp.getDeviceIdSource()).toBe('new');
    expect(driver.calls).toContain(`reset:${amp.getDeviceId()}`);
  });
});

describe('reset()', () => {
  it('clears the Segment user, traits and group, makes a new anonymousId and emits reset', async () => {
    const { analytics, load } = make();
    load();
    await run();
    analytics.identify('u1', { a: 1 });
    analytics.group('g1', { b: 2 });
    await run();
    const before = analytics.user().anonymousId();
    let resets = 0;
    analytics.on('reset', () => resets++);
    analytics.reset();
    expect(resets).toBe(1);
    for (const key of ['ajs_user_id', 'ajs_user_traits', 'ajs_group_id', 'ajs_group_properties']) {
      expect(localStorage.getItem(key)).toBeNull();
      expect(document.cookie).not.toContain(`${key}=`);
    }
    const user = analytics.user();
    expect(user.id()).toBeNull();
    expect(user.traits()).toEqual({});
    expect(user.anonymousId()).not.toBe(before);
  });
});

describe('identity storage: Segment formats, written only when a value changes', () => {
  it('anonymousId is raw in the cookie and JSON-quoted in localStorage', () => {
    const { analytics, load } = make();
    load();
    const anon = analytics.user().anonymousId();
    expect(anon).toHaveLength(36);
    expect(localStorage.getItem('ajs_anonymous_id')).toBe(JSON.stringify(anon));
    expect(document.cookie).toContain(`ajs_anonymous_id=${anon}`);
  });

  it('with disableClientPersistence, IDs live in memory only: no cookie, no localStorage', async () => {
    const { analytics, core } = make();
    core.load(KEY, { disableClientPersistence: true });
    analytics.identify('memory-user', { a: 1 });
    await run();
    const user = analytics.user();
    expect(user.id()).toBe('memory-user');
    expect(user.anonymousId()).toHaveLength(36);
    expect(localStorage.length).toBe(0);
    expect(document.cookie).not.toContain('ajs_');
  });

  it('numeric cookie ids and unquoted localStorage values are read', () => {
    document.cookie = 'ajs_user_id=1234; path=/';
    localStorage.setItem('ajs_anonymous_id', 'abc-def');
    const { analytics, load } = make();
    load();
    const user = analytics.user();
    expect(user.id()).toBe('1234');
    expect(user.anonymousId()).toBe('abc-def');
  });

  it('a visitor who already has Segment IDs keeps them', async () => {
    document.cookie = 'ajs_anonymous_id=existing-anon-id-0001; path=/';
    localStorage.setItem('ajs_user_id', '"existing-user"');
    const { analytics, transport, load } = make({ preferAnonymousIdForDeviceId: true });
    load();
    analytics.track('x');
    await run();
    expect(transport.wire[0]).toMatchObject({ user_id: 'existing-user', device_id: 'existing-anon-id-0001' });
  });

  it('traits merge for the same user and are replaced for a new one', () => {
    const { analytics, load } = make();
    load();
    analytics.identify('id', { one: 1 });
    analytics.identify('id', { two: 2 });
    expect(analytics.user().traits()).toEqual({ one: 1, two: 2 });
    analytics.identify('new', { three: 3 });
    expect(analytics.user().traits()).toEqual({ three: 3 });
    expect(JSON.parse(localStorage.getItem('ajs_user_traits')!)).toEqual({ three: 3 });
  });

  it('a long trait is kept whole in user() and ajs_user_traits, and cut to 4096 characters only on the wire', async () => {
    // analytics.js stores what the page gave; amplitude-js cut strings as it sent them.
    const long = 'x'.repeat(5000);
    const { analytics, transport, load } = make();
    load();
    analytics.identify('id', { bio: long, nested: { note: long } });
    await run();
    expect(analytics.user().traits()).toEqual({ bio: long, nested: { note: long } });
    expect(JSON.parse(localStorage.getItem('ajs_user_traits')!)).toEqual({ bio: long, nested: { note: long } });
    const identify = transport.wire.find((e) => e.event_type === '$identify')!;
    expect((identify.user_properties as Dict).$set).toMatchObject({ bio: 'x'.repeat(4096), nested: { note: 'x'.repeat(4096) } });
  });

  it('a long group trait is kept whole in group() and ajs_group_properties', async () => {
    const long = 'y'.repeat(4097);
    const { analytics, load } = make();
    load();
    analytics.group('g', { about: long });
    await run();
    expect(analytics.group().traits()).toEqual({ about: long });
    expect(JSON.parse(localStorage.getItem('ajs_group_properties')!)).toEqual({ about: long });
  });

  it('identifying a different user issues a new anonymousId', () => {
    const { analytics } = make();
    const user = analytics.user();
    analytics.identify('foo');
    const a = user.anonymousId();
    analytics.identify('foo');
    expect(user.anonymousId()).toBe(a);
    analytics.identify('baz');
    expect(user.anonymousId()).not.toBe(a);
  });

  it("a different user with an anonymousId in the call's options keeps that anonymousId, as analytics-next does", () => {
    const { analytics } = make();
    analytics.identify('first');
    analytics.identify('second', {}, { anonymousId: 'anon-from-options' });
    expect(analytics.user().anonymousId()).toBe('anon-from-options');
  });

  it('a trait given as undefined removes the stored trait (a shallow merge, as analytics-next did)', () => {
    const { analytics } = make();
    analytics.identify({ name: 'Ada', plan: 'pro' });
    analytics.identify('u1', { name: undefined });
    expect(analytics.user().traits()).toEqual({ plan: 'pro' });
  });

  it('setAnonymousId returns what it set; with no argument it returns the current one', () => {
    const { analytics } = make();
    expect(analytics.setAnonymousId('🦹‍♀️')).toBe('🦹‍♀️');
    expect(analytics.setAnonymousId()).toBe('🦹‍♀️');
  });

  it("a thousand calls read and write no storage once the IDs are known; another tab's change is seen after invalidation", async () => {
    const { analytics, core, load } = make();
    load();
    analytics.identify('steady-user');
    await run();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const cookieWrites = vi.spyOn(document, 'cookie', 'set');
    for (let i = 0; i < 1000; i++) analytics.track('Steady', { i });
    expect(setItem.mock.calls.filter(([k]) => String(k).startsWith('ajs_'))).toEqual([]);
    expect(getItem.mock.calls.filter(([k]) => String(k).startsWith('ajs_'))).toEqual([]);
    expect(cookieWrites).not.toHaveBeenCalled();
    cookieWrites.mockRestore();
    localStorage.setItem('ajs_user_id', '"changed-elsewhere"');
    expect(analytics.user().id()).toBe('steady-user');
    core.lifecycle.storageChanged();
    expect(analytics.user().id()).toBe('changed-elsewhere');
  });
});

describe('API surface', () => {
  it('group() with no arguments returns the group synchronously', () => {
    const { analytics } = make();
    analytics.group('g1', { name: 'Acme' });
    const group = analytics.group();
    expect(group.id()).toBe('g1');
    expect(group.traits()).toEqual({ name: 'Acme' });
    expect(group.anonymousId()).toBeUndefined();
  });

  it('integrations {Amplitude:false} and {All:false} keep an event from Amplitude', async () => {
    const { analytics, transport, load } = make();
    load();
    analytics.track('skip me', {}, { integrations: { Amplitude: false } });
    analytics.track('skip me too', {}, { integrations: { All: false } });
    analytics.track('keep me', {}, { integrations: { All: false, Amplitude: true } });
    await run();
    expect(transport.types()).toEqual(['keep me']);
  });

  it('push([...]) still works after load, and on/once/off chain', async () => {
    const { analytics, transport, load } = make();
    load();
    await run();
    const fn = () => undefined;
    expect(analytics.on('track', fn)).toBe(analytics);
    expect(analytics.off('track', fn)).toBe(analytics);
    analytics.push(['track', 'Pushed', { via: 'push' }]);
    await run();
    expect(transport.wire.at(-1)).toMatchObject({ event_type: 'Pushed', event_properties: { via: 'push' } });
  });

  it('push() of an array it cannot read (a revoked Proxy, throwing traps) calls nothing and says it needs a method name', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, transport, load } = make();
    load();
    await run();
    // A refusal that loses no data is told in debug mode, once per text.
    analytics.debug(true);
    const revocable = Proxy.revocable([] as unknown[], {});
    revocable.revoke();
    const throwing = new Proxy(['track', 'Hidden'], {
      get: () => {
        throw new Error('hostile');
      },
    });
    expect(analytics.push(revocable.proxy)).toBeUndefined();
    expect(analytics.push(throwing)).toBeUndefined();
    await run();
    expect(warn.mock.calls.map((c) => c.map(String).join(' '))).toEqual([
      expect.stringContaining('analytics.push(): expects an array whose first item is a method name'),
    ]);
    expect(transport.wire).toHaveLength(0);
  });

  it('warn-only deprecated members exist and do nothing', () => {
    const { analytics } = make();
    for (const name of [
      'log',
      'addIntegrationMiddleware',
      'listeners',
      'addEventListener',
      'removeAllListeners',
      'removeListener',
      'removeEventListener',
      'hasListeners',
      'add',
      'addIntegration',
    ]) {
      expect(typeof analytics[name]).toBe('function');
      expect(analytics[name]()).toBeUndefined();
    }
    expect(analytics.VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a missing event name warns, resolves a failed context and sends nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, transport, load } = make();
    load();
    await run();
    const ctx = await analytics.track();
    await analytics.track('');
    await run();
    expect(ctx.failedDelivery()).toBeTruthy();
    expect(transport.wire).toHaveLength(0);
    expect(warn.mock.calls.some((c) => String(c[0]).includes('analytics.track()') && String(c[0]).includes('event name is missing'))).toBe(true);
  });
});
