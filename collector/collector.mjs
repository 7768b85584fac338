// A local stand-in for Amplitude's HTTP V2 ingestion API, faithful enough that the official SDK cannot
// tell the difference: same validation, same response bodies (the SDK reads `code` from the body, not
// the HTTP status), beacon text/plain bodies, gzip bodies, 413 for oversize, 429 for throttling.
// It keeps every event of every accepted post, in order, duplicates included: Amplitude would
// deduplicate a repeated insert_id, but a test double that did so would hide a shim that posts twice.
// It can inject faults for reliability tests.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createEcosystemEndpoints } from './ecosystem.mjs';

const MAX_BODY_BYTES = 1024 * 1024; // Amplitude: requests must be under 1 MB
const MAX_EVENTS = 2000;
const DEFAULT_MIN_ID_LENGTH = 5;

export function createCollector() {
  /** Every accepted event of every post, in arrival order, with request metadata (repeats included). */
  const events = [];
  /** Every request to an ingestion path, accepted or not. */
  const requests = [];
  /** Amplitude user-mapping calls (alias through a server). */
  const usermaps = [];
  const seenInsertIds = new Map();
  const faults = [];
  /** While set, the endpoint is down: each ingest request gets the next answer of `pattern`, in a cycle. */
  let outage;
  const listeners = new Set();

  function record(entry) {
    for (const res of listeners) res.write(`data: ${JSON.stringify(entry)}\n\n`);
  }
  /** Session Replay's and Experiment's endpoints (ecosystem.mjs). */
  const ecosystem = createEcosystemEndpoints({ record });

  function reset() {
    events.length = 0;
    requests.length = 0;
    usermaps.length = 0;
    seenInsertIds.clear();
    faults.length = 0;
    ecosystem.reset();
    outage = undefined;
    record({ kind: 'reset' });
  }

  function validate(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return { status: 400, body: { code: 400, error: 'Invalid request body' } };
    }
    if (typeof body.api_key !== 'string' || body.api_key.length === 0) {
      return { status: 400, body: { code: 400, error: 'Request missing required field', missing_field: 'api_key' } };
    }
    if (!Array.isArray(body.events)) {
      return { status: 400, body: { code: 400, error: 'Request missing required field', missing_field: 'events' } };
    }
    if (body.events.length > MAX_EVENTS) return { status: 413, body: { code: 413, error: 'Payload too large' } };
    const minIdLength = Number(body.options?.min_id_length ?? DEFAULT_MIN_ID_LENGTH);
    const missing = {};
    const invalidIdLengths = {};
    body.events.forEach((event, index) => {
      if (!event || typeof event !== 'object') {
        (missing.event_type ??= []).push(index);
        return;
      }
      if (typeof event.event_type !== 'string' || event.event_type.trim() === '') (missing.event_type ??= []).push(index);
      const hasUser = typeof event.user_id === 'string' && event.user_id.length > 0;
      const hasDevice = typeof event.device_id === 'string' && event.device_id.length > 0;
      if (!hasUser && !hasDevice) (missing.user_id_or_device_id ??= []).push(index);
      if (hasUser && event.user_id.length < minIdLength) (invalidIdLengths.user_id ??= []).push(index);
      if (hasDevice && event.device_id.length < minIdLength) (invalidIdLengths.device_id ??= []).push(index);
    });
    const bad = new Set([...Object.values(missing).flat(), ...Object.values(invalidIdLengths).flat()]);
    if (bad.size > 0) {
      const out = { code: 400, error: 'Invalid field values on some events' };
      if (Object.keys(missing).length) out.events_with_missing_fields = missing;
      if (Object.keys(invalidIdLengths).length) out.events_with_invalid_id_lengths = invalidIdLengths;
      return { status: 400, body: out, bad };
    }
    return undefined;
  }

  async function handleIngest(req, res, rawBody, path) {
    if (outage) return failDuringOutage(req, res, rawBody, path);
    const fault = faults.length ? faults[0] : undefined;
    if (fault) {
      fault.count -= 1;
      if (fault.count <= 0) faults.shift();
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.drop) {
        requests.push({ path, at: Date.now(), fault: 'drop' });
        req.socket.destroy();
        return;
      }
      if (fault.status) {
        requests.push({ path, at: Date.now(), fault: fault.status });
        return send(res, fault.status, faultBody(fault.status, parseLenient(rawBody)));
      }
    }
    if (rawBody.length > MAX_BODY_BYTES) {
      requests.push({ path, at: Date.now(), status: 413 });
      return send(res, 413, { code: 413, error: 'Payload too large' });
    }
    let body;
    try {
      const bytes = rawBody[0] === 0x1f && rawBody[1] === 0x8b ? gunzipSync(rawBody) : rawBody;
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      requests.push({ path, at: Date.now(), status: 400 });
      return send(res, 400, { code: 400, error: 'Invalid JSON request body' });
    }
    const problem = validate(body);
    const contentType = req.headers['content-type'] ?? '';
    const transport = contentType.startsWith('text/plain') ? 'beacon' : 'fetch';
    const request = { path, at: Date.now(), transport, events: body.events?.length ?? 0, status: problem?.status ?? 200 };
    requests.push(request);
    if (problem && !problem.bad) return send(res, problem.status, problem.body);
    let ingested = 0;
    (body.events ?? []).forEach((event, index) => {
      if (problem?.bad?.has(index)) return;
      ingested++;
      const insertId = event.insert_id;
      const copy = insertId === undefined ? 1 : (seenInsertIds.get(insertId) ?? 0) + 1;
      if (insertId !== undefined) seenInsertIds.set(insertId, copy);
      // `copy` > 1 marks a repeat of an insert_id: Amplitude would ignore it, the tests count it.
      const entry = { ...event, _received: { at: request.at, transport, path, api_key: body.api_key, request: requests.length - 1, copy } };
      events.push(entry);
      record({ kind: 'event', event: entry });
    });
    if (problem) return send(res, problem.status, problem.body);
    return send(res, 200, {
      code: 200,
      events_ingested: ingested,
      payload_size_bytes: rawBody.length,
      server_upload_time: Date.now(),
    });
  }

  function handleUsermap(res, rawBody) {
    // Amplitude's /usermap takes a form body: api_key and mapping=[{user_id, global_user_id}].
    const form = new URLSearchParams(rawBody.toString('utf8'));
    let mapping;
    try {
      mapping = JSON.parse(form.get('mapping') ?? 'null');
    } catch {
      mapping = null;
    }
    if (!form.get('api_key') || !Array.isArray(mapping)) {
      return send(res, 400, { code: 400, error: 'missing api_key or mapping' }, 'text/plain');
    }
    const entry = { at: Date.now(), api_key: form.get('api_key'), mapping };
    usermaps.push(entry);
    record({ kind: 'usermap', usermap: entry });
    return send(res, 200, 'success', 'text/plain');
  }

  /**
   * The endpoint is down: a status code answers with Amplitude's body for it, 'reset' destroys the
   * connection without an answer. Nothing is ingested; the request is recorded with what it carried,
   * so a test can count the attempts made during the outage (beacons included).
   */
  function failDuringOutage(req, res, rawBody, path) {
    const answer = outage.pattern[outage.next % outage.pattern.length];
    outage.next += 1;
    const body = parseLenient(rawBody);
    const contentType = req.headers['content-type'] ?? '';
    const transport = contentType.startsWith('text/plain') ? 'beacon' : 'fetch';
    const events = Array.isArray(body?.events) ? body.events.map((e) => e?.event_type) : [];
    requests.push({ path, at: Date.now(), transport, events: events.length, eventTypes: events, fault: answer, outage: true });
    if (answer === 'reset') {
      req.socket.destroy();
      return undefined;
    }
    return send(res, answer, faultBody(answer, body));
  }

  /** Starts an outage (`pattern`: status codes and 'reset', answered in turn) or ends it (no pattern). */
  function setOutage(spec = {}) {
    const pattern = Array.isArray(spec.pattern) ? spec.pattern.filter((a) => a === 'reset' || (Number.isInteger(a) && a >= 400)) : [];
    outage = pattern.length ? { pattern, next: 0 } : undefined;
    return { down: Boolean(outage) };
  }

  /** Amplitude's answer shapes; an injected 429 throttles every event of the request, as a real one would. */
  function faultBody(status, body) {
    if (status === 429) {
      const events = Array.isArray(body?.events) ? body.events : [];
      const throttledDevices = {};
      for (const e of events) if (e?.device_id) throttledDevices[e.device_id] = 31;
      return {
        code: 429,
        error: 'Too many requests for some devices and users',
        eps_threshold: 30,
        throttled_devices: throttledDevices,
        throttled_users: {},
        throttled_events: events.map((_, i) => i),
        exceeded_daily_quota_devices: {},
        exceeded_daily_quota_users: {},
      };
    }
    if (status === 413) return { code: 413, error: 'Payload too large' };
    if (status === 400) return { code: 400, error: 'Injected fault' };
    return { code: status, error: 'Injected fault' };
  }

  async function handler(req, res) {
    if (ecosystem.owns(new URL(req.url, 'http://collector').pathname)) return ecosystem.handle(req, res);
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      return res.end();
    }
    const url = new URL(req.url, 'http://collector');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/_collector/events') {
      return send(res, 200, { events, requests, usermaps, duplicates: duplicates() });
    }
    if (req.method === 'GET' && path === '/_collector/stream') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify({ kind: 'hello', events })}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return undefined;
    }
    const rawBody = await readBody(req);
    if (req.method === 'POST' && path === '/_collector/reset') {
      reset();
      return send(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/_collector/faults') {
      const spec = JSON.parse(rawBody.toString('utf8') || '{}');
      faults.push({ count: Number(spec.count ?? 1), status: spec.status, delayMs: spec.delayMs, drop: Boolean(spec.drop) });
      return send(res, 200, { ok: true, pending: faults.length });
    }
    if (req.method === 'POST' && path === '/_collector/outage') {
      return send(res, 200, { ok: true, ...setOutage(JSON.parse(rawBody.toString('utf8') || '{}')) });
    }
    if (req.method === 'POST' && (path === '/2/httpapi' || path === '/batch')) return handleIngest(req, res, rawBody, path);
    if (req.method === 'POST' && path === '/usermap') return handleUsermap(res, rawBody);
    return send(res, 404, { code: 404, error: 'Not found' });
  }

  /** How many times each insert_id was posted. */
  function postCounts() {
    return new Map(seenInsertIds);
  }

  /** Insert_ids posted more than once, with their counts. */
  function duplicates() {
    return [...seenInsertIds].filter(([, n]) => n > 1).map(([insertId, posts]) => ({ insertId, posts }));
  }

  return { handler, events, requests, usermaps, reset, postCounts, duplicates, ecosystem, setOutage };
}

function parseLenient(raw) {
  try {
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

function cors(res) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Content-Encoding, Accept');
}

function send(res, status, body, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts a collector on 127.0.0.1; port 0 picks a free one. */
export async function startCollector({ port = 0, host = '127.0.0.1' } = {}) {
  const collector = createCollector();
  const server = http.createServer((req, res) => {
    collector.handler(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, { code: 500, error: String(error) });
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  return {
    ...collector,
    url,
    port: address.port,
    ingestUrl: `${url}/2/httpapi`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
