// Vectors from Segment's legacy Amplitude integration tests (reference §6.1, ids L..) and derived
// vectors (§6.2, ids D..), each asserting the exact Amplitude operations.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/modes/classic/translate';
import { pageEventNames } from '../../src/modes/classic/pages';
import { lookupField } from '../../src/core/facade';
import type { AmplitudeOperation } from '../../src/core/types';
import type { AmplitudeSettings } from '../../src/modes/classic/settings';
import type { EventBody } from '../../src/core/events';
import { TEST_PAGE, segmentEvent, settingsWith } from './helpers';

interface Vector {
  id: string;
  settings?: Partial<AmplitudeSettings>;
  body: EventBody;
  options?: Record<string, unknown>;
  referrer?: string;
  expect: AmplitudeOperation[];
}

const PAGE_PROPS = { ...TEST_PAGE };
const ev = (event_type: string, event_properties: Record<string, unknown>, extra: Record<string, unknown> = {}): AmplitudeOperation => ({
  op: 'event',
  event: { event_type, event_properties, ...extra },
});
const identify = (user_properties: Record<string, unknown>, extra: Record<string, unknown> = {}): AmplitudeOperation => ({
  op: 'event',
  event: { event_type: '$identify', user_properties, ...extra },
});

const vectors: Vector[] = [
  // page()
  { id: 'L10', settings: { trackReferrer: false }, body: { type: 'page' }, expect: [] },
  { id: 'L11', settings: { trackAllPages: true, trackReferrer: false }, body: { type: 'page' }, expect: [ev('Loaded a Page', PAGE_PROPS)] },
  { id: 'L12', settings: { trackReferrer: false }, body: { type: 'page', name: 'Name' }, expect: [ev('Viewed Name Page', { ...PAGE_PROPS, name: 'Name' })] },
  {
    id: 'L13+L14',
    settings: { trackReferrer: false },
    body: { type: 'page', category: 'Category', name: 'Name' },
    expect: [
      ev('Viewed Category Page', { ...PAGE_PROPS, category: 'Category', name: 'Name' }),
      ev('Viewed Category Name Page', { ...PAGE_PROPS, category: 'Category', name: 'Name' }),
    ],
  },
  {
    id: 'L15',
    settings: { trackNamedPages: false, trackCategorizedPages: false, trackReferrer: false },
    body: { type: 'page', category: 'Category', name: 'Name' },
    expect: [],
  },
  {
    id: 'L16',
    settings: { trackAllPages: true, trackReferrer: false, mapQueryParams: { customProp: 'user_properties' } },
    body: { type: 'page', properties: {} },
    options: { page: { search: '?suh=dude' } },
    expect: [identify({ $set: { customProp: '?suh=dude' } }), ev('Loaded a Page', PAGE_PROPS)],
  },
  {
    id: 'L17',
    settings: { trackAllPages: true, trackReferrer: false, mapQueryParams: { params: 'event_properties' } },
    body: { type: 'page', properties: { referrer: '' } },
    options: { page: { search: '?suh=dude' } },
    expect: [ev('Loaded a Page', { ...PAGE_PROPS, params: '?suh=dude' })],
  },
  {
    id: 'L19',
    settings: { trackReferrer: true },
    body: { type: 'page' },
    referrer: 'http://examplepage.com/',
    expect: [
      identify({
        $setOnce: { initial_referrer: 'http://examplepage.com/', initial_referring_domain: 'examplepage.com' },
        $set: { referrer: 'http://examplepage.com/', referring_domain: 'examplepage.com' },
      }),
    ],
  },
  { id: 'L54', settings: { trackReferrer: true }, body: { type: 'page' }, referrer: '', expect: [] },
  {
    id: 'L55',
    settings: { trackReferrer: true },
    body: { type: 'page' },
    referrer: 'https:/',
    expect: [identify({ $setOnce: { initial_referrer: 'https:/' }, $set: { referrer: 'https:/' } })],
  },
  {
    id: 'useAmplitudeReferral disables the per-page identify',
    settings: { trackReferrer: true, useAmplitudeReferral: true },
    body: { type: 'page' },
    referrer: 'http://a.com/',
    expect: [],
  },
  {
    id: 'D07',
    settings: { trackAllPages: true, trackReferrer: false },
    body: { type: 'page', category: 'Docs', name: 'Index' },
    expect: ['Loaded a Page', 'Viewed Docs Page', 'Viewed Docs Index Page'].map((t) => ev(t, { ...PAGE_PROPS, category: 'Docs', name: 'Index' })),
  },

  // identify()
  { id: 'L20', body: { type: 'identify', userId: 'id', traits: {} }, expect: [identify({ $set: { id: 'id' } })] },
  { id: 'L21', body: { type: 'identify', traits: { trait: true } }, expect: [identify({ $set: { trait: true } })] },
  {
    id: 'L22',
    body: { type: 'identify', userId: 'id', traits: { trait: true } },
    expect: [identify({ $set: { trait: true, id: 'id' } })],
  },
  {
    id: 'L23',
    settings: { mapQueryParams: { ham: 'user_properties' } },
    body: { type: 'identify', userId: 'id', traits: { trait: true } },
    options: { page: { search: '?foo=bar' } },
    expect: [identify({ $set: { trait: true, id: 'id', ham: '?foo=bar' } })],
  },
  {
    id: 'mapQueryParams event side still lands in traits on identify',
    settings: { mapQueryParams: { ham: 'event_properties' } },
    body: { type: 'identify', traits: { a: 1 } },
    options: { page: { search: '?q=1' } },
    expect: [identify({ $set: { a: 1, ham: '?q=1' } })],
  },
  {
    id: 'L24',
    settings: { traitsToIncrement: ['hatTricks'] },
    body: { type: 'identify', traits: { trait: true, hatTricks: 1 } },
    expect: [identify({ $set: { trait: true }, $add: { hatTricks: 1 } })],
  },
  {
    id: 'L25',
    settings: { traitsToSetOnce: ['yolo'] },
    body: { type: 'identify', traits: { trait: true, yolo: true } },
    expect: [identify({ $set: { trait: true }, $setOnce: { yolo: true } })],
  },
  {
    id: 'D06',
    settings: { traitsToIncrement: ['n'], traitsToSetOnce: ['n'] },
    body: { type: 'identify', traits: { n: 1 } },
    expect: [identify({ $add: { n: 1 } })],
  },
  { id: 'increment ignores non-numeric values', settings: { traitsToIncrement: ['n'] }, body: { type: 'identify', traits: { n: true } }, expect: [] },
  {
    id: 'L26',
    body: { type: 'identify', userId: 'id', traits: {} },
    options: { integrations: { Amplitude: { groups: { foo: 'bar' } } } },
    expect: [identify({ $set: { id: 'id' } }), identify({ $set: { foo: 'bar' } }, { groups: { foo: 'bar' } })],
  },
  {
    id: 'S5 array groups',
    body: { type: 'identify', userId: 'u1', traits: {} },
    options: { integrations: { Amplitude: { groups: { org: ['a', 'b'] } } } },
    expect: [identify({ $set: { id: 'u1' } }), identify({ $set: { org: ['a', 'b'] } }, { groups: { org: ['a', 'b'] } })],
  },
  { id: 'D09', body: { type: 'identify', traits: {} }, expect: [] },

  // track()
  { id: 'L28', body: { type: 'track', event: 'event', properties: {} }, expect: [ev('event', {})] },
  { id: 'L29', body: { type: 'track', event: 'event', properties: { property: true } }, expect: [ev('event', { property: true })] },
  {
    id: 'L37',
    settings: { mapQueryParams: { ham: 'user_properties' } },
    body: { type: 'track', event: 'event', properties: { foo: 'bar' } },
    options: { page: { search: '?foo=bar' } },
    expect: [identify({ $set: { ham: '?foo=bar' } }), ev('event', { foo: 'bar' })],
  },
  {
    id: 'L38',
    settings: { mapQueryParams: { ham: 'event_properties' } },
    body: { type: 'track', event: 'event', properties: { foo: 'bar' } },
    options: { page: { search: '?foo=bar' } },
    expect: [ev('event', { foo: 'bar', ham: '?foo=bar' })],
  },
  {
    id: 'mixed mapQueryParams keeps both sides (classic dropped the user side)',
    settings: { mapQueryParams: { u: 'user_properties', e: 'event_properties' } },
    body: { type: 'track', event: 'x', properties: {} },
    options: { page: { search: '?q' } },
    expect: [identify({ $set: { u: '?q' } }), ev('x', { e: '?q' })],
  },
  {
    id: 'L39',
    body: { type: 'track', event: 'event', properties: { foo: 'bar' } },
    options: { integrations: { Amplitude: { groups: { sports: 'basketball' } } } },
    expect: [ev('event', { foo: 'bar' }, { groups: { sports: 'basketball' } })],
  },
  {
    id: 'L41',
    settings: { appendFieldsToEventProps: { 'context.page.path': 'pagePath' } },
    body: { type: 'track', event: 'event', properties: { foo: 'bar' } },
    expect: [ev('event', { foo: 'bar', pagePath: '/context.html' })],
  },
  {
    id: 'appendFieldsToEventProps matches keys obj-case',
    settings: { appendFieldsToEventProps: { 'properties.order_id': 'oid', 'context.Page.Title': 'ttl' } },
    body: { type: 'track', event: 'e', properties: { orderId: 'o1' } },
    options: { page: { title: 'T' } },
    expect: [ev('e', { orderId: 'o1', oid: 'o1', ttl: 'T' })],
  },
  {
    id: 'versionName stamps app_version',
    settings: { versionName: '4.6.0' },
    body: { type: 'track', event: 'e', properties: {} },
    expect: [ev('e', {}, { app_version: '4.6.0' })],
  },

  // group()
  {
    id: 'L48',
    body: { type: 'group', groupId: 'testGroupId', traits: {} },
    expect: [identify({ $set: { '[Segment] Group': 'testGroupId' } }, { groups: { '[Segment] Group': 'testGroupId' } })],
  },
  { id: 'L49', body: { type: 'group', groupId: '', traits: {} }, expect: [] },
  {
    id: 'L50',
    settings: { groupTypeTrait: 'foo', groupValueTrait: 'bar' },
    body: { type: 'group', groupId: 'testGroupId', traits: { foo: 'asdf', bar: 'fafa' } },
    expect: [identify({ $set: { asdf: 'fafa' } }, { groups: { asdf: 'fafa' } })],
  },
  {
    id: 'L51',
    settings: { groupTypeTrait: 'foo', groupValueTrait: 'bar' },
    body: { type: 'group', groupId: 'testGroupId', traits: { notFoo: 'asdf', bar: 'fafa' } },
    expect: [identify({ $set: { '[Segment] Group': 'testGroupId' } }, { groups: { '[Segment] Group': 'testGroupId' } })],
  },
  {
    id: 'S8',
    settings: { groupTypeTrait: 'plan', groupValueTrait: 'name' },
    body: { type: 'group', groupId: 'g1', traits: { name: 'Acme', plan: 'pro' } },
    expect: [identify({ $set: { pro: 'Acme' } }, { groups: { pro: 'Acme' } })],
  },
  {
    // amplitude-js's setGroup made the group name a string for `groups` only; the $set kept the number.
    id: 'a numeric group value stays a number in $set',
    settings: { groupTypeTrait: 'plan', groupValueTrait: 'seats' },
    body: { type: 'group', groupId: 'g1', traits: { seats: 42, plan: 'pro' } },
    expect: [identify({ $set: { pro: 42 } }, { groups: { pro: '42' } })],
  },
  // The classic code read the traits as the settings named them and called setGroup with what it found.
  {
    id: 'empty group settings read the trait named "" (the catalog default), as the classic code did',
    body: { type: 'group', groupId: 'g1', traits: { '': 'same' } },
    expect: [identify({ $set: { same: 'same' } }, { groups: { same: 'same' } })],
  },
  {
    id: 'a group type that is not text sends nothing: amplitude-js refused it, with no fallback',
    settings: { groupTypeTrait: 'plan', groupValueTrait: 'name' },
    body: { type: 'group', groupId: 'g1', traits: { plan: 5, name: 'Acme' } },
    expect: [],
  },
  {
    id: 'a group value amplitude-js could not name keeps its $set and has no group',
    settings: { groupTypeTrait: 'plan', groupValueTrait: 'name' },
    body: { type: 'group', groupId: 'g1', traits: { plan: 'pro', name: { a: 1 } } },
    expect: [identify({ $set: { pro: { a: 1 } } }, { groups: {} })],
  },
  {
    id: 'numeric group values in integrations.Amplitude.groups stay numbers in $set',
    body: { type: 'identify', userId: 'u1', traits: {} },
    options: { integrations: { Amplitude: { groups: { org: [7, 'b'] } } } },
    expect: [identify({ $set: { id: 'u1' } }), identify({ $set: { org: [7, 'b'] } }, { groups: { org: ['7', 'b'] } })],
  },

  // screen(), alias()
  {
    id: 'screen is named like Segment mobile screens',
    settings: { trackAllPages: true },
    body: { type: 'screen', category: 'Main', name: 'Home', properties: { a: 1 } },
    expect: [ev('Loaded a Screen', { a: 1 }), ev('Viewed Main Screen', { a: 1 }), ev('Viewed Main Home Screen', { a: 1 })],
  },
  {
    id: 'alias is a user mapping, not an event',
    body: { type: 'alias', userId: 'new', previousId: 'old' },
    expect: [{ op: 'mapUser', userId: 'new', previousId: 'old' }],
  },
  { id: 'alias with a side missing maps nothing', body: { type: 'alias', userId: 'new', previousId: '' }, expect: [] },
];

