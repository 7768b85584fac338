// The in-page half of the classic harness, bundled by bundle.mjs at test time. It loads Segment's
// analytics-next with the Amplitude classic integration handed over directly (no CDN fetch for
// settings or integration code), runs a call sequence, and reports what Segment itself kept.
// First: the clock must be in place before any of Segment's or Amplitude's modules reads the time.
import { clock } from './page-clock.mjs';
import { AnalyticsBrowser } from '@segment/analytics-next';
import Amplitude from '@segment/analytics.js-integration-amplitude';

const CALLS = new Set(['track', 'identify', 'page', 'group', 'alias', 'reset', 'screen']);

let analytics;

function amplitudeClient() {
  return window.amplitude && typeof window.amplitude.getInstance === 'function' ? window.amplitude.getInstance() : undefined;
}

/** Where amplitude-js's event counter stands: events logged after a call have a higher sequence_number. */
function sequenceNumber() {
  const client = amplitudeClient();
  return client && typeof client._sequenceNumber === 'number' ? client._sequenceNumber : 0;
}

function plain(value) {
  // The Segment event can hold values JSON cannot (Dates after ISO conversion, undefined): send what
  // Segment's own wire would carry.
  try {
    return JSON.parse(JSON.stringify(value));
  } catch (error) {
    return { unserializable: String(error) };
  }
}

async function load({ writeKey, cdnSettings, loadOptions, anonymousId, readyTimeoutMs = 10000 }) {
  const loader = new AnalyticsBrowser();
  // A returning visitor's id: analytics-next applies a buffered setAnonymousId before the integrations
  // initialize, so the integration's init (preferAnonymousIdForDeviceId) sees it too.
  if (anonymousId !== undefined) loader.setAnonymousId(anonymousId);
  loader.load({ writeKey, cdnSettings, classicIntegrations: [Amplitude] }, loadOptions);
  const [instance] = await loader;
  analytics = instance;
  window.analytics = instance;
  // analytics-next holds non-page events for a classic destination until it is ready and then
  // flushes them after a random delay of up to 5 s; waiting for ready keeps every call direct.
  // Some settings (an empty apiKey) leave the integration never ready: the run then goes on and says so.
  const ready = await Promise.race([instance.ready().then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), readyTimeoutMs))]);
  return { ready, amplitudeVersion: window.amplitude && window.amplitude.__VERSION__ };
}

function argumentsOf(call) {
  if (typeof call.argsSource === 'string') {
    // Values that cannot cross from Node as data (class instances, getters, cycles) are built here.
    return new Function(`return (${call.argsSource});`)();
  }
  return Array.isArray(call.args) ? call.args : [];
}

async function run(calls, { advanceMsPerCall = 0 } = {}) {
  const results = [];
  for (const call of calls) {
    clock.advance(advanceMsPerCall);
    const result = { method: call.method, time: clock.now(), sequenceBefore: sequenceNumber() };
    try {
      if (!CALLS.has(call.method)) throw new Error(`not a call the harness drives: ${call.method}`);
      const returned = analytics[call.method](...argumentsOf(call));
      const settled = returned && typeof returned.then === 'function' ? await returned : returned;
      if (settled && settled.event) result.event = plain(settled.event);
    } catch (error) {
      result.error = String((error && error.message) || error);
    }
    result.sequenceAfter = sequenceNumber();
    results.push(result);
  }
  return results;
}

/**
 * Resolves when amplitude-js holds no unsent event and no request is in flight. With batchEvents on,
 * events wait for a threshold or a timer: sendEvents() uploads them now so that none is missed.
 */
function amplitudeSettled(timeoutMs = 10000) {
  const client = amplitudeClient();
  if (!client || typeof client._unsentCount !== 'function') return Promise.resolve({ settled: true, unsent: 0 });
  // performance.now, not Date: the harness's clock stands still.
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = () => {
      const unsent = client._unsentCount();
      if (unsent === 0 && !client._sending) return resolve({ settled: true, unsent: 0 });
      if (performance.now() > deadline) return resolve({ settled: false, unsent });
      if (unsent > 0 && !client._sending) client.sendEvents();
      setTimeout(check, 5);
    };
    check();
  });
}

function storageEntries(storage, prefix) {
  const out = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(prefix)) out[key] = storage.getItem(key);
  }
  return out;
}

function snapshot() {
  const user = analytics.user();
  const group = analytics.group();
  const client = amplitudeClient();
  return {
    user: { id: plain(user.id()), anonymousId: plain(user.anonymousId()), traits: plain(user.traits()) },
    group: { id: plain(group.id()), traits: plain(group.traits()) },
    localStorage: storageEntries(window.localStorage, 'ajs_'),
    amplitude: client
      ? {
          deviceId: client.options.deviceId,
          userId: client.options.userId,
          sessionId: client._sessionId,
          versionName: client.options.versionName,
        }
      : undefined,
  };
}

window.__segmentClassic = { load, run, amplitudeSettled, snapshot };
