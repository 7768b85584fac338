// What Amplitude's other browser packages call, answered locally so tests and the demo run offline:
// - Session Replay's remote config, in both shapes its clients ask for it:
//     GET /config/<api key>?config_group=browser         (@amplitude/session-replay-browser 1.5x, the SDK plugin;
//                                                          reached with configServerUrl: <collector>/config)
//     GET /config?api_key=K&config_keys=sessionReplay     (the 1.13 copy inside the Segment wrapper; its host is
//                                                          fixed, so a test routes sr-client-cfg.amplitude.com here)
// - Session Replay uploads: POST /sessions/v2/track?device_id=D&session_id=S&type=replay|interaction
//   (trackServerUrl for the plugin; api-sr.amplitude.com routed here for the wrapper). Every upload is kept.
// - Experiment's remote evaluation: GET /sdk/v2/vardata (user in the X-Amp-Exp-User header, base64url JSON)
//   and its flag definitions: GET /sdk/v2/flags (serverUrl / flagsServerUrl: <collector>).
import { gunzipSync } from 'node:zlib';

const DEFAULT_REPLAY_CONFIG = { sr_sampling_config: { capture_enabled: true, sample_rate: 1 } };

export function createEcosystemEndpoints({ record = () => undefined } = {}) {
  const replayConfigRequests = [];
  const replayUploads = [];
  const experimentRequests = [];
  let replayConfig = DEFAULT_REPLAY_CONFIG;
  let variants = {};
  let flags = [];

  function reset() {
    replayConfigRequests.length = 0;
    replayUploads.length = 0;
    experimentRequests.length = 0;
    replayConfig = DEFAULT_REPLAY_CONFIG;
    variants = {};
    flags = [];
  }

  /** True for the paths this module answers (preflights included). */
  function owns(path) {
    return (
      path === '/config' ||
      path.startsWith('/config/') ||
      path === '/sessions/v2/track' ||
      path === '/sdk/v2/vardata' ||
      path === '/sdk/v2/flags' ||
      path === '/_collector/ecosystem' ||
      path === '/_collector/session-replay' ||
      path === '/_collector/experiment'
    );
  }

  async function handle(req, res) {
    // These clients send Authorization and X-* headers, so their requests are preflighted.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Content-Type');
    res.setHeader('Access-Control-Expose-Headers', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      return res.end();
    }
    const url = new URL(req.url, 'http://collector');
    const path = url.pathname;
    const raw = await readBody(req);

    if (req.method === 'GET' && path === '/_collector/ecosystem') {
      return json(res, 200, { replayConfigRequests, replayUploads, experimentRequests });
    }
    if (req.method === 'POST' && path === '/_collector/session-replay') {
      replayConfig = parse(raw)?.config ?? DEFAULT_REPLAY_CONFIG;
      return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/_collector/experiment') {
      const spec = parse(raw) ?? {};
      variants = spec.variants ?? {};
      flags = spec.flags ?? [];
      return json(res, 200, { ok: true });
    }

    if (req.method === 'GET' && (path === '/config' || path.startsWith('/config/'))) {
      const apiKey = path === '/config' ? url.searchParams.get('api_key') : decodeURIComponent(path.slice('/config/'.length));
      const entry = {
        at: Date.now(),
        shape: path === '/config' ? 'config_keys' : 'config_group',
        apiKey,
        configKeys: url.searchParams.getAll('config_keys'),
        configGroup: url.searchParams.get('config_group'),
        sessionId: url.searchParams.get('session_id'),
      };
      replayConfigRequests.push(entry);
      record({ kind: 'replay-config', request: entry });
      if (!apiKey) return json(res, 401, { error: 'missing api key' });
      return json(res, 200, { configs: { sessionReplay: replayConfig } });
    }

    if (req.method === 'POST' && path === '/sessions/v2/track') {
      const body = decode(raw);
      const entry = {
        at: Date.now(),
        deviceId: url.searchParams.get('device_id'),
        sessionId: url.searchParams.get('session_id'),
        type: url.searchParams.get('type'),
        apiKey: (req.headers.authorization ?? '').replace(/^Bearer /, ''),
        library: req.headers['x-client-library'],
        gzip: raw[0] === 0x1f && raw[1] === 0x8b,
        bytes: raw.length,
        events: Array.isArray(body?.events) ? body.events.length : 0,
      };
      replayUploads.push(entry);
      record({ kind: 'replay-upload', upload: entry });
      if (!entry.deviceId || !entry.sessionId || !entry.apiKey) return json(res, 400, { error: 'missing device_id, session_id or api key' });
      return json(res, 200, {});
    }

    if (req.method === 'GET' && (path === '/sdk/v2/vardata' || path === '/sdk/v2/flags')) {
      const deploymentKey = (req.headers.authorization ?? '').replace(/^Api-Key /, '');
      const entry = {
        at: Date.now(),
        path,
        deploymentKey,
        user: decodeHeader(req.headers['x-amp-exp-user']),
        flagKeys: decodeHeader(req.headers['x-amp-exp-flag-keys']),
        library: req.headers['x-amp-exp-library'],
      };
      experimentRequests.push(entry);
      record({ kind: 'experiment-fetch', request: entry });
      if (!deploymentKey) return json(res, 401, { error: 'missing deployment key' });
      if (path === '/sdk/v2/flags') return json(res, 200, flags);
      const keys = Array.isArray(entry.flagKeys) ? entry.flagKeys : Object.keys(variants);
      return json(res, 200, Object.fromEntries(keys.filter((key) => key in variants).map((key) => [key, variants[key]])));
    }
    return json(res, 404, { error: 'Not found' });
  }

  return { owns, handle, reset, replayConfigRequests, replayUploads, experimentRequests };
}

function decodeHeader(value) {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return { undecodable: value };
  }
}

function decode(raw) {
  try {
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

function parse(raw) {
  try {
    return JSON.parse(raw.toString('utf8') || 'null');
  } catch {
    return undefined;
  }
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
