// npm run conformance: generated call sequences through Segment's own code and through the shim, in each
// mode, then the parity table. Quick and seeded by default (the run `npm test` also makes);
// `-- --full` runs many thousands of sequences; `--runs N` and `--seed N` choose them.
//   npm run conformance                 quick, seeded
//   npm run conformance -- --full       the full run (docs/conformance.md has its figures)
//   npm run conformance -- --seed 42 --runs 500
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parityTable } from '../test/conformance/report.mjs';
import { DIFFERENCES } from '../test/conformance/differences.mjs';
import { ensureConformancePackages } from './conformance-packages.mjs';

const FULL_RUNS = 5000;
// Each Classic sequence is a page load in Chromium (about 0.6 s against a few ms for Actions).
const FULL_CLASSIC_RUNS = 2000;
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = { ...process.env };
if (args.includes('--full')) {
  env.CONFORMANCE_RUNS = String(FULL_RUNS);
  env.CONFORMANCE_CLASSIC_RUNS = String(FULL_CLASSIC_RUNS);
}
if (option('runs')) env.CONFORMANCE_RUNS = option('runs');
if (option('seed')) env.CONFORMANCE_SEED = option('seed');

ensureConformancePackages();

const RESULTS = { actions: 'test-results/conformance-actions.json', classic: 'test-results/conformance-classic.json' };
for (const file of Object.values(RESULTS)) rmSync(file, { force: true });
const started = Date.now();
const status =
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'conformance', 'test/conformance/'], { stdio: 'inherit', env }).status ??
  1;
const seconds = ((Date.now() - started) / 1000).toFixed(0);

const rows = Object.entries(RESULTS).map(([mode, file]) => {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  return { mode, ran: false, declared: DIFFERENCES.filter((d) => d.mode === mode).length };
});
console.log(`\nParity with Segment's own code (seed ${rows.find((r) => r.seed !== undefined)?.seed ?? '-'}, ${seconds} s):\n`);
console.log(parityTable(rows));
for (const row of rows) {
  for (const [kind, example] of Object.entries(row.differences ?? {})) console.log(`  undeclared in ${row.mode}: ${kind}\n    first: ${example}`);
}
process.exit(status);
