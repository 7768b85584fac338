// Never throws, never loses: 10,000 seeded random calls in real Chromium over every public method and
// accessor, with hostile values, and 1,000 valid tracks between them that must each be posted once.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();
const QUIET = { trackReferrer: false, trackUtmProperties: false };

/** Runs in the page. Returns what happened; the seed makes a failure replayable. */
function fuzz({ total, seed: initialSeed }) {
  let seed = initialSeed;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const boom = () => {
    throw new Error('hostile');
  };
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  let deep = { leaf: true };
  for (let i = 0; i < 1000; i++) deep = { d: deep };
  const deepArray = [];
  let cursor = deepArray;
  for (let i = 0; i < 1000; i++) cursor = cursor[0] = [];
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const trapAll = {
    get: boom,
    set: boom,
    has: boom,
    ownKeys: boom,
    getPrototypeOf: boom,
    getOwnPropertyDescriptor: boom,
    defineProperty: boom,
    deleteProperty: boom,
    apply: boom,
    construct: boom,
  };
  const hostile = [
    undefined,
    null,
    0,
    -1,
    NaN,
    Infinity,
    10n ** 30n,
    Symbol('s'),
    Symbol.iterator,
    '',
    'x'.repeat(10000),
    { toString: boom, valueOf: boom, toJSON: boom },
    { toJSON: boom, name: 'has toJSON' },
    Object.defineProperty({}, 'boom', { enumerable: true, get: boom }),
    Object.defineProperty({}, 'toJSON', { enumerable: false, get: boom }),
    new Proxy({}, trapAll),
    new Proxy([], trapAll),
    new Proxy(function target() {}, trapAll),
    revocable.proxy,
    document.body,
    document,
    window,
    document.createElement('a'),
    document.createTextNode('t'),
    cyclic,
    [cyclic],
    { nested: { cyclic } },
    deep,
    deepArray,
    { big: 5n, sym: Symbol('v'), [Symbol('key')]: 1, fn() {} },
    [null, undefined, 1, 'a'],
    new Date(),
    new Date('invalid'),
    new Map([[1, 2]]),
    new Set([1]),
    /re/g,
    new Error('err'),
    Object.create(null),
    Object.freeze({ frozen: { inner: true } }),
    new Uint8Array(4),
    () => 1,
    function named() {},
    async () => {
      throw new Error('async hostile');
    },
    boom,
    Promise.reject(new Error('a rejected promise as an argument')),
  ];
  // The rejected promise above is an argument, not ours: the page handles it so it is not counted.
  hostile[hostile.length - 1].catch(() => undefined);

  const a = window.analytics;
  const entity = (get) => () => get();
  const targets = {
    track: (...x) => a.track(...x),
    page: (...x) => a.page(...x),
    screen: (...x) => a.screen(...x),
    identify: (...x) => a.identify(...x),
    group: (...x) => a.group(...x),
    alias: (...x) => a.alias(...x),
    ready: (...x) => a.ready(...x),
    reset: (...x) => a.reset(...x),
    user: (...x) => a.user(...x),
    'user().id': (...x) => entity(() => a.user())().id(...x),
    'user().anonymousId': (...x) => entity(() => a.user())().anonymousId(...x),
    'user().traits': (...x) => entity(() => a.user())().traits(...x),
    'group().id': (...x) => a.group().id(...x),
    'group().traits': (...x) => a.group().traits(...x),
    setAnonymousId: (...x) => a.setAnonymousId(...x),
    on: (...x) => a.on(...x),
    once: (...x) => a.once(...x),
    off: (...x) => a.off(...x),
    timeout: (...x) => a.timeout(...x.map((v) => (typeof v === 'number' && v >= 0 ? NaN : v))),
    debug: () => a.debug(false),
    trackLink: (...x) => a.trackLink(...x),
    trackClick: (...x) => a.trackClick(...x),
    trackForm: (...x) => a.trackForm(...x),
    trackSubmit: (...x) => a.trackSubmit(...x),
    pageview: (...x) => a.pageview(...x),
    push: (...x) => a.push(x),
    use: (...x) => a.use(...x),
    load: (...x) => a.load(...x),
    // A function given here would be a real middleware (one that drops everything): only non-functions.
    addSourceMiddleware: (...x) => a.addSourceMiddleware(...x.filter((v) => typeof v !== 'function')),
    addDestinationMiddleware: (...x) => a.addDestinationMiddleware(...x.filter((v) => typeof v !== 'function')),
    'amplitude.getDeviceId': () => a.amplitude.getDeviceId(),
    initialized: () => a.initialized,
  };
  const names = Object.keys(targets);
  const valid = [];
  const used = new Set();
  let throws = 0;
  const thrown = [];
  for (let i = 0; i < total; i++) {
    if (i % 10 === 0) {
      const name = `valid_${i}`;
      valid.push(name);
      a.track(name, { i });
      continue;
    }
    const name = pick(names);
    used.add(name);
    const args = Array.from({ length: Math.floor(random() * 5) }, () => pick(hostile));
    try {
      const result = targets[name](...args);
      // Whatever a call returns must be usable as analytics-next's is: a promise that never rejects.
      if (result && typeof result.then === 'function') result.then(undefined, (e) => thrown.push(`${name} rejected: ${e}`));
    } catch (error) {
      throws++;
      if (thrown.length < 5) thrown.push(`${name}: ${error}`);
    }
  }
  return { valid, throws, thrown, used: [...used].sort(), methods: names.length };
}

describe('fuzz: 10,000 seeded random calls over every method and accessor', () => {
  it('0 page errors, 0 unhandled rejections, 0 synchronous throws, and each of 1,000 valid tracks posted exactly once', async () => {
    const page = await f.newPage();
    await page.goto(f.server.page('/fuzz', snippetPage({ collector: f.collector, settings: QUIET, page: false })));
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const result = await page.evaluate(fuzz, { total: 10000, seed: 20261129 });
    expect(result.throws, result.thrown.join('\n')).toBe(0);
    expect(result.thrown).toEqual([]);
    expect(result.used).toHaveLength(result.methods); // every method and accessor was exercised
    expect(result.valid).toHaveLength(1000);
    const wanted = new Set(result.valid);
    const deadline = Date.now() + 45000;
    const count = () => f.collector.events.filter((e) => wanted.has(e.event_type)).length;
    while (count() < wanted.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const posts = new Map();
    for (const e of f.collector.events) if (wanted.has(e.event_type)) posts.set(e.event_type, (posts.get(e.event_type) ?? 0) + 1);
    const notOnce = result.valid.filter((name) => posts.get(name) !== 1).map((name) => `${name}: ${posts.get(name) ?? 0}`);
    expect(notOnce).toEqual([]);
    expect(page.errors).toEqual([]);
    expect(await page.unhandled()).toEqual([]);
  }, 120000);
});
