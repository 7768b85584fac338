// segment-amplitude-shim/server, as published (dist/esm/server), against the local collector.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startCollector } from '../../collector/collector.mjs';
import { createAmplitudeServer, readIdentity } from '../../dist/esm/server/index.js';

const KEY = 'server-test-key-0123456789';
const ampCookie = (obj) => Buffer.from(encodeURIComponent(JSON.stringify(obj))).toString('base64');

let collector;
beforeAll(async () => {
  collector = await startCollector();
});
afterAll(() => collector.close());
beforeEach(() => collector.reset());

describe('readIdentity', () => {
  const amp = ampCookie({ deviceId: 'amp-device-1', userId: 'amp-user', sessionId: 1700000000000, lastEventTime: 1700000001000 });
  it.each([
    ['the v2 AMP_ cookie', `AMP_${KEY.slice(0, 10)}=${amp}`, { deviceId: 'amp-device-1', userId: 'amp-user', sessionId: 1700000000000 }],
    ['URL-encoded once more', `AMP_${KEY.slice(0, 10)}=${encodeURIComponent(amp)}`, { deviceId: 'amp-device-1', userId: 'amp-user', sessionId: 1700000000000 }],
    [
      'Segment cookies alongside',
      `ajs_anonymous_id=anon-9; AMP_${KEY.slice(0, 10)}=${amp}; ajs_user_id=%22seg-user%22; ajs_group_id=g1`,
      { deviceId: 'amp-device-1', userId: 'amp-user', sessionId: 1700000000000, anonymousId: 'anon-9', segmentUserId: 'seg-user', groupId: 'g1' },
    ],
    [
      'only Segment cookies: their IDs stand in',
      'ajs_anonymous_id=anon-9; ajs_user_id=1234',
      { deviceId: 'anon-9', userId: '1234', anonymousId: 'anon-9', segmentUserId: '1234' },
    ],
    ['another key’s cookie is ignored', `AMP_otherkey12=${amp}`, {}],
    ['garbage', `AMP_${KEY.slice(0, 10)}=%%%; ajs_anonymous_id=`, {}],
    ['no header', undefined, {}],
  ])('%s', (_label, header, expected) => {
    expect(readIdentity(header, KEY)).toEqual(expected);
  });
  it('reads array headers and keeps the first value of a repeated name', () => {
    expect(readIdentity(['ajs_anonymous_id=anon-1; ajs_user_id=user-1', 'ajs_anonymous_id=anon-2'], KEY)).toEqual({
      deviceId: 'anon-1',
      userId: 'user-1',
      anonymousId: 'anon-1',
      segmentUserId: 'user-1',
    });
  });
});

describe('server-side events', () => {
  it('go out under the visitor’s device, user and session, and are accepted', async () => {
    const server = createAmplitudeServer({ apiKey: KEY, serverUrl: collector.ingestUrl });
    const response = await server.track({ deviceId: 'amp-device-1', userId: '42', sessionId: 1700000000000 }, 'Invoice Paid', { amount: 10 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 200, events_ingested: 1 });
    expect(collector.events[0]).toMatchObject({
      event_type: 'Invoice Paid',
      device_id: 'amp-device-1',
      user_id: '42',
      session_id: 1700000000000,
      event_properties: { amount: 10 },
    });
  });
  it('refuse an identity with no ID at all', async () => {
    const server = createAmplitudeServer({ apiKey: KEY, serverUrl: collector.ingestUrl });
    await expect(server.track({}, 'x')).rejects.toThrow(/neither a device ID nor a user ID/);
  });
});

describe('aliasHandler', () => {
  let site;
  let url;
  let authorized = true;
  beforeAll(async () => {
    const server = createAmplitudeServer({ apiKey: KEY, secretKey: 'top-secret-value', usermapUrl: `${collector.url}/usermap` });
    const handler = server.aliasHandler({ authorize: () => authorized });
    site = http.createServer((req, res) => handler(req, res));
    await new Promise((r) => site.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${site.address().port}/alias`;
  });
  afterAll(() => new Promise((r) => site.close(r)));

  const post = (body) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

  it('maps previousId to userId at Amplitude, and answers without any key', async () => {
    authorized = true;
    const r = await post(JSON.stringify({ userId: 'user-new', previousId: 'user-old' }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ ok: true });
    expect(collector.usermaps).toHaveLength(1);
    expect(collector.usermaps[0]).toMatchObject({ api_key: KEY, mapping: [{ user_id: 'user-old', global_user_id: 'user-new' }] });
    expect(r.text).not.toContain('top-secret-value');
    expect(r.text).not.toContain(KEY);
  });
  it.each([
    ['not JSON', 'nope', 400],
    ['missing previousId', JSON.stringify({ userId: 'a' }), 400],
    ['the same ID twice', JSON.stringify({ userId: 'a', previousId: 'a' }), 400],
    ['an ID that is not a string', JSON.stringify({ userId: 'a', previousId: 5 }), 400],
    ['a body over 16 KB, even valid JSON', ' '.repeat(40000) + JSON.stringify({ userId: 'a', previousId: 'b' }), 413],
  ])('rejects %s', async (_label, body, status) => {
    const r = await post(body);
    expect(r.status).toBe(status);
    expect(collector.usermaps).toHaveLength(0);
  });
  it('asks authorize() first', async () => {
    authorized = false;
    const r = await post(JSON.stringify({ userId: 'a', previousId: 'b' }));
    expect(r.status).toBe(403);
    expect(collector.usermaps).toHaveLength(0);
  });
  it('reports an unreachable Amplitude without leaking details', async () => {
    authorized = true;
    const broken = createAmplitudeServer({ apiKey: KEY, secretKey: 'top-secret-value', usermapUrl: 'http://127.0.0.1:1/usermap' }).aliasHandler();
    const res = {
      statusCode: 0,
      headers: {},
      body: '',
      setHeader(n, v) {
        this.headers[n] = v;
      },
      end(b) {
        this.body = b;
      },
    };
    const req = new (await import('node:stream')).PassThrough();
    req.method = 'POST';
    req.headers = {};
    const done = new Promise((r) => {
      const end = res.end.bind(res);
      res.end = (b) => {
        end(b);
        r();
      };
    });
    broken(req, res);
    req.end(JSON.stringify({ userId: 'a', previousId: 'b' }));
    await done;
    expect(res.statusCode).toBe(502);
    expect(res.body).not.toContain('top-secret-value');
  });
});
