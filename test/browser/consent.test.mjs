// Sites behind a consent manager, in real Chromium: Segment's consent wrapper (consent-tools 2.0.3) with
// a fake OneTrust, and the plain load options (disable, disableClientPersistence, integrations, GPC).
// Every test checks cookies, localStorage and sessionStorage key by key, and counts events on the wire.
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, expectPostedOnce, settle } from '../support/fixture.mjs';
import { snippetPage, shimLoadOptions, API_KEY } from '../support/pages.mjs';
import { consentToolsScript } from '../../demo/consent-wrapper.mjs';

const f = useBrowserFixture();
const SHIM = '/dist/segment-amplitude-shim.min.js';
const CONSENT_TOOLS = '<script src="/consent-tools.js"></script>';

beforeAll(async () => {
  f.server.page('/consent-tools.js', await consentToolsScript(), { 'Content-Type': 'text/javascript' });
});

/** Every key the page's origin holds, by store. */
async function storedKeys(page) {
  const inPage = await page.evaluate(() => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
  }));
  const cookies = (await page.context().cookies()).map((c) => c.name).sort();
  return { cookies, ...inPage };
}
const NOTHING = { cookies: [], local: [], session: [] };

/** Records what the wrapper's middleware stamped, as Amplitude's destination middleware sees it. */
const RECORD_CONSENT = `
  window.__consentSeen = [];
  analytics.addDestinationMiddleware('Amplitude', function (m) {
    window.__consentSeen.push({ event: m.payload.obj.event || m.payload.obj.type, consent: m.payload.obj.context.consent });
    m.next(m.payload);
  });`;

/** The snippet without its load call, then the wrapper's load, as the OneTrust docs tell snippet users. */
function wrappedSnippetPage({ model, oneTrust = {}, settings = {}, extra = {}, wrapperOptions = {}, before = '', calls = '' }) {
  const options = shimLoadOptions(f.collector, { trackAllPages: true, trackReferrer: false, ...settings }, extra);
  return snippetPage({
    collector: f.collector,
    head: CONSENT_TOOLS,
    before: `installFakeOneTrust(${JSON.stringify(model)}, ${JSON.stringify(oneTrust)});${before}`,
    load: false,
    page: false,
    after: `
      window.__ready = false;
      analytics.ready(function () { window.__ready = true; });
      ${RECORD_CONSENT}
      withOneTrust(analytics, ${JSON.stringify(wrapperOptions)}).load(${JSON.stringify(API_KEY)}, ${JSON.stringify(options)});
      analytics.page();
      ${calls}`,
  });
}