describe('translate(): Segment event + settings -> Amplitude operations', () => {
  it.each(vectors)('$id', (v) => {
    const event = segmentEvent(v.body, v.options ?? {});
    const ops = translate({ event, settings: settingsWith(v.settings), referrer: v.referrer ?? '' });
    expect(ops).toEqual(v.expect);
  });

  it('never mutates the Segment event it was given', () => {
    const event = segmentEvent({ type: 'track', event: 'e', properties: { a: 1 } }, { page: { search: '?x' } });
    const before = JSON.stringify(event);
    translate({
      event,
      settings: settingsWith({ mapQueryParams: { m: 'event_properties' }, appendFieldsToEventProps: { 'context.page.path': 'p' } }),
      referrer: '',
    });
    expect(JSON.stringify(event)).toBe(before);
  });

  it('integrations.Amplitude that is not an object means no per-call options (facade fallback to {})', () => {
    const event = segmentEvent({ type: 'track', event: 'e', properties: {} }, { integrations: { Amplitude: true } });
    expect(translate({ event, settings: settingsWith(), referrer: '' })).toEqual([ev('e', {})]);
  });
});

describe('pageEventNames(): the page naming table (reference §5)', () => {
  const table: [string | null, string | null, boolean, boolean, boolean, string[]][] = [
    [null, null, false, true, true, []],
    [null, null, true, true, true, ['Loaded a Page']],
    [null, 'Signup', false, true, true, ['Viewed Signup Page']],
    ['Docs', 'Index', false, true, true, ['Viewed Docs Page', 'Viewed Docs Index Page']],
    ['Docs', 'Index', true, true, true, ['Loaded a Page', 'Viewed Docs Page', 'Viewed Docs Index Page']],
    ['Docs', null, false, true, true, ['Viewed Docs Page']],
    ['Docs', 'Index', false, false, false, []],
    ['Docs', 'Index', false, false, true, ['Viewed Docs Index Page']],
    ['', '', true, true, true, ['Loaded a Page']],
  ];
  it.each(table)('page(%j, %j) all=%s categorized=%s named=%s -> %j', (category, name, all, categorized, named, expected) => {
    expect(pageEventNames(category, name, { trackAllPages: all, trackCategorizedPages: categorized, trackNamedPages: named })).toEqual(expected);
  });
});

