// The endpoint goes down, for a minute or more, while the visitor keeps using the site: tracks, navigates,
// reloads, closes a tab, leaves. Nothing tracked may be lost, and nothing may be posted twice, counted on
// the wire (the collector records every accepted post; the fixture fails any test with a repeat).
// Page time is Playwright's clock, so a minute of backoff costs a second or two of wall time; the
// collector's outage answers 503 and resets connections in turn until the test ends it.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();
const QUIET = { trackReferrer: false, trackUtmProperties: false };
const DOWN = { pattern: [503, 'reset'] };

/** A context whose pages run on a clock the test moves (it also flows on its own, as real time does). */
async function clockedContext() {
  const context = await f.chromium.newContext();
  f.contexts.push(context);
  await context.clock.install();
  return context;
}

async function open(context, path, body = '') {
  const page = await f.newPage(context);
  await page.goto(f.server.page(path, snippetPage({ collector: f.collector, settings: QUIET, page: false, body })));
  await ready(page);
  return page;
}

const ready = (page) => page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
const track = (page, name) =>
  page.evaluate((n) => window.analytics.track(n).then((ctx) => ({ time: ctx.event.timestamp.getTime(), id: ctx.event.messageId })), name);

/** Waits (real time) until no request has reached the collector for `ms`, at most 1 s. */
async function quiet(ms = 40) {
  const deadline = Date.now() + 1000;
  let seen = f.collector.requests.length;
  let since = Date.now();
  while (Date.now() - since < ms && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    if (f.collector.requests.length !== seen) {
      seen = f.collector.requests.length;
      since = Date.now();
    }
  }
}

/** Moves page time on by `ms`, a second at a time, letting the requests each second starts be answered. */
async function pass(context, ms, until = () => false) {
  for (let t = 0; t < ms && !until(); t += 1000) {
    await context.clock.runFor(1000);
    await quiet();
  }
}

const posts = (name) => f.collector.events.filter((e) => e.event_type === name);
const arrived = (names) => () => names.every((n) => posts(n).length > 0);
const outageRequests = () => f.collector.requests.filter((r) => r.outage);

/** Each name posted exactly once (posts counted, not distinct ids), with the time and insert_id of its call. */
function expectEachPostedOnce(stamps) {
  for (const [name, stamp] of Object.entries(stamps)) {
    expect(posts(name), `posts of "${name}"`).toHaveLength(1);
    expect(posts(name)[0].insert_id).toBe(stamp.id);
    expect(posts(name)[0].time).toBe(stamp.time);
  }
}

/** One line per scenario for the record: tracked, delivered, repeated posts, attempts refused. */
function report(scenario, stamps) {
  const names = Object.keys(stamps);
  const delivered = names.filter((n) => posts(n).length > 0).length;
  const repeats = names.reduce((n, name) => n + Math.max(0, posts(name).length - 1), 0);
  console.log(`[outage] ${scenario}: tracked ${names.length}, delivered ${delivered}, repeated posts ${repeats}, requests refused ${outageRequests().length}`);
}

describe('an outage of the endpoint', () => {
  it('75 s of 503s and reset connections with events tracked throughout, then recovery: each event posted once', async () => {
    const context = await clockedContext();
    const page = await open(context, '/outage-long');
    f.collector.setOutage(DOWN);
    const stamps = {};
    for (let i = 0; i < 15; i++) {
      stamps[`Outage ${i}`] = await track(page, `Outage ${i}`);
      await pass(context, 5000);
    }
    expect(f.collector.events).toEqual([]);
    expect(outageRequests().length).toBeGreaterThan(5); // it kept trying, and the endpoint kept refusing
    f.collector.setOutage();
    await pass(context, 70000, arrived(Object.keys(stamps)));
    await quiet(200);
    report('75 s outage, one page', stamps);
    expectEachPostedOnce(stamps);
  }, 30000);

  it('a navigation and a reload in the middle of the outage: each event posted once after recovery', async () => {
    const context = await clockedContext();
    const first = f.server.page(
      '/outage-nav-one',
      snippetPage({ collector: f.collector, settings: QUIET, page: false, body: '<a id="next" href="/outage-nav-two">next</a>' }),
    );
    f.server.page('/outage-nav-two', snippetPage({ collector: f.collector, settings: QUIET, page: false }));
    const page = await f.newPage(context);
    await page.goto(first);
    await ready(page);
    f.collector.setOutage(DOWN);
    const stamps = {};
    stamps['Nav One A'] = await track(page, 'Nav One A');
    await pass(context, 20000);
    stamps['Nav One B'] = await track(page, 'Nav One B');
    await page.click('#next');
    await page.waitForURL(/outage-nav-two/);
    await ready(page);
    stamps['Nav Two A'] = await track(page, 'Nav Two A');
    await pass(context, 20000);
    await page.reload();
    await ready(page);
    stamps['Nav Two B'] = await track(page, 'Nav Two B');
    await pass(context, 25000);
    expect(f.collector.events).toEqual([]);
    expect(outageRequests().some((r) => r.transport === 'beacon')).toBe(true); // exits beaconed into the outage
    f.collector.setOutage();
    await pass(context, 70000, arrived(Object.keys(stamps)));
    await quiet(200);
    report('70 s outage, navigation and reload', stamps);
    expectEachPostedOnce(stamps);
  }, 30000);

  it('a tab closed during the outage: the tab still open sends what it left once the endpoint is back, with no new page load', async () => {
    const context = await clockedContext();
    const closing = await open(context, '/outage-tab-closed');
    const staying = await open(context, '/outage-tab-open');
    f.collector.setOutage(DOWN);
    const stamps = {};
    for (let i = 0; i < 3; i++) stamps[`Closed Tab ${i}`] = await track(closing, `Closed Tab ${i}`);
    stamps['Open Tab 0'] = await track(staying, 'Open Tab 0');
    await pass(context, 10000);
    const gone = closing.waitForEvent('close');
    await closing.close({ runBeforeUnload: true });
    await gone;
    await pass(context, 30000);
    stamps['Open Tab 1'] = await track(staying, 'Open Tab 1');
    await pass(context, 30000);
    expect(f.collector.events).toEqual([]);
    f.collector.setOutage();
    await pass(context, 70000, arrived(Object.keys(stamps)));
    await quiet(200);
    expect(context.pages()).toEqual([staying]);
    report('70 s outage, a tab closed, another open', stamps);
    expectEachPostedOnce(stamps);
  }, 30000);

  it('an exit beacon the browser accepted but the endpoint refused: the next page sends its events again, once', async () => {
    const context = await clockedContext();
    const first = f.server.page('/outage-beacon-one', snippetPage({ collector: f.collector, settings: QUIET, page: false }));
    f.server.page('/outage-beacon-two', snippetPage({ collector: f.collector, settings: QUIET, page: false }));
    const page = await f.newPage(context);
    await page.goto(first);
    await ready(page);
    f.collector.setOutage({ pattern: [503] });
    const stamps = {};
    stamps['Beacon 0'] = await track(page, 'Beacon 0');
    await pass(context, 2000); // the endpoint has answered 503 at least once
    stamps['Beacon 1'] = await track(page, 'Beacon 1');
    await page.evaluate(() => (window.location.href = '/outage-beacon-two'));
    await page.waitForURL(/outage-beacon-two/);
    await quiet(200);
    const beacons = outageRequests().filter((r) => r.transport === 'beacon');
    expect(beacons.flatMap((r) => r.eventTypes)).toContain('Beacon 0');
    await ready(page);
    f.collector.setOutage();
    await pass(context, 70000, arrived(Object.keys(stamps)));
    await quiet(200);
    report('exit beacon refused with 503', stamps);
    expectEachPostedOnce(stamps);
  }, 30000);
});