describe('opt-in (GDPR-style): nothing before consent', () => {
  it('the banner stays open for 5 s, then the page is left: nothing stored, nothing sent', async () => {
    const page = await f.newPage();
    await page.clock.install();
    await page.goto(
      f.server.page(
        '/optin-open',
        wrappedSnippetPage({ model: 'opt-in', settings: { consentSettings: { categories: ['C0002'] } }, calls: "analytics.track('Waiting')" }),
      ),
    );
    await page.clock.runFor(5000);
    const shimLoaded = await page.evaluate((src) => !!document.querySelector(`script[src="${src}"]`), SHIM);
    expect(shimLoaded).toBe(false);
    expect(await storedKeys(page)).toEqual(NOTHING);
    await page.evaluate(() => {
      window.dispatchEvent(new window.PageTransitionEvent('pagehide', { persisted: false }));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.close();
    expect(await settle(f.collector)).toEqual([]);
  });

  it('the same with the shim installed first (bundler style) and wrapped later: memory only', async () => {
    const page = await f.newPage();
    await page.clock.install();
    const html = `<!doctype html><html><head>${CONSENT_TOOLS}<script src="${SHIM}"></script></head><body><script>
      installFakeOneTrust('opt-in');
      analytics.track('Before load');
      window.__anon = analytics.user().anonymousId();
      withOneTrust(window.analytics).load(${JSON.stringify(API_KEY)}, ${JSON.stringify(shimLoadOptions(f.collector, { consentSettings: { categories: ['C0002'] } }, { initialPageview: true }))});
    </script></body></html>`;
    await page.goto(f.server.page('/optin-bundler', html));
    await page.clock.runFor(5000);
    expect(await page.evaluate(() => window.__anon)).toHaveLength(36);
    expect(await storedKeys(page)).toEqual(NOTHING);
    await page.close();
    expect(await settle(f.collector)).toEqual([]);
  });

  for (const [where, setup] of [
    ['in the load options', { settings: { consentSettings: { categories: ['C0002'] } } }],
    ['only in the wrapper’s integrationCategoryMappings', { wrapperOptions: { integrationCategoryMappings: { Amplitude: ['C0002'] } } }],
  ])
    it(`the visitor accepts (mapping ${where}): every call queued before consent arrives once, in call order, stamped with consent`, async () => {
      const page = await f.newPage();
      await page.goto(
        f.server.page(
          '/optin-accept',
          wrappedSnippetPage({
            model: 'opt-in',
            ...setup,
            calls: "analytics.track('Before consent', {n: 1}); analytics.identify('visitor-1', {plan: 'pro'});",
          }),
        ),
      );
      await page.waitForTimeout(200);
      expect(await storedKeys(page)).toEqual(NOTHING);
      expect(f.collector.events).toEqual([]);
      await page.evaluate(() => window.fakeOneTrustAnswer(',C0001,C0002,'));
      const events = await eventsAtLeast(f.collector, 4);
      await settle(f.collector);
      expect(events.map((e) => e.event_type)).toEqual(['Loaded a Page', 'Before consent', '$identify', 'Segment Consent Preference Updated']);
      expectPostedOnce(f.collector, ['Loaded a Page', 'Before consent', '$identify', 'Segment Consent Preference Updated']);
      const seen = await page.evaluate(() => window.__consentSeen);
      expect(seen.length).toBe(4);
      for (const s of seen) expect(s.consent.categoryPreferences).toEqual({ C0001: true, C0002: true });
      expect(await page.evaluate(() => window.__ready)).toBe(true);
      const keys = await storedKeys(page);
      expect(keys.cookies).toEqual(expect.arrayContaining(['ajs_anonymous_id', 'ajs_user_id', `AMP_${API_KEY.slice(0, 10)}`]));
    });

  for (const [where, setup] of [
    ['in the load options', { settings: { consentSettings: { categories: ['C0002'] } } }],
    ['only in the wrapper’s integrationCategoryMappings', { wrapperOptions: { integrationCategoryMappings: { Amplitude: ['C0002'] } } }],
  ]) {
    it(`the visitor rejects all, mapping ${where}: nothing stored, nothing sent, ready fires`, async () => {
      const page = await f.newPage();
      await page.goto(f.server.page('/optin-reject', wrappedSnippetPage({ model: 'opt-in', ...setup, calls: "analytics.track('Refused', {n: 1})" })));
      await page.evaluate(() => window.fakeOneTrustAnswer(',C0001,'));
      await page.waitForFunction(() => window.__ready === true);
      await page.evaluate(() => window.analytics.identify('refuser', { a: 1 }));
      expect(await settle(f.collector)).toEqual([]);
      expect(await storedKeys(page)).toEqual(NOTHING);
      // The Segment side keeps working, in memory.
      expect(await page.evaluate(() => window.analytics.user().id())).toBe('refuser');
    });
  }

  it('a returning visitor whose consent was given earlier: the first page() arrives', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page(
        '/optin-returning',
        wrappedSnippetPage({ model: 'opt-in', oneTrust: { closed: true, active: ',C0001,C0002,' }, settings: { consentSettings: { categories: ['C0002'] } } }),
      ),
    );
    const [event] = await eventsAtLeast(f.collector, 1);
    await settle(f.collector);
    expect(event.event_type).toBe('Loaded a Page');
    expectPostedOnce(f.collector, ['Loaded a Page']);
  });

  it('a returning visitor, shim installed first: the wrapper’s initial page carries the stored identity', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const origin = new URL(f.server.url);
    await context.addCookies([{ name: 'ajs_anonymous_id', value: 'returning-anon-0001', domain: origin.hostname, path: '/' }]);
    const page = await f.newPage(context);
    const options = shimLoadOptions(
      f.collector,
      { trackAllPages: true, preferAnonymousIdForDeviceId: true, consentSettings: { categories: ['C0002'] } },
      { initialPageview: true },
    );
    const html = `<!doctype html><html><head>${CONSENT_TOOLS}<script src="${SHIM}"></script></head><body><script>
      installFakeOneTrust('opt-in', { closed: true, active: ',C0001,C0002,' });
      withOneTrust(window.analytics).load(${JSON.stringify(API_KEY)}, ${JSON.stringify(options)});
    </script></body></html>`;
    await page.goto(f.server.page('/optin-returning-bundler', html));
    const [event] = await eventsAtLeast(f.collector, 1);
    await settle(f.collector);
    expectPostedOnce(f.collector, ['Loaded a Page']);
    expect(event.device_id).toBe('returning-anon-0001');
  });
});