describe('lookupField(): facade proxy paths', () => {
  const event = segmentEvent({ type: 'track', event: 'Clicked', properties: { Product_Id: 'p1', nested: { Deep_Key: 3 } } });
  it.each([
    ['properties.productId', 'p1'],
    ['properties.nested.deepKey', 3],
    ['context.page.url', TEST_PAGE.url],
    ['event', 'Clicked'],
    ['anonymousId', 'anon-1'],
    ['properties.missing.deeper', undefined],
  ])('%s -> %j', (path, expected) => {
    expect(lookupField(event, path)).toEqual(expected);
  });
});

describe('values amplitude-js dropped are kept (README "Differences")', () => {
  it('null values and nested arrays reach event and user properties as given', () => {
    const properties = { gone: null, matrix: [[1, 2], [3]], mixed: ['a', null, ['b']] };
    const track = translate({ event: segmentEvent({ type: 'track', event: 'Kept', properties }), settings: settingsWith(), referrer: '' });
    expect(track[0]).toMatchObject({ event: { event_properties: properties } });
    const identify = translate({ event: segmentEvent({ type: 'identify', userId: 'u1', traits: properties }), settings: settingsWith(), referrer: '' });
    expect(identify.find((op) => op.op === 'event')).toMatchObject({ event: { user_properties: { $set: { ...properties, id: 'u1' } } } });
  });
});
