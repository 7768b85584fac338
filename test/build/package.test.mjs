// What `npm pack` puts in the tarball: exactly what users need, and every export resolves inside it.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: new URL('../..', import.meta.url),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
)[0];
const files = packed.files.map((f) => f.path).sort();

describe('npm package', () => {
  it('holds the script file, the ESM build with types, the server module, README and package.json, and nothing else', () => {
    expect(files).toContain('dist/segment-amplitude-shim.min.js');
    expect(files).toContain('dist/esm/index.js');
    expect(files).toContain('dist/esm/index.d.ts');
    expect(files).toContain('dist/esm/global.d.ts');
    expect(files).toContain('dist/esm/server/index.js');
    expect(files).toContain('dist/esm/server/index.d.ts');
    expect(files).toContain('README.md');
    expect(files).toContain('package.json');
    const unexpected = files.filter(
      (f) => !/^dist\/(segment-amplitude-shim\.min\.js|esm\/.+\.(js|d\.ts))$/.test(f) && !['README.md', 'package.json'].includes(f),
    );
    expect(unexpected).toEqual([]);
  });
  it('resolves every export to a packed file', () => {
    const targets = [];
    for (const value of Object.values(pkg.exports)) {
      if (typeof value === 'string') targets.push(value);
      else targets.push(...Object.values(value));
    }
    for (const target of targets) expect(files).toContain(target.replace(/^\.\//, ''));
  });
  it('every relative import inside the ESM build resolves to a packed file', () => {
    const missing = [];
    for (const file of files.filter((f) => f.startsWith('dist/esm/') && f.endsWith('.js'))) {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      for (const [, spec] of source.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        // A helper copied under dist/esm/node_modules is ignored by git, so the committed dist/ would lack it.
        if (!files.includes(target) || target.includes('/node_modules/')) missing.push(`${file} -> ${spec}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('builds on exactly @amplitude/analytics-browser 2.48.1, bundled (lean) into both builds: no run-time dependencies', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.devDependencies['@amplitude/analytics-browser']).toBe('2.48.1');
    const esm = readFileSync(new URL('../../dist/esm/index.js', import.meta.url), 'utf8');
    expect(esm).not.toMatch(/from ['"]@amplitude\//);
    expect(esm).not.toContain('[Amplitude] Element Clicked'); // autocapture left out, as in the script file
  });
});
