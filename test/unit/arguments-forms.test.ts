// Argument forms beyond analytics-next's own vectors (analytics-next-api.md §3): the edges of each
// resolver that a site can reach by passing placeholders, extra arguments or odd types.
import { describe, expect, it } from 'vitest';
import { resolveAliasArguments, resolveEntityArguments, resolvePageArguments, splitPageContext } from '../../src/core/arguments';

const cb = () => undefined;
const P = { banana: 'phone' };
const O = { integrations: { amplitude: false } };
const T = { email: 'a@b.c' };

describe('page arguments: placeholders and extra arguments (§3.2)', () => {
  it.each([
    // Two strings: category is args[0] only when it is a string; name is args[1] only when it is a string.
    ['(undefined, name, x): category stays null, not undefined', [undefined, 'name', 'x'], { category: null, name: 'name', properties: {}, options: {} }],
    ['(cat, undefined, x): name stays null, not undefined', ['cat', undefined, 'x'], { category: 'cat', name: null, properties: {}, options: {} }],
    ['(P, name, x): an object in the category position is not a category', [P, 'name', 'x'], { category: null, name: 'name', properties: P, options: {} }],
    // Only the first five arguments count.
    [
      'a sixth string does not make it three strings',
      ['cat', 'name', P, O, cb, 'sixth'],
      { category: 'cat', name: 'name', properties: P, options: O, callback: cb },
    ],
    [
      'a sixth object does not make it three objects',
      ['name', P, O, undefined, undefined, { sixth: true }],
      { category: null, name: 'name', properties: P, options: O },
    ],
    ['a callback in sixth position is not the callback', ['name', P, O, undefined, undefined, cb], { category: null, name: 'name', properties: P, options: O }],
  ])('%s', (_label, args, expected) => {
    expect(resolvePageArguments(args as unknown[])).toEqual({ callback: undefined, ...expected });
  });
});

describe('identify / group arguments: slot rules (§3.3)', () => {
  const T2 = { second: true };
  it.each([
    ['a non-object options is skipped: options stays {}', ['id', T, 'oops'], { id: 'id', traits: T, options: {}, callback: undefined }],
    ['a number in the options slot is skipped too', ['id', T, 42], { id: 'id', traits: T, options: {}, callback: undefined }],
    ['an object after the options slot is neither traits nor options', ['id', T, O, T2], { id: 'id', traits: T, options: O, callback: undefined }],
    // Non-finite numbers are never sent (README › Long strings); NaN is not an id, it is an omitted id.
    ['NaN is not an id', [NaN], { id: undefined, traits: undefined, options: {}, callback: undefined }],
    ['Infinity is not an id either', [Infinity, cb], { id: undefined, traits: undefined, options: {}, callback: cb }],
    ['a finite number still is', [0], { id: '0', traits: undefined, options: {}, callback: undefined }],
  ])('%s', (_label, args, expected) => {
    expect(resolveEntityArguments(args as unknown[])).toStrictEqual(expected);
  });
});

describe('alias arguments: strings and numbers (§3.4)', () => {
  it.each([
    ['to is the first string, even after a placeholder', [null, 'to'], { to: 'to', from: null, options: {}, callback: undefined }],
    ['to is the first string, even after an object', [O, 'to', 'from'], { to: 'to', from: 'from', options: O, callback: undefined }],
    ['NaN is not turned into "NaN"', [NaN], { to: undefined, from: null, options: {}, callback: undefined }],
    ['Infinity is not a from', ['to', Infinity], { to: 'to', from: null, options: {}, callback: undefined }],
  ])('%s', (_label, args, expected) => {
    expect(resolveAliasArguments(args as unknown[])).toStrictEqual(expected);
  });
});

describe('buffered page context: the snapshot it becomes', () => {
  it('missing text fields become empty strings, and a missing canonical stays undefined', () => {
    const { args, snapshot } = splitPageContext(['E', { __t: 'bpc' }]);
    expect(args).toEqual(['E']);
    expect(snapshot).toStrictEqual({ canonical: undefined, pathname: '', href: '', search: '', title: '', referrer: '' });
  });
  it('a string canonical is kept', () => {
    const { snapshot } = splitPageContext([{ __t: 'bpc', c: 'https://example.com/canonical', p: '/p' }]);
    expect(snapshot?.canonical).toBe('https://example.com/canonical');
    expect(snapshot?.pathname).toBe('/p');
  });
  it.each([[42], [null], [{ href: 'x' }]])('a non-string canonical (%j) is dropped', (c) => {
    const { snapshot } = splitPageContext([{ __t: 'bpc', c, t: 7 }]);
    expect(snapshot?.canonical).toBeUndefined();
    expect(snapshot?.title).toBe('');
  });
  it('an empty argument list is left alone', () => {
    expect(splitPageContext([])).toStrictEqual({ args: [] });
  });
});
