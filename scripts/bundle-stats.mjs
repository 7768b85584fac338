// npm run bundle-stats: where the script-tag file's bytes come from, by module, from rollup's own
// output stats (rendered length before minification), largest first.
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';

const [iife] = config;
const bundle = await rollup({ ...iife, onwarn: () => undefined });
const { output } = await bundle.generate({ ...iife.output, file: undefined });
const chunk = output[0];
const rows = Object.entries(chunk.modules)
  .map(([id, m]) => [id.replace(/^.*node_modules\//, '').replace(process.cwd() + '/', ''), m.renderedLength])
  .filter(([, n]) => n > 0)
  .sort((a, b) => b[1] - a[1]);
const total = rows.reduce((s, [, n]) => s + n, 0);
const byPackage = new Map();
for (const [id, n] of rows) {
  const pkg = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.startsWith('src/') ? 'src (the shim)' : id.split('/')[0];
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n);
}
console.log(`rendered before minification: ${total} bytes; minified file: ${chunk.code.length} bytes\n`);
for (const [pkg, n] of [...byPackage].sort((a, b) => b[1] - a[1]))
  console.log(`${String(n).padStart(8)}  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${pkg}`);
console.log('');
for (const [id, n] of rows.slice(0, Number(process.argv[2] ?? 40))) console.log(`${String(n).padStart(8)}  ${id}`);
await bundle.close();
