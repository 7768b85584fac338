// The demo page itself, as an evaluator would use it: each button, and the hand-off links.
import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '../support/fixture.mjs';

const d = useDemoFixture();
let page;
let demo;
async function open(query = '') {
  page = await d.open(query, { waitForPanel: true });
  demo = d.demo;
}

async function clickAndCollect(call, count) {
  const before = demo.collector.events.length;
  await page.click(`[data-call="${call}"]`);
  const deadline = Date.now() + 10000;
  while (demo.collector.events.length < before + count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return demo.collector.events.slice(before);
}

const text = (id) => page.textContent(`[data-testid="${id}"]`);

describe('demo page', () => {
  it('each button sends the right event, and the live panel shows what the collector received', async () => {
    await open();
    // The snippet's own page() with trackAllPages.
    expect(demo.collector.events.map((e) => e.event_type)).toEqual(['Loaded a Page']);

    const [identify] = await clickAndCollect('identify', 1);
    expect(identify).toMatchObject({ event_type: '$identify', user_id: 'user-1234' });
    expect(identify.user_properties.$set).toMatchObject({ email: 'ada@example.com', plan: 'pro', id: 'user-1234' });

    const [track] = await clickAndCollect('track', 1);
    expect(track).toMatchObject({ event_type: 'Song Played', user_id: 'user-1234', event_properties: { title: 'So What', artist: 'Miles Davis' } });

    const pageEvents = await clickAndCollect('page', 3);
    expect(pageEvents.map((e) => e.event_type)).toEqual(['Loaded a Page', 'Viewed Docs Page', 'Viewed Docs Quick Start Page']);

    const [group] = await clickAndCollect('group', 1);
    expect(group).toMatchObject({ event_type: '$identify', groups: { '[Segment] Group': 'acct-42' } });

    // alias: no event; the demo server maps the users at Amplitude (the collector's /usermap).
    const aliasEvents = await clickAndCollect('alias', 0);
    expect(aliasEvents).toEqual([]);
    const deadline = Date.now() + 5000;
    while (demo.collector.usermaps.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(demo.collector.usermaps.map((u) => u.mapping)).toEqual([[{ user_id: 'user-1234', global_user_id: 'user-1234-merged' }]]);

    const order = await clickAndCollect('order', 4);
    expect(order.map((e) => e.event_type)).toEqual(['Order Completed', 'revenue_amount', 'Product Purchased', 'Product Purchased']);
    expect(order[0].event_properties).toMatchObject({ order_id: 'o-1001', revenue: 25 });
    expect(order[1]).toMatchObject({ revenue: 25, price: 25, quantity: 1, revenueType: 'Purchase' });

    const deviceBefore = await text('deviceId');
    await page.click('[data-call="reset"]');
    await page.waitForFunction((d) => document.querySelector('[data-testid="deviceId"]').textContent !== d, deviceBefore);
    expect(await text('userId')).toBe('(none)');

    const shown = await page.$$eval('#events li', (items) => items.map((li) => li.dataset.eventType).filter((t) => !t.startsWith('usermap')));
    const received = demo.collector.events.map((e) => e.event_type).reverse();
    expect(shown).toEqual(received);
  });

  it('the amp_device_id link reloads under that device ID (source: URL parameter)', async () => {
    await open();
    const href = await page.getAttribute('#link-amp', 'href');
    const wanted = new URL(href, demo.url).searchParams.get('amp_device_id');
    // The old page's body is ready too: wait for the new document first.
    await Promise.all([page.waitForURL(new URL(href, demo.url).href), page.click('#link-amp')]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await text('deviceId')).toBe(wanted);
    expect(await text('deviceIdSource')).toBe('url');
  });

  it('with prefer anonymousId on, the ajs_aid link sets anonymousId and deviceId together', async () => {
    await open('?prefer=on');
    const href = await page.getAttribute('#link-aid', 'href');
    const wanted = new URL(href, demo.url).searchParams.get('ajs_aid');
    await Promise.all([page.waitForURL(new URL(href, demo.url).href), page.click('#link-aid')]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await text('anonymousId')).toBe(wanted);
    expect(await text('deviceId')).toBe(wanted);
    expect(await text('deviceIdSource')).toBe('anonymousId');
  });

  it('the consent toggle: behind the banner nothing is stored or sent; accepting sends the queued calls and stores identity', async () => {
    page = await d.open('?consent=optin', { waitForReady: false });
    demo = d.demo;
    await page.waitForTimeout(300);
    expect(await page.$$eval('#stored li', (li) => li.map((x) => x.textContent))).toEqual(['(nothing)']);
    expect(demo.collector.events).toEqual([]);
    await page.click('#consent-accept');
    await page.waitForSelector('body[data-ready="true"]');
    const deadline = Date.now() + 10000;
    while (demo.collector.events.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(demo.collector.events.map((e) => e.event_type)).toEqual(['Loaded a Page', 'Segment Consent Preference Updated']);
    // Amplitude's cookie is written once its SDK has started, a moment after the events.
    await page.waitForFunction(() => document.querySelector('#stored').textContent.includes('AMP_'));
    const stored = await page.$$eval('#stored li', (li) => li.map((x) => x.textContent));
    expect(stored).toEqual(expect.arrayContaining(['cookie ajs_anonymous_id', 'cookie AMP_demo-ampli']));
  });

  it('the consent toggle: rejecting keeps storage empty and sends nothing, and the buttons still work', async () => {
    page = await d.open('?consent=optin', { waitForReady: false });
    demo = d.demo;
    await page.click('#consent-reject');
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-call="track"]');
    await page.waitForTimeout(500);
    expect(demo.collector.events).toEqual([]);
    expect(await page.$$eval('#stored li', (li) => li.map((x) => x.textContent))).toEqual(['(nothing)']);
  });

  it('the mode switch: the same buttons in Actions mode give Actions’ events', async () => {
    await open();
    await Promise.all([page.waitForURL(/mode=actions/), page.click('#link-mode')]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await text('mode')).toContain('Actions');
    const deadline = Date.now() + 10000;
    while (!demo.collector.events.some((e) => e.event_type === 'Viewed ') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const pageEvents = await clickAndCollect('page', 1);
    expect(pageEvents.map((e) => e.event_type)).toEqual(['Viewed Quick Start']);
    const order = await clickAndCollect('order', 3);
    expect(order.map((e) => e.event_type)).toEqual(['Order Completed', 'Product Purchased', 'Product Purchased']);
    expect(order[0]).toMatchObject({ revenue: 25, revenueType: 'Purchase' });
    expect(order[0].device_id).toBe(await text('anonymousId'));
  });

  it("Amplitude's other products: the Session Replay switch puts the replay ID on each event card, and the Experiment flag's exposure reaches the collector", async () => {
    await open();
    await page.check('[data-testid="sessionReplay"]');
    // The plugin's bundle is built on first use; once it is set up, the next events carry the replay ID.
    await page.waitForFunction(() => window.sessionReplayPlugin !== undefined, null, { timeout: 120000 });
    await page.waitForTimeout(500);
    const [track] = await clickAndCollect('track', 1);
    const replayId = track.event_properties['[Amplitude] Session Replay ID'];
    expect(replayId).toBe(`${track.device_id}/${track.session_id}`);
    await page.waitForSelector(`[data-replay-id="${replayId}"]`);

    const before = demo.collector.events.length;
    await page.click('[data-testid="experiment"]');
    const deadline = Date.now() + 120000;
    while (!demo.collector.events.slice(before).some((e) => e.event_type === '$exposure') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const exposure = demo.collector.events.slice(before).find((e) => e.event_type === '$exposure');
    expect(exposure).toMatchObject({
      device_id: track.device_id,
      session_id: track.session_id,
      event_properties: { flag_key: 'checkout-flow', variant: 'treatment' },
    });
    expect(await page.textContent('#products-hint')).toContain('treatment');
  }, 180000);
});
