// The window.analytics runtime against a recording Amplitude driver: call order, identity stamping,
// reset, device-ID following, ready, callbacks and storage formats.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalyticsCore } from '../../src/analytics';
import { attachPublicApi } from '../../src/public-api';
import type { AdapterInit, AmplitudeDriver, DeliveryResult, EventStamp } from '../../src/amplitude-adapter';
import type { AmplitudeEvent, Dict } from '../../src/types';

interface Sent {
  event: AmplitudeEvent;
  stamp: EventStamp;
}

class RecordingDriver implements AmplitudeDriver {
  readonly client = {};
  sent: Sent[] = [];
  calls: string[] = [];
  initOptions: AdapterInit | undefined;
  private release: () => void = () => undefined;
  private readonly initGate = new Promise<void>((r) => (this.release = r));
  constructor(private readonly holdInit = false) {}
  init(options: AdapterInit): Promise<void> {
    this.initOptions = options;
    this.calls.push(`init:${options.deviceId}`);
    return this.holdInit ? this.initGate : Promise.resolve();
  }
  finishInit(): void {
    this.release();
  }
  /** When set, events stay "handed over but not yet queued" until releaseQueued(). */
  holdQueued = false;
  private held: Array<() => void> = [];
  send(event: AmplitudeEvent, stamp: EventStamp): Promise<DeliveryResult> {
    this.sent.push({ event, stamp });
    this.calls.push(`send:${event.event_type}`);
    if (stamp.onQueued) {
      if (this.holdQueued) this.held.push(stamp.onQueued);
      else stamp.onQueued();
    }
    return Promise.resolve({ code: 200, message: 'ok' });
  }
  releaseQueued(): void {
    for (const fn of this.held.splice(0)) fn();
  }
  setUserId(userId: string | null): void {
    this.calls.push(`setUserId:${userId}`);
  }
  setDeviceId(deviceId: string): void {
    this.calls.push(`setDeviceId:${deviceId}`);
  }
  reset(deviceId: string): void {
    this.calls.push(`reset:${deviceId}`);
  }
  getSessionId(): number | undefined {
    return 1;
  }
  flushForExit(): void {
    this.calls.push('exit');
  }
  resumeAfterExit(): void {
    this.calls.push('resume');
  }
}

const KEY = 'unit-test-key-0123456789';

