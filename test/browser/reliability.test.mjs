// Never break the host page; never lose or duplicate an event. Real Chromium against the local collector.
// The fixture also asserts zero uncaught errors and zero unhandled rejections on every page.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, settle } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();
const QUIET = { trackReferrer: false, trackUtmProperties: false };

async function ready(settings = QUIET, { path = '/rel', context, extra, head = '', body = '' } = {}) {
  const page = await f.newPage(context);
  await page.goto(f.server.page(path, snippetPage({ collector: f.collector, settings, extra, page: false, head, body })));
  await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
  return page;
}

const byType = (events, type) => events.filter((e) => e.event_type === type);
const uniqueInsertIds = (events) => new Set(events.map((e) => e.insert_id)).size;

async function waitForTypes(types, timeout = 30000) {
  const deadline = Date.now() + timeout;
  const missing = () => types.filter((t) => !f.collector.events.some((e) => e.event_type === t));
  while (missing().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return missing();
}

describe('exactly once, with the original time', () => {
  // Lower bounds only: the SDK must wait at least this long before its last retry (it retries after
  // 10 ms, then 1 s, 2 s, ...; a 429 that names the events throttles them for 30 s).
  it.each([
    [500, 2, 900],
    [502, 2, 900],
    [503, 2, 900],
    [429, 1, 29000],
  ])(
    'the endpoint answers %i (%i times), then recovers; backoff of at least %i ms honored',
    async (status, count, minGapMs) => {
      const page = await ready();
      await fetch(`${f.collector.url}/_collector/faults`, { method: 'POST', body: JSON.stringify({ count, status }) });
      const stamps = await page.evaluate(async () => {
        const ctxs = await Promise.all(['Retry A', 'Retry B', 'Retry C'].map((n) => window.analytics.track(n)));
        return ctxs.map((c) => [c.event.event, c.event.timestamp.getTime(), c.event.messageId]);
      });
      // A throttled event waits 30 s before its retry.
      expect(await waitForTypes(['Retry A', 'Retry B', 'Retry C'], 45000)).toEqual([]);
      const events = await settle(f.collector, 500);
      for (const [name, time, messageId] of stamps) {
        const matching = byType(events, name);
        expect(matching).toHaveLength(1);
        expect(matching[0].time).toBe(time);
        expect(matching[0].insert_id).toBe(messageId);
      }
      const faults = f.collector.requests.filter((r) => r.fault === status);
      expect(faults).toHaveLength(count); // every failure was retried, not dropped
      const success = f.collector.requests.find((r) => r.status === 200 && r.at >= faults[faults.length - 1].at);
      expect(success.at - faults[faults.length - 1].at).toBeGreaterThanOrEqual(minGapMs);
    },
    90000,
  );

  it('413: the batch is split and every event still arrives once', async () => {
    // The SDK retries after a 413 at the next batch period, so keep the period short.
    const page = await ready({ ...QUIET, batchEvents: true, eventUploadThreshold: 4, eventUploadPeriodMillis: 500 });
    await fetch(`${f.collector.url}/_collector/faults`, { method: 'POST', body: JSON.stringify({ count: 1, status: 413 }) });
    await page.evaluate(() => ['S1', 'S2', 'S3', 'S4'].forEach((n) => window.analytics.track(n)));
    expect(await waitForTypes(['S1', 'S2', 'S3', 'S4'])).toEqual([]);
    const events = await settle(f.collector, 500);
    expect(events).toHaveLength(4);
    expect(uniqueInsertIds(events)).toBe(4);
    expect(f.collector.requests.filter((r) => r.status === 200).every((r) => r.events <= 2)).toBe(true);
  });

  it('a dropped connection is retried', async () => {
    const page = await ready();
    await fetch(`${f.collector.url}/_collector/faults`, { method: 'POST', body: JSON.stringify({ count: 1, drop: true }) });
    await page.evaluate(() => window.analytics.track('After Drop'));
    expect(await waitForTypes(['After Drop'])).toEqual([]);
    expect(byType(await settle(f.collector, 500), 'After Drop')).toHaveLength(1);
  });

  it('offline: events wait and arrive once when the browser is back online', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const page = await ready(QUIET, { context });
    await context.setOffline(true);
    await page.evaluate(() => ['Offline 1', 'Offline 2'].forEach((n) => window.analytics.track(n)));
    expect(byType(await settle(f.collector, 500), 'Offline 1')).toHaveLength(0);
    await context.setOffline(false);
    expect(await waitForTypes(['Offline 1', 'Offline 2'])).toEqual([]);
    const events = await settle(f.collector, 500);
    expect(byType(events, 'Offline 1')).toHaveLength(1);
    expect(byType(events, 'Offline 2')).toHaveLength(1);
  });

  it('two tabs of the same site, then a reload: each event once', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const one = await ready(QUIET, { context, path: '/tab-one' });
    const two = await ready(QUIET, { context, path: '/tab-two' });
    for (let i = 0; i < 5; i++) {
      await one.evaluate((n) => window.analytics.track(`Tab One ${n}`), i);
      await two.evaluate((n) => window.analytics.track(`Tab Two ${n}`), i);
    }
    await one.reload();
    await one.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const names = Array.from({ length: 5 }, (_, i) => [`Tab One ${i}`, `Tab Two ${i}`]).flat();
    expect(await waitForTypes(names)).toEqual([]);
    const events = await settle(f.collector, 800);
    for (const name of names) expect(byType(events, name)).toHaveLength(1);
    expect(new Set(events.map((e) => e.device_id)).size).toBe(1);
  });
});

