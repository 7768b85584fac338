// Builds the page bundle for the classic harness in memory, from the pinned packages of this folder's
// own package.json (installed with `npm ci --prefix test/conformance/classic`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path string, not a URL object: under happy-dom the global URL is not Node's, and fileURLToPath refuses it.
const HERE = dirname(fileURLToPath(import.meta.url)) + '/';

/** The amplitude-js builds the harness can serve in place of Amplitude's CDN script. */
export const AMPLITUDE_JS_BUILDS = {
  // What the integration's own script tag names (amplitude-5.2.2-min.gz.js): what sites still load.
  '5.2.2': 'node_modules/amplitude-js-5.2.2/amplitude.js',
  // The last amplitude-js release.
  '8.21.10': 'node_modules/amplitude-js/amplitude.umd.min.js',
};

function assertInstalled() {
  if (!existsSync(`${HERE}node_modules/@segment/analytics-next/package.json`)) {
    throw new Error('The classic conformance packages are not installed: run `npm ci --prefix test/conformance/classic`.');
  }
}

let bundlePromise;

/** The page script (analytics-next + the Amplitude classic integration + page-entry.mjs), built once per process. */
export function classicBundle() {
  bundlePromise ??= (async () => {
    assertInstalled();
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [`${HERE}page-entry.mjs`],
      absWorkingDir: HERE,
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2017',
      // The integration's CommonJS dependencies expect what Segment's webpack builds of them provide.
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  })();
  return bundlePromise;
}

const amplitudeBuilds = new Map();

/** The amplitude-js script served where the integration expects Amplitude's CDN. */
export function amplitudeScript(version) {
  const file = AMPLITUDE_JS_BUILDS[version];
  if (!file) throw new Error(`no amplitude-js build "${version}"; known: ${Object.keys(AMPLITUDE_JS_BUILDS).join(', ')}`);
  assertInstalled();
  if (!amplitudeBuilds.has(version)) amplitudeBuilds.set(version, readFile(`${HERE}${file}`, 'utf8'));
  return amplitudeBuilds.get(version);
}
