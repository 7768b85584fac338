// Never throws, for real: every public method and accessor with every hostile value. A call must not
// throw, must not reach the last-resort guard (that would mean an internal failure was swallowed, and
// the call lost), must explain any refusal in one warning naming the call, and the method must still
// work for a valid call afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearBrowserStorage, make, run, type Api } from './runtime-harness';
import type { Dict } from '../../src/core/types';

const boom = () => {
  throw new Error('hostile');
};

function hostileValues(): Array<[string, unknown]> {
  const cyclic: Dict = { a: 1 };
  cyclic.self = cyclic;
  let deep: Dict = { leaf: true };
  for (let i = 0; i < 1000; i++) deep = { d: deep };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const traps = { get: boom, set: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom, defineProperty: boom };
  const rejected = Promise.reject(new Error('rejected argument'));
  rejected.catch(() => undefined);
  return [
    ['undefined', undefined],
    ['null', null],
    ['NaN', NaN],
    ['BigInt', 10n ** 30n],
    ['symbol', Symbol('s')],
    ['throwing toString/valueOf/toJSON', { toString: boom, valueOf: boom, toJSON: boom }],
    ['throwing getter', Object.defineProperty({}, 'event', { enumerable: true, get: boom })],
    ['throwing getters everywhere', new Proxy({ event: 'x', name: 'y' }, { get: boom })],
    ['Proxy whose traps throw', new Proxy({}, traps)],
    ['array Proxy whose traps throw', new Proxy([], traps)],
    ['revoked Proxy', revocable.proxy],
    ['DOM node', document.body],
    ['cyclic', cyclic],
    ['1000 deep', deep],
    ['async rejecting function', async () => boom()],
    ['throwing function', boom],
    ['rejected promise', rejected],
    ['long string', 'x'.repeat(100000)],
  ];
}

/** Each method or accessor with the valid call that must still work afterwards, and what it must send. */
const SURFACE: Array<[string, (a: Api, ...x: unknown[]) => unknown, ((a: Api) => unknown) | undefined, string | undefined]> = [
  ['track', (a, ...x) => a.track(...x), (a) => a.track('valid track'), 'valid track'],
  ['page', (a, ...x) => a.page(...x), (a) => a.page('Valid Page'), 'Viewed Valid Page Page'],
  ['screen', (a, ...x) => a.screen(...x), (a) => a.screen('Valid Screen'), 'Viewed Valid Screen Screen'],
  ['identify', (a, ...x) => a.identify(...x), (a) => a.identify('valid-user', { plan: 'x' }), '$identify'],
  ['group', (a, ...x) => a.group(...x), (a) => a.group('valid-group', { name: 'g' }), '$identify'],
  ['alias', (a, ...x) => a.alias(...x), undefined, undefined],
  ['ready', (a, ...x) => a.ready(...x), undefined, undefined],
  ['reset', (a, ...x) => a.reset(...x), undefined, undefined],
  ['user()', (a, ...x) => a.user(...x), undefined, undefined],
  ['user().id', (a, ...x) => a.user().id(...x), (a) => a.user().id('valid-id'), undefined],
  ['user().anonymousId', (a, ...x) => a.user().anonymousId(...x), (a) => a.user().anonymousId('valid-anon-1'), undefined],
  ['user().traits', (a, ...x) => a.user().traits(...x), (a) => a.user().traits({ ok: true }), undefined],
  ['group().id', (a, ...x) => a.group().id(...x), (a) => a.group().id('valid-group-2'), undefined],
  ['group().traits', (a, ...x) => a.group().traits(...x), (a) => a.group().traits({ ok: true }), undefined],
  ['setAnonymousId', (a, ...x) => a.setAnonymousId(...x), (a) => a.setAnonymousId('valid-anon-2'), undefined],
  ['on', (a, ...x) => a.on(...x), undefined, undefined],
  ['once', (a, ...x) => a.once(...x), undefined, undefined],
  ['off', (a, ...x) => a.off(...x), undefined, undefined],
  ['debug', (a, ...x) => a.debug(...x.map(() => false)), undefined, undefined],
  ['timeout', (a, ...x) => a.timeout(...x), (a) => a.timeout(300), undefined],
  ['trackLink', (a, ...x) => a.trackLink(...x), undefined, undefined],
  ['trackClick', (a, ...x) => a.trackClick(...x), undefined, undefined],
  ['trackForm', (a, ...x) => a.trackForm(...x), undefined, undefined],
  ['trackSubmit', (a, ...x) => a.trackSubmit(...x), undefined, undefined],
  ['addSourceMiddleware', (a, ...x) => a.addSourceMiddleware(...x.filter((v) => typeof v !== 'function')), undefined, undefined],
  ['addDestinationMiddleware', (a, ...x) => a.addDestinationMiddleware(...x.filter((v) => typeof v !== 'function')), undefined, undefined],
  ['pageview', (a, ...x) => a.pageview(...x), undefined, undefined],
  ['push', (a, ...x) => a.push(...x), (a) => a.push(['track', 'valid push']), 'valid push'],
  ['use', (a, ...x) => a.use(...x), undefined, undefined],
  ['load', (a, ...x) => a.load(...x), undefined, undefined],
  ['amplitude.getDeviceId', (a) => (a.amplitude as Api).getDeviceId(), undefined, undefined],
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  clearBrowserStorage();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('never throws into the host page', () => {
  it.each(SURFACE)('%s: survives every hostile value, explains refusals, and still works', async (name, call, valid, expectedEvent) => {
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void warnings.push(String(m)));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { analytics, transport, load } = make({ trackAllPages: false });
      load();
      await run();
      const returned: Array<Promise<unknown>> = [];
      for (const [label, value] of hostileValues()) {
        for (const args of [[value], [value, value, value], ['ok', value], [value, {}, value]]) {
          let result: unknown;
          expect(() => (result = call(analytics, ...args)), `${name}(${label})`).not.toThrow();
          if (result instanceof Promise) returned.push(result);
        }
      }
      let settled = 0;
      for (const p of returned) void p.then(() => settled++);
      await run(2000);
      // Every returned promise resolves (analytics-next's never reject).
      expect(settled).toBe(returned.length);
      const guardHits = warnings.filter((w) => w.includes('could not be carried out'));
      expect(guardHits, 'internal failures swallowed by the last-resort guard').toEqual([]);
      for (const w of warnings.filter((w) => w.includes('analytics.'))) expect(w).toMatch(/^\[segment-amplitude-shim\] (analytics\.|Amplitude)/);
      if (valid) {
        const before = transport.wire.length;
        valid(analytics);
        await run();
        if (expectedEvent) expect(transport.wire.slice(before).map((e) => e.event_type)).toContain(expectedEvent);
      }
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('the same calls with a page that replaced console with a throwing one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(boom);
    const { analytics, transport, load } = make();
    load();
    await run();
    expect(() => analytics.track(Symbol('no name'))).not.toThrow();
    analytics.track('after console broke');
    await run();
    expect(transport.types()).toContain('after console broke');
  });
});