describe('leaving a page that could not hand its events to the browser', () => {
  it('they are journaled and posted once by the next page, with their original time and insert_id', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const page = await f.newPage(context);
    // The first page believes it is offline: nothing is sent and nothing can be beaconed at exit.
    const offline = `Object.defineProperty(Navigator.prototype, 'onLine', { get: () => false });`;
    const readJournal = `window.__journal = Object.keys(localStorage).filter((k) => k.startsWith('segment_amplitude_shim_unsent_test-api-k_')).map((k) => JSON.parse(localStorage.getItem(k)));`;
    f.server.page('/journal-next', snippetPage({ collector: f.collector, settings: QUIET, page: false, before: readJournal }));
    await page.goto(f.server.page('/journal-leave', snippetPage({ collector: f.collector, settings: QUIET, page: false, before: offline })));
    const ctx = await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      const c = await window.analytics.track('Left Offline', { n: 1 });
      return { messageId: c.event.messageId, time: c.event.timestamp.getTime() };
    });
    expect(await settle(f.collector, 300)).toEqual([]);
    await page.evaluate(() => (window.location.href = '/journal-next'));
    await page.waitForURL(/journal-next/);
    const journal = await page.evaluate(() => window.__journal);
    expect(journal.flatMap((record) => record.events.map((e) => e.event_type))).toEqual(['Left Offline']);
    expect(journal[0].left).toBe(true);
    expect(await waitForTypes(['Left Offline'])).toEqual([]);
    const events = byType(await settle(f.collector, 800), 'Left Offline');
    expect(events).toHaveLength(1);
    expect(events[0].time).toBe(ctx.time);
    expect(events[0].insert_id).toBe(ctx.messageId);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('segment_amplitude_shim_unsent_')))).toEqual([]);
  });
});

describe('leaving while the SDK is still initializing', () => {
  it('calls made then are not held back: they leave at once and are posted once', async () => {
    const page = await f.newPage();
    // A slow SDK start, made deterministic: its cookie writes wait for navigator.locks, delayed here.
    const slowInit = `if (navigator.locks) { const request = navigator.locks.request.bind(navigator.locks);
      navigator.locks.request = (...args) => new Promise((r) => setTimeout(r, 2000)).then(() => request(...args)); }`;
    const leaveAtOnce = `const timer = setInterval(() => {
      if (!window.analytics.initialized) return;
      clearInterval(timer);
      window.analytics.track('Left During Init', { n: 1 });
      window.location.href = '/init-next';
    }, 0);`;
    f.server.page('/init-next', snippetPage({ collector: f.collector, settings: QUIET, page: false }));
    await page.goto(f.server.page('/init-leave', snippetPage({ collector: f.collector, settings: QUIET, page: false, before: slowInit, after: leaveAtOnce })));
    await page.waitForURL(/init-next/);
    expect(await waitForTypes(['Left During Init'])).toEqual([]);
    expect(byType(await settle(f.collector, 800), 'Left During Init')).toHaveLength(1);
  });
});

describe('what the SDK got wrong, as regressions', () => {
  it('calls made from other tasks while the SDK initializes are all delivered', async () => {
    const page = await f.newPage();
    const after = `for (let i = 0; i < 40; i++) setTimeout(() => analytics.track('During Init ' + i), i);`;
    await page.goto(f.server.page('/p6', snippetPage({ collector: f.collector, settings: QUIET, page: false, after })));
    const names = Array.from({ length: 40 }, (_, i) => `During Init ${i}`);
    expect(await waitForTypes(names)).toEqual([]);
    expect(await settle(f.collector, 300)).toHaveLength(40);
  });

  it('one cyclic or BigInt property does not poison its batch; traits arrays holding null', async () => {
    // All three in one batch, as the SDK would have sent them together.
    const page = await ready({ ...QUIET, batchEvents: true, eventUploadThreshold: 3, eventUploadPeriodMillis: 60000 });
    await page.evaluate(() => {
      const cyclic = { name: 'loop' };
      cyclic.self = cyclic;
      window.analytics.track('Before Bad');
      window.analytics.track('Bad Props', { cyclic, big: 12345678901234567890n });
      window.analytics.identify('user-p10', { tags: ['a', null, 'b'] });
    });
    expect(await waitForTypes(['Before Bad', 'Bad Props', '$identify'])).toEqual([]);
    const bad = byType(f.collector.events, 'Bad Props')[0];
    expect(bad.event_properties).toEqual({ cyclic: { name: 'loop' }, big: '12345678901234567890' });
    expect(byType(f.collector.events, '$identify')[0].user_properties.$set.tags).toEqual(['a', null, 'b']);
    expect(f.collector.requests).toHaveLength(1);
  });
});

describe('a blocked endpoint (ad blocker, CSP or DNS)', () => {
  it('ready fires, callbacks fire after the timeout, user() works, the page is unaffected', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    await context.route(`${f.collector.url}/**`, (route) => route.abort('blockedbyclient'));
    const page = await f.newPage(context);
    await page.goto(f.server.page('/blocked', snippetPage({ collector: f.collector, settings: QUIET, page: false })));
    const result = await page.evaluate(async () => {
      const readyFired = await Promise.race([new Promise((r) => window.analytics.ready(() => r(true))), new Promise((r) => setTimeout(() => r(false), 5000))]);
      const called = await new Promise((resolve) => {
        window.analytics.track('Blocked', {}, () => resolve(true));
        setTimeout(() => resolve(false), 5000);
      });
      return { readyFired, called, anon: window.analytics.user().anonymousId(), title: document.title };
    });
    expect(result).toMatchObject({ readyFired: true, called: true, title: 'Test page' });
    expect(result.anon).toMatch(/^[0-9a-f-]{36}$/);
  });
});
