// npm run demo: builds the shim if needed, starts the local Amplitude collector and a static server
// for the demo page, and prints the URL. No account and no network needed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startCollector } from '../collector/collector.mjs';
import { startStaticServer } from './static-server.mjs';
import { consentToolsScript } from './consent-wrapper.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist/segment-amplitude-shim.min.js');
const DEMO_API_KEY = 'demo-amplitude-api-key';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/ when it is missing or older than any source file. */
export function buildIfNeeded() {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestMtime(join(ROOT, 'src'))) return false;
  console.log('Building dist/ …');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  return true;
}

/**
 * The demo page is Segment's snippet with the collector's address filled in, and
 * preferAnonymousIdForDeviceId set from `?prefer=on`, so the page holds literal options as a site would.
 */
export async function startDemo({ port = 0, collectorPort = 0 } = {}) {
  const collector = await startCollector({ port: collectorPort });
  const server = await startStaticServer({ root: ROOT, port });
  const template = readFileSync(join(ROOT, 'demo/index.html'), 'utf8');
  // The site's own server: it reads the visitor's IDs from the cookies of any request after the first page
  // view, logs server-side events under them, and maps users for alias() with a key browsers never see.
  const { createAmplitudeServer, readIdentity } = await import('../dist/esm/server/index.js');
  const amplitude = createAmplitudeServer({
    apiKey: DEMO_API_KEY,
    secretKey: 'demo-secret-key',
    serverUrl: collector.ingestUrl,
    usermapUrl: `${collector.url}/usermap`,
  });
  server.handle('/demo-api/server-event', async (req, res) => {
    const identity = readIdentity(req.headers.cookie, DEMO_API_KEY);
    const result = identity.deviceId ? await amplitude.track(identity, 'Server Side Event', { source: 'demo server' }) : { status: 400 };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ identity, amplitudeStatus: result.status }));
  });
  server.handle('/demo-api/alias', amplitude.aliasHandler());
  // Session Replay and Experiment for the page, bundled from node_modules on first use (offline).
  const { ecosystemBundle } = await import('../test/support/ecosystem-bundles.mjs');
  for (const name of ['session-replay-plugin', 'experiment']) {
    server.handle(`/demo/ecosystem/${name}.js`, async (req, res) => {
      const code = await ecosystemBundle(name);
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(code);
    });
  }
  // ?consent=optin: the page loads through Segment's consent wrapper, behind a stand-in OneTrust banner.
  server.page('/demo/consent-tools.js', await consentToolsScript(), { 'Content-Type': 'text/javascript; charset=utf-8' });
  server.route('/', (url) => {
    const optIn = url.searchParams.get('consent') === 'optin';
    const actions = url.searchParams.get('mode') === 'actions';
    const consentSettings = { categories: ['C0002'] };
    const integrations = actions
      ? { 'Actions Amplitude': { consentSettings } }
      : {
          Amplitude: {
            trackAllPages: true,
            deviceIdFromUrlParam: true,
            preferAnonymousIdForDeviceId: url.searchParams.get('prefer') === 'on',
            consentSettings,
          },
        };
    return template
      .replaceAll('__INTEGRATIONS__', JSON.stringify(integrations))
      .replaceAll('__MODE__', actions ? "'actions'" : "'classic'")
      .replaceAll('__COLLECTOR_URL__', collector.url)
      .replaceAll('__PREFER_ANONYMOUS_ID__', url.searchParams.get('prefer') === 'on' ? 'true' : 'false')
      .replaceAll('__CONSENT_MODE__', optIn ? "'optin'" : 'null')
      .replaceAll('__CONSENT_SCRIPTS__', optIn ? `<script src="/demo/consent-tools.js"></script><script>installFakeOneTrust('opt-in');</script>` : '')
      .replaceAll('__LOAD__', optIn ? 'withOneTrust(analytics).load' : 'analytics.load');
  });
  return {
    collector,
    server,
    url: `${server.url}/`,
    close: async () => {
      await server.close();
      await collector.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildIfNeeded();
  const demo = await startDemo({ port: Number(process.env.PORT ?? 8080), collectorPort: Number(process.env.COLLECTOR_PORT ?? 8787) });
  console.log(`\n  Demo:       ${demo.url}`);
  console.log(`  Collector:  ${demo.collector.url}  (what it received: ${demo.collector.url}/_collector/events)`);
  console.log('\n  Open the demo in a browser. Ctrl+C stops both servers.\n');
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
