// Every call type, end to end in Chromium: what the collector receives is what Segment's Amplitude
// destination sent in device mode.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, settle } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();

async function loaded(settings, path = '/calls') {
  const page = await f.newPage();
  await page.goto(
    f.server.page(path.split('?')[0], snippetPage({ collector: f.collector, settings, page: false, title: 'Calls' })) +
      (path.includes('?') ? path.slice(path.indexOf('?')) : ''),
  );
  await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
  return page;
}

describe('every call type on the wire', () => {
  it('identify, track, page, screen, group and alias', async () => {
    const page = await loaded(
      {
        trackAllPages: true,
        trackReferrer: false,
        traitsToIncrement: ['logins'],
        traitsToSetOnce: ['signupDate'],
        groupTypeTrait: 'type',
        groupValueTrait: 'name',
        versionName: '4.6.0',
        appendFieldsToEventProps: { 'context.page.title': 'pageTitle' },
      },
      '/calls?utm_source=news',
    );
    await page.evaluate(async () => {
      const a = window.analytics;
      await a.identify(
        42,
        { email: 'x@example.com', logins: 1, signupDate: '2020-01-01' },
        { integrations: { Amplitude: { groups: { team: ['red', 'blue'] } } } },
      );
      await a.track('Song Played', { title: 'So What', plays: 3 }, { integrations: { Amplitude: { groups: { org: 'acme' } } } });
      await a.page('Music', 'Player');
      await a.screen('Settings');
      await a.group('acct-9', { type: 'company', name: 'Acme Inc' });
      await a.alias('new-id-42');
    });
    const events = await eventsAtLeast(f.collector, 10);
    const simplified = (await settle(f.collector)).map((e) => ({
      event_type: e.event_type,
      user_id: e.user_id,
      ...(e.event_properties && { event_properties: e.event_properties }),
      ...(e.user_properties && { user_properties: e.user_properties }),
      ...(e.groups && { groups: e.groups }),
    }));
    const pageProps = {
      path: '/calls',
      referrer: '',
      search: '?utm_source=news',
      title: 'Calls',
      url: `${f.server.url}/calls?utm_source=news`,
      category: 'Music',
      name: 'Player',
      pageTitle: 'Calls',
    };
    expect(simplified).toEqual([
      // trackUtmProperties (catalog default on): the landing URL's UTM, at the start of the session.
      { event_type: '$identify', user_id: undefined, user_properties: { $setOnce: { initial_utm_source: 'news' }, $set: { utm_source: 'news' } } },
      {
        event_type: '$identify',
        user_id: '42',
        user_properties: { $set: { email: 'x@example.com', id: '42' }, $add: { logins: 1 }, $setOnce: { signupDate: '2020-01-01T00:00:00.000Z' } },
      },
      { event_type: '$identify', user_id: '42', user_properties: { $set: { team: ['red', 'blue'] } }, groups: { team: ['red', 'blue'] } },
      { event_type: 'Song Played', user_id: '42', event_properties: { title: 'So What', plays: 3, pageTitle: 'Calls' }, groups: { org: 'acme' } },
      { event_type: 'Loaded a Page', user_id: '42', event_properties: pageProps },
      { event_type: 'Viewed Music Page', user_id: '42', event_properties: pageProps },
      { event_type: 'Viewed Music Player Page', user_id: '42', event_properties: pageProps },
      { event_type: 'Loaded a Screen', user_id: '42', event_properties: { pageTitle: 'Calls' } },
      { event_type: 'Viewed Settings Screen', user_id: '42', event_properties: { pageTitle: 'Calls' } },
      { event_type: '$identify', user_id: '42', user_properties: { $set: { company: 'Acme Inc' } }, groups: { company: 'Acme Inc' } },
    ]);
    for (const e of events) {
      expect(e.app_version).toBe('4.6.0');
      expect(e.platform).toBe('Web');
      expect(e.ip).toBe('$remote');
    }
    // Short IDs such as "42" are accepted (the shim sends min_id_length 1).
    expect(f.collector.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('the per-page referrer identify of trackReferrer (catalog default on)', async () => {
    const page = await f.newPage();
    const landing = f.server.page('/ref-landing', snippetPage({ collector: f.collector, settings: {}, page: true }));
    const origin = f.server.page('/origin', `<!doctype html><a id="go" href="${landing}">go</a>`);
    await page.goto(origin);
    await page.click('#go');
    await page.waitForURL(landing);
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const [identify] = await eventsAtLeast(f.collector, 1);
    const host = new URL(f.server.url).host;
    expect(identify.event_type).toBe('$identify');
    expect(identify.user_properties).toEqual({
      $setOnce: { initial_referrer: origin, initial_referring_domain: host },
      $set: { referrer: origin, referring_domain: host },
    });
  });

  it('callbacks, promises and emitter events behave like analytics-next', async () => {
    const page = await loaded({ trackReferrer: false });
    const result = await page.evaluate(async () => {
      const a = window.analytics;
      const seen = [];
      a.on('track', (name, props, opts) => seen.push(['on', name, props, opts === undefined]));
      const ctx = await a.track('With Callback', { x: 1 }, () => seen.push(['callback']));
      return { seen, event: ctx.event.event, failed: Boolean(ctx.failedDelivery()) };
    });
    expect(result).toEqual({ seen: [['callback'], ['on', 'With Callback', { x: 1 }, true]], event: 'With Callback', failed: false });
  });

  it('trackLink navigates after tracking, and the event arrives once', async () => {
    const page = await loaded({ trackReferrer: false });
    const target = f.server.page('/target', '<!doctype html><title>target</title>');
    await page.evaluate((href) => {
      document.body.innerHTML = `<a id="l" href="${href}">go</a>`;
      window.analytics.trackLink(document.getElementById('l'), 'Link Clicked', (el) => ({ href: el.getAttribute('href') }));
    }, target);
    await page.click('#l');
    await page.waitForURL(target);
    const events = (await settle(f.collector, 800)).filter((e) => e.event_type === 'Link Clicked');
    expect(events).toHaveLength(1);
    expect(events[0].event_properties).toEqual({ href: target });
  });
});

describe('timing, on the page clock (not the wall clock)', () => {
  it('without batching, an event leaves within 20 ms of page time after its call', async () => {
    const page = await f.newPage();
    // Page time moves only when the test moves it.
    await page.clock.install({ time: new Date('2026-11-29T10:00:00Z') });
    await page.clock.pauseAt(new Date('2026-11-29T10:00:01Z'));
    await page.goto(f.server.page('/clocked', snippetPage({ collector: f.collector, settings: { trackReferrer: false }, page: false })));
    await page.evaluate(() => {
      window.analytics.ready(() => (window.__ready = true));
    });
    // The SDK's start uses timers too: let page time pass until it is ready.
    for (let i = 0; i < 50 && !(await page.evaluate(() => window.__ready === true)); i++) await page.clock.runFor(100);
    expect(await page.evaluate(() => window.__ready === true)).toBe(true);
    await page.evaluate(() => {
      window.analytics.track('On Time');
    });
    await page.clock.runFor(20);
    // Page time stands still now: the request is already on its way, or it will never leave.
    const events = await eventsAtLeast(f.collector, 1, 5000);
    expect(events.map((e) => e.event_type)).toEqual(['On Time']);
  });
});
