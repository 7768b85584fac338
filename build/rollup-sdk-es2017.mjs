// Rollup plugin: builds @amplitude/analytics-browser and @amplitude/analytics-core for the shim's own
// target (ES2017) instead of bundling their ES5 output. The SDK publishes lib/esm compiled to ES5, so every
// async function arrives as a tslib __awaiter/__generator state machine, every subclass through __extends
// and every method as a prototype assignment: about 3.6 KB gzip of the script file. Its source maps carry
// its TypeScript source (sourcesContent), so each module with code in it is recompiled from that source,
// module by module, with TypeScript's syntax-only transpiler: the same SDK version and code, with native
// async functions and classes. A module without a usable map keeps its published ES5 code (the CI size budget
// then shows the difference), and a source that does not transpile cleanly fails the build.
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';

const SDK_MODULE = /[\\/]node_modules[\\/]@amplitude[\\/](?:analytics-browser|analytics-core)[\\/]lib[\\/]esm[\\/].+\.js$/;

const COMPILER_OPTIONS = {
  target: ts.ScriptTarget.ES2017,
  module: ts.ModuleKind.ESNext,
  // As the SDK compiles itself: class fields are assigned in the constructor, not defined.
  useDefineForClassFields: false,
  importHelpers: false,
  sourceMap: false,
};

export default function sdkAsEs2017() {
  return {
    name: 'sdk-as-es2017',
    load(id) {
      if (!SDK_MODULE.test(id) || !existsSync(`${id}.map`)) return null;
      // Modules with no function in them (type barrels, constants) gain nothing, and their re-exports of
      // types would not survive a per-file transpile, so they stay as published.
      const published = readFileSync(id, 'utf8');
      if (!/\bfunction\b/.test(published)) return null;
      const map = JSON.parse(readFileSync(`${id}.map`, 'utf8'));
      if (!Array.isArray(map.sourcesContent) || map.sourcesContent.length !== 1 || typeof map.sourcesContent[0] !== 'string') return null;
      const result = ts.transpileModule(map.sourcesContent[0], {
        fileName: String(map.sources?.[0] ?? id).replace(/^(\.\.\/)+/, ''),
        compilerOptions: COMPILER_OPTIONS,
        reportDiagnostics: true,
      });
      const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length) this.error(`${id}: its TypeScript source did not transpile: ${ts.flattenDiagnosticMessageText(errors[0].messageText, ' ')}`);
      return result.outputText;
    },
  };
}
