// Amplitude's other browser packages, bundled for a test page from the pinned versions in node_modules,
// each exposing one global. Bundling the Session Replay packages takes tens of seconds with the wasm
// rollup, so each bundle is kept in .tmp/ (git-ignored) under its package version and reused.
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import { ROOT } from './fixture.mjs';

export const ECOSYSTEM_BUNDLES = {
  'session-replay-plugin': {
    pkg: '@amplitude/plugin-session-replay-browser',
    source: "import { sessionReplayPlugin } from '@amplitude/plugin-session-replay-browser';\nwindow.sessionReplayPlugin = sessionReplayPlugin;\n",
  },
  'session-replay-segment-wrapper': {
    pkg: '@amplitude/segment-session-replay-wrapper',
    source: "import setupAmpSRSegmentWrapper from '@amplitude/segment-session-replay-wrapper';\nwindow.setupAmpSRSegmentWrapper = setupAmpSRSegmentWrapper;\n",
  },
  experiment: {
    pkg: '@amplitude/experiment-js-client',
    source: "import { Experiment } from '@amplitude/experiment-js-client';\nwindow.Experiment = Experiment;\n",
  },
};

const require = createRequire(import.meta.url);
// Spelled out, so that the dependency check sees each package used.
const VERSIONS = {
  '@amplitude/plugin-session-replay-browser': () => require('@amplitude/plugin-session-replay-browser/package.json').version,
  '@amplitude/segment-session-replay-wrapper': () => require('@amplitude/segment-session-replay-wrapper/package.json').version,
  '@amplitude/experiment-js-client': () => require('@amplitude/experiment-js-client/package.json').version,
};
const versionOf = (pkg) => VERSIONS[pkg]();

/** The IIFE source of one bundle, from the cache when its package version has not changed. */
export async function ecosystemBundle(name) {
  const { pkg, source } = ECOSYSTEM_BUNDLES[name];
  const dir = join(ROOT, '.tmp', 'ecosystem-bundles');
  const file = join(dir, `${name}-${versionOf(pkg)}.js`);
  const cached = await readFile(file, 'utf8').catch(() => undefined);
  if (cached) return cached;
  const entry = `\0${name}`;
  const bundle = await rollup({
    input: entry,
    plugins: [
      { name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? source : null) },
      // rrweb reads process.env.NODE_ENV, which a browser has not got.
      { name: 'node-env', transform: (code) => (code.includes('process.env.NODE_ENV') ? code.replace(/process\.env\.NODE_ENV/g, '"production"') : null) },
      nodeResolve({ browser: true }),
      commonjs(),
    ],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
  await bundle.close();
  await mkdir(dir, { recursive: true });
  await writeFile(file, output[0].code);
  return output[0].code;
}

/** Serves each named bundle at /ecosystem/<name>.js on the test's static server. */
export async function serveEcosystemBundles(server, names) {
  for (const name of names) {
    const code = await ecosystemBundle(name);
    server.handle(`/ecosystem/${name}.js`, (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(code);
    });
  }
}
