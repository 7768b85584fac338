// npm run bench: measurements in real Chromium, printed as a table and written to
// bench-results/latest.json for comparison between commits. Measurements, not pass/fail tests.
//   (a) dist size: raw, gzip, brotli (and Amplitude's official script for reference)
//   (b) per-call cost of analytics.track vs a direct amplitude.track on the same SDK build, 10,000 calls,
//       including the deferred work until every event is acknowledged by the endpoint; and a single call
//       alone in its task: its synchronous cost, and the time until the endpoint has its event
//   (c) script start -> first event request on the wire, vs Amplitude's official script (default options)
//   (d) heap growth after 100,000 calls
//   (e) the longest main-thread task during init
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startCollector } from '../collector/collector.mjs';
import { startStaticServer } from '../demo/static-server.mjs';
import { buildIfNeeded } from '../demo/serve.mjs';
import { launchBrowser } from '../test/support/browser.mjs';
import { snippetPage } from '../test/support/pages.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OFFICIAL = 'node_modules/@amplitude/analytics-browser/lib/scripts/amplitude-min.js';
/** --quick: one run of each, smaller bursts (under 2 minutes); for a quick look, not for docs/performance.md. */
const QUICK = process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
/** (b) is dominated by the SDK's own burst cost (it re-serializes its queue per event): it takes ~50 s a run. */
const CALL_RUNS = Number(process.env.BENCH_CALL_RUNS ?? (QUICK ? 1 : 3));
/** (b) for a single call: how many make the synchronous mean, and how many are each awaited on the wire. */
const SINGLE_SYNC_CALLS = 500;
const SINGLE_DELIVERED_CALLS = QUICK ? 3 : 10;

buildIfNeeded();
const results = { date: new Date().toISOString(), runs: RUNS, quick: QUICK };

// (a) ----------------------------------------------------------------------------------------------
function sizes(path) {
  const file = readFileSync(new URL(`../${path}`, import.meta.url));
  return { raw: file.length, gzip: gzipSync(file, { level: 9 }).length, brotli: brotliCompressSync(file).length };
}
results.size = { shim: sizes('dist/segment-amplitude-shim.min.js'), officialAmplitude: sizes(OFFICIAL), esmApp: await esmAppSize() };

/** A minimal app importing the ESM build, bundled and minified as a site's bundler would. */
async function esmAppSize() {
  const { rollup } = await import('rollup');
  const { default: nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  const entry = '\0bench-app';
  const app = {
    name: 'bench-app',
    resolveId: (id) => (id === entry ? id : id === 'segment-amplitude-shim' ? fileURLToPath(new URL('../dist/esm/index.js', import.meta.url)) : null),
    load: (id) => (id === entry ? "import { install } from 'segment-amplitude-shim';\ninstall();\n" : null),
  };
  const bundle = await rollup({
    input: entry,
    plugins: [app, nodeResolve({ browser: true }), terser({ ecma: 2017, format: { comments: false } })],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'iife' });
  await bundle.close();
  const code = Buffer.from(output[0].code);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length };
}

const collector = await startCollector();
const server = await startStaticServer({ root: ROOT });
const chromium = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function freshPage(html, path) {
  const context = await chromium.newContext();
  const page = await context.newPage();
  collector.reset();
  await page.goto(server.page(path, html));
  return { page, context };
}

const shimPage = () => snippetPage({ collector, settings: { trackReferrer: false, trackUtmProperties: false }, page: false });

