// Two outputs: the script-tag IIFE (SDK included, minified) and the ESM build for bundlers. Both carry
// the lean SDK (build/rollup-lean-amplitude.mjs): a bundler given the SDK as a dependency would pull in
// every autocapture plugin, remote config and diagnostics, which the shim never runs. Both also take the
// SDK's code at ES2017, from its own TypeScript source (build/rollup-sdk-es2017.mjs), instead of ES5.
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import leanAmplitude from './build/rollup-lean-amplitude.mjs';
import sdkAsEs2017 from './build/rollup-sdk-es2017.mjs';

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.json',
    declaration: declarations,
    declarationDir: declarations ? 'dist/esm' : undefined,
    outDir: declarations ? 'dist/esm' : undefined,
    sourceMap: false,
  });

export default [
  {
    input: 'src/script.ts',
    output: {
      file: 'dist/segment-amplitude-shim.min.js',
      format: 'iife',
      // The moment the file starts executing, for anyone measuring its cost (npm run bench does).
      intro: "try { performance.mark('segment-amplitude-shim:start'); } catch (e) {}",
      sourcemap: false,
    },
    plugins: [
      leanAmplitude(),
      sdkAsEs2017(),
      resolve({ browser: true, preferBuiltins: false }),
      commonjs(),
      ts(false),
      // SHIM_NO_MINIFY=1: readable function names for CPU profiles (never committed to dist/).
      process.env.SHIM_NO_MINIFY ? undefined : terser({ ecma: 2017, format: { comments: false }, compress: { passes: 2 } }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
  {
    input: { index: 'src/index.ts', 'server/index': 'src/server/index.ts' },
    output: { dir: 'dist/esm', format: 'es', sourcemap: false, chunkFileNames: '[name].js' },
    plugins: [leanAmplitude(), sdkAsEs2017(), resolve({ browser: true, preferBuiltins: false }), commonjs(), ts(true)],
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
];
