// npm test: type-check, then every unit and browser test, then one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../test/support/browser.mjs';
import { ensureConformancePackages } from './conformance-packages.mjs';

const node = process.execPath;
const run = (args) => spawnSync(node, args, { stdio: 'inherit' }).status ?? 1;

if (!existsSync(CHROMIUM_PATH)) {
  console.error(
    `\nThe browser tests need Chromium, and none was found at ${CHROMIUM_PATH}.\n` +
      '  Debian/Ubuntu:  apt-get install -y chromium\n' +
      '  Elsewhere:      CHROMIUM_PATH=/path/to/chrome npm test\n' +
      '  Everything:     bash .ci/run   (installs Chromium and dependencies, then runs this)\n',
  );
  process.exit(1);
}
/** Newest modification time among the files the bundle is built from. */
function newestSource() {
  const files = ['package.json', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.json', 'build/rollup-lean-amplitude.mjs'];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('src');
  return Math.max(...files.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

// The browser tests load dist/: never let them test a bundle older than the sources.
const BUNDLE = 'dist/segment-amplitude-shim.min.js';
if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSource()) {
  console.log(existsSync(BUNDLE) ? 'A source is newer than dist/; rebuilding it first.' : 'dist/ is missing; building it first.');
  if (run(['scripts/build.mjs']) !== 0) process.exit(1);
}

ensureConformancePackages();

console.log('Type-checking src/ and the published declarations (test/types/usage.ts) …');
if (run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
if (run(['node_modules/typescript/bin/tsc', '-p', 'test/types/tsconfig.json']) !== 0) process.exit(1);

mkdirSync('test-results', { recursive: true });
const status = run([
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
  ...process.argv.slice(2),
]);

let summary;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  summary = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
  if (report.numPendingTests + report.numTodoTests > 0) summary += `, ${report.numPendingTests + report.numTodoTests} skipped`;
} catch {
  summary = '0 passed, 1 failed';
}
console.log(`\n${summary}`);
process.exit(status);