describe('a clock that jumps', () => {
  it('back an hour between a failure and its retry: the retry still leaves seconds later, with the time of the call', async () => {
    const context = await clockedContext();
    const page = await open(context, '/outage-clock-back');
    const now = await page.evaluate(() => Date.now());
    await context.clock.pauseAt(now + 1000); // page time moves only when the test says so from here
    f.collector.setOutage({ pattern: [503] });
    const tracked = page.evaluate(() => window.analytics.track('Clock Back').then((ctx) => ({ time: ctx.event.timestamp.getTime(), id: ctx.event.messageId })));
    for (let i = 0; i < 50 && outageRequests().length === 0; i++) {
      await context.clock.runFor(1);
      await quiet(20);
    }
    const stamps = { 'Clock Back': await tracked };
    expect(outageRequests()).toHaveLength(1);
    await quiet(100); // the page has the 503
    f.collector.setOutage();
    await context.clock.setSystemTime((await page.evaluate(() => Date.now())) - 3600 * 1000);
    await pass(context, 10000, arrived(['Clock Back']));
    await quiet(200);
    report('wall clock back an hour between failure and retry', stamps);
    expectEachPostedOnce(stamps);
  }, 30000);
});

describe('batches and the endpoint limits', () => {
  it('a burst of large events (2.5 MB in all) mixed with small ones, and one event over 1 MiB: every event posted once, no request refused', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page('/outage-large', snippetPage({ collector: f.collector, settings: QUIET, page: false, extra: { amplitude: { flushQueueSize: 100 } } })),
    );
    await ready(page);
    // The shim cuts each string at 4,096 characters, so size comes from many of them, as real payloads do.
    const stamps = await page.evaluate(async () => {
      const strings = (count, c) => Array.from({ length: count }, () => c.repeat(4000));
      const calls = [];
      for (let i = 0; i < 8; i++) {
        calls.push(window.analytics.track(`Small ${i}`, { i }));
        calls.push(window.analytics.track(`Large ${i}`, { blob: strings(40, String.fromCharCode(97 + i)) }));
      }
      calls.push(window.analytics.track('Oversized', { huge: strings(300, 'z'), note: 'kept' }));
      for (let i = 8; i < 40; i++) calls.push(window.analytics.track(`Small ${i}`, { i }));
      const ctxs = await Promise.all(calls);
      return Object.fromEntries(ctxs.map((c) => [c.event.event, { time: c.event.timestamp.getTime(), id: c.event.messageId }]));
    });
    await waitForAll(Object.keys(stamps));
    await quiet(300);
    report('burst of large events', stamps);
    expectEachPostedOnce(stamps);
    expect(f.collector.requests.filter((r) => r.status !== 200)).toEqual([]);
    const oversized = posts('Oversized')[0];
    expect(oversized.event_properties.note).toBe('kept');
    expect(JSON.stringify(oversized.event_properties.huge).length).toBeLessThan(1024 * 1024);
    expect(posts('Large 7')[0].event_properties.blob).toEqual(Array(40).fill('h'.repeat(4000))); // events that fit are not touched
    expect(page.shimWarnings.filter((w) => w.includes('Oversized'))).toHaveLength(1);
  }, 30000);
});

async function waitForAll(names, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (!arrived(names)() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}
