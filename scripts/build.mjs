// npm run build: a clean dist/ from the sources, so the committed dist/ can be checked byte for byte.
import { readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const versionFile = readFileSync('src/core/version.ts', 'utf8');
if (!versionFile.includes(`'${pkg.version}'`)) {
  console.error(`src/core/version.ts does not match package.json version ${pkg.version}`);
  process.exit(1);
}
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], { stdio: 'inherit' });

// TypeScript 6 emits no declarations, silently, when it cannot place them under rootDir: the package would
// ship without types. Fail the build instead.
for (const entry of ['dist/esm/index.d.ts', 'dist/esm/server/index.d.ts', 'dist/esm/public/types.d.ts']) {
  try {
    readFileSync(entry);
  } catch {
    console.error(`build: ${entry} was not emitted (check "rootDir" in tsconfig.json)`);
    process.exit(1);
  }
}
