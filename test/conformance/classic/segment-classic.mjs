// Segment's own classic stack (analytics-next + the Amplitude classic integration + amplitude-js), run
// offline in real Chromium: a call sequence goes in, the decoded Amplitude uploads and Segment's own
// storage come out. docs/conformance-classic.md describes the API and how it is built.
import { chromium } from 'playwright-core';
import { assertBrowserAvailable, CHROMIUM_PATH } from '../../support/browser.mjs';
import { amplitudeScript, classicBundle } from './bundle.mjs';
import { classicCdnSettings, DEFAULT_WRITE_KEY } from './cdn-settings.mjs';
import { RUN_HEADER, startLoopbackServer } from './loopback-server.mjs';
// The runner's value encoding; its decoder is self-contained, so it also runs in the page.
import { decodeValue } from '../sequence.mjs';

export { CATALOG_DEFAULTS, DEFAULT_API_KEY, DEFAULT_WRITE_KEY, classicCdnSettings } from './cdn-settings.mjs';
export { decodeAmplitudeUpload } from './amplitude-upload.mjs';

const BUNDLE_PATH = '/__segment-classic.js';
const PAGE_TITLE = 'Conformance page';

function chromiumArgs(port) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Every name is the loopback server: the page's host, Amplitude's and Segment's. Nothing leaves the machine.
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE 127.0.0.1`,
  ];
}

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function pageHtml({ title = PAGE_TITLE, clockStart }) {
  const clock = typeof clockStart === 'number' ? `<script>window.__conformanceClockStart = ${clockStart};</script>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${clock}<script src="${BUNDLE_PATH}"></script></head><body></body></html>`;
}

function eventsOfCall(events, call) {
  return events.filter((e) => e.sequence_number > call.sequenceBefore && e.sequence_number <= call.sequenceAfter);
}

// Runs at the start of every document: a run's page starts with the storage of a new visitor, even
// when it reuses the tab of the run before (cookies are cleared from outside, between runs).
function clearPageStorage() {
  try {
    window.localStorage.clear();
    window.sessionStorage.clear();
  } catch {
    // about:blank has no storage of its own.
  }
}

/**
 * Starts one Chromium and the loopback server that plays the page's origin, Amplitude and Segment.
 * @param {object} [options]
 * @param {'8.21.10' | '5.2.2'} [options.amplitudeJs] the amplitude-js served where the integration loads Amplitude's CDN script
 * @param {number} [options.concurrency] tabs that runMany drives at once
 * @param {'tab' | 'context'} [options.isolation] 'tab' (default) reuses a tab, with cookies and storage cleared and a
 *   new document for each run; 'context' opens a new browser context for each run (slower, nothing shared at all)
 */
export async function startClassicHarness({ amplitudeJs = '8.21.10', concurrency = 1, isolation = 'tab' } = {}) {
  assertBrowserAvailable();
  if (isolation !== 'tab' && isolation !== 'context') throw new Error(`isolation must be 'tab' or 'context', not ${isolation}`);
  const [bundle, script] = await Promise.all([classicBundle(), amplitudeScript(amplitudeJs)]);
  const server = await startLoopbackServer({ page: pageHtml, bundlePath: BUNDLE_PATH, bundle, amplitudeScript: script });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(server.port) });
  let runCount = 0;
  const idleTabs = [];

  async function openTab() {
    // The integration loads amplitude-js over https, from the loopback server's self-signed certificate.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.addInitScript(clearPageStorage);
    const page = await context.newPage();
    const tab = { context, page, errors: [] };
    page.on('pageerror', (error) => tab.errors.push(String(error)));
    return tab;
  }

  async function releaseTab(tab, runId) {
    if (isolation === 'context') {
      await tab.context.close().catch(() => undefined);
    } else {
      // Leaving the page first lets its unload work land under this run's id, not the next one's.
      await tab.page.goto('about:blank').catch(() => undefined);
      await tab.context.clearCookies();
      idleTabs.push(tab);
    }
    server.release(runId);
  }

  /**
   * Runs one call sequence as a new visitor and reports what Segment's classic stack sent and kept.
   * @param {Array<{method: string, args?: unknown[], argsSource?: string}>} sequence
   * @param {object} [settings] Amplitude (Classic) destination settings, over the catalog defaults
   * @param {object} [options]
   * @param {string} [options.url] the page's full URL (any host: every name resolves to the loopback server)
   * @param {string} [options.path] or a path on the loopback origin (default '/')
   * @param {string} [options.referrer] document.referrer
   * @param {string} [options.title] document.title
   * @param {number} [options.startTime] epoch ms: Date reads this at load, and moves only as `advanceMsPerCall` says
   * @param {number} [options.advanceMsPerCall] added to the clock before each call (default 1000 with startTime, else 0)
   * @param {string} [options.anonymousId] set before load, as for a returning visitor
   * @param {string} [options.writeKey]
   * @param {object} [options.cdnSettings] top-level keys replacing those of the CDN settings
   * @param {object} [options.loadOptions] analytics-next's load options
   */
  async function run(sequence, settings = {}, options = {}) {
    const writeKey = options.writeKey ?? DEFAULT_WRITE_KEY;
    const runId = `run-${++runCount}`;
    const captured = server.claim(runId, { title: options.title, clockStart: options.startTime });
    const advanceMsPerCall = options.advanceMsPerCall ?? (typeof options.startTime === 'number' ? 1000 : 0);
    const tab = idleTabs.pop() ?? (await openTab());
    const { context, page } = tab;
    tab.errors = [];
    try {
      await context.setExtraHTTPHeaders({ [RUN_HEADER]: runId });
      await page.goto(options.url ?? server.origin + (options.path ?? '/'), { referer: options.referrer });
      const cdnSettings = classicCdnSettings({ writeKey, amplitude: settings, overrides: options.cdnSettings });
      const init = { writeKey, cdnSettings, loadOptions: options.loadOptions ?? {}, anonymousId: options.anonymousId };
      const loaded = await page.evaluate((init) => window.__segmentClassic.load(init), init);
      const calls = await page.evaluate(([calls, runOptions]) => window.__segmentClassic.run(calls, runOptions), [sequence, { advanceMsPerCall }]);
      const settled = await page.evaluate(() => window.__segmentClassic.amplitudeSettled());
      const snapshot = await page.evaluate(() => window.__segmentClassic.snapshot());
      const cookies = {};
      for (const cookie of await context.cookies()) if (cookie.name.startsWith('ajs_')) cookies[cookie.name] = cookie.value;
      const warnings = [];
      const events = captured.amplitude.flatMap((upload) => upload.events);
      const firstSequence = calls.length ? calls[0].sequenceBefore : Infinity;
      return {
        payloads: captured.amplitude,
        events,
        loadEvents: events.filter((e) => e.sequence_number <= firstSequence),
        calls: calls.map((call) => ({ ...call, amplitudeEvents: eventsOfCall(events, call) })),
        segment: captured.segment.map((request) => request.body),
        storage: { ...snapshot, cookies },
        ready: loaded.ready,
        amplitudeJs: loaded.amplitudeVersion,
        settled: settled.settled,
        pageErrors: tab.errors.slice(),
        warnings,
      };
    } finally {
      await releaseTab(tab, runId);
    }
  }

  /** Runs many sequences, `concurrency` tabs at a time; results keep the input order. */
  async function runMany(items) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        const { sequence, settings, options } = items[index];
        results[index] = await run(sequence, settings, options);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return results;
  }

  return {
    amplitudeJs,
    isolation,
    pageUrl: server.origin,
    run,
    runMany,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

// The conformance runner's interface (docs/conformance.md): a sequence object in, `{ payloads, storage }` out.

const STORED_COOKIES = ['ajs_user_id', 'ajs_anonymous_id', 'ajs_group_id'];
const STORED_LOCAL = ['ajs_user_traits', 'ajs_group_properties', 'ajs_user_id', 'ajs_anonymous_id', 'ajs_group_id'];
const pick = (from, keys) => Object.fromEntries(keys.map((key) => [key, from[key]]));

/** Starts what the runs share (one Chromium, the bundled Segment stack). `options` as for startClassicHarness. */
export async function startSegmentClassic(options) {
  const harness = await startClassicHarness(options);
  return { harness, decodeValue };
}

/** Runs one sequence as a new visitor through analytics-next, the classic integration and amplitude-js. */
export async function runSegmentClassic(sequence, session) {
  const calls = sequence.calls.map((call) => ({ method: call.method, argsSource: `(${session.decodeValue})(${JSON.stringify(call.args)})` }));
  const settings = session.decodeValue(sequence.settings ?? {});
  const result = await session.harness.run(calls, settings, {
    url: sequence.page?.url,
    referrer: sequence.page?.referrer || undefined,
    title: sequence.page?.title,
    startTime: sequence.startTime,
    anonymousId: sequence.anonymousId,
  });
  const callOf = (event) => result.calls.findIndex((call) => event.sequence_number > call.sequenceBefore && event.sequence_number <= call.sequenceAfter);
  return {
    payloads: result.payloads.flatMap((upload) => upload.events.map((event) => ({ endpoint: new URL(upload.url).pathname, event, call: callOf(event) }))),
    storage: {
      user: result.storage.user,
      group: result.storage.group,
      cookies: pick(result.storage.cookies, STORED_COOKIES),
      localStorage: pick(result.storage.localStorage, STORED_LOCAL),
    },
    segmentEvents: result.segment,
    errors: [...result.pageErrors, ...result.calls.filter((call) => call.error).map((call) => `${call.method}: ${call.error}`)],
    warnings: result.ready ? result.warnings : [...result.warnings, 'the Amplitude classic integration never became ready'],
  };
}

export async function stopSegmentClassic(session) {
  await session?.harness.close();
}
