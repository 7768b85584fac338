// Segment's snippet (4.x and 5.x) with only the script URL changed, in real Chromium, against the
// local collector: pre-load calls, call order, page context, stale references, double inclusion.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, settle } from '../support/fixture.mjs';
import { snippetPage, API_KEY } from '../support/pages.mjs';

const f = useBrowserFixture();
const PRELOAD = `
  analytics.track('First', {n: 1});
  analytics.identify('user-42', {email: 'a@example.com', plan: 'pro'});
  analytics.track('Second', {n: 2});
  history.pushState({}, '', '/moved');
  analytics.page('Docs', 'Index', {section: 'api'});
  analytics.group('org-1', {name: 'Acme'});
`;

describe.each([4, 5])('snippet %s.x', (version) => {
  it('replays calls queued before load in true call order, with the content Amplitude expects', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page(
        `/s${version}/start`,
        snippetPage({ version, collector: f.collector, settings: { trackAllPages: true, trackReferrer: false }, page: true, after: PRELOAD }),
      ),
    );
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const events = await eventsAtLeast(f.collector, 8);
    expect(events.map((e) => e.event_type)).toEqual([
      'Loaded a Page', // the snippet's own analytics.page()
      'First',
      '$identify',
      'Second',
      'Loaded a Page',
      'Viewed Docs Page',
      'Viewed Docs Index Page',
      '$identify', // group -> setGroup
    ]);
    const [load0, first, ident, second, load1, , , group] = events;
    expect(first.user_id).toBeUndefined();
    expect(first.event_properties).toEqual({ n: 1 });
    expect(ident.user_id).toBe('user-42');
    expect(ident.user_properties).toEqual({ $set: { email: 'a@example.com', plan: 'pro', id: 'user-42' } });
    expect(second.user_id).toBe('user-42');
    expect(group.groups).toEqual({ '[Segment] Group': 'org-1' });
    expect(group.user_properties).toEqual({ $set: { '[Segment] Group': 'org-1' } });
    expect(new Set(events.map((e) => e.device_id)).size).toBe(1);
    expect(new Set(events.map((e) => e.insert_id)).size).toBe(events.length);
    for (const e of events) {
      expect(e.library).toBe('segment-amplitude-shim/0.1.0');
      expect(e._received.api_key).toBe(API_KEY);
      expect(typeof e.session_id).toBe('number');
    }
    // Page context: 5.x captured it at call time; 4.x had none, so it is read when the shim takes over.
    expect(load0.event_properties.path).toBe(version === 5 ? `/s${version}/start` : '/moved');
    expect(load1.event_properties).toMatchObject({ path: '/moved', category: 'Docs', name: 'Index', section: 'api' });
    // Times never go backwards in call order.
    const times = events.map((e) => e.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(await settle(f.collector)).toHaveLength(8);
  });

  it('keeps references taken before load working, and push([...]) after load', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page(
        `/stale${version}`,
        snippetPage({
          version,
          collector: f.collector,
          settings: { trackReferrer: false },
          page: false,
          after: 'window.savedTrack = analytics.track; window.savedAnalytics = analytics;',
        }),
      ),
    );
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const same = await page.evaluate(() => {
      window.savedTrack('Via saved method');
      window.savedAnalytics.track('Via saved object');
      window.analytics.push(['track', 'Via push']);
      return window.savedAnalytics === window.analytics;
    });
    expect(same).toBe(true);
    const events = await eventsAtLeast(f.collector, 3);
    expect(events.map((e) => e.event_type)).toEqual(['Via saved method', 'Via saved object', 'Via push']);
  });

  it('ready() and user() queued before load work once it has loaded', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page(
        `/ready${version}`,
        snippetPage({
          version,
          collector: f.collector,
          page: false,
          after: `analytics.ready(function(){ window.readyInfo = { anon: analytics.user().anonymousId(), device: analytics.amplitude.getDeviceId(), legacy: amplitude.getInstance().options.deviceId, initialized: analytics.initialized }; });`,
        }),
      ),
    );
    const info = await page.waitForFunction(() => window.readyInfo).then((h) => h.jsonValue());
    expect(info.anon).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.device).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.legacy).toBe(info.device);
    expect(info.initialized).toBe(true);
  });
});

describe('loading twice', () => {
  it('a snippet included twice and the script loaded twice initialize once and send once', async () => {
    const page = await f.newPage();
    const warnings = [];
    const errors = [];
    page.on('console', (m) => (m.type() === 'warning' ? warnings : m.type() === 'error' ? errors : []).push(m.text()));
    const html = snippetPage({ version: 5, collector: f.collector, settings: { trackAllPages: true, trackReferrer: false }, page: true });
    // The same snippet pasted twice, then our file included a second time by hand.
    const doubled = html.replace(
      '</head>',
      `<script>${/<script>(!function[\s\S]*?)<\/script>/.exec(html)[1]}</script><script src="/dist/segment-amplitude-shim.min.js"></script></head>`,
    );
    await page.goto(f.server.page('/twice', doubled));
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    await page.evaluate(() => window.analytics.load('another-key', {}));
    const events = await settle(f.collector, 600);
    expect(events.map((e) => e.event_type)).toEqual(['Loaded a Page']);
    expect(errors.filter((e) => e.includes('Segment snippet included twice.'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('the second copy does nothing'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('load() was called again'))).toHaveLength(1);
  });
});
