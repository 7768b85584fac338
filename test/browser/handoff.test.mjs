// The device-ID hand-off through the demo's server: the ID the server reads from the cookies of the next
// request equals analytics.amplitude.getDeviceId(), server and browser events share a device_id, and
// alias() reaches Amplitude's user mapping through the server without any key reaching the browser.
import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '../support/fixture.mjs';

const d = useDemoFixture();
let page;
let demo;
async function open(query = '') {
  page = await d.open(query);
  demo = d.demo;
}

/** What the server reads from the cookies of a fresh request, and the event it logs. */
async function serverReads() {
  return page.evaluate(() => fetch('/demo-api/server-event', { method: 'POST' }).then((r) => r.json()));
}

describe.each([
  ['preference off', ''],
  ['preference on', '?prefer=on'],
])('device-ID hand-off (%s)', (_label, query) => {
  it('the server reads the same device ID from the next request, before and after reset()', async () => {
    await open(query);
    const browserDevice = await page.evaluate(() => window.analytics.amplitude.getDeviceId());
    const read = await serverReads();
    expect(read.identity.deviceId).toBe(browserDevice);
    expect(read.identity.sessionId).toBe(await page.evaluate(() => window.analytics.amplitude.getSessionId()));
    if (query) expect(browserDevice).toBe(await page.evaluate(() => window.analytics.user().anonymousId()));

    // Server and browser events meet under one device_id at Amplitude.
    await page.evaluate(() => window.analytics.track('Browser Event'));
    const deadline = Date.now() + 5000;
    while (demo.collector.events.filter((e) => ['Server Side Event', 'Browser Event'].includes(e.event_type)).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const server = demo.collector.events.find((e) => e.event_type === 'Server Side Event');
    const browser = demo.collector.events.find((e) => e.event_type === 'Browser Event');
    expect(server.device_id).toBe(browserDevice);
    expect(browser.device_id).toBe(browserDevice);
    expect(server.session_id).toBe(browser.session_id);

    // After reset(): a new device ID, and the server sees it on the next request.
    const afterReset = await page.evaluate(async () => {
      window.analytics.reset();
      await window.analytics.track('After Reset');
      return window.analytics.amplitude.getDeviceId();
    });
    expect(afterReset).not.toBe(browserDevice);
    const readAfter = await serverReads();
    expect(readAfter.identity.deviceId).toBe(afterReset);
  });
});

describe('alias through the server', () => {
  it('reaches the user-mapping endpoint; no browser-visible response carries a key', async () => {
    await open();
    await page.evaluate(async () => {
      await window.analytics.identify('user-old-1');
      await window.analytics.alias('user-new-1');
    });
    const deadline = Date.now() + 5000;
    while (demo.collector.usermaps.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(demo.collector.usermaps).toHaveLength(1);
    expect(demo.collector.usermaps[0].mapping).toEqual([{ user_id: 'user-old-1', global_user_id: 'user-new-1' }]);
    // Everything the browser can read from the site: its answers (good and bad requests), page, cookies.
    const visible = await page.evaluate(async () => {
      const post = (path, body) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then((r) => r.text());
      return [
        await post('/demo-api/alias', JSON.stringify({ userId: 'u-a', previousId: 'u-b' })),
        await post('/demo-api/alias', 'not json'),
        await post('/demo-api/server-event', ''),
        document.documentElement.outerHTML,
        document.cookie,
      ];
    });
    expect(visible[0]).toBe('{"ok":true}');
    for (const text of visible) expect(text).not.toContain('demo-secret-key');
  });

  it('the demo buttons show it: server event and alias cards in the live panel', async () => {
    await open();
    await page.click('[data-call="server"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="serverRead"]').dataset.deviceId);
    const readDevice = await page.getAttribute('[data-testid="serverRead"]', 'data-device-id');
    expect(readDevice).toBe(await page.textContent('[data-testid="deviceId"]'));
    await page.click('[data-call="identify"]');
    await page.click('[data-call="alias"]');
    await page.waitForSelector('#events li[data-event-type^="usermap"]');
    await page.waitForSelector('#events li[data-event-type="Server Side Event"]');
  });
});