describe('opt-out (CCPA-style): events flow until consent is revoked', () => {
  it('consented: every event arrives once, with no middleware warning', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page(
        '/optout',
        wrappedSnippetPage({
          model: 'opt-out',
          oneTrust: { active: ',C0001,C0002,' },
          settings: { consentSettings: { categories: ['C0002'] } },
          calls: "analytics.track('One'); analytics.track('Two');",
        }),
      ),
    );
    await eventsAtLeast(f.collector, 3);
    await page.evaluate(() => window.analytics.track('Three'));
    await eventsAtLeast(f.collector, 4);
    await settle(f.collector);
    expectPostedOnce(f.collector, ['Loaded a Page', 'One', 'Two', 'Three']);
    expect(page.shimWarnings.filter((w) => w.includes('segment-amplitude-shim'))).toEqual([]);
  });

  it('revoked mid-page: later events are dropped at once and silently; earlier ones arrive once', async () => {
    const page = await f.newPage();
    await page.goto(
      f.server.page(
        '/optout-revoke',
        wrappedSnippetPage({ model: 'opt-out', oneTrust: { active: ',C0001,C0002,' }, settings: { consentSettings: { categories: ['C0002'] } } }),
      ),
    );
    await page.evaluate(() => window.analytics.track('Before revocation'));
    await eventsAtLeast(f.collector, 2);
    const ctx = await page.evaluate(async () => {
      window.fakeOneTrustAnswer(',C0001,');
      const started = Date.now();
      await window.analytics.track('After revocation');
      return { ms: Date.now() - started };
    });
    await settle(f.collector);
    expectPostedOnce(f.collector, ['Loaded a Page', 'Before revocation']);
    expect(f.collector.events.map((e) => e.event_type)).not.toContain('After revocation');
    // Dropped by middleware at once, not after the 1 s middleware timeout.
    expect(ctx.ms).toBeLessThan(1000);
    expect(page.shimWarnings.filter((w) => w.includes('segment-amplitude-shim'))).toEqual([]);
  });
});

describe('Actions mode behind the wrapper', () => {
  it('opt-out: the wrapper finds "Actions Amplitude" and its categories; revocation drops later events', async () => {
    const page = await f.newPage();
    const actions = { 'Actions Amplitude': { consentSettings: { categories: ['C0002'] } } };
    await page.goto(
      f.server.page('/optout-actions', wrappedSnippetPage({ model: 'opt-out', oneTrust: { active: ',C0001,C0002,' }, extra: { integrations: actions } })),
    );
    await page.evaluate(() => window.analytics.track('Before revocation'));
    await eventsAtLeast(f.collector, 2);
    await page.evaluate(async () => {
      window.fakeOneTrustAnswer(',C0001,');
      await window.analytics.track('After revocation');
    });
    await settle(f.collector);
    // Actions' page event name, and the revoked event never sent.
    expectPostedOnce(f.collector, ['Viewed ', 'Before revocation']);
    expect(f.collector.events.map((e) => e.event_type)).not.toContain('After revocation');
    expect(page.shimWarnings.filter((w) => w.includes('segment-amplitude-shim'))).toEqual([]);
  });
});

