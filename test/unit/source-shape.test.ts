// The shape the sources keep (docs/architecture.md): no import cycles, so each folder can be read (and
// loaded) from the bottom up, and no file over 400 lines. Read from the files, not from a bundle, so a
// cycle through a type-erased import is not hidden.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const MAX_LINES = 400;
/** Prettier wraps code at 120 in src/; comments it leaves alone, so they are held to it here. */
const MAX_WIDTH = 120;

const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(SRC, file));

/** Relative imports that stay in the compiled code (not `import type`, not `export type`). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gm))
    if (!match[1]) found.push(resolve(dirname(file), match[2].replace(/\.js$/, '.ts')));
  return found;
}

function importCycles(files: string[], importsOf: (file: string) => string[]): string[] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(SRC, f)).join(' → '));
      else if (!state.has(next)) visit(next, path);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, []);
  return cycles;
}

describe('the sources', () => {
  it('import each other without cycles', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(importCycles(sources, valueImports)).toEqual([]);
  });

  it('find a cycle when there is one', () => {
    const [a, b, c] = sources;
    const edges: Record<string, string[]> = { [a]: [b], [b]: [c], [c]: [a] };
    expect(importCycles([a, b, c], (f) => edges[f])).toHaveLength(1);
  });

  it(`are each at most ${MAX_LINES} lines`, () => {
    const long = sources
      .map((file) => [relative(SRC, file), readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it(`have no line over ${MAX_WIDTH} characters`, () => {
    const wide = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > MAX_WIDTH ? [`${relative(SRC, file)}:${i + 1}`] : [])),
    );
    expect(wide).toEqual([]);
  });
});
