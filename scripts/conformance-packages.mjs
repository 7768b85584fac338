// Segment's own code for the conformance suite (the Actions destination; the classic stack) lives in two
// packages of its own, kept out of the shim's dependencies. `npm test` and `npm run conformance` install each
// exactly as its lockfile says when it is missing, so a clean clone needs no step by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGES = [
  ['test/conformance/actions', '@segment/action-destinations/package.json', "Segment's Actions destination"],
  ['test/conformance/classic', '@segment/analytics-next/package.json', "Segment's classic stack"],
];

/** Installs what is missing; exits the process with npm's status if an install fails. */
export function ensureConformancePackages() {
  for (const [folder, marker, what] of PACKAGES) {
    if (existsSync(join(folder, 'node_modules', marker))) continue;
    console.log(`Installing ${what} for the conformance suite (npm ci --prefix ${folder}) …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefix', folder], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
