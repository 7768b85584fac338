// Shared setup for browser tests: a collector, a static server for the repo, and one Chromium.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startCollector } from '../../collector/collector.mjs';
import { startStaticServer } from '../../demo/static-server.mjs';
import { launchBrowser, openPage } from './browser.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function useBrowserFixture() {
  const f = { collector: undefined, server: undefined, chromium: undefined, contexts: [], pages: [] };
  beforeAll(async () => {
    f.collector = await startCollector();
    f.server = await startStaticServer({ root: ROOT });
    f.chromium = await launchBrowser();
  });
  afterAll(async () => {
    await f.chromium?.close();
    await f.server?.close();
    await f.collector?.close();
  });
  beforeEach(() => f.collector.reset());
  afterEach(async () => {
    // Every browser test: no insert_id was posted twice, whatever the test was about.
    expect(f.collector.duplicates(), 'insert_ids posted more than once').toEqual([]);
    // Every page in every browser test: zero uncaught errors and zero unhandled rejections.
    for (const page of f.pages) {
      const unhandled = page.isClosed() ? [] : await page.unhandled();
      expect(page.errors, 'uncaught page errors').toEqual([]);
      expect(unhandled, 'unhandled rejections').toEqual([]);
    }
    for (const c of f.contexts) await c.close().catch(() => undefined);
    f.contexts = [];
    f.pages = [];
    // Closing a page beacons what it still holds: let that land before the next test resets the collector.
    await quiet(f.collector);
  });
  /** A new page in a new context (fresh cookies and storage), or in `context` when given. */
  f.newPage = async (context) => {
    const ctx = context ?? (await f.chromium.newContext());
    if (!context) f.contexts.push(ctx);
    const page = await openPage(ctx);
    f.pages.push(page);
    return page;
  };
  return f;
}

/** Waits until no request has reached the collector for 150 ms (at most 3 s). */
async function quiet(collector) {
  const deadline = Date.now() + 3000;
  let seen = collector.requests.length;
  let stableSince = Date.now();
  while (Date.now() - stableSince < 150 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    if (collector.requests.length !== seen) {
      seen = collector.requests.length;
      stableSince = Date.now();
    }
  }
}

/** Waits until the collector holds at least `count` events (polling; fails by count, not by time). */
export async function eventsAtLeast(collector, count, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (collector.events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return collector.events.slice();
}

/**
 * Exactly once, counted on the wire: each named event type was posted once (the collector records
 * every post, repeats included). Returns those events.
 */
export function expectPostedOnce(collector, names) {
  const found = [];
  for (const name of names) {
    const posts = collector.events.filter((e) => e.event_type === name);
    expect(posts.length, `posts of "${name}"`).toBe(1);
    found.push(posts[0]);
  }
  return found;
}

/** Lets in-flight requests land, then returns all events. For asserting that nothing more arrived. */
export async function settle(collector, ms = 400) {
  await new Promise((r) => setTimeout(r, ms));
  return collector.events.slice();
}

/**
 * The demo (collector + site server) and one Chromium, for tests that use the demo page as a user would.
 * `d.open(query)` opens the demo in a fresh context and waits until the shim and the live panel are ready.
 */
export function useDemoFixture() {
  const d = { demo: undefined, chromium: undefined, context: undefined, page: undefined };
  beforeAll(async () => {
    const { startDemo } = await import('../../demo/serve.mjs');
    d.demo = await startDemo();
    d.chromium = await launchBrowser();
  });
  afterAll(async () => {
    await d.chromium?.close();
    await d.demo?.close();
  });
  afterEach(async () => {
    expect(d.page.errors, 'uncaught page errors').toEqual([]);
    expect(await d.page.unhandled(), 'unhandled rejections').toEqual([]);
    await d.context.close();
  });
  d.open = async (query = '', { waitForPanel = false, waitForReady = true } = {}) => {
    d.demo.collector.reset();
    d.context = await d.chromium.newContext();
    d.page = await openPage(d.context);
    await d.page.goto(d.demo.url + query);
    await d.page.waitForSelector(waitForReady ? 'body[data-ready="true"]' : 'body[data-started="true"]');
    if (waitForPanel) await d.page.waitForSelector('#status.ok');
    return d.page;
  };
  return d;
}
