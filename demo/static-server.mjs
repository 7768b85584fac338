// Serves the repository's files over loopback, plus pages registered in memory by tests.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The script-tag bundle's URL path; SHIM_BUNDLE serves another file there (npm run test:mutants). */
const BUNDLE_PATH = '/dist/segment-amplitude-shim.min.js';

export async function startStaticServer({ root, port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const bundleOverride = process.env.SHIM_BUNDLE ? resolve(process.env.SHIM_BUNDLE) : undefined;
  const pages = new Map();
  const routes = new Map();
  const handlers = new Map();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://static');
    const handler = handlers.get(url.pathname);
    if (handler) return handler(req, res, url);
    const route = routes.get(url.pathname);
    if (route) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(route(url));
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...(page.headers ?? {}) });
      return res.end(page.html);
    }
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (bundleOverride && url.pathname === BUNDLE_PATH) path = bundleOverride;
    else if (!path.startsWith(base)) {
      res.writeHead(403);
      return res.end();
    }
    if (path.endsWith('/')) path = join(path, 'index.html');
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((r) => server.listen(port, host, r));
  const url = `http://${host}:${server.address().port}`;
  return {
    url,
    port: server.address().port,
    /** Registers an in-memory page at `path`; returns its full URL. */
    page(path, html, headers) {
      pages.set(path, { html, headers });
      return url + path;
    },
    /** Hands every request for `path` to a Node handler `(req, res, url)`. */
    handle(path, handler) {
      handlers.set(path, handler);
    },
    /** Serves the HTML `render(url)` returns at `path`, rendered per request. */
    route(path, render) {
      routes.set(path, render);
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
