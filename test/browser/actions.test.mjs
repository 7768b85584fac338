// Amplitude (Actions) mode in real Chromium against the local collector: the default presets on a
// page/track/Order Completed/identify flow, Segment's session plugin keys, attribution on every event,
// and the two modes side by side on the same calls.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, expectPostedOnce, settle } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();
const MINUTE = 60000;

/** A snippet page in Actions mode (or Classic, with `classic` settings). */
function modePage({ actions, classic, calls = '', extra = {} }) {
  const integrations = actions ? { 'Actions Amplitude': actions } : { Amplitude: classic };
  return snippetPage({ collector: f.collector, settings: {}, extra: { ...extra, integrations }, page: false, after: calls });
}

const FLOW = `
  analytics.page('Docs', 'Home', { section: 'intro' });
  analytics.track('Signed Up', { plan: 'pro', revenue: 10 });
  analytics.track('Order Completed', { order_id: 'o-1', revenue: 25, products: [
    { productId: 'p-1', name: 'Monopoly', price: 19, quantity: 1 },
    { productId: 'p-2', name: 'Uno', price: 3, quantity: 2 } ] });
  analytics.identify('user-77', { email: 'ada@example.com', plan: 'pro' });`;

async function anonymousId(page) {
  return page.evaluate(() => window.analytics.user().anonymousId());
}

describe('Actions mode: the default presets', () => {
  it('page, track, Order Completed and identify reach Amplitude as Amplitude (Actions) sent them', async () => {
    const page = await f.newPage();
    await page.goto(f.server.page('/actions-flow', modePage({ actions: {}, calls: FLOW })));
    const events = await eventsAtLeast(f.collector, 6);
    await settle(f.collector);
    expect(events.map((e) => e.event_type)).toEqual(['Viewed Home', 'Signed Up', 'Order Completed', 'Product Purchased', 'Product Purchased', '$identify']);
    expectPostedOnce(f.collector, ['Viewed Home', 'Signed Up', 'Order Completed', '$identify']);
    const anon = await anonymousId(page);
    const session = await page.evaluate(() => Number(localStorage.getItem('analytics_session_id')));
    expect(session).toBeGreaterThan(0);
    for (const e of events) expect(e.device_id).toBe(anon);
    const [viewed, signedUp, orderEvent, product1, , identify] = events;
    expect(viewed).toMatchObject({ session_id: session, event_properties: { section: 'intro', name: 'Home', category: 'Docs' } });
    // Actions sends anonymous events with an explicit null user_id.
    expect(viewed.user_id).toBeNull();
    // Only the exact "Order Completed" books revenue; a track with revenue books none.
    expect(signedUp.revenue).toBeUndefined();
    expect(signedUp.event_properties).toEqual({ plan: 'pro', revenue: 10 });
    expect(orderEvent).toMatchObject({ revenue: 25, revenueType: 'Purchase', session_id: session });
    expect(product1.event_properties).toEqual({ productId: 'p-1', price: 19, quantity: 1 });
    expect(product1.revenue).toBeUndefined();
    expect(identify).toMatchObject({ user_id: 'user-77', session_id: -1, user_properties: { $set: { email: 'ada@example.com', plan: 'pro' } } });
    // We keep insert_id (= the Segment messageId), which Actions never sent.
    expect(new Set(events.map((e) => e.insert_id)).size).toBe(events.length);
  });
});