function make(options: Dict = {}, holdInit = false) {
  const driver = new RecordingDriver(holdInit);
  const target: Dict = [] as unknown as Dict;
  const core = new AnalyticsCore(() => target, driver);
  const analytics = attachPublicApi(core, target) as Dict & Record<string, (...a: unknown[]) => unknown>;
  return { core, driver, analytics, load: () => core.load(KEY, { integrations: { Amplitude: options } }) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const eventTypes = (d: RecordingDriver) => d.sent.map((s) => s.event.event_type);

function clearStorage() {
  localStorage.clear();
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

beforeEach(() => {
  clearStorage();
  history.replaceState(null, '', '/page');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('call order and identity stamping', () => {
  it('delivers calls made during SDK init in true call order, each with the identity it was made under', async () => {
    const { analytics, driver, load } = make({}, true);
    load();
    analytics.track('A');
    analytics.identify('user-1', { plan: 'pro' });
    analytics.track('B');
    await flush();
    expect(driver.sent).toHaveLength(0); // held by the shim until init resolves (P6)
    driver.finishInit();
    await analytics.ready();
    expect(eventTypes(driver)).toEqual(['A', '$identify', 'B']);
    expect(driver.sent.map((s) => s.stamp.userId ?? null)).toEqual([null, 'user-1', 'user-1']);
    expect(driver.sent[1].event.user_properties).toEqual({ $set: { plan: 'pro', id: 'user-1' } });
  });

  it('P4: an event made just before reset() keeps the old user and device', async () => {
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    analytics.identify('alice');
    analytics.track('before logout');
    analytics.reset();
    analytics.identify('bob');
    analytics.track('after bob');
    await flush();
    await flush();
    const before = driver.sent.find((s) => s.event.event_type === 'before logout')!;
    const after = driver.sent.find((s) => s.event.event_type === 'after bob')!;
    expect(before.stamp.userId).toBe('alice');
    expect(after.stamp.userId).toBe('bob');
    expect(after.stamp.deviceId).not.toBe(before.stamp.deviceId);
    const resetIndex = driver.calls.findIndex((c) => c.startsWith('reset:'));
    expect(resetIndex).toBeGreaterThan(driver.calls.indexOf('send:before logout'));
    expect(resetIndex).toBeLessThan(driver.calls.indexOf('send:after bob'));
  });

  it('stamps insert_id with the Segment messageId and time with the call time', async () => {
    const { analytics, driver, load } = make({ trackAllPages: true, trackReferrer: false });
    load();
    await analytics.ready();
    const before = Date.now();
    const ctx = (await analytics.page('Docs', 'Index')) as { event: { messageId: string; timestamp: Date } };
    const ids = driver.sent.map((s) => s.stamp.insertId);
    expect(ids).toEqual([ctx.event.messageId, `${ctx.event.messageId}-1`, `${ctx.event.messageId}-2`]);
    expect(ctx.event.messageId).toMatch(/^ajs-next-\d+-[0-9a-f-]{36}$/);
    for (const s of driver.sent) {
      expect(s.stamp.time).toBe(ctx.event.timestamp.getTime());
      expect(s.stamp.time).toBeGreaterThanOrEqual(before);
    }
  });
});

describe('exit journal (calls the SDK does not hold yet when the page is left)', () => {
  const journalKey = `segment_amplitude_shim_unsent_${KEY.slice(0, 10)}`;

  it('is written on exit, withdrawn when the page is shown again, and the calls are sent once from memory', async () => {
    const { analytics, driver, core, load } = make({}, true);
    load();
    analytics.track('Waiting');
    core.onPageExit();
    core.onPageExit(); // visibilitychange and pagehide both fire
    expect(JSON.parse(localStorage.getItem(journalKey)!).map((e: { event: { event: string } }) => e.event.event)).toEqual(['Waiting']);
    core.onPageShown();
    expect(localStorage.getItem(journalKey)).toBeNull();
    driver.finishInit();
    await analytics.ready();
    expect(eventTypes(driver)).toEqual(['Waiting']);
  });

  it('is sent by the next page first, under the original messageId, time and IDs, then cleared', async () => {
    const first = make({}, true);
    first.load();
    const ctx = first.analytics.track('Left Behind', { n: 1 }) as Promise<{ event: { messageId: string } }>;
    void ctx;
    first.core.onPageExit();
    const stored = JSON.parse(localStorage.getItem(journalKey)!)[0];

    const next = make();
    next.load();
    next.analytics.track('On Next Page');
    await next.analytics.ready();
    expect(eventTypes(next.driver)).toEqual(['Left Behind', 'On Next Page']);
    expect(next.driver.sent[0].stamp).toMatchObject({ insertId: stored.event.messageId, time: new Date(stored.event.timestamp).getTime(), deviceId: stored.deviceId });
    expect(next.driver.sent[0].event.event_properties).toEqual({ n: 1 });
    expect(localStorage.getItem(journalKey)).toBeNull();
  });

  it('covers calls handed to the SDK whose destination has not queued them yet', async () => {
    const { analytics, driver, core, load } = make();
    load();
    await analytics.ready();
    driver.holdQueued = true;
    analytics.track('In The SDK Timeline');
    await flush();
    expect(eventTypes(driver)).toEqual(['In The SDK Timeline']);
    core.onPageExit();
    const journal = JSON.parse(localStorage.getItem(journalKey)!);
    expect(journal.map((e: { event: { event: string } }) => e.event.event)).toEqual(['In The SDK Timeline']);
    // The same call from the journal carries the same messageId, so Amplitude keeps one copy.
    expect(journal[0].event.messageId).toBe(driver.sent[0].stamp.insertId);
    driver.releaseQueued();
    core.onPageShown();
    core.onPageExit();
    expect(localStorage.getItem(journalKey)).toBeNull();
  });

  it('is not written for calls the SDK has queued (it persists its own queue)', async () => {
    const { analytics, core, load } = make();
    load();
    await analytics.ready();
    analytics.track('After Ready');
    await flush(); // handed over and queued by the (recording) SDK
    core.onPageExit();
    expect(localStorage.getItem(journalKey)).toBeNull();
  });
});

describe('ready()', () => {
  it('fires once the SDK is initialized and the queued calls were handed over', async () => {
    const { analytics, driver, load } = make({}, true);
    const seenAtReady: number[] = [];
    analytics.ready(() => seenAtReady.push(driver.sent.length));
    analytics.track('queued 1');
    analytics.track('queued 2');
    load();
    driver.finishInit();
    const result = await analytics.ready();
    expect(result).toEqual([]);
    expect(seenAtReady).toEqual([2]);
  });

  it('runs a callback registered after ready at once, and survives a throwing callback', async () => {
    const { analytics, load } = make();
    load();
    await analytics.ready();
    let ran = false;
    await analytics.ready(() => {
      ran = true;
      throw new Error('site bug');
    });
    expect(ran).toBe(true);
  });
});

describe('load()', () => {
  it('initializes once; a second load warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, driver, core } = make();
    core.load(KEY, {});
    analytics.load(KEY, {});
    analytics.load(KEY, {});
    await analytics.ready();
    expect(driver.calls.filter((c) => c.startsWith('init:'))).toHaveLength(1);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('load() was called again'))).toHaveLength(1);
  });

  it('passes the catalog defaults and the resolved device ID to the driver', async () => {
    const { driver, load, analytics } = make();
    load();
    await analytics.ready();
    expect(driver.initOptions?.settings.trackReferrer).toBe(true);
    expect(driver.initOptions?.settings.useLogRevenueV2).toBe(true);
    expect(driver.initOptions?.deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('device ID follows the anonymousId when preferAnonymousIdForDeviceId is on', () => {
  it('at load, on setAnonymousId, on user().anonymousId(x) and on reset', async () => {
    const { analytics, driver, load, core } = make({ preferAnonymousIdForDeviceId: true });
    load();
    await analytics.ready();
    const amp = analytics.amplitude as { getDeviceId(): string };
    const user = (analytics.user as () => { anonymousId(v?: string): string })();
    expect(driver.initOptions?.deviceId).toBe(user.anonymousId());
    analytics.setAnonymousId('anon-set-explicitly-1');
    expect(amp.getDeviceId()).toBe('anon-set-explicitly-1');
    user.anonymousId('anon-set-explicitly-2');
    expect(amp.getDeviceId()).toBe('anon-set-explicitly-2');
    analytics.track('E');
    await flush();
    expect(driver.sent.at(-1)!.stamp.deviceId).toBe('anon-set-explicitly-2');
    analytics.reset();
    const fresh = user.anonymousId();
    expect(fresh).not.toBe('anon-set-explicitly-2');
    expect(amp.getDeviceId()).toBe(fresh);
    expect(core.deviceIdSource).toBe('anonymousId');
    await flush();
    expect(driver.calls).toContain(`reset:${fresh}`);
  });

  it('takes ajs_aid from the URL before anything is sent', async () => {
    history.replaceState(null, '', '/page?ajs_aid=from-the-link-123');
    const { analytics, driver, load } = make({ preferAnonymousIdForDeviceId: true });
    load();
    await analytics.ready();
    expect(driver.initOptions?.deviceId).toBe('from-the-link-123');
  });

  it('with the preference off, reset() issues a new random device ID', async () => {
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    const amp = analytics.amplitude as { getDeviceId(): string; getDeviceIdSource(): string };
    const first = amp.getDeviceId();
    analytics.reset();
    await flush();
    expect(amp.getDeviceId()).not.toBe(first);
    expect(amp.getDeviceIdSource()).toBe('new');
    expect(driver.calls).toContain(`reset:${amp.getDeviceId()}`);
  });
});

describe('reset()', () => {
  it('clears the Segment user, traits and group, makes a new anonymousId and emits reset', async () => {
    const { analytics, load } = make();
    load();
    await analytics.ready();
    await analytics.identify('u1', { a: 1 });
    await (analytics.group as (...a: unknown[]) => Promise<unknown>)('g1', { b: 2 });
    const before = (analytics.user as () => { anonymousId(): string })().anonymousId();
    let resets = 0;
    analytics.on('reset', () => resets++);
    analytics.reset();
    expect(resets).toBe(1);
    for (const key of ['ajs_user_id', 'ajs_user_traits', 'ajs_group_id', 'ajs_group_properties']) {
      expect(localStorage.getItem(key)).toBeNull();
      expect(document.cookie).not.toContain(`${key}=`);
    }
    const user = (analytics.user as () => { id(): string | null; anonymousId(): string; traits(): Dict })();
    expect(user.id()).toBeNull();
    expect(user.traits()).toEqual({});
    expect(user.anonymousId()).not.toBe(before);
  });
});

describe('Segment storage formats (analytics-next-api.md §10, 49-60)', () => {
  it('49: anonymousId is raw in the cookie and JSON-quoted in localStorage', () => {
    const { analytics } = make();
    const anon = (analytics.user as () => { anonymousId(): string })().anonymousId();
    expect(anon).toHaveLength(36);
    expect(localStorage.getItem('ajs_anonymous_id')).toBe(JSON.stringify(anon));
    expect(document.cookie).toContain(`ajs_anonymous_id=${anon}`);
  });
  it('50: with disableClientPersistence, IDs live in memory only: no cookie, no localStorage', async () => {
    const driver = new RecordingDriver();
    const target: Dict = [] as unknown as Dict;
    const core = new AnalyticsCore(() => target, driver);
    const analytics = attachPublicApi(core, target) as Dict & Record<string, (...a: unknown[]) => unknown>;
    core.load(KEY, { disableClientPersistence: true });
    await analytics.identify('memory-user', { a: 1 });
    const user = (analytics.user as () => { id(): string; anonymousId(): string })();
    expect(user.id()).toBe('memory-user');
    expect(user.anonymousId()).toHaveLength(36);
    expect(localStorage.length).toBe(0);
    expect(document.cookie).not.toContain('ajs_');
  });
  it('53/54: numeric cookie ids and unquoted localStorage values are read', () => {
    document.cookie = 'ajs_user_id=1234; path=/';
    localStorage.setItem('ajs_anonymous_id', 'abc-def');
    const { analytics } = make();
    const user = (analytics.user as () => { id(): string; anonymousId(): string })();
    expect(user.id()).toBe('1234');
    expect(user.anonymousId()).toBe('abc-def');
  });
  it('a visitor who already has Segment IDs keeps them', async () => {
    document.cookie = 'ajs_anonymous_id=existing-anon-id-0001; path=/';
    localStorage.setItem('ajs_user_id', '"existing-user"');
    const { analytics, driver, load } = make({ preferAnonymousIdForDeviceId: true });
    load();
    await analytics.ready();
    await analytics.track('x');
    expect(driver.sent[0].stamp).toMatchObject({ userId: 'existing-user', deviceId: 'existing-anon-id-0001' });
  });
  it('56: traits merge for the same user and are replaced for a new one', () => {
    const { analytics } = make();
    analytics.identify('id', { one: 1 });
    analytics.identify('id', { two: 2 });
    const user = (analytics.user as () => { traits(): Dict })();
    expect(user.traits()).toEqual({ one: 1, two: 2 });
    analytics.identify('new', { three: 3 });
    expect(user.traits()).toEqual({ three: 3 });
    expect(JSON.parse(localStorage.getItem('ajs_user_traits')!)).toEqual({ three: 3 });
  });
  it('52: identifying a different user issues a new anonymousId', () => {
    const { analytics } = make();
    const user = (analytics.user as () => { anonymousId(): string })();
    analytics.identify('foo');
    const a = user.anonymousId();
    analytics.identify('foo');
    expect(user.anonymousId()).toBe(a);
    analytics.identify('baz');
    expect(user.anonymousId()).not.toBe(a);
  });
  it('63: setAnonymousId returns what it set; with no argument it returns the current one', () => {
    const { analytics } = make();
    expect(analytics.setAnonymousId('🦹‍♀️')).toBe('🦹‍♀️');
    expect(analytics.setAnonymousId()).toBe('🦹‍♀️');
  });
});

describe('API surface', () => {
  it('group() with no arguments returns the group synchronously', () => {
    const { analytics } = make();
    analytics.group('g1', { name: 'Acme' });
    const group = (analytics.group as () => { id(): string; traits(): Dict; anonymousId(): undefined })();
    expect(group.id()).toBe('g1');
    expect(group.traits()).toEqual({ name: 'Acme' });
    expect(group.anonymousId()).toBeUndefined();
  });

  it('integrations {Amplitude:false} and {All:false} keep an event from Amplitude', async () => {
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    await analytics.track('skip me', {}, { integrations: { Amplitude: false } });
    await analytics.track('skip me too', {}, { integrations: { All: false } });
    await analytics.track('keep me', {}, { integrations: { All: false, Amplitude: true } });
    expect(eventTypes(driver)).toEqual(['keep me']);
  });

  it('callbacks receive the context no earlier than timeout(); emitter events follow with analytics-next arguments', async () => {
    const { analytics, load } = make();
    load();
    await analytics.ready();
    analytics.timeout(50);
    const seen: unknown[][] = [];
    analytics.on('track', (...args: unknown[]) => seen.push(args));
    const started = Date.now();
    let callbackCtx: { event: { event: string } } | undefined;
    const ctx = await analytics.track('Clicked', { a: 1 }, (c: { event: { event: string } }) => (callbackCtx = c));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(callbackCtx).toBe(ctx);
    expect(callbackCtx!.event.event).toBe('Clicked');
    expect(seen).toEqual([['Clicked', { a: 1 }, undefined]]);
  });

  it('push([...]) still works after load, and on/once/off chain', async () => {
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    const fn = () => undefined;
    expect(analytics.on('track', fn)).toBe(analytics);
    expect(analytics.off('track', fn)).toBe(analytics);
    analytics.push(['track', 'Pushed', { via: 'push' }]);
    await flush();
    expect(driver.sent.at(-1)!.event).toMatchObject({ event_type: 'Pushed', event_properties: { via: 'push' } });
  });

  it('source middleware can change or drop events; destination middleware only affects Amplitude', async () => {
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    analytics.addSourceMiddleware(({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      if ((payload.obj.event as string) === 'drop') return;
      (payload.obj.properties as Dict).touched = true;
      next(payload);
    });
    analytics.addDestinationMiddleware('amplitude', ({ payload, next }: { payload: { obj: Dict }; next: (p: unknown) => void }) => {
      if ((payload.obj.event as string) === 'not for amplitude') next(null);
      else next(payload);
    });
    await analytics.track('kept');
    await analytics.track('not for amplitude');
    const dropped = (await analytics.track('drop')) as { failedDelivery(): unknown };
    expect(eventTypes(driver)).toEqual(['kept']);
    expect(driver.sent[0].event.event_properties).toEqual({ touched: true });
    expect(dropped.failedDelivery()).toBeTruthy();
  }, 10000);

  it('warn-only deprecated members exist and do nothing', () => {
    const { analytics } = make();
    for (const name of ['log', 'addIntegrationMiddleware', 'listeners', 'addEventListener', 'removeAllListeners', 'removeListener', 'removeEventListener', 'hasListeners', 'add', 'addIntegration']) {
      expect(typeof analytics[name]).toBe('function');
      expect(analytics[name]()).toBeUndefined();
    }
    expect(analytics.VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a missing event name warns, resolves a failed context and sends nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    const ctx = (await analytics.track()) as { failedDelivery(): unknown };
    await analytics.track('');
    expect(ctx.failedDelivery()).toBeTruthy();
    expect(driver.sent).toHaveLength(0);
    expect(warn.mock.calls.some((c) => String(c[0]).includes('analytics.track()') && String(c[0]).includes('event name is missing'))).toBe(true);
  });
});

describe('never throws into the host page', () => {
  const cyclic: Dict = { a: 1 };
  cyclic.self = cyclic;
  const hostile: unknown[] = [
    undefined,
    null,
    42,
    NaN,
    10n,
    Symbol('s'),
    () => 1,
    cyclic,
    new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } }),
    Object.defineProperty({}, 'bad', { enumerable: true, get: () => { throw new Error('getter'); } }),
    [null, undefined, 1],
    new Date('invalid'),
    Object.freeze({ frozen: true }),
    'x'.repeat(100000),
  ];
  const methods = ['track', 'page', 'screen', 'identify', 'group', 'alias', 'reset', 'ready', 'user', 'setAnonymousId', 'on', 'once', 'off', 'debug', 'timeout', 'trackLink', 'trackClick', 'trackForm', 'trackSubmit', 'addSourceMiddleware', 'addDestinationMiddleware', 'pageview', 'push', 'load'];

  it('every public method survives every hostile argument, and later valid calls still arrive', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { analytics, driver, load } = make();
    load();
    await analytics.ready();
    let calls = 0;
    // A function given to a middleware registrar is a valid middleware (one that drops everything).
    const isMiddleware = (m: string) => m.startsWith('add');
    let expected = 0;
    for (const method of methods) {
      for (const a of hostile) {
        if (isMiddleware(method) && typeof a === 'function') continue;
        expected += 2;
        for (const b of [undefined, a]) {
          expect(() => analytics[method](a, b, a)).not.toThrow();
          calls++;
        }
      }
    }
    expect(calls).toBe(expected);
    analytics.reset();
    await analytics.track('still works', { ok: true });
    expect(driver.sent.at(-1)!.event).toMatchObject({ event_type: 'still works', event_properties: { ok: true } });
  }, 20000);
});
