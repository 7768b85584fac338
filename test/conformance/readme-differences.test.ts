// The README's Differences sections and the table of declared differences (differences.mjs) say the same
// thing: every declared difference is named in the README by its id, every id named there is declared, and
// every row says what, why and which test. The README's wording is free; the ids are the link.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { DIFFERENCES } from './differences.mjs';

/** The text of every "## Differences…" section of the README. */
function differencesSections(readme: string): string {
  const sections = readme.split(/^(?=## )/m).filter((section) => /^## Differences/.test(section));
  return sections.join('\n');
}

const ID = /`((?:actions|classic)-[a-z0-9-]+)`/g;

describe('README Differences and the declared differences', () => {
  const readme = readFileSync('README.md', 'utf8');
  const sections = differencesSections(readme);

  it('the README has a Differences section', () => {
    expect(sections.length).toBeGreaterThan(0);
  });

  it.each(DIFFERENCES.map((d: { id: string }) => [d.id, d]))('%s is named in a README Differences section', (id) => {
    expect(sections).toContain(`\`${id}\``);
  });

  it('every difference id the README names is declared', () => {
    const named = [...sections.matchAll(ID)].map((m) => m[1]);
    const declared = DIFFERENCES.map((d: { id: string }) => d.id);
    expect(named.filter((id) => !declared.includes(id))).toEqual([]);
  });

  it('each row has a unique id, a mode, what, why, a test that exists, and a matcher', () => {
    const ids = DIFFERENCES.map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of DIFFERENCES as Array<Record<string, unknown>>) {
      expect(['actions', 'classic']).toContain(row.mode);
      for (const key of ['what', 'why', 'test']) expect(String(row[key]).trim().length, `${String(row.id)}.${key}`).toBeGreaterThan(10);
      expect(typeof row.matches).toBe('function');
      const files = String(row.test).match(/test\/[\w/.-]+\.(?:ts|mjs)/g) ?? [];
      expect(files.length, `${String(row.id)} names a test file`).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(file), file).toBe(true);
    }
  });
});