try {
  // (b) --------------------------------------------------------------------------------------------
  // Both sides warm (2,000 calls delivered first), then a burst of 10,000 calls in one task. Synchronous:
  // the loop's own time. Including deferred work: from the first call until the endpoint holds every event.
  const calls = QUICK ? 2000 : 10000;
  const perCall = {
    shim: { sync: [], total: [], singleSync: [], singleDelivered: [] },
    // The same page with one enrichment plugin registered (a synchronous track hook that sets a property).
    'shim-plugin': { sync: [], total: [], singleSync: [], singleDelivered: [] },
    direct: { sync: [], total: [], singleSync: [], singleDelivered: [] },
  };
  const officialPage = () => `<!doctype html><script src="/${OFFICIAL}"></script><script>
    amplitude.init('bench-api-key-0123456789', { serverUrl: '${collector.ingestUrl}', autocapture: false });
    </script>`;
  const waitForEvents = async (count, label) => {
    const deadline = Date.now() + 600000;
    while (collector.events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (collector.events.length < count) throw new Error(`${label}: only ${collector.events.length} of ${count} events arrived`);
  };
  for (let run = 0; run < CALL_RUNS; run++) {
    for (const mode of ['shim', 'shim-plugin', 'direct']) {
      const { page, context } = await freshPage(mode === 'direct' ? officialPage() : shimPage(), `/bench-calls-${mode}-${run}`);
      await page.waitForFunction(() => (window.analytics && window.analytics.initialized) || (window.amplitude && window.amplitude.track));
      if (mode !== 'direct') await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
      if (mode === 'shim-plugin') {
        await page.evaluate(() =>
          window.analytics.register({
            name: 'Bench Enrichment',
            type: 'enrichment',
            load: () => undefined,
            track: (ctx) => {
              ctx.updateEvent('properties.enriched', true);
              return ctx;
            },
          }),
        );
      }
      const burst = (n, label) =>
        page.evaluate(
          ({ n, label, mode }) => {
            const target = mode === 'direct' ? window.amplitude : window.analytics;
            const wallStart = Date.now();
            const t0 = performance.now();
            for (let i = 0; i < n; i++) target.track(label, { i });
            return { syncMs: performance.now() - t0, wallStart };
          },
          { n, label, mode },
        );
      await burst(2000, 'Warm up');
      await waitForEvents(2000, `${mode} warm-up`);
      collector.reset();
      const { syncMs, wallStart } = await burst(calls, 'Bench');
      await waitForEvents(calls, mode);
      const totalMs = collector.events[collector.events.length - 1]._received.at - wallStart;
      perCall[mode].sync.push((syncMs * 1000) / calls);
      perCall[mode].total.push((totalMs * 1000) / calls);

      // A single call, alone in its task, on the same warm page. Synchronous: the mean over 500 such calls
      // (Chromium clamps performance.now to 100 µs here, with jitter, so only a mean over many means
      // anything). Until delivered: each of a few calls waits for the endpoint to have its event.
      collector.reset();
      const singleSyncUs = await page.evaluate(
        async ({ mode, n }) => {
          const target = mode === 'direct' ? window.amplitude : window.analytics;
          let total = 0;
          for (let i = 0; i < n; i++) {
            await new Promise((r) => setTimeout(r, 0));
            const t0 = performance.now();
            target.track('Single', { i });
            total += performance.now() - t0;
          }
          return (total * 1000) / n;
        },
        { mode, n: SINGLE_SYNC_CALLS },
      );
      await waitForEvents(SINGLE_SYNC_CALLS, `${mode} single calls`);
      perCall[mode].singleSync.push(singleSyncUs);
      for (let i = 0; i < SINGLE_DELIVERED_CALLS; i++) {
        collector.reset();
        const wallStart = await page.evaluate((mode) => {
          const t = Date.now();
          (mode === 'direct' ? window.amplitude : window.analytics).track('Alone');
          return t;
        }, mode);
        await waitForEvents(1, `${mode} single call`);
        perCall[mode].singleDelivered.push(collector.events[0]._received.at - wallStart);
      }
      await context.close();
    }
  }
  results.perCallMicroseconds = {
    calls,
    runs: CALL_RUNS,
    shim: { sync: median(perCall.shim.sync), total: median(perCall.shim.total) },
    shimOnePlugin: { sync: median(perCall['shim-plugin'].sync), total: median(perCall['shim-plugin'].total) },
    direct: { sync: median(perCall.direct.sync), total: median(perCall.direct.total) },
    single: {
      shim: { syncMean: median(perCall.shim.singleSync), deliveredMs: median(perCall.shim.singleDelivered) },
      direct: { syncMean: median(perCall.direct.singleSync), deliveredMs: median(perCall.direct.singleDelivered) },
    },
  };
  results.perCallMicroseconds.syncRatio = results.perCallMicroseconds.shim.sync / results.perCallMicroseconds.direct.sync;
  results.perCallMicroseconds.totalRatio = results.perCallMicroseconds.shim.total / results.perCallMicroseconds.direct.total;

  // (c) --------------------------------------------------------------------------------------------
  // From navigation start, and from the moment the script's bytes arrived (it executes right after), to
  // the first event request on the wire. The shim also marks its own first instruction.
  const firstRequest = { shim: { navigation: [], script: [], mark: [] }, official: { navigation: [], script: [] } };
  const officialHtml = `<!doctype html><html><head><script src="/${OFFICIAL}"></script><script>
    amplitude.init('bench-api-key-0123456789', { serverUrl: '${collector.ingestUrl}' });
    amplitude.track('First');
    </script></head><body></body></html>`;
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['shim', 'official']) {
      const html = mode === 'shim' ? shimPage().replace('</head>', `<script>analytics.track('First');</script></head>`) : officialHtml;
      const { page, context } = await freshPage(html, `/bench-first-${mode}-${run}`);
      const timing = await page.evaluate(
        async ({ ingest, script }) =>
          new Promise((resolve) => {
            const check = () => {
              const request = performance.getEntriesByType('resource').find((e) => e.name.startsWith(ingest));
              const file = performance.getEntriesByType('resource').find((e) => e.name.includes(script));
              if (request && file) {
                const mark = performance.getEntriesByName('segment-amplitude-shim:start')[0];
                resolve({
                  navigation: request.startTime,
                  script: request.startTime - file.responseEnd,
                  mark: mark ? request.startTime - mark.startTime : null,
                });
              } else setTimeout(check, 10);
            };
            check();
          }),
        { ingest: collector.ingestUrl, script: mode === 'shim' ? 'segment-amplitude-shim.min.js' : 'amplitude-min.js' },
      );
      firstRequest[mode].navigation.push(timing.navigation);
      firstRequest[mode].script.push(timing.script);
      if (mode === 'shim') firstRequest.shim.mark.push(timing.mark);
      await context.close();
    }
  }
  results.firstEventRequestMs = {
    shim: { navigation: median(firstRequest.shim.navigation), script: median(firstRequest.shim.script), mark: median(firstRequest.shim.mark) },
    officialDefaults: { navigation: median(firstRequest.official.navigation), script: median(firstRequest.official.script) },
  };

  // (d) --------------------------------------------------------------------------------------------
  {
    const { page, context } = await freshPage(shimPage(), '/bench-heap');
    const cdp = await context.newCDPSession(page);
    const heapAfterGc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const waitForCollector = async (count) => {
      const deadline = Date.now() + 120000;
      while (collector.events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    };
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    const fire = (n, label) =>
      page.evaluate(
        ({ n, label }) => {
          for (let i = 0; i < n; i++) window.analytics.track(label, { i });
        },
        { n, label },
      );
    await fire(1000, 'Warm up');
    await waitForCollector(1000);
    await new Promise((r) => setTimeout(r, 1500)); // callbacks settle
    const before = await heapAfterGc();
    const total = QUICK ? 20000 : 100000;
    const batch = 5000;
    for (let sent = 0; sent < total; sent += batch) {
      await fire(batch, 'Heap');
      await waitForCollector(1000 + sent + batch);
    }
    await new Promise((r) => setTimeout(r, 1500));
    const after = await heapAfterGc();
    if (collector.events.length < 1000 + total) throw new Error(`heap run: only ${collector.events.length - 1000} of ${total} events arrived`);
    results.heap = { calls: total, before, after, growthBytes: after - before };
    await context.close();
  }

  // (e) --------------------------------------------------------------------------------------------
  const longest = [];
  for (let run = 0; run < RUNS; run++) {
    const html = shimPage().replace(
      '<script>',
      `<script>window.__tasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });</script><script>`,
    );
    const { page, context } = await freshPage(html, `/bench-init-${run}`);
    const measured = await page.evaluate(async () => {
      await new Promise((r) => window.analytics.ready(r));
      await new Promise((r) => setTimeout(r, 100));
      const script = performance.getEntriesByType('resource').find((e) => e.name.includes('segment-amplitude-shim.min.js'));
      return { longTasks: window.__tasks, scriptResponseEnd: script ? script.responseEnd : null };
    });
    // Long tasks are reported only from 50 ms; below that the init never blocked the page that long.
    longest.push(measured.longTasks.length ? Math.max(...measured.longTasks) : 0);
    await context.close();
  }
  results.longestInitTaskMs = median(longest);
} finally {
  await chromium.close();
  await server.close();
  await collector.close();
}

