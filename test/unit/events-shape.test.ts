// The exact shape of built events (analytics-next-api.md §10, vectors 21-34): which keys exist at all.
// A key holding undefined is not the same event: integrations and plugins see `'traits' in event`, and
// Object.keys order decides what a destination copies.
import { describe, expect, it } from 'vitest';
import { buildEvent, coerceIntegrations, type EventBody } from '../../src/core/events';
import { pageContextFromSnapshot } from '../../src/core/page-context';
import type { Dict } from '../../src/core/types';

const page = pageContextFromSnapshot({ pathname: '/', href: 'http://localhost/', search: '', title: '', referrer: '' });
const now = new Date(5);
const env = { page, userId: null, anonymousId: 'anon', now, messageId: 'ajs-next-5-x', loadIntegrations: {} };
const common = { messageId: 'ajs-next-5-x', timestamp: now, context: { page }, integrations: {}, userId: null, anonymousId: 'anon' };

describe('which keys each event type has', () => {
  it.each<[string, EventBody, Dict]>([
    [
      '21 alias: userId and previousId, no event, traits or properties',
      { type: 'alias', userId: 'netto', previousId: 'netto farah' },
      { ...common, type: 'alias', userId: 'netto', previousId: 'netto farah' },
    ],
    ['alias without a previousId has no previousId key', { type: 'alias', userId: 'netto', previousId: null }, { ...common, type: 'alias', userId: 'netto' }],
    [
      '22 group: groupId and traits',
      { type: 'group', groupId: 'coolKidsId', traits: { coolkids: true } },
      { ...common, type: 'group', groupId: 'coolKidsId', traits: { coolkids: true } },
    ],
    ['34 identify: traits, no properties', { type: 'identify', userId: 'foo', traits: {} }, { ...common, type: 'identify', userId: 'foo', traits: {} }],
    [
      'track: event and properties, no traits',
      { type: 'track', event: 'E', properties: { a: 1 } },
      { ...common, type: 'track', event: 'E', properties: { a: 1 } },
    ],
    [
      'name and category belong to page and screen only',
      { type: 'track', event: 'E', name: 'n', category: 'c', properties: {} },
      { ...common, type: 'track', event: 'E', properties: {} },
    ],
    [
      'page without category or name: neither key, on the event or in its properties',
      { type: 'page', properties: {} },
      { ...common, type: 'page', properties: { ...page } },
    ],
    [
      'screen with a category and a name',
      { type: 'screen', category: 'c', name: 'n', properties: { a: 1 } },
      { ...common, type: 'screen', category: 'c', name: 'n', properties: { a: 1 } },
    ],
    [
      'page with a category: on the event and in its properties',
      { type: 'page', category: 'Docs', name: 'Intro', properties: {} },
      { ...common, type: 'page', category: 'Docs', name: 'Intro', properties: { ...page, category: 'Docs', name: 'Intro' } },
    ],
  ])('%s', (_label, body, expected) => {
    expect(buildEvent(body, {}, env)).toStrictEqual(expected);
  });
});

describe('options', () => {
  const track = (options: Dict) => buildEvent({ type: 'track', event: 'x', properties: {} }, options, env);

  it('an option given as undefined is not an option: it does not reach the context', () => {
    expect(Object.keys(track({ opt: undefined, 'nested.opt': undefined, timestamp: undefined }).context)).toEqual(['page']);
  });
  it('dotted option keys sharing a prefix build one object, merged into the call context', () => {
    const context = track({ context: { app: { name: 'shop' } }, 'app.build': '7', 'app.env.stage': 'beta', 'app.env.region': 'eu' }).context;
    expect(context.app).toStrictEqual({ name: 'shop', build: '7', env: { stage: 'beta', region: 'eu' } });
  });
  it.each([[''], [42], [null]])('messageId %j is not a message ID: the generated one is kept', (messageId) => {
    expect(track({ messageId }).messageId).toBe('ajs-next-5-x');
  });
  it.each([[''], [7], [null]])('anonymousId %j is not an anonymous ID: the current one is kept', (anonymousId) => {
    expect(track({ anonymousId }).anonymousId).toBe('anon');
  });
  it.each([[null], [true], [{}], ['not a date']])('timestamp %j is not a time: now is used', (timestamp) => {
    expect(track({ timestamp }).timestamp).toBe(now);
  });
  it.each<[unknown, Date]>([
    ['2024-01-02T03:04:05.000Z', new Date(Date.UTC(2024, 0, 2, 3, 4, 5))],
    [1700000000000, new Date(1700000000000)],
  ])('timestamp %j is a time', (timestamp, expected) => {
    expect(track({ timestamp }).timestamp).toEqual(expected);
  });
  it.each([['amplitude'], [['Amplitude']], [null]])('integrations %j is not an integrations object: the load-time ones stay', (integrations) => {
    const e = buildEvent({ type: 'track', event: 'x', properties: {} }, { integrations }, { ...env, loadIntegrations: { Amplitude: true } });
    expect(e.integrations).toStrictEqual({ Amplitude: true });
  });
  it('37 on a page event, page properties override context.page; on a track they do not', () => {
    const props = { path: '/from-properties', title: 'From properties' };
    expect(buildEvent({ type: 'page', properties: props }, {}, env).context.page).toStrictEqual({ ...page, ...props });
    expect(buildEvent({ type: 'track', event: 'x', properties: props }, {}, env).context.page).toStrictEqual(page);
  });
});

describe('dotted option keys that name prototype machinery are refused', () => {
  const track = (options: Dict) => buildEvent({ type: 'track', event: 'x', properties: {} }, options, env);
  const own = (obj: unknown, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

  it('__proto__ as a path segment does not reach Object.prototype', () => {
    const e = track({ '__proto__.pollutedFromEvent': true });
    expect(({} as Dict).pollutedFromEvent).toBeUndefined();
    expect(Object.keys(e.context)).toEqual(['page']);
  });
  it.each([['a.constructor.b'], ['a.prototype.b']])('%s stops at the refused segment', (key) => {
    const context = track({ [key]: 1 }).context;
    expect(own(context.a, 'constructor')).toBe(false);
    expect(own(context.a, 'prototype')).toBe(false);
  });
  it.each([['constructor'], ['prototype'], ['x.constructor'], ['x.prototype']])('%s as the last segment is not set', (key) => {
    const context = track({ [key]: 'value' }).context;
    expect(own(context, 'constructor') || own(context, 'prototype')).toBe(false);
    expect(own(context.x ?? {}, 'constructor') || own(context.x ?? {}, 'prototype')).toBe(false);
  });
  it('__proto__ as the last segment does not replace the prototype of a context object', () => {
    const e = track({ ['x.__proto__']: { injected: true } });
    expect((e.context.x as Dict).injected).toBeUndefined();
  });
});

describe('coerceIntegrations', () => {
  it.each([[null], [undefined], ['ab'], [['Amplitude']], [42]])('%j is not an integrations object: {}', (value) => {
    expect(coerceIntegrations(value)).toStrictEqual({});
  });
});
