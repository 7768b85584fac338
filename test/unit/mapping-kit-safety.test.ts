// Mappings come from a site's settings (JSON a site can get wrong): resolveMapping must neither reach
// prototypes through a literal key nor throw on a malformed directive.
import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../../src/modes/actions/mapping-kit';

describe('resolveMapping: literal keys that name prototype machinery are left out', () => {
  it.each([
    ['__proto__', '{"__proto__": {"injected": true}, "a": 1}'],
    ['constructor', '{"constructor": {"injected": true}, "a": 1}'],
    ['prototype', '{"prototype": {"injected": true}, "a": 1}'],
  ])('%s', (_key, json) => {
    const out = resolveMapping(JSON.parse(json), {}) as Record<string, unknown>;
    expect(out).toStrictEqual({ a: 1 });
    expect(out.injected).toBeUndefined();
  });
});

describe('resolveMapping: a malformed @if resolves to nothing', () => {
  it.each([[null], ['exists'], [42], [[{ '@path': '$.a' }]]])('@if: %j', (arg) => {
    expect(resolveMapping({ '@if': arg }, { a: 1 })).toBeUndefined();
    expect(resolveMapping({ field: { '@if': arg }, kept: 1 }, { a: 1 })).toStrictEqual({ kept: 1 });
  });
});
