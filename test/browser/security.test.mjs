// Security: a strict Content-Security-Policy, hostile URL parameters, cookie attributes (over real https
// with a certificate made at test time), and no trait values in console output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import https from 'node:https';
import { useBrowserFixture, eventsAtLeast, settle, ROOT } from '../support/fixture.mjs';
import { snippetPage, shimLoadOptions, API_KEY } from '../support/pages.mjs';
import { snippet5 } from '../support/snippets.mjs';

const f = useBrowserFixture();
const QUIET = { trackReferrer: false };

describe('strict Content-Security-Policy', () => {
  it("runs the whole flow under script-src 'self' and connect-src limited to the collector, with zero violations", async () => {
    const snippet = snippet5({
      apiKey: API_KEY,
      scriptUrl: '/dist/segment-amplitude-shim.min.js',
      loadOptions: shimLoadOptions(f.collector, { trackAllPages: true, ...QUIET }),
      page: true,
    });
    f.server.handle('/csp-snippet.js', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(snippet);
    });
    const csp = `default-src 'none'; script-src 'self'; connect-src ${f.collector.url}; style-src 'none'; img-src 'none'`;
    const url = f.server.page('/csp', '<!doctype html><html><head><title>CSP</title><script src="/csp-snippet.js"></script></head><body>strict</body></html>', {
      'Content-Security-Policy': csp,
    });
    const page = await f.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      await window.analytics.identify('csp-user', { plan: 'pro' });
      await window.analytics.track('Under CSP', { ok: true });
      await window.analytics.group('csp-org');
      window.analytics.reset();
      await window.analytics.track('After Reset Under CSP');
    });
    const events = await eventsAtLeast(f.collector, 5);
    expect(events.map((e) => e.event_type)).toEqual(['Loaded a Page', '$identify', 'Under CSP', '$identify', 'After Reset Under CSP']);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
  });
});

describe('hostile URL parameters', () => {
  it('markup, oversized strings (up to 10 KB) and control characters in ajs_*, utm_* and amp_device_id are refused with warnings', async () => {
    const page = await f.newPage();
    const bad = {
      ajs_aid: '<img src=x onerror=alert(1)>',
      ajs_uid: 'u'.repeat(10240), // one 10 KB value; the page URL must stay under the server's header limit
      ajs_event: 'evil\u0000event',
      utm_source: '<script>alert(1)</script>',
      utm_medium: 'm'.repeat(1500),
      utm_campaign: 'fine-campaign',
      amp_device_id: 'x'.repeat(600),
    };
    const query = new URLSearchParams(bad).toString();
    await page.goto(
      f.server.page(
        '/hostile',
        snippetPage({ collector: f.collector, settings: { ...QUIET, deviceIdFromUrlParam: true, preferAnonymousIdForDeviceId: false }, page: false }),
      ) +
        '?' +
        query,
    );
    const ids = await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      await window.analytics.track('Visible');
      return { anon: window.analytics.user().anonymousId(), user: window.analytics.user().id(), device: window.analytics.amplitude.getDeviceId() };
    });
    expect(ids.anon).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids.user).toBeNull();
    expect(ids.device).toMatch(/^[0-9a-f-]{36}$/);
    const events = await settle(f.collector, 400);
    expect(events.map((e) => e.event_type)).toEqual(['$identify', 'Visible']);
    expect(events[0].user_properties).toEqual({ $setOnce: { initial_utm_campaign: 'fine-campaign' }, $set: { utm_campaign: 'fine-campaign' } });
    const wire = JSON.stringify(events);
    for (const [param, value] of Object.entries(bad)) if (param !== 'utm_campaign') expect(wire).not.toContain(value.slice(0, 60));
    const warnings = page.shimWarnings.join('\n');
    for (const param of ['ajs_aid', 'ajs_uid', 'ajs_event', 'utm_source', 'utm_medium', 'amp_device_id']) expect(warnings).toContain(param);
  });
});

describe('console output', () => {
  it('never prints trait or property values unless debug is on', async () => {
    const page = await f.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(f.server.page('/quiet', snippetPage({ collector: f.collector, settings: QUIET, page: false })));
    await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      // Bad values make the shim warn; the warning names the call and the path, not the values.
      await window.analytics.identify('secret-user-id-77', { email: 'secret@example.com', callback() {}, big: 1n });
      await window.analytics.track('Secret Event', { card: 'secret-card-4242', fn() {} });
      await window.analytics.alias('secret-alias-id');
    });
    const text = messages.join('\n');
    expect(text).toContain('analytics.identify()');
    for (const secret of ['secret@example.com', 'secret-user-id-77', 'secret-card-4242', 'secret-alias-id']) expect(text).not.toContain(secret);
  });
});

describe('cookies', () => {
  it('Segment and Amplitude cookies are SameSite=Lax (not Secure over http)', async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const page = await f.newPage(context);
    await page.goto(f.server.page('/cookies', snippetPage({ collector: f.collector, settings: QUIET, page: false })));
    await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      await window.analytics.identify('cookie-user');
    });
    const cookies = await context.cookies();
    const names = ['ajs_anonymous_id', 'ajs_user_id', `AMP_${API_KEY.slice(0, 10)}`];
    for (const name of names) {
      const cookie = cookies.find((c) => c.name === name);
      expect(cookie, name).toBeDefined();
      expect(cookie.sameSite).toBe('Lax');
      expect(cookie.secure).toBe(false);
    }
  });

  describe('over https', () => {
    let server;
    let origin;
    let dir;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'shim-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const bundle = readFileSync(join(ROOT, 'dist/segment-amplitude-shim.min.js'));
      server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
        if (req.url.startsWith('/dist/')) {
          res.writeHead(200, { 'Content-Type': 'text/javascript' });
          return res.end(bundle);
        }
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(snippetPage({ collector: f.collector, settings: QUIET, page: false }));
      });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      origin = `https://127.0.0.1:${server.address().port}`;
    });
    afterAll(async () => {
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    });

    it('are also Secure', async () => {
      const context = await f.chromium.newContext({ ignoreHTTPSErrors: true });
      f.contexts.push(context);
      const page = await f.newPage(context);
      await page.goto(`${origin}/secure`);
      await page.evaluate(async () => {
        await new Promise((r) => window.analytics.ready(r));
        await window.analytics.identify('secure-user');
      });
      const cookies = await context.cookies(origin);
      for (const name of ['ajs_anonymous_id', 'ajs_user_id', `AMP_${API_KEY.slice(0, 10)}`]) {
        const cookie = cookies.find((c) => c.name === name);
        expect(cookie, name).toBeDefined();
        expect(cookie.sameSite).toBe('Lax');
        expect(cookie.secure).toBe(true);
      }
      // The previous test's page may still beacon its last events as its context closes: look for ours.
      const deadline = Date.now() + 10000;
      while (!f.collector.events.some((e) => e.user_id === 'secure-user') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(f.collector.events.filter((e) => e.event_type === '$identify' && e.user_id === 'secure-user')).toHaveLength(1);
    });
  });
});