describe('load options', () => {
  async function openWith(path, extra, settings = {}, code = '') {
    const page = await f.newPage();
    const options = shimLoadOptions(f.collector, { trackAllPages: true, trackReferrer: false, ...settings }, extra);
    const html = snippetPage({
      collector: f.collector,
      load: false,
      page: false,
      after: `window.__ready = false; analytics.ready(function () { window.__ready = true; });
        var options = ${JSON.stringify(options)}; ${code}
        analytics.load(${JSON.stringify(API_KEY)}, options); analytics.page(); analytics.track('Loaded with options');`,
    });
    await page.goto(f.server.page(path, html));
    await page.waitForFunction(() => window.__ready === true);
    return page;
  }

  it('disable: true: ready fires, calls resolve, nothing stored or sent', async () => {
    const page = await openWith('/disable-true', { disable: true });
    expect(await page.evaluate(() => window.analytics.track('Resolves').then((ctx) => ctx.event.event))).toBe('Resolves');
    expect(await page.evaluate(() => window.analytics.initialized)).toBe(true);
    expect(await settle(f.collector)).toEqual([]);
    expect(await storedKeys(page)).toEqual(NOTHING);
  });

  it('disable as an async function returning true: nothing stored or sent', async () => {
    const page = await openWith(
      '/disable-async',
      {},
      {},
      'options.disable = function () { return new Promise(function (r) { setTimeout(function () { r(true); }, 50); }); };',
    );
    expect(await settle(f.collector)).toEqual([]);
    expect(await storedKeys(page)).toEqual(NOTHING);
  });

  it('disable as an async function returning false: the calls arrive once', async () => {
    await openWith('/disable-async-false', {}, {}, 'options.disable = function () { return Promise.resolve(false); };');
    await eventsAtLeast(f.collector, 2);
    await settle(f.collector);
    expectPostedOnce(f.collector, ['Loaded a Page', 'Loaded with options']);
  });

  for (const integrations of [{ All: false }, { Amplitude: false }]) {
    it(`load-level integrations ${JSON.stringify(integrations)}: no AMP_ key, nothing sent`, async () => {
      const page = await f.newPage();
      const options = shimLoadOptions(f.collector, {}, {});
      options.integrations = integrations;
      const html = snippetPage({
        collector: f.collector,
        load: false,
        page: false,
        after: `analytics.load(${JSON.stringify(API_KEY)}, ${JSON.stringify(options)}); analytics.page(); analytics.track('Routed');`,
      });
      await page.goto(f.server.page('/routed-off', html));
      await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
      expect(await settle(f.collector)).toEqual([]);
      const keys = await storedKeys(page);
      const all = [...keys.cookies, ...keys.local, ...keys.session];
      expect(all.filter((k) => k.startsWith('AMP') || k.includes('amplitude'))).toEqual([]);
      // analytics.js kept the visitor's Segment identity on such a page; so do we.
      expect(keys.cookies).toContain('ajs_anonymous_id');
    });
  }

  it('disableClientPersistence: events arrive and no storage key exists at all', async () => {
    const page = await openWith('/no-persistence', { disableClientPersistence: true });
    await eventsAtLeast(f.collector, 2);
    await page.evaluate(() => window.analytics.identify('memory-only', { a: 1 }));
    await eventsAtLeast(f.collector, 3);
    await settle(f.collector);
    expectPostedOnce(f.collector, ['Loaded a Page', 'Loaded with options', '$identify']);
    expect(await storedKeys(page)).toEqual(NOTHING);
  });
});

describe('Global Privacy Control', () => {
  async function withGpc(settings) {
    const page = await f.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
    await page.goto(f.server.page('/gpc', snippetPage({ collector: f.collector, settings: { trackAllPages: true, trackReferrer: false, ...settings } })));
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    await page.evaluate(() => window.analytics.track('Under GPC'));
    return page;
  }

  it('GPC on, honorGlobalPrivacyControl on: nothing sent, nothing stored', async () => {
    const page = await withGpc({ honorGlobalPrivacyControl: true });
    expect(await settle(f.collector)).toEqual([]);
    expect(await storedKeys(page)).toEqual(NOTHING);
  });

  it('GPC on, setting off (the default): unchanged', async () => {
    await withGpc({});
    await eventsAtLeast(f.collector, 2);
    await settle(f.collector);
    expectPostedOnce(f.collector, ['Loaded a Page', 'Under GPC']);
  });
});