describe('Actions mode: sessions continue across the switch', () => {
  async function returning(idleMinutes) {
    const page = await f.newPage();
    await page.goto(f.server.page('/blank', '<!doctype html><title>blank</title>'));
    const started = await page.evaluate((idle) => {
      const start = Date.now() - (idle + 5) * 60000;
      localStorage.setItem('analytics_session_id', String(start));
      localStorage.setItem('analytics_session_id.last_access', String(Date.now() - idle * 60000));
      return start;
    }, idleMinutes);
    await page.goto(f.server.page('/actions-session', modePage({ actions: {}, calls: "analytics.track('Returned')" })));
    const [event] = await eventsAtLeast(f.collector, 1);
    await settle(f.collector);
    const stored = await page.evaluate(() => ({
      id: Number(localStorage.getItem('analytics_session_id')),
      last: Number(localStorage.getItem('analytics_session_id.last_access')),
      cookie: document.cookie,
    }));
    return { event, started, stored };
  }

  it('a visitor whose analytics_session_id was last used 10 minutes ago keeps that session', async () => {
    const { event, started, stored } = await returning(10);
    expect(event.session_id).toBe(started);
    expect(stored.id).toBe(started);
    expect(stored.last).toBeGreaterThan(started);
    expect(stored.cookie).toContain(`analytics_session_id=${started}`);
  });

  it('one idle for 40 minutes gets a new session, whose id is its start time', async () => {
    const { event, started, stored } = await returning(40);
    expect(event.session_id).not.toBe(started);
    expect(event.session_id).toBeGreaterThan(started + 40 * MINUTE);
    expect(stored.id).toBe(event.session_id);
  });

  it('reset() keeps the session (Segment’s plugin does not clear it) but changes the device', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page('/actions-reset', modePage({ actions: {}, calls: "analytics.track('Before'); analytics.reset(); analytics.track('After');" })),
    );
    const [before, after] = await eventsAtLeast(f.collector, 2);
    await settle(f.collector);
    expect(after.session_id).toBe(before.session_id);
    expect(after.device_id).not.toBe(before.device_id);
  });
});

describe('Actions mode: attribution on every event', () => {
  it('a visit with utm_* and a referrer: $set and $setOnce on each event and on identify', async () => {
    const page = await f.newPage();
    const target = f.server.page('/actions-utm', modePage({ actions: {}, calls: "analytics.page('Landing'); analytics.identify('u-5', {a: 1});" }));
    const from = f.server.page('/referring', `<!doctype html><a id="go" href="${target}?utm_source=news&utm_campaign=fall">go</a>`);
    await page.goto(from);
    await page.click('#go');
    const [viewed, identify] = await eventsAtLeast(f.collector, 2);
    await settle(f.collector);
    expect(viewed.user_properties).toEqual({
      $setOnce: { initial_referrer: from, initial_utm_source: 'news', initial_utm_campaign: 'fall' },
      $set: { referrer: from, utm_source: 'news', utm_campaign: 'fall' },
    });
    expect(identify.user_properties).toEqual({
      $set: { a: 1, utm_source: 'news', utm_campaign: 'fall', referrer: from },
      $setOnce: { initial_utm_source: 'news', initial_utm_campaign: 'fall', initial_referrer: from },
    });
  });
});

describe('the two modes side by side on the same calls', () => {
  it('show the differences listed in the README', async () => {
    const calls = `${FLOW}; analytics.page(); analytics.group('acme', {name: 'Acme'});`;
    const classicPage = await f.newPage();
    await classicPage.goto(f.server.page('/classic-side', modePage({ classic: {}, calls })));
    const classic = await eventsAtLeast(f.collector, 10);
    await settle(f.collector);
    f.collector.reset();
    const actionsPage = await f.newPage();
    await actionsPage.goto(f.server.page('/actions-side', modePage({ actions: {}, calls })));
    const actions = await eventsAtLeast(f.collector, 7);
    await settle(f.collector);

    const types = (events) => events.map((e) => e.event_type);
    expect(types(classic)).toEqual([
      'Viewed Docs Page',
      'Viewed Docs Home Page',
      'Signed Up',
      'revenue_amount',
      'Order Completed',
      'revenue_amount',
      'Product Purchased',
      'Product Purchased',
      '$identify',
      '$identify',
    ]);
    expect(types(actions)).toEqual(['Viewed Home', 'Signed Up', 'Order Completed', 'Product Purchased', 'Product Purchased', '$identify', 'Viewed ']);
    // Device: Amplitude's own id in Classic (by default), always the anonymousId in Actions.
    expect(classic[0].device_id).not.toBe(await anonymousId(classicPage));
    expect(actions[0].device_id).toBe(await anonymousId(actionsPage));
    // Group: an $identify with groups in Classic; nothing in Actions.
    expect(classic.some((e) => e.groups && e.groups['[Segment] Group'] === 'acme')).toBe(true);
    expect(actions.some((e) => e.groups)).toBe(false);
  });
});
