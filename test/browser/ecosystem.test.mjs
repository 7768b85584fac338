// Amplitude's other products and Segment's plugins through the shim, with the real pinned packages, in
// real Chromium, against the local collector (which answers Session Replay's config and uploads and
// Experiment's flag fetches).
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, settle } from '../support/fixture.mjs';
import { API_KEY, snippetPage } from '../support/pages.mjs';
import { serveEcosystemBundles } from '../support/ecosystem-bundles.mjs';
import { waitFor } from '../support/browser.mjs';

const f = useBrowserFixture();
const REPLAY_ID = '[Amplitude] Session Replay ID';
const MODES = [
  ['Classic', { Amplitude: {} }],
  ['Actions', { 'Actions Amplitude': {} }],
];

beforeAll(async () => {
  await serveEcosystemBundles(f.server, ['session-replay-plugin', 'session-replay-segment-wrapper', 'experiment']);
}, 120000);

/** A snippet page in the given mode, with one ecosystem bundle loaded before the snippet. */
function pageWith({ integrations, bundle, calls }) {
  return snippetPage({
    collector: f.collector,
    settings: {},
    extra: { integrations },
    page: false,
    head: bundle ? `<script src="/ecosystem/${bundle}.js"></script>` : '',
    after: calls,
  });
}

/**
 * Sends Session Replay's fixed Amplitude hosts (which the Segment wrapper's copy cannot change) to the
 * collector; `configDelayMs` makes its remote config answer that late, as a slow network would.
 */
