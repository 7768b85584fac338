// One loopback port that plays every host a run talks to: Chromium resolves every name to it
// (--host-resolver-rules), so the page can live at any URL a sequence names, and no request is
// intercepted in flight: uploads sent at any moment, unload included, arrive here. The Host header
// tells Amplitude's CDN and API and Segment's API from the page's own origin. TLS and plain HTTP share the port, since amplitude-js
// picks the scheme from the page and from forceHttps, and the integration loads its script over https.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAmplitudeUpload } from './amplitude-upload.mjs';

/** The header (set per browser context) that tells whose run a request belongs to. */
export const RUN_HEADER = 'x-conformance-run';

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'classic-tls-'));
  try {
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')];
    execFileSync('openssl', [...args, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

/**
 * @param {{ page: (pageOptions: object) => string, bundlePath: string, bundle: string, amplitudeScript: string }} content
 */
export async function startLoopbackServer({ page, bundlePath, bundle, amplitudeScript }) {
  const runs = new Map();
  const unclaimed = [];
  const record = (req, kind, item) => {
    const run = runs.get(req.headers[RUN_HEADER]);
    (run ? run[kind] : unclaimed).push(item);
  };

  async function handle(req, res) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (host === 'cdn.amplitude.com') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'max-age=3600', ...CORS });
      return res.end(amplitudeScript);
    }
    if (host === 'api.amplitude.com' || host === 'api2.amplitude.com') {
      const body = await readBody(req);
      record(req, 'amplitude', decodeAmplitudeUpload(body, `${req.socket.encrypted ? 'https' : 'http'}://${host}${req.url}`));
      // amplitude-js counts an upload as delivered only when the body is exactly "success".
      res.writeHead(200, { 'Content-Type': 'text/plain', ...CORS });
      return res.end('success');
    }
    if (host === 'api.segment.io') {
      const text = await readBody(req);
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      record(req, 'segment', { path, body });
      res.writeHead(200, { 'Content-Type': 'application/json', ...CORS });
      return res.end('{"success":true}');
    }
    if (path === bundlePath) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'max-age=3600' });
      return res.end(bundle);
    }
    if (path === '/favicon.ico') {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page(runs.get(req.headers[RUN_HEADER])?.page ?? {}));
  }

  const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  const plain = http.createServer(handle);
  const secure = https.createServer(selfSignedCertificate(), handle);
  const [plainPort, securePort] = await Promise.all([listen(plain), listen(secure)]);
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  // The first byte tells the protocol (a TLS handshake record is type 22); the connection is then
  // relayed whole to the matching server, which keeps TLS reading from a socket it owns.
  const mux = net.createServer((socket) => {
    track(socket);
    socket.once('data', (first) => {
      const upstream = net.connect(first[0] === 0x16 ? securePort : plainPort, '127.0.0.1');
      track(upstream);
      upstream.write(first);
      socket.pipe(upstream).pipe(socket);
    });
  });
  await listen(mux);
  const port = mux.address().port;

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    /** Starts collecting requests that carry `id` in RUN_HEADER; `page` is what the page server hands `page()`. */
    claim(id, page = {}) {
      const run = { amplitude: [], segment: [], page };
      runs.set(id, run);
      return run;
    },
    release(id) {
      runs.delete(id);
    },
    /** Requests no run claimed (a context without the header, or after its run ended). */
    unclaimed,
    close() {
      for (const socket of sockets) socket.destroy();
      plain.closeAllConnections();
      secure.closeAllConnections();
      const closed = (server) => new Promise((resolve) => server.close(resolve));
      return Promise.all([closed(mux), closed(plain), closed(secure)]).then(() => undefined);
    },
  };
}
