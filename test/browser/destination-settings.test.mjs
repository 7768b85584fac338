// Revenue, attribution and batching settings as the endpoint receives them, in real Chromium.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, settle } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();

const ORDER = {
  order_id: 'o-1001',
  revenue: 25,
  total: 30,
  currency: 'USD',
  products: [
    { product_id: 'p-monopoly', name: 'Monopoly', price: 19, quantity: 1 },
    { product_id: 'p-uno', name: 'Uno', price: 3, quantity: 2 },
  ],
};

async function ready(settings, path = '/shop', context) {
  const page = await f.newPage(context);
  await page.goto(
    f.server.page(path.split('?')[0], snippetPage({ collector: f.collector, settings, page: false })) +
      (path.includes('?') ? path.slice(path.indexOf('?')) : ''),
  );
  await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
  return page;
}

describe('Order Completed with 2 products at the endpoint', () => {
  const combos = [
    [false, false, ['Order Completed', 'revenue_amount', 'Product Purchased', 'Product Purchased']],
    [true, false, ['Order Completed', 'revenue_amount', 'Product Purchased', 'revenue_amount', 'Product Purchased']],
    [false, true, ['Order Completed', 'revenue_amount']],
    [true, true, ['Order Completed', 'revenue_amount', 'revenue_amount']],
  ];
  it.each(combos)('trackRevenuePerProduct=%s trackProductsOnce=%s', async (perProduct, productsOnce, expectedTypes) => {
    const page = await ready({ trackReferrer: false, trackUtmProperties: false, trackRevenuePerProduct: perProduct, trackProductsOnce: productsOnce });
    await page.evaluate((order) => window.analytics.track('Order Completed', order), ORDER);
    await eventsAtLeast(f.collector, expectedTypes.length);
    const events = await settle(f.collector);
    expect(events.map((e) => e.event_type)).toEqual(expectedTypes);

    const revenueEvents = events.filter((e) => e.event_type === 'revenue_amount');
    // Revenue fields where Amplitude reads them: top-level price/quantity/revenue and the $-properties.
    for (const r of revenueEvents) {
      expect(r.revenue).toBeCloseTo(r.price * r.quantity, 6);
      expect(r.event_properties.$price).toBe(r.price);
      expect(r.event_properties.$quantity).toBe(r.quantity);
      expect(r.event_properties.$revenue).toBe(r.revenue);
      expect(r.revenueType).toBe('Purchase');
    }
    const total = revenueEvents.reduce((sum, r) => sum + r.revenue, 0);
    expect(total).toBe(ORDER.revenue); // booked exactly once, never once per product
    if (perProduct) {
      expect(revenueEvents.map((r) => [r.productId, r.price, r.quantity])).toEqual([
        ['p-monopoly', 19, 1],
        ['p-uno', 3, 2],
      ]);
    } else {
      expect(revenueEvents.map((r) => [r.price, r.quantity])).toEqual([[25, 1]]);
    }
    const order = events[0];
    if (productsOnce) {
      expect(order.event_properties.products).toEqual([
        { productId: 'p-monopoly', name: 'Monopoly', price: 19, quantity: 1 },
        { productId: 'p-uno', name: 'Uno', price: 3, quantity: 2 },
      ]);
    } else {
      expect(order.event_properties.products).toBeUndefined();
    }
    // All events of the call share its identity and time, with distinct insert_ids.
    expect(new Set(events.map((e) => e.device_id)).size).toBe(1);
    expect(new Set(events.map((e) => e.time)).size).toBe(1);
    expect(new Set(events.map((e) => e.insert_id)).size).toBe(events.length);
  });
});

