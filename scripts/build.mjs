// npm run build: a clean dist/ from the sources, so the committed dist/ can be checked byte for byte.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const versionFile = readFileSync('src/core/version.ts', 'utf8');
if (!versionFile.includes(`'${pkg.version}'`)) {
  console.error(`src/core/version.ts does not match package.json version ${pkg.version}`);
  process.exit(1);
}
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], { stdio: 'inherit' });

const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

// TypeScript 6 emits no declarations, silently, when it cannot place them under rootDir: the package would
// ship without types. Fail the build instead.
const ENTRIES = ['dist/esm/index.d.ts', 'dist/esm/server/index.d.ts'];
for (const entry of ENTRIES) {
  try {
    readFileSync(entry);
  } catch {
    fail(`${entry} was not emitted (check "rootDir" in tsconfig.json)`);
  }
}

// TypeScript writes a declaration for every source file. Publish only those the entries reach: the others
// describe internals no user can import, and one of them names the bundled SDK's package, which a user's
// compiler cannot find (it is not a dependency), so a strict consumer without skipLibCheck would fail.
const ALLOWED_PACKAGES = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const MODULE_NAME = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+|\bdeclare\s+module\s+|<reference\s+types=)['"]([^'"]+)['"]/gm;
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

const reached = new Set();
const problems = [];
const pending = [...ENTRIES];
while (pending.length) {
  const file = pending.pop();
  if (reached.has(file)) continue;
  reached.add(file);
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    problems.push(`${file} is imported by a published declaration but was not emitted`);
    continue;
  }
  for (const [, spec] of source.matchAll(MODULE_NAME)) {
    if (spec.startsWith('.')) pending.push(posix.join(posix.dirname(file), spec.replace(/\.js$/, '.d.ts')));
    else if (!ALLOWED_PACKAGES.has(packageOf(spec))) problems.push(`${file} imports '${spec}', which is not in dependencies or peerDependencies`);
  }
}
if (problems.length) fail(`the published declarations would not compile for users:\n  ${problems.join('\n  ')}`);

for (const entry of readdirSync('dist/esm', { recursive: true, withFileTypes: true })) {
  const file = posix.join(entry.parentPath, entry.name);
  if (entry.isFile() && file.endsWith('.d.ts') && !reached.has(file)) rmSync(file);
}
