// npm run bundle-stats: where the script-tag file's bytes come from, by module, from rollup's own
// output stats (rendered length before minification), largest first.
// npm run bundle-stats -- --what-if: the file's size without AmplitudeBrowser, to size that design question.
// npm run bundle-stats -- --coverage: which of those bytes run, by module, in a page life of each mode
// (V8 block coverage in Chromium: load, every call type, middleware, user(), reset, pagehide). Bytes that
// never run are where a stand-in (build/rollup-lean-amplitude.mjs) or a trim could go.
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';

const [iife] = config;
const coverage = process.argv.includes('--coverage');
const limit = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 40);
const short = (id) => id.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/');

if (coverage) await printCoverage();
else if (process.argv.includes('--what-if')) await printWhatIf();
else await printRenderedSizes();

async function printRenderedSizes() {
  const bundle = await rollup({ ...iife, onwarn: () => undefined });
  const { output } = await bundle.generate({ ...iife.output, file: undefined });
  const chunk = output[0];
  const rows = Object.entries(chunk.modules)
    .map(([id, m]) => [short(id), m.renderedLength])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, n]) => s + n, 0);
  const byPackage = new Map();
  for (const [id, n] of rows) byPackage.set(packageOf(id), (byPackage.get(packageOf(id)) ?? 0) + n);
  console.log(`rendered before minification: ${total} bytes; minified file: ${chunk.code.length} bytes\n`);
  for (const [pkg, n] of [...byPackage].sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(8)}  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${pkg}`);
  console.log('');
  for (const [id, n] of rows.slice(0, limit)) console.log(`${String(n).padStart(8)}  ${id}`);
  await bundle.close();
}

/**
 * --what-if: the script file's gzip size with AmplitudeBrowser replaced, to size a design question, not a
 * working build: (1) by nothing (what the shim's own code weighs), (2) by the SDK's storage layer alone
 * (its CookieStorage, cookie names and connector), which is what the shim uses the client for.
 */
async function printWhatIf() {
  const { gzipSync } = await import('node:zlib');
  const NOTHING = `export class AmplitudeBrowser {
    init() { return { promise: Promise.resolve() }; } remove() { return { promise: Promise.resolve() }; } add() { return { promise: Promise.resolve() }; }
    getSessionId() {} setSessionId() {} getUserId() {} setUserId() {} getDeviceId() {} setDeviceId() {} }`;
  const STORAGE_ONLY = `import { CookieStorage, getCookieName, getOldCookieName, setConnectorDeviceId, setConnectorUserId, getAnalyticsConnector } from '@amplitude/analytics-core';
    export class AmplitudeBrowser {
      init(key) {
        this.storage = new CookieStorage({ domain: '', expirationDays: 365, sameSite: 'Lax', secure: false });
        this.name = getCookieName(key);
        return { promise: this.storage.isEnabled().then(() => this.storage.getRaw(getOldCookieName(key))).then(() => this.storage.get(this.name))
          .then((v) => { this.value = v || {}; getAnalyticsConnector('$default_instance').identityStore.setIdentity({}); return this.storage.set(this.name, this.value); }) };
      }
      remove() { return { promise: Promise.resolve() }; } add() { return { promise: Promise.resolve() }; }
      getSessionId() { return this.value.sessionId; } setSessionId(id) { this.value.sessionId = id; this.storage.set(this.name, this.value); }
      getUserId() {} setUserId(id) { setConnectorUserId(id); } getDeviceId() {} setDeviceId(id) { setConnectorDeviceId(id); } }`;
  for (const [label, source] of [
    ['as built (AmplitudeBrowser)', null],
    ['AmplitudeBrowser replaced by nothing', NOTHING],
    ["AmplitudeBrowser replaced by the SDK's storage layer only", STORAGE_ONLY],
  ]) {
    const standIn = {
      name: 'what-if',
      resolveId: (id) => (source && id === '@amplitude/analytics-browser' ? '\0what-if' : null),
      load: (id) => (id === '\0what-if' ? source : null),
    };
    const bundle = await rollup({ ...iife, plugins: [standIn, ...iife.plugins], onwarn: () => undefined });
    const { output } = await bundle.generate({ ...iife.output, file: undefined });
    await bundle.close();
    console.log(`${String(gzipSync(output[0].code, { level: 9 }).length).padStart(8)} bytes gzip  ${label}`);
  }
}

function packageOf(id) {
  if (id.startsWith('src/')) return 'src (the shim)';
  return id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
}

async function printCoverage() {
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const { launchBrowser } = await import('../test/support/browser.mjs');
  const { snippet5 } = await import('../test/support/snippets.mjs');
  // Unminified, so that coverage ranges map to modules through the source map.
  const bundle = await rollup({ ...iife, plugins: iife.plugins.filter((p) => p && p.name !== 'terser'), onwarn: () => undefined });
  const { output } = await bundle.generate({ ...iife.output, file: 'shim.js', sourcemap: true });
  await bundle.close();
  const { code, map } = output[0];
  const trace = new TraceMap(map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const moduleAt = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return short(originalPositionFor(trace, { line: lo + 1, column: offset - lineStarts[lo] }).source ?? '(rollup)');
  };

  const { browser, close } = await launchBrowser();
  const ran = new Uint8Array(code.length);
  try {
    for (const integrations of [{ Amplitude: {} }, { 'Actions Amplitude': { mappings: { 'Alias Calls': {} } } }]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.endsWith('/shim.js')) return route.fulfill({ body: code, contentType: 'text/javascript' });
        if (url.startsWith('http://site.test/'))
          return route.fulfill({
            contentType: 'text/html',
            body: `<a id="l" href="#x">x</a><script>${snippet5({ apiKey: 'KEY', scriptUrl: '/shim.js', loadOptions: { integrations } })}</script>`,
          });
        // Nothing leaves the machine: the endpoint is answered here.
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{"code":200}' });
      });
      await page.coverage.startJSCoverage({ resetOnNavigation: false });
      await page.goto('http://site.test/?utm_source=bundle-stats');
      await page.evaluate(() => new Promise((resolve) => window.analytics.ready(resolve)));
      await page.evaluate(async () => {
        const a = window.analytics;
        a.addSourceMiddleware(({ payload, next }) => next(payload));
        a.addDestinationMiddleware('Amplitude', ({ payload, next }) => next(payload));
        a.on('track', () => undefined);
        await a.track('Clicked', { a: 1 });
        await a.identify('u1', { email: 'x@example.com' });
        await a.group('g1', { plan: 'pro' });
        await a.track('Order Completed', { revenue: 10, products: [{ price: 1, quantity: 2 }] });
        await a.page('Docs', 'Intro');
        await a.alias('u2');
        a.user().id();
        a.user().traits();
        a.trackLink(document.getElementById('l'), 'Link');
        a.reset();
        await a.screen('Home');
        window.dispatchEvent(new Event('pagehide'));
      });
      const entries = await page.coverage.stopJSCoverage();
      const entry = entries.find((e) => e.url.endsWith('/shim.js'));
      // Ranges nest, outermost first: the innermost range decides a byte.
      const count = new Int32Array(code.length);
      for (const fn of entry.functions) for (const r of fn.ranges) count.fill(r.count, r.startOffset, r.endOffset);
      for (let i = 0; i < code.length; i++) if (count[i] > 0) ran[i] = 1;
      await context.close();
    }
  } finally {
    await close();
  }

  const perModule = new Map();
  for (let i = 0; i < code.length; i++) {
    if (code[i] === ' ' || code[i] === '\n') continue;
    const id = moduleAt(i);
    const row = perModule.get(id) ?? { ran: 0, idle: 0 };
    if (ran[i]) row.ran++;
    else row.idle++;
    perModule.set(id, row);
  }
  const byPackage = new Map();
  for (const [id, r] of perModule) {
    const row = byPackage.get(packageOf(id)) ?? { ran: 0, idle: 0 };
    row.ran += r.ran;
    row.idle += r.idle;
    byPackage.set(packageOf(id), row);
  }
  const line = (r, name) => `${String(r.ran).padStart(8)}  ${String(r.idle).padStart(8)}  ${name}`;
  console.log('non-blank unminified bytes that ran / never ran, in a page life of each mode\n');
  for (const [pkg, r] of [...byPackage].sort((a, b) => b[1].idle - a[1].idle)) console.log(line(r, pkg));
  console.log('');
  for (const [id, r] of [...perModule].sort((a, b) => b[1].idle - a[1].idle).slice(0, limit)) console.log(line(r, id));
}
