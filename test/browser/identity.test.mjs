// Device IDs, Segment IDs and session behaviour in real Chromium, as the collector sees them.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, eventsAtLeast, settle } from '../support/fixture.mjs';
import { snippetPage, API_KEY } from '../support/pages.mjs';

const f = useBrowserFixture();
const URL_DEVICE = '9f1c2b3a-4d5e-4f60-8a7b-0c1d2e3f4a5b';
const UNRELATED = 'unrelated-device-param-123';

async function load(page, path, settings, after = '') {
  await page.goto(
    f.server.page(path.split('?')[0], snippetPage({ collector: f.collector, settings: { trackReferrer: false, ...settings }, page: false, after })) +
      (path.includes('?') ? path.slice(path.indexOf('?')) : ''),
  );
  await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
  return page.evaluate(() => ({
    anon: window.analytics.user().anonymousId(),
    device: window.analytics.amplitude.getDeviceId(),
    source: window.analytics.amplitude.getDeviceIdSource(),
    session: window.analytics.amplitude.getSessionId(),
  }));
}

describe('amp_device_id hand-off', () => {
  it('adopts a valid amp_device_id when deviceIdFromUrlParam is on, and ignores an unrelated ?deviceId=', async () => {
    const page = await f.newPage();
    const ids = await load(page, `/landing?amp_device_id=${URL_DEVICE}&deviceId=${UNRELATED}`, { deviceIdFromUrlParam: true });
    expect(ids).toMatchObject({ device: URL_DEVICE, source: 'url' });
    await page.evaluate(() => window.analytics.track('Landed'));
    const [event] = await eventsAtLeast(f.collector, 1);
    expect(event.device_id).toBe(URL_DEVICE);
  });

  it('ignores it when the setting is off, and never takes ?deviceId=', async () => {
    const page = await f.newPage();
    const ids = await load(page, `/landing?amp_device_id=${URL_DEVICE}&deviceId=${UNRELATED}&ampDeviceId=${UNRELATED}`, {});
    expect(ids.device).not.toBe(URL_DEVICE);
    expect(ids.device).not.toBe(UNRELATED);
    expect(ids.source).toBe('new');
  });

  it('rejects an implausible value with a warning', async () => {
    const page = await f.newPage();
    const ids = await load(page, `/landing?amp_device_id=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, { deviceIdFromUrlParam: true });
    expect(ids.source).toBe('new');
    expect(page.shimWarnings.some((w) => w.includes('amp_device_id is not a plausible device ID'))).toBe(true);
  });

  it('the ID survives the next page view through Amplitude’s cookie', async () => {
    const page = await f.newPage();
    await load(page, `/one?amp_device_id=${URL_DEVICE}`, { deviceIdFromUrlParam: true });
    const second = await load(page, '/two', { deviceIdFromUrlParam: true });
    expect(second).toMatchObject({ device: URL_DEVICE, source: 'stored' });
  });
});

describe('Prefer Anonymous ID for Device ID', () => {
  it('device_id is the Segment anonymousId on every event, before and after it changes', async () => {
    const page = await f.newPage();
    const ids = await load(page, '/pref', { preferAnonymousIdForDeviceId: true });
    expect(ids.device).toBe(ids.anon);
    await page.evaluate(() => {
      window.analytics.track('Before change');
      window.analytics.setAnonymousId('changed-anonymous-id-1');
      window.analytics.track('After change');
    });
    const events = await eventsAtLeast(f.collector, 2);
    expect(events.map((e) => [e.event_type, e.device_id])).toEqual([
      ['Before change', ids.anon],
      ['After change', 'changed-anonymous-id-1'],
    ]);
  });

  it('an existing Segment visitor keeps their anonymousId as the device ID', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    await context.addCookies([{ name: 'ajs_anonymous_id', value: 'returning-segment-visitor-01', url: f.server.url }]);
    const page = await f.newPage(context);
    const ids = await load(page, '/returning', { preferAnonymousIdForDeviceId: true });
    expect(ids).toMatchObject({ anon: 'returning-segment-visitor-01', device: 'returning-segment-visitor-01', source: 'anonymousId' });
  });

  it('ajs_aid in a link sets both', async () => {
    const page = await f.newPage();
    const ids = await load(page, '/link?ajs_aid=from-ajs-aid-link-77', { preferAnonymousIdForDeviceId: true });
    expect(ids).toMatchObject({ anon: 'from-ajs-aid-link-77', device: 'from-ajs-aid-link-77' });
  });
});

describe('returning Amplitude visitors keep their device ID', () => {
  it.each([
    [
      'v2 AMP_ cookie',
      (d) => ({
        name: `AMP_${API_KEY.slice(0, 10)}`,
        value: encodeURIComponent(Buffer.from(encodeURIComponent(JSON.stringify({ deviceId: d, sessionId: 1 }))).toString('base64')),
      }),
    ],
    [
      'amplitude-js 5.x cookie (Segment classic)',
      (d) => ({ name: `amplitude_id_${API_KEY}127.0.0.1`, value: Buffer.from(JSON.stringify({ deviceId: d })).toString('base64') }),
    ],
    // amplitude-js 6+ writes deviceId.base64(userId).optOut('1' or '').sessionId.lastEventTime.eventId in base 32.
    [
      'amplitude-js 6+ cookie',
      (d) => ({ name: `amp_${API_KEY.slice(0, 6)}`, value: `${d}...${(1700000000000).toString(32)}.${(1700000000000).toString(32)}.1` }),
    ],
  ])('%s', async (_label, cookie) => {
    const stored = 'stored-device-id-1234567890R';
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    await context.addCookies([{ ...cookie(stored), url: f.server.url }]);
    const page = await f.newPage(context);
    const ids = await load(page, '/back', {});
    expect(ids).toMatchObject({ device: stored, source: 'stored' });
    await page.evaluate(() => window.analytics.track('Came back'));
    expect((await eventsAtLeast(f.collector, 1))[0].device_id).toBe(stored);
  });
});

describe('reset()', () => {
  it.each([true, false])('clears the user, issues a new device ID and a new session (prefer anonymousId: %s)', async (prefer) => {
    const page = await f.newPage();
    const before = await load(page, '/reset', { preferAnonymousIdForDeviceId: prefer });
    await page.evaluate(async () => {
      await window.analytics.identify('user-before-reset', { name: 'Ada' });
      await window.analytics.track('Before reset');
      window.analytics.reset();
      await new Promise((r) => setTimeout(r, 5));
      await window.analytics.track('After reset');
    });
    const after = await page.evaluate(() => ({
      anon: window.analytics.user().anonymousId(),
      user: window.analytics.user().id(),
      device: window.analytics.amplitude.getDeviceId(),
      session: window.analytics.amplitude.getSessionId(),
      cookie: document.cookie,
    }));
    const events = await eventsAtLeast(f.collector, 3);
    const b = events.find((e) => e.event_type === 'Before reset');
    const a = events.find((e) => e.event_type === 'After reset');
    expect(b.user_id).toBe('user-before-reset');
    expect(a.user_id).toBeUndefined();
    expect(after.user).toBeNull();
    expect(after.anon).not.toBe(before.anon);
    expect(a.device_id).toBe(after.device);
    expect(a.device_id).not.toBe(b.device_id);
    if (prefer) expect(a.device_id).toBe(after.anon);
    expect(a.session_id).not.toBe(b.session_id);
    expect(after.cookie).not.toContain('ajs_user_id');
  });
});

describe('navigation right after a track call', () => {
  it('the event arrives exactly once', async () => {
    const page = await f.newPage();
    const next = f.server.page('/next', '<!doctype html><title>next</title><p>next page</p>');
    await load(page, '/leaving', {});
    await page.evaluate((href) => {
      window.analytics.track('Clicked Away', { to: href });
      window.location.href = href;
    }, next);
    await page.waitForURL(next);
    const events = await eventsAtLeast(f.collector, 1);
    const clicked = (await settle(f.collector, 800)).filter((e) => e.event_type === 'Clicked Away');
    expect(clicked).toHaveLength(1);
    expect(events[0].event_properties).toEqual({ to: next });
  });
});

describe("a user ID only Amplitude's cookie remembers", () => {
  it('is not revived: Segment has no user, so events carry none and the SDK cookie forgets it', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const ampCookie = (value) => encodeURIComponent(Buffer.from(encodeURIComponent(JSON.stringify(value))).toString('base64'));
    await context.addCookies([
      { name: `AMP_${API_KEY.slice(0, 10)}`, value: ampCookie({ deviceId: 'stored-device-id-0001', userId: 'amp-only-user' }), url: f.server.url },
    ]);
    const page = await f.newPage(context);
    await load(page, '/amp-only-user', {});
    await page.evaluate(() => window.analytics.track('Anonymous Again'));
    const [event] = await eventsAtLeast(f.collector, 1);
    expect(event).toMatchObject({ event_type: 'Anonymous Again', device_id: 'stored-device-id-0001' });
    expect(event.user_id).toBeUndefined();
    expect(await page.evaluate(() => window.analytics.user().id())).toBeNull();
    // The SDK writes its cookie asynchronously: wait (bounded) for it to drop the user.
    const storedUser = async () => {
      const cookie = (await context.cookies(f.server.url)).find((c) => c.name === `AMP_${API_KEY.slice(0, 10)}`);
      return JSON.parse(decodeURIComponent(Buffer.from(decodeURIComponent(cookie.value), 'base64').toString('utf8'))).userId;
    };
    const deadline = Date.now() + 3000;
    while ((await storedUser()) !== undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(await storedUser()).toBeUndefined();
  });
});