async function routeReplayHostsToCollector(page, { configDelayMs = 0 } = {}) {
  await page.context().route(/^https:\/\/(sr-client-cfg|api-sr)\.amplitude\.com\//, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname.startsWith('sr-client-cfg') && configDelayMs) await new Promise((resolve) => setTimeout(resolve, configDelayMs));
    const response = await route.fetch({ url: `${f.collector.url}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
}

const shimEvents = (events) => events.filter((e) => !e.event_type.startsWith('$') && !e.event_type.startsWith('[Amplitude]'));

describe('Session Replay through the SDK: instance.add(sessionReplayPlugin())', () => {
  it.each(MODES)('%s: every shim event carries the replay ID of its own device and session, and the replay is uploaded', async (_, integrations) => {
    const page = await f.newPage();
    const calls = `
      analytics.ready(function () {
        window.__replay = sessionReplayPlugin({ sampleRate: 1, configServerUrl: '${f.collector.url}/config', trackServerUrl: '${f.collector.url}/sessions/v2/track' });
        analytics.amplitude.instance.add(window.__replay).promise.then(function () {
          analytics.page('Docs', 'Home');
          analytics.track('Replay One', { a: 1 });
          analytics.track('Replay Two');
          window.__added = true;
        });
      });`;
    await page.goto(f.server.page('/sr-plugin', pageWith({ integrations, bundle: 'session-replay-plugin', calls })));
    await waitFor(() => page.evaluate(() => window.__added === true), Boolean);
    const events = shimEvents(await eventsAtLeast(f.collector, 3));
    expect(events.map((e) => e.event_type)).toEqual(expect.arrayContaining(['Replay One', 'Replay Two']));
    for (const e of events) {
      expect(e.event_properties?.[REPLAY_ID], `${e.event_type} carries the replay ID`).toBe(`${e.device_id}/${e.session_id}`);
    }
    // The current sequence goes out when recording stops (or the page is hidden); flush() sends what is queued.
    await page.evaluate(() => {
      window.__replay.sessionReplay.shutdown();
      return window.__replay.sessionReplay.flush(false);
    });
    const uploads = await waitFor(
      () => Promise.resolve(f.collector.ecosystem.replayUploads.slice()),
      (u) => u.length > 0,
    );
    expect(uploads.length).toBeGreaterThan(0);
    expect(uploads[0]).toMatchObject({ deviceId: events[0].device_id, sessionId: String(events[0].session_id), apiKey: API_KEY });
  });
});

describe('Session Replay through Segment: @amplitude/segment-session-replay-wrapper', () => {
  it.each([
    ['', 0],
    [' (its remote config answering after 1.5 s, longer than the hook bound)', 1500],
  ])('Actions: register() loads the wrapper, which adds the replay ID of the Actions session to each event%s', async (_, configDelayMs) => {
    const page = await f.newPage();
    await routeReplayHostsToCollector(page, { configDelayMs });
    const calls = `
      setupAmpSRSegmentWrapper({ segmentInstance: window.analytics, amplitudeApiKey: '${API_KEY}', sessionReplayOptions: { sampleRate: 1 } })
        .then(function () { window.__registered = true; });
      analytics.track('Wrapped One');
      analytics.page('Docs', 'Wrapped');`;
    await page.goto(f.server.page('/sr-wrapper', pageWith({ integrations: { 'Actions Amplitude': {} }, bundle: 'session-replay-segment-wrapper', calls })));
    await waitFor(() => page.evaluate(() => window.__registered === true), Boolean);
    const events = shimEvents(await eventsAtLeast(f.collector, 2));
    await settle(f.collector);
    // Its load ran: the wrapper's Session Replay asked for its remote config.
    expect(f.collector.ecosystem.replayConfigRequests).toEqual(expect.arrayContaining([expect.objectContaining({ shape: 'config_keys', apiKey: API_KEY })]));
    const anonymousId = await page.evaluate(() => window.analytics.user().anonymousId());
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events) {
      expect(e.device_id).toBe(anonymousId);
      expect(e.event_properties?.[REPLAY_ID], `${e.event_type} carries the replay ID`).toBe(`${e.device_id}/${e.session_id}`);
    }
  });
});

describe('Experiment: initializeWithAmplitudeAnalytics', () => {
  it.each(MODES)('%s: the flag fetch carries the visitor, and $exposure arrives as a first-class event', async (_, integrations) => {
    await fetch(`${f.collector.url}/_collector/experiment`, {
      method: 'POST',
      body: JSON.stringify({ variants: { 'checkout-flow': { key: 'treatment', value: 'treatment' } } }),
    });
    const page = await f.newPage();
    const calls = `
      analytics.ready(function () {
        var experiment = Experiment.initializeWithAmplitudeAnalytics('client-deployment-key', { serverUrl: '${f.collector.url}', flagsServerUrl: '${f.collector.url}' });
        analytics.identify('user-12345');
        setTimeout(function () {
          experiment.fetch().then(function () {
            window.__variant = experiment.variant('checkout-flow').value;
          });
        }, 50);
      });`;
    await page.goto(f.server.page('/experiment', pageWith({ integrations, bundle: 'experiment', calls })));
    const variant = await waitFor(() => page.evaluate(() => window.__variant), Boolean);
    expect(variant).toBe('treatment');
    const fetches = f.collector.ecosystem.experimentRequests.filter((r) => r.path === '/sdk/v2/vardata');
    const anonymousId = await page.evaluate(() => window.analytics.user().anonymousId());
    expect(fetches.at(-1).user).toMatchObject({ user_id: 'user-12345' });
    const events = await waitFor(
      () => Promise.resolve(f.collector.events.slice()),
      (list) => list.some((e) => e.event_type === '$exposure'),
    );
    const exposures = events.filter((e) => e.event_type === '$exposure');
    expect(exposures).toHaveLength(1);
    const [exposure] = exposures;
    expect(exposure.event_properties).toMatchObject({ flag_key: 'checkout-flow', variant: 'treatment' });
    expect(exposure.user_id).toBe('user-12345');
    expect(exposure.device_id).toBe(fetches.at(-1).user.device_id);
    expect(typeof exposure.device_id).toBe('string');
    expect(exposure.session_id).toBeGreaterThan(0);
    expect(typeof exposure.time).toBe('number');
    expect(typeof exposure.insert_id).toBe('string');
    const identify = events.find((e) => e.event_type === '$identify');
    expect(identify?.device_id ?? exposure.device_id).toBe(exposure.device_id);
    expect(anonymousId).toBeTruthy();
  });
});

describe('Segment plugins: analytics.register()', () => {
  it.each(MODES)('%s: an enrichment plugin is loaded and its updateEvent shows on the wire; a before plugin can cancel', async (_, integrations) => {
    const page = await f.newPage();
    const calls = `
      analytics.register({
        name: 'Enricher', type: 'enrichment', version: '1.0.0',
        isLoaded: function () { return true; },
        load: function (ctx, instance) { window.__loadedWith = typeof instance.track; return Promise.resolve(); },
        track: function (ctx) { ctx.updateEvent('properties.x', 1); return ctx; },
      }, {
        name: 'Gate', type: 'before', version: '1.0.0',
        isLoaded: function () { return true; },
        load: function () { return Promise.resolve(); },
        track: function (ctx) { if (ctx.event.event === 'Secret') ctx.cancel(); return ctx; },
      });
      analytics.track('Plugged', { a: 1 });
      analytics.track('Secret');
      analytics.track('After Secret');
      // Before the script has loaded, register() is the snippet's stub (as with Segment's); once loaded it
      // resolves to a system context.
      analytics.ready(function () {
        analytics.register({ name: 'Late', type: 'utility', load: function () {} })
          .then(function (ctx) { window.__registerCtx = ctx && ctx.event && ctx.event.event; });
      });`;
    await page.goto(f.server.page('/register', pageWith({ integrations, calls })));
    const events = await eventsAtLeast(f.collector, 2);
    await settle(f.collector);
    await waitFor(() => page.evaluate(() => window.__registerCtx), Boolean);
    expect(await page.evaluate(() => [window.__loadedWith, window.__registerCtx])).toEqual(['function', 'system']);
    const types = f.collector.events.map((e) => e.event_type);
    expect(types).toEqual(['Plugged', 'After Secret']);
    expect(events[0].event_properties).toEqual({ a: 1, x: 1 });
  });
});

describe('SDK plugins: analytics.amplitude.instance.add()', () => {
  it.each(MODES)("%s: a before plugin's changes show on the wire, and one that returns null drops the event", async (_, integrations) => {
    const page = await f.newPage();
    const calls = `
      analytics.ready(function () {
        var client = analytics.amplitude.instance;
        client.add({ name: 'changer', type: 'before', execute: function (e) { e.event_properties = Object.assign({}, e.event_properties, { changed: true }); return Promise.resolve(e); } });
        client.add({ name: 'dropper', type: 'before', execute: function (e) { return Promise.resolve(e.event_type === 'Drop Me' ? null : e); } });
        analytics.track('Keep Me', { a: 1 });
        analytics.track('Drop Me');
        analytics.track('Keep Me Too');
      });`;
    await page.goto(f.server.page('/sdk-before', pageWith({ integrations, calls })));
    await eventsAtLeast(f.collector, 2);
    const events = await settle(f.collector);
    expect(events.map((e) => e.event_type)).toEqual(['Keep Me', 'Keep Me Too']);
    expect(events[0].event_properties).toEqual({ a: 1, changed: true });
  });
});

describe('Plugins added to the SDK before ready', () => {
  it.each(MODES)('%s: apply to every event sent after they were added, the first ones included', async (_, integrations) => {
    const page = await f.newPage();
    // The script's load event: the shim has taken over the snippet and loaded; the SDK starts later.
    const calls = `
      analytics.ready(function () { window.__readyAt = window.__addedAt === undefined ? 'before add' : 'after add'; });
      document.querySelector('script[data-global-segment-analytics-key]').addEventListener('load', function () {
        var client = analytics.amplitude.instance;
        client.add({ name: 'marker', type: 'before', execute: function (e) { e.event_properties = Object.assign({}, e.event_properties, { marked: true }); return Promise.resolve(e); } });
        client.add(sessionReplayPlugin({ sampleRate: 1, configServerUrl: '${f.collector.url}/config', trackServerUrl: '${f.collector.url}/sessions/v2/track' }));
        window.__addedAt = Date.now();
        analytics.track('Right After Add');
        analytics.page('Docs', 'Early');
      });`;
    await page.goto(f.server.page('/sdk-early', pageWith({ integrations, bundle: 'session-replay-plugin', calls })));
    await eventsAtLeast(f.collector, 2);
    const events = shimEvents(await settle(f.collector));
    expect(await page.evaluate(() => window.__readyAt)).toBe('after add');
    expect(events.map((e) => e.event_type)).toEqual(expect.arrayContaining(['Right After Add']));
    for (const e of events) {
      expect(e.event_properties?.marked, `${e.event_type} went through the plugin`).toBe(true);
      expect(e.event_properties?.[REPLAY_ID], `${e.event_type} carries the replay ID`).toBe(`${e.device_id}/${e.session_id}`);
    }
  });
});

describe('Identity reaches the SDK as it changes', () => {
  it('Classic: after identify, each event still carries the replay ID of its own device and session; the SDK plugin sees the shim identity at setup', async () => {
    const page = await f.newPage();
    const calls = `
      analytics.ready(function () {
        var client = analytics.amplitude.instance;
        client.add({ name: 'setup-spy', type: 'enrichment', setup: function (config, c) {
          window.__setup = { deviceId: config.deviceId, sessionId: config.sessionId, clientDevice: c.getDeviceId(), apiKey: config.apiKey };
          window.__client = c;
          return Promise.resolve();
        }, execute: function (e) { (window.__usersSeen = window.__usersSeen || []).push(window.__client.getUserId() || null); return Promise.resolve(e); } });
        window.__replay = sessionReplayPlugin({ sampleRate: 1, configServerUrl: '${f.collector.url}/config', trackServerUrl: '${f.collector.url}/sessions/v2/track' });
        client.add(window.__replay).promise.then(function () {
          analytics.track('Anonymous');
          analytics.identify('user-777');
          analytics.track('Known');
          setTimeout(function () { analytics.track('Later'); window.__done = true; }, 50);
        });
      });`;
    await page.goto(f.server.page('/sdk-identity', pageWith({ integrations: { Amplitude: {} }, bundle: 'session-replay-plugin', calls })));
    await waitFor(() => page.evaluate(() => window.__done === true), Boolean);
    const events = shimEvents(await eventsAtLeast(f.collector, 3));
    const setup = await page.evaluate(() => window.__setup);
    const deviceId = await page.evaluate(() => window.analytics.amplitude.getDeviceId());
    expect(setup).toEqual({ deviceId, sessionId: events[0].session_id, clientDevice: deviceId, apiKey: API_KEY });
    const named = Object.fromEntries(events.map((e) => [e.event_type, e]));
    expect(named.Known.user_id).toBe('user-777');
    // The SDK's client knows the user as the events do, so plugins that read it see the same visitor.
    expect((await page.evaluate(() => window.__usersSeen)).at(-1)).toBe('user-777');
    for (const e of events) expect(e.event_properties?.[REPLAY_ID], `${e.event_type} carries the replay ID`).toBe(`${e.device_id}/${e.session_id}`);
  });
});
