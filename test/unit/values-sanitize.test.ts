// sanitizeProperties at its edges: what exactly is left in the copy, and what each problem says.
import { describe, expect, it } from 'vitest';
import { attempt, isPlainObject, sanitizeProperties } from '../../src/core/values';

const hostile = (trap: 'getPrototypeOf' | 'ownKeys') =>
  new Proxy(
    {},
    {
      [trap]: () => {
        throw new Error('trap');
      },
    },
  );

describe('attempt and isPlainObject never throw', () => {
  it('attempt returns the fallback when the function throws', () => {
    expect(
      attempt(() => {
        throw new Error('x');
      }, 'fallback'),
    ).toBe('fallback');
    expect(attempt(() => 'value', 'fallback')).toBe('value');
  });
  it('a revoked Proxy is not a plain object (false, not a throw)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(isPlainObject(proxy)).toBe(false);
  });
});

describe('sanitizeProperties: the copy', () => {
  it('values that are dropped leave no key behind', () => {
    const { value } = sanitizeProperties({ keep: 1, undef: undefined, fn: () => 1, nan: NaN });
    // NaN is not dropped: it becomes JSON's null, which is what Segment stores and receives for it.
    expect(value).toStrictEqual({ keep: 1, nan: null });
    expect(Object.keys(value)).toEqual(['keep', 'nan']);
  });
  it('the same object twice (not a cycle) is copied twice', () => {
    const shared = { x: 1 };
    expect(sanitizeProperties({ a: shared, b: shared, list: [shared, shared] })).toStrictEqual({
      value: { a: { x: 1 }, b: { x: 1 }, list: [{ x: 1 }, { x: 1 }] },
      problems: [],
    });
  });
  it('nesting through arrays is cut at 40 levels too', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 45; i++) deep = [deep];
    const { value, problems } = sanitizeProperties({ a: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^"a(\[0\]){39}" is nested deeper than 40 levels and was dropped$/);
    expect(JSON.stringify(value)).toBe(`{"a":${'['.repeat(39)}null${']'.repeat(39)}}`);
  });
  it.each<[string, Record<string, unknown>, boolean]>([
    ['nodeType and nodeName', { nodeType: 1, nodeName: 'DIV' }, true],
    ['nodeType alone', { nodeType: 1 }, false],
    ['nodeName alone', { nodeName: 'DIV' }, false],
    ['a string nodeType', { nodeType: '1', nodeName: 'DIV' }, false],
  ])('an object with %s is a DOM node: %s', (_label, obj, isNode) => {
    const { value, problems } = sanitizeProperties({ el: obj });
    expect(value).toStrictEqual(isNode ? {} : { el: obj });
    expect(problems).toEqual(isNode ? ['"el" is a DOM node and was dropped'] : []);
  });
});

describe('sanitizeProperties: the problems it reports', () => {
  it.each<[string, unknown, Record<string, unknown>, string]>([
    ['a Proxy whose prototype cannot be read', { p: hostile('getPrototypeOf') }, {}, '"p" could not be read and was dropped'],
    ['a Proxy whose keys cannot be listed', { p: hostile('ownKeys') }, {}, '"p" could not be read and was dropped'],
    ['a nested one, by its path', { a: { b: hostile('ownKeys') }, c: 1 }, { a: {}, c: 1 }, '"a.b" could not be read and was dropped'],
    ['the whole value, when it cannot be read', hostile('ownKeys'), {}, 'the value could not be read and was dropped'],
    ['a non-finite number as the whole value', NaN, {}, 'the value is NaN and was sent as null'],
  ])('%s', (_label, input, expected, problem) => {
    expect(sanitizeProperties(input)).toStrictEqual({ value: expected, problems: [problem] });
  });
});
