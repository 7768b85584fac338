// analytics-next's argument-resolution vectors (analytics-next-api.md §10, 1-20) and the bpc rules.
import { describe, expect, it } from 'vitest';
import {
  isBufferedPageContext,
  resolveAliasArguments,
  resolveEntityArguments,
  resolvePageArguments,
  resolveTrackArguments,
  splitPageContext,
} from '../../src/core/arguments';

const cb = () => undefined;
const P = { banana: 'phone' };
const O = { integrations: { amplitude: false } };
const T = { email: 'a@b.c' };

describe('track arguments', () => {
  it.each([
    ['1 (name, props, opts, cb)', ['Test Event', P, O, cb], { name: 'Test Event', properties: P, options: O, callback: cb }],
    ['2 (name, props)', ['Test Event', P], { name: 'Test Event', properties: P, options: {}, callback: undefined }],
    ['3 (name, props, cb)', ['Test Event', P, cb], { name: 'Test Event', properties: P, options: {}, callback: cb }],
    ['4 (name, cb)', ['Test Event', cb], { name: 'Test Event', properties: {}, options: {}, callback: cb }],
    [
      '5 (name, undefined, opts)',
      ['Test Event', undefined, { context: { page: { path: '/custom' } } }],
      { name: 'Test Event', properties: {}, options: { context: { page: { path: '/custom' } } }, callback: undefined },
    ],
    ['6 ({type})', [{ type: 'track' }], { name: undefined, properties: {}, options: {}, callback: undefined }],
    ['7 ({event, properties}, opts, cb)', [{ event: 'Test Event', properties: P }, O, cb], { name: 'Test Event', properties: P, options: O, callback: cb }],
    ['({event}, cb)', [{ event: 'E' }, cb], { name: 'E', properties: {}, options: {}, callback: cb }],
    ['array properties become {}', ['E', [1, 2]], { name: 'E', properties: {}, options: {}, callback: undefined }],
    ['null properties become {}', ['E', null], { name: 'E', properties: {}, options: {}, callback: undefined }],
  ])('%s', (_label, args, expected) => {
    expect(resolveTrackArguments(args as unknown[])).toEqual(expected);
  });

  it('keeps the caller’s properties object (same reference, as analytics-next)', () => {
    expect(resolveTrackArguments(['E', P]).properties).toBe(P);
  });
});

describe('page arguments', () => {
  it.each([
    [
      '8 ("", "", null, opts)',
      ['', '', null, { integrations: { Amplitude: { sessionId: '123' } } }],
      { category: '', name: '', properties: {}, options: { integrations: { Amplitude: { sessionId: '123' } } } },
    ],
    ['9 (category, name)', ['category', 'name'], { category: 'category', name: 'name', properties: {}, options: {} }],
    ['10 (name, props)', ['name', P], { category: null, name: 'name', properties: P, options: {} }],
    ['11 (name, props, opts, cb)', ['name', P, O, cb], { category: null, name: 'name', properties: P, options: O, callback: cb }],
    ['12a (props, opts, cb)', [P, O, cb], { category: null, name: null, properties: P, options: O, callback: cb }],
    ['12b (props, cb)', [P, cb], { category: null, name: null, properties: P, options: {}, callback: cb }],
    ['13a (null, name, props, opts, cb)', [null, 'name', P, O, cb], { category: null, name: 'name', properties: P, options: O, callback: cb }],
    ['13b (name, null, props, opts, cb)', ['name', null, P, O, cb], { category: null, name: 'name', properties: P, options: O, callback: cb }],
    ['14 (name, null, null, opts)', ['name', null, null, O], { category: null, name: 'name', properties: {}, options: O }],
    ['15a (undefined x3, opts, cb)', [undefined, undefined, undefined, O, cb], { category: null, name: null, properties: {}, options: O, callback: cb }],
    ['15b (cb)', [cb], { category: null, name: null, properties: {}, options: {}, callback: cb }],
    ['(cat, name, props, opts, cb)', ['c', 'n', P, O, cb], { category: 'c', name: 'n', properties: P, options: O, callback: cb }],
    ['(a, null, c): two strings', ['a', null, 'c'], { category: 'a', name: null, properties: {}, options: {} }],
    ['three strings: neither', ['a', 'b', 'c'], { category: null, name: null, properties: {}, options: {} }],
  ])('%s', (_label, args, expected) => {
    expect(resolvePageArguments(args as unknown[])).toEqual({ callback: undefined, ...expected });
  });
});

describe('identify / group arguments', () => {
  it.each([
    ['16a (id, traits, opts, cb)', ['id', T, O, cb], { id: 'id', traits: T, options: O, callback: cb }],
    ['16b (id, cb)', ['id', cb], { id: 'id', traits: undefined, options: {}, callback: cb }],
    ['17 (traits, opts, cb): id omitted', [T, O, cb], { id: undefined, traits: T, options: O, callback: cb }],
    ['18a (id, null, opts)', ['id', null, O], { id: 'id', traits: undefined, options: O, callback: undefined }],
    ['18b (undefined, traits)', [undefined, T], { id: null, traits: T, options: {}, callback: undefined }],
    ['19 (null, traits)', [null, T], { id: null, traits: T, options: {}, callback: undefined }],
    ['numbers become strings', [123, T], { id: '123', traits: T, options: {}, callback: undefined }],
    ['non-object traits are skipped but consume the slot', ['id', 'oops', O], { id: 'id', traits: undefined, options: O, callback: undefined }],
    ['no arguments', [], { id: undefined, traits: undefined, options: {}, callback: undefined }],
  ])('%s', (_label, args, expected) => {
    expect(resolveEntityArguments(args as unknown[])).toEqual(expected);
  });
});

describe('alias arguments (vector 20)', () => {
  it.each([
    [['to', 'from', O, cb], { to: 'to', from: 'from', options: O, callback: cb }],
    [['to', O, cb], { to: 'to', from: null, options: O, callback: cb }],
    [['to', cb], { to: 'to', from: null, options: {}, callback: cb }],
    [['to', 'from', cb], { to: 'to', from: 'from', options: {}, callback: cb }],
    [[42, 7], { to: '42', from: '7', options: {}, callback: undefined }],
    [[], { to: undefined, from: null, options: {}, callback: undefined }],
  ])('%j', (args, expected) => {
    expect(resolveAliasArguments(args as unknown[])).toEqual(expected);
  });
});

describe('buffered page context (5.x snippet)', () => {
  const bpc = { __t: 'bpc', c: undefined, p: '/x', u: 'http://h/x?q=1', s: '?q=1', t: 'T', r: 'http://ref/' };
  it('is recognized only with exactly its keys (vector 48)', () => {
    expect(isBufferedPageContext(bpc)).toBe(true);
    expect(isBufferedPageContext({ ...bpc, some_unknown_key: 1 })).toBe(false);
    const { __t: _omit, ...withoutTag } = bpc;
    expect(isBufferedPageContext(withoutTag)).toBe(false);
  });
  it('is stripped from the arguments and returned as a snapshot', () => {
    const { args, snapshot } = splitPageContext(['E', P, bpc]);
    expect(args).toEqual(['E', P]);
    expect(snapshot).toEqual({ canonical: undefined, pathname: '/x', href: 'http://h/x?q=1', search: '?q=1', title: 'T', referrer: 'http://ref/' });
  });
  it('leaves ordinary trailing objects alone', () => {
    expect(splitPageContext(['E', P]).args).toEqual(['E', P]);
  });
});
