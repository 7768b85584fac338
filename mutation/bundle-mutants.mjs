// npm run test:mutants: builds deliberately broken script bundles and runs the browser suite on each.
// A mutant is killed when the suite fails on it; this script fails unless every mutant is killed.
// Each mutant is a text substitution in one source file, checked to apply, so a refactor that moves
// the line makes this script fail loudly instead of testing nothing.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const MUTANTS = [
  {
    name: '(a) every event handed over twice',
    file: 'src/runtime/delivery.ts',
    find: '      pipeline.accept(\n        wire,',
    replace: '      pipeline.accept({ ...wire });\n      pipeline.accept(\n        wire,',
  },
  {
    name: '(b) page() throws internally',
    file: 'src/runtime/analytics.ts',
    find: '  page(...rawArgs: unknown[]): Promise<Context> {\n',
    replace: "  page(...rawArgs: unknown[]): Promise<Context> {\n    if (rawArgs.length >= 0) throw new Error('mutant: page() is broken');\n",
  },
  {
    name: '(c) a new event waits 5 s before it is sent',
    file: 'src/wire/outbox.ts',
    find: '        schedule(0);\n      else schedule(config.flushIntervalMs);',
    replace: '        schedule(5000);\n      else schedule(5000);',
  },
  {
    name: '(d) an exit during an outage counts as sent',
    file: 'src/wire/outbox-exit.ts',
    find: 'const healthy = box.healthy;',
    replace: 'const healthy = true;',
  },
];

const root = process.cwd();
const node = process.execPath;
const only = process.argv[2];
const results = [];

for (const mutant of MUTANTS) {
  if (only && !mutant.name.includes(only)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'shim-mutant-'));
  try {
    for (const entry of ['src', 'build', 'rollup.config.mjs', 'tsconfig.json', 'package.json'])
      cpSync(join(root, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = join(dir, mutant.file);
    const source = readFileSync(file, 'utf8');
    if (!source.includes(mutant.find)) throw new Error(`${mutant.name}: "${mutant.find}" is no longer in ${mutant.file}; update the mutant`);
    writeFileSync(file, source.replace(mutant.find, mutant.replace));
    mkdirSync(join(dir, 'dist'), { recursive: true });
    const build = spawnSync(node, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], { cwd: dir, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`${mutant.name}: the mutant did not build`);
    console.log(`\n== ${mutant.name}: running the browser suite on the mutant bundle`);
    const report = join(dir, 'suite.json');
    const suite = spawnSync(
      node,
      ['node_modules/vitest/vitest.mjs', 'run', '--project', 'browser', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, '--bail=1'],
      {
        cwd: root,
        env: { ...process.env, SHIM_BUNDLE: join(dir, 'dist/segment-amplitude-shim.min.js') },
        encoding: 'utf8',
      },
    );
    const killed = suite.status !== 0;
    // The suite stops at its first failure (--bail): its JSON report names the test that caught the mutant.
    const failed = failedTestsIn(report);
    const caughtBy = failed[0] ?? (killed ? `(no failed test reported; suite exit ${suite.status})` : '');
    results.push({ mutant: mutant.name, killed, failedTests: failed.length, caughtBy });
    console.log(`   ${killed ? 'killed' : 'SURVIVED'}${caughtBy ? ` by: ${caughtBy}` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('\nmutant                                   | result   | caught by');
for (const r of results) console.log(`${r.mutant.padEnd(40)} | ${(r.killed ? 'killed' : 'SURVIVED').padEnd(8)} | ${r.caughtBy}`);
const survivors = results.filter((r) => !r.killed);
if (survivors.length || results.length === 0) {
  console.error(`\n${survivors.length} mutant(s) survived: the browser suite cannot see that breakage.`);
  process.exit(1);
}
console.log(`\nAll ${results.length} mutants killed.`);

/** `file › test name` of each failed test in a vitest JSON report (none when the suite wrote no report). */
function failedTestsIn(report) {
  if (!existsSync(report)) return [];
  const { testResults = [] } = JSON.parse(readFileSync(report, 'utf8'));
  return testResults.flatMap((file) =>
    (file.assertionResults ?? []).filter((t) => t.status === 'failed').map((t) => `${file.name.replace(`${root}/`, '')} › ${t.fullName}`),
  );
}