// ------------------------------------------------------------------------------------------- report
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pc = results.perCallMicroseconds;
const fr = results.firstEventRequestMs;
const rows = [
  [
    '(a) dist size, raw / gzip / brotli',
    `${results.size.shim.raw} / ${results.size.shim.gzip} / ${results.size.shim.brotli} bytes`,
    `official script: ${results.size.officialAmplitude.gzip} gzip; ratio ${(results.size.shim.gzip / results.size.officialAmplitude.gzip).toFixed(2)}x (target <= 0.5)`,
  ],
  [
    '(a) ESM: minimal app importing install()',
    `${results.size.esmApp.raw} / ${results.size.esmApp.gzip} / ${results.size.esmApp.brotli} bytes`,
    'bundled with rollup + terser',
  ],
  [
    `(b) track, synchronous, per call (${pc.calls.toLocaleString('en-US')} burst)`,
    `${pc.shim.sync.toFixed(2)} µs vs ${pc.direct.sync.toFixed(2)} µs amplitude.track`,
    `ratio ${pc.syncRatio.toFixed(2)}x (target <= 1.5)`,
  ],
  [
    '(b) track, incl. deferred work until delivered',
    `${pc.shim.total.toFixed(1)} µs vs ${pc.direct.total.toFixed(1)} µs amplitude.track`,
    `ratio ${pc.totalRatio.toFixed(3)}x (target <= 0.1)`,
  ],
  [
    '(b) the same, one enrichment plugin registered',
    `${pc.shimOnePlugin.sync.toFixed(2)} µs sync, ${pc.shimOnePlugin.total.toFixed(1)} µs until delivered`,
    `no plugin: ${pc.shim.sync.toFixed(2)} µs sync, ${pc.shim.total.toFixed(1)} µs until delivered`,
  ],
  [
    '(b) track, a single call alone in its task, synchronous',
    `${pc.single.shim.syncMean.toFixed(1)} µs vs ${pc.single.direct.syncMean.toFixed(1)} µs amplitude.track`,
    `ratio ${(pc.single.shim.syncMean / pc.single.direct.syncMean).toFixed(2)}x (mean of ${SINGLE_SYNC_CALLS} calls)`,
  ],
  [
    '(b) track, a single call until the endpoint has it',
    `${pc.single.shim.deliveredMs.toFixed(0)} ms vs ${pc.single.direct.deliveredMs.toFixed(0)} ms amplitude.track`,
    `ratio ${(pc.single.shim.deliveredMs / pc.single.direct.deliveredMs).toFixed(3)}x (median; the SDK waits its 1 s flush interval)`,
  ],
  [
    '(c) navigation -> first event request',
    `${fr.shim.navigation.toFixed(0)} ms`,
    `official, default options: ${fr.officialDefaults.navigation.toFixed(0)} ms; ratio ${(fr.shim.navigation / fr.officialDefaults.navigation).toFixed(2)}x (target <= 0.2)`,
  ],
  [
    '(c) script loaded -> first event request',
    `${fr.shim.script.toFixed(0)} ms (${fr.shim.mark.toFixed(0)} ms from its first instruction; target <= 50)`,
    `official: ${fr.officialDefaults.script.toFixed(0)} ms; ratio ${(fr.shim.script / fr.officialDefaults.script).toFixed(2)}x`,
  ],
  [
    `(d) heap growth after ${results.heap.calls.toLocaleString('en-US')} calls`,
    `${kb(results.heap.growthBytes)}`,
    `${kb(results.heap.before)} -> ${kb(results.heap.after)} after GC, all delivered (target < 2 MiB)`,
  ],
  ['(e) longest main-thread task during init', results.longestInitTaskMs ? `${results.longestInitTaskMs.toFixed(0)} ms` : 'none >= 50 ms', 'Long Tasks API'],
];
const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(
  `\nsegment-amplitude-shim benchmark, ${results.date} (Chromium headless; (c) and (e) median of ${RUNS} runs, (b) median of ${CALL_RUNS} runs each, amplitude.track = Amplitude's official script)\n`,
);
for (const [a, b, c] of rows) console.log(`${a.padEnd(width[0])}  ${b.padEnd(width[1])}  ${c}`);
mkdirSync(new URL('../bench-results', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench-results/latest.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log('\nwrote bench-results/latest.json');

// --write-docs: docs/performance.md shows this run's table (between its bench:table markers), so the page
// never holds figures no command produced.
if (process.argv.includes('--write-docs')) {
  const docs = new URL('../docs/performance.md', import.meta.url);
  const page = readFileSync(docs, 'utf8');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  const cell = (text) => text.replace(/\|/g, '\\|');
  const table = ['| Measure | This shim | Reference |', '|---|---|---|', ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
  if (!page.includes(start) || !page.includes(end)) throw new Error('docs/performance.md has lost its bench:table markers');
  writeFileSync(docs, `${page.slice(0, page.indexOf(start) + start.length)}\n${table}\n${page.slice(page.indexOf(end))}`);
  console.log('wrote the table into docs/performance.md');
}
