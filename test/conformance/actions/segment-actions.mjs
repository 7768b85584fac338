// Segment's own Amplitude (Actions) destination, run offline in plain Node the way Segment's servers run
// it: one Destination from @segment/actions-core, the published Amplitude definition loaded from
// @segment/action-destinations' dist/ folder, and one subscription per preset the site has. Every HTTP
// request it makes is answered here and recorded; nothing leaves the machine.
// Needs `npm ci --prefix test/conformance/actions` (see docs/conformance.md).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Requests the destination made during the current run, in order. */
let recorded = [];

// The HTTP layer of actions-core is cross-fetch, required once when actions-core loads: put a recorder in
// its place first, with node-fetch's Request/Response (what cross-fetch gives in Node), so that no request
// can reach the network however the destination builds it.
const nodeFetch = require('node-fetch');
const crossFetchPath = require.resolve('cross-fetch');
require(crossFetchPath);
async function recordingFetch(request) {
  recorded.push({ url: request.url, contentType: request.headers.get('content-type') ?? '', body: await request.text() });
  return new nodeFetch.Response(JSON.stringify({ code: 200 }), { status: 200, headers: { 'content-type': 'application/json' } });
}
Object.assign(recordingFetch, {
  default: recordingFetch,
  fetch: recordingFetch,
  Headers: nodeFetch.Headers,
  Request: nodeFetch.Request,
  Response: nodeFetch.Response,
});
require.cache[crossFetchPath].exports = recordingFetch;

const core = require('@segment/actions-core');
const amplitude = require('@segment/action-destinations/dist/destinations/amplitude/index.js').default;

const destination = new core.Destination(amplitude);
const actionFields = (action) => core.defaultValues(amplitude.actions[action].fields);

/** Segment's presets (from the definition itself) plus the Group and Alias subscriptions a site may add. */
const SUBSCRIPTIONS = {
  ...Object.fromEntries(
    amplitude.presets
      .filter((p) => p.partnerAction !== 'sessionId')
      .map((p) => [p.name, { subscribe: p.subscribe, partnerAction: p.partnerAction, mapping: p.mapping }]),
  ),
  'Group Calls': { subscribe: 'type = "group"', partnerAction: 'groupIdentifyUser', mapping: actionFields('groupIdentifyUser') },
  'Alias Calls': { subscribe: 'type = "alias"', partnerAction: 'mapUser', mapping: actionFields('mapUser') },
};

/**
 * The subscriptions a site's `integrations['Actions Amplitude']` entry stands for: every preset, each
 * preset's mapping with the site's field overrides, and Group / Alias only when the site mapped them.
 */
export function subscriptionsFor(entry) {
  const settings = entry && typeof entry === 'object' ? entry : {};
  const mappings = settings.mappings && typeof settings.mappings === 'object' ? settings.mappings : {};
  const out = [];
  for (const [name, preset] of Object.entries(SUBSCRIPTIONS)) {
    if ((name === 'Group Calls' || name === 'Alias Calls') && !mappings[name]) continue;
    const mapping = { ...preset.mapping };
    if (name === 'Order Completed Calls' && typeof settings.trackRevenuePerProduct === 'boolean')
      mapping.trackRevenuePerProduct = settings.trackRevenuePerProduct;
    Object.assign(mapping, mappings[name] ?? {});
    out.push({ name, subscribe: preset.subscribe, partnerAction: preset.partnerAction, mapping });
  }
  return out;
}

/** What Amplitude received for one request: one entry per event, with the URL path it went to. */
function decode(request) {
  const endpoint = new URL(request.url).pathname;
  if (request.contentType.includes('application/json')) {
    const body = JSON.parse(request.body);
    return (body.events ?? []).map((event) => ({ endpoint, event }));
  }
  const form = new URLSearchParams(request.body);
  const field = form.get('identification') ?? form.get('mapping');
  const parsed = field ? JSON.parse(field) : [];
  return (Array.isArray(parsed) ? parsed : [parsed]).map((event) => ({ endpoint, event }));
}

/**
 * Runs Segment events (as Segment's API received them: JSON) through the destination, one at a time and
 * in order. Returns the payloads (each with the messageId of its event), and per event what the destination
 * said when it refused one.
 */
export async function runSegmentActions(events, entry) {
  const settings = { apiKey: 'conformance-api-key', secretKey: 'conformance-secret-key', endpoint: 'north_america', subscriptions: subscriptionsFor(entry) };
  const payloads = [];
  const refusals = [];
  for (const event of events) {
    recorded = [];
    const results = await destination.onEvent(event, settings).catch((error) => [{ error }]);
    for (const result of results ?? [])
      if (result?.error) refusals.push({ messageId: event.messageId, message: String(result.error?.message ?? result.error) });
    for (const request of recorded) payloads.push(...decode(request).map((p) => ({ ...p, messageId: event.messageId })));
  }
  return { payloads, refusals };
}