describe('UTM, gclid and referrer', () => {
  it('a new session captures them once; a continuing session does not, but the per-page referrer identify continues', async () => {
    const settings = { trackGclid: true, trackAllPages: true };
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const landing = f.server.page('/campaign', snippetPage({ collector: f.collector, settings, page: true }));
    const origin = f.server.page(
      '/ad',
      `<!doctype html><a id="go" href="${landing}?utm_source=newsletter&utm_medium=email&utm_campaign=spring&gclid=gc-123">go</a>`,
    );
    const page = await f.newPage(context);
    await page.goto(origin);
    await page.click('#go');
    await page.waitForURL(/campaign/);
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const first = await eventsAtLeast(f.collector, 4);
    const host = new URL(f.server.url).host;
    expect(first.map((e) => e.event_type)).toEqual(['$identify', '$identify', '$identify', 'Loaded a Page']);
    expect(first[0].user_properties).toEqual({
      $setOnce: { initial_utm_source: 'newsletter', initial_utm_medium: 'email', initial_utm_campaign: 'spring' },
      $set: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring' },
    });
    expect(first[1].user_properties).toEqual({ $setOnce: { initial_gclid: 'gc-123' }, $set: { gclid: 'gc-123' } });
    expect(first[2].user_properties).toEqual({
      $setOnce: { initial_referrer: origin, initial_referring_domain: host },
      $set: { referrer: origin, referring_domain: host },
    });
    // All three are sent under the visitor's final device ID, in the same session as the page view.
    expect(new Set(first.map((e) => e.device_id)).size).toBe(1);
    expect(new Set(first.map((e) => e.session_id)).size).toBe(1);

    // Next page of the same visit: same session, so no UTM/gclid capture; the referrer identify still runs.
    f.collector.reset();
    const next = f.server.page('/next-in-session', snippetPage({ collector: f.collector, settings, page: true }));
    await page.evaluate((href) => {
      window.location.href = href + '?utm_source=other&gclid=gc-456';
    }, next);
    await page.waitForURL(/next-in-session/);
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    // The first page's events may be re-sent from storage if the page left before their acknowledgement
    // was processed; they carry the same insert_id, which Amplitude deduplicates. Only new events count.
    const firstIds = new Set(first.map((e) => e.insert_id));
    const deadline = Date.now() + 10000;
    while (f.collector.events.filter((e) => !firstIds.has(e.insert_id)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const second = (await settle(f.collector)).filter((e) => !firstIds.has(e.insert_id));
    expect(second.map((e) => e.event_type)).toEqual(['$identify', 'Loaded a Page']);
    expect(second[0].user_properties.$set.referrer).toBe(`${landing}?utm_source=newsletter&utm_medium=email&utm_campaign=spring&gclid=gc-123`);
    expect(second[0].session_id).toBe(first[0].session_id);
  });

  it('with saveParamsReferrerOncePerSession off, UTM is captured on every load; never an "EMPTY" placeholder', async () => {
    const settings = { saveParamsReferrerOncePerSession: false, trackReferrer: false };
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    await ready(settings, '/a?utm_source=first', context);
    await ready(settings, '/b?utm_source=second', context);
    const events = await eventsAtLeast(f.collector, 2);
    expect(events.map((e) => e.user_properties.$set)).toEqual([{ utm_source: 'first' }, { utm_source: 'second' }]);
    expect(JSON.stringify(events)).not.toContain('EMPTY');
  });
});

describe('batching', () => {
  it('batchEvents on: events wait, and leave together once eventUploadThreshold are unsent', async () => {
    const page = await ready({ trackReferrer: false, trackUtmProperties: false, batchEvents: true, eventUploadThreshold: 3, eventUploadPeriodMillis: 60000 });
    await page.evaluate(() => {
      window.analytics.track('One');
      window.analytics.track('Two');
    });
    expect(await settle(f.collector, 500)).toEqual([]);
    await page.evaluate(() => window.analytics.track('Three'));
    const events = await eventsAtLeast(f.collector, 3);
    expect(events.map((e) => e.event_type)).toEqual(['One', 'Two', 'Three']);
    expect(f.collector.requests).toHaveLength(1);
    expect(f.collector.requests[0].events).toBe(3);
  });

  it('batchEvents off (default): each call leaves at once', async () => {
    const page = await ready({ trackReferrer: false, trackUtmProperties: false });
    for (const name of ['One', 'Two', 'Three']) {
      await page.evaluate((n) => window.analytics.track(n), name);
      await eventsAtLeast(f.collector, f.collector.events.length + 1);
    }
    expect(f.collector.events.map((e) => e.event_type)).toEqual(['One', 'Two', 'Three']);
    expect(f.collector.requests).toHaveLength(3);
  });
});
