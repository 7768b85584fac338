// The collector answers Session Replay's and Experiment's requests as their clients make them (paths,
// methods, headers and answer shapes read from the packages in node_modules), and keeps each one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { startCollector } from '../../collector/collector.mjs';

let c;
beforeAll(async () => {
  c = await startCollector();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ecosystem = () => fetch(`${c.url}/_collector/ecosystem`).then((r) => r.json());

describe('Session Replay remote config', () => {
  it('answers the plugin’s GET /config/<key>?config_group=browser with capture on at sample rate 1', async () => {
    const r = await fetch(`${c.url}/config/api-key-12345?config_group=browser`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ configs: { sessionReplay: { sr_sampling_config: { capture_enabled: true, sample_rate: 1 } } } });
    expect((await ecosystem()).replayConfigRequests).toMatchObject([{ shape: 'config_group', apiKey: 'api-key-12345', configGroup: 'browser' }]);
  });

  it('answers the wrapper’s GET /config?api_key&config_keys=sessionReplay&session_id, and a configured answer after POST', async () => {
    await fetch(`${c.url}/_collector/session-replay`, { method: 'POST', body: JSON.stringify({ config: { sr_sampling_config: { capture_enabled: false } } }) });
    const r = await fetch(`${c.url}/config?api_key=k-12345&config_keys=sessionReplay&session_id=1700000000000`);
    expect(await r.json()).toEqual({ configs: { sessionReplay: { sr_sampling_config: { capture_enabled: false } } } });
    expect(c.ecosystem.replayConfigRequests).toMatchObject([
      { shape: 'config_keys', apiKey: 'k-12345', configKeys: ['sessionReplay'], sessionId: '1700000000000' },
    ]);
    expect((await fetch(`${c.url}/config?config_keys=sessionReplay`)).status).toBe(401);
  });
});

describe('Session Replay uploads', () => {
  it('counts every POST /sessions/v2/track with its device, session, type and event count, gzip bodies too', async () => {
    const upload = (body, headers = {}) =>
      fetch(`${c.url}/sessions/v2/track?device_id=device-12345&session_id=1700000000000&type=replay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer api-key-12345', 'X-Client-Library': 'plugin/1.36.5', ...headers },
        body,
      });
    expect((await upload(JSON.stringify({ version: 1, events: ['a', 'b'] }))).status).toBe(200);
    expect((await upload(gzipSync(JSON.stringify({ version: 1, events: ['c'] })), { 'Content-Encoding': 'gzip' })).status).toBe(200);
    expect((await ecosystem()).replayUploads).toMatchObject([
      { deviceId: 'device-12345', sessionId: '1700000000000', type: 'replay', apiKey: 'api-key-12345', library: 'plugin/1.36.5', events: 2, gzip: false },
      { events: 1, gzip: true },
    ]);
  });

  it('rejects an upload without a device, and still records it', async () => {
    const r = await fetch(`${c.url}/sessions/v2/track?session_id=1`, { method: 'POST', headers: { Authorization: 'Bearer k' }, body: '{}' });
    expect(r.status).toBe(400);
    expect(c.ecosystem.replayUploads).toHaveLength(1);
  });

  it('allows the preflight of the headers the uploader sends', async () => {
    const r = await fetch(`${c.url}/sessions/v2/track`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://page.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,x-client-library' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-headers')).toBe('authorization,x-client-library');
  });
});

describe('Experiment', () => {
  const variants = { 'checkout-flow': { key: 'treatment', value: 'treatment', payload: { color: 'green' } }, other: { key: 'on', value: 'on' } };

  it('GET /sdk/v2/vardata answers the configured variants and records the user from X-Amp-Exp-User', async () => {
    await fetch(`${c.url}/_collector/experiment`, { method: 'POST', body: JSON.stringify({ variants }) });
    const user = { device_id: 'device-12345', user_id: 'user-12345' };
    const r = await fetch(`${c.url}/sdk/v2/vardata?v=0`, { headers: { Authorization: 'Api-Key client-abc', 'X-Amp-Exp-User': b64url(user) } });
    expect(await r.json()).toEqual(variants);
    expect((await ecosystem()).experimentRequests).toMatchObject([{ path: '/sdk/v2/vardata', deploymentKey: 'client-abc', user }]);
  });

  it('answers only the flags asked for in X-Amp-Exp-Flag-Keys, and 401 without a deployment key', async () => {
    await fetch(`${c.url}/_collector/experiment`, { method: 'POST', body: JSON.stringify({ variants }) });
    const r = await fetch(`${c.url}/sdk/v2/vardata?v=0`, {
      headers: { Authorization: 'Api-Key client-abc', 'X-Amp-Exp-User': b64url({}), 'X-Amp-Exp-Flag-Keys': b64url(['other']) },
    });
    expect(await r.json()).toEqual({ other: variants.other });
    expect((await fetch(`${c.url}/sdk/v2/vardata?v=0`)).status).toBe(401);
  });

  it('GET /sdk/v2/flags answers an array of flag definitions (empty unless configured)', async () => {
    const r = await fetch(`${c.url}/sdk/v2/flags`, { headers: { Authorization: 'Api-Key client-abc' } });
    expect(await r.json()).toEqual([]);
  });

  it('a reset forgets requests and configured variants', async () => {
    await fetch(`${c.url}/_collector/experiment`, { method: 'POST', body: JSON.stringify({ variants }) });
    await fetch(`${c.url}/sdk/v2/vardata?v=0`, { headers: { Authorization: 'Api-Key client-abc' } });
    await fetch(`${c.url}/_collector/reset`, { method: 'POST' });
    expect(c.ecosystem.experimentRequests).toEqual([]);
    const r = await fetch(`${c.url}/sdk/v2/vardata?v=0`, { headers: { Authorization: 'Api-Key client-abc' } });
    expect(await r.json()).toEqual({});
  });
});
