// What `npm pack` puts in the tarball: exactly what users need, and every export resolves inside it. Then the
// tarball as a new user gets it: installed into a fresh folder and type-checked, strictly and without
// skipLibCheck, by the TypeScript we build with and by the newest one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
)[0];
const files = packed.files.map((f) => f.path).sort();

/** Bare module names a published file may import: only what installs along with the package. */
const installedWithPackage = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
/** Every module a declaration file names: `import … from`, `export … from`, `import('…')` and `/// <reference types>`. */
const declarationImports = (source) =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+|<reference\s+types=)['"]([^'"]+)['"]/gm)].map((m) => m[1]);

describe('npm package', () => {
  it('holds the script file, the ESM build with types, the server module, README and package.json, and nothing else', () => {
    expect(files).toContain('dist/segment-amplitude-shim.min.js');
    expect(files).toContain('dist/esm/index.js');
    expect(files).toContain('dist/esm/index.d.ts');
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
      const source = readFileSync(join(root, file), 'utf8');
      for (const [, spec] of source.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        // A helper copied under dist/esm/node_modules is ignored by git, so the committed dist/ would lack it.
        if (!files.includes(target) || target.includes('/node_modules/')) missing.push(`${file} -> ${spec}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('ships only the declarations the two entries reach, and they import no package a user does not install', () => {
    const declarations = files.filter((f) => f.endsWith('.d.ts'));
    const reached = new Set();
    const bare = [];
    const pending = ['dist/esm/index.d.ts', 'dist/esm/server/index.d.ts'];
    while (pending.length) {
      const file = pending.pop();
      if (reached.has(file) || !files.includes(file)) continue;
      reached.add(file);
      for (const spec of declarationImports(readFileSync(join(root, file), 'utf8'))) {
        if (spec.startsWith('.')) pending.push(posix.normalize(posix.join(posix.dirname(file), spec.replace(/\.js$/, '.d.ts'))));
        else if (!installedWithPackage.has(packageName(spec))) bare.push(`${file} -> ${spec}`);
      }
    }
    expect(bare).toEqual([]);
    expect(declarations.filter((f) => !reached.has(f))).toEqual([]);
  });
  it('exports what the README documents and nothing else: install() for bundlers; readIdentity and createAmplitudeServer for servers', async () => {
    expect(Object.keys(await import(join(root, 'dist/esm/index.js'))).sort()).toEqual(['install']);
    expect(Object.keys(await import(join(root, 'dist/esm/server/index.js'))).sort()).toEqual(['createAmplitudeServer', 'readIdentity']);
  });
  it('builds on exactly @amplitude/analytics-browser 2.48.1, bundled (lean) into both builds: no run-time dependencies', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.devDependencies['@amplitude/analytics-browser']).toBe('2.48.1');
    const esm = readFileSync(join(root, 'dist/esm/index.js'), 'utf8');
    expect(esm).not.toMatch(/from ['"]@amplitude\//);
    expect(esm).not.toContain('[Amplitude] Element Clicked'); // autocapture left out, as in the script file
  });
});

// A strict consumer as a new user writes it: the global window.analytics, a typed load option, the server entry.
const CONSUMER = `import 'segment-amplitude-shim';
import { install, type ShimLoadOptions } from 'segment-amplitude-shim';
import { createAmplitudeServer, readIdentity, type VisitorIdentity } from 'segment-amplitude-shim/server';

window.analytics.track('Signed Up');
const options: ShimLoadOptions = { integrations: { Amplitude: { trackAllPages: true } }, amplitude: { serverZone: 'EU' } };
window.analytics.load('API_KEY', options);
void install;

const visitor: VisitorIdentity = readIdentity('ajs_anonymous_id=a1', 'API_KEY');
void createAmplitudeServer({ apiKey: 'API_KEY' }).track(visitor, 'Payment Captured', { amount: 42 });
`;
const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2020',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2020', 'DOM'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ['consumer.ts'],
};
// The TypeScript we build with is `typescript`; the newest is installed under an alias, both pinned so that
// the test needs no network.
const typescripts = [
  ['the one we build with', 'typescript', pkg.devDependencies.typescript],
  ['the newest', 'typescript-7', pkg.devDependencies['typescript-7'].replace(/^npm:typescript@/, '')],
];
// npm, run from `npm test`, passes its own settings (the project's prefix among them) down in the environment.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

describe('the packed tarball in a fresh TypeScript project', () => {
  let scratch;
  let tarball;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'shim-consumer-'));
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', env: npmEnv }),
    );
    tarball = join(scratch, filename);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(typescripts)('type-checks with strict and without skipLibCheck, under TypeScript %s (%s %s)', (_label, installedAs, version) => {
    const project = join(scratch, installedAs);
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // The package has no dependencies, so installing its tarball needs nothing from the registry.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', tarball], {
      cwd: project,
      env: npmEnv,
      stdio: 'ignore',
    });
    symlinkSync(join(root, 'node_modules', installedAs), join(project, 'node_modules', 'typescript'), 'dir');
    writeFileSync(join(project, 'consumer.ts'), CONSUMER);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG, null, 2));

    const tsc = (...args) => execFileSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), ...args], { cwd: project, encoding: 'utf8' });
    expect(tsc('--version').trim()).toBe(`Version ${version}`);
    let output;
    try {
      output = tsc('-p', 'tsconfig.json', '--strict', '--noEmit');
    } catch (error) {
      output = `${error.stdout}${error.stderr}`;
    }
    expect(output).toBe('');
  });
});
