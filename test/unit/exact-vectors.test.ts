// Exact vectors for the rules the mutation run (npm run test:mutation) showed unguarded: each row pins a
// whole output (toEqual, exact warnings) so that a changed condition, operator or message is noticed.
import { describe, expect, it } from 'vitest';
import { buildEvent } from '../../src/core/events';
import { campaignFromSearch, eventPageContext, pageContextFromSnapshot } from '../../src/core/page-context';
import { lookupPath, mappingProblems, renderTemplate, resolveMapping } from '../../src/modes/actions/mapping-kit';
import { translateActions, withSessionId } from '../../src/modes/actions/translate';
import { normalizeActionsSettings } from '../../src/modes/actions/settings';
import { chooseMode } from '../../src/modes/choose-mode';
import { cdnSettingsFor, isRoutedOff } from '../../src/core/consent';
import { normalizeSettings } from '../../src/modes/classic/settings';
import { sanitizeProperties } from '../../src/core/values';
import { productsOf, reduceProduct, revenueAttributes, revenueEvent } from '../../src/modes/classic/revenue';
import { stampVersion } from '../../src/modes/classic/translate';
import { traitOperations } from '../../src/modes/classic/traits';
import { referrerOperations } from '../../src/modes/classic/pages';
import { normalizeGroups } from '../../src/modes/classic/groups';
import type { Dict, PageContext, SegmentEvent } from '../../src/core/types';

const PAGE: PageContext = { path: '/p', referrer: '', search: '', title: 'T', url: 'https://x.example/p' };
const NOW = new Date(1700000000000);
const env = (extra: Dict = {}) => ({ page: PAGE, userId: null, anonymousId: 'anon-1', now: NOW, messageId: 'm-1', loadIntegrations: {}, ...extra });

/** What every event built with env() carries besides its body. */
const STAMPED = { messageId: 'm-1', timestamp: NOW, context: { page: PAGE }, integrations: {}, userId: null, anonymousId: 'anon-1' };

describe('buildEvent, whole events', () => {
  it('a page with category, name and properties', () => {
    expect(buildEvent({ type: 'page', category: 'Docs', name: 'Home', properties: { a: 1 } }, {}, env())).toEqual({
      type: 'page',
      category: 'Docs',
      name: 'Home',
      properties: { ...PAGE, a: 1, category: 'Docs', name: 'Home' },
      ...STAMPED,
    });
  });

  it('a page without category or name keeps only the page fields; null category and name are left out', () => {
    const event = buildEvent({ type: 'page', category: null, name: null }, {}, env());
    expect(event.properties).toEqual(PAGE);
    expect('category' in event).toBe(false);
    expect('name' in event).toBe(false);
  });

  it('a screen copies its properties without page fields, and page properties never reach context.page', () => {
    const event = buildEvent({ type: 'screen', name: 'S', properties: { path: '/not-page' } }, {}, env());
    expect(event.properties).toEqual({ path: '/not-page' });
    expect(event.context.page).toEqual(PAGE);
    expect(event.name).toBe('S');
    expect(buildEvent({ type: 'screen' }, {}, env()).properties).toEqual({});
  });

  it('a track keeps properties as given; undefined options are ignored', () => {
    const event = buildEvent({ type: 'track', event: 'E', properties: { b: 2 } }, { anonymousId: undefined, extra: undefined }, env());
    expect(event).toEqual({
      type: 'track',
      event: 'E',
      properties: { b: 2 },
      ...STAMPED,
    });
  });

  it('options: messageId, userId, anonymousId and integrations; nested option keys land in context, unsafe ones never', () => {
    const event = buildEvent(
      { type: 'track', event: 'E' },
      {
        messageId: 'custom',
        userId: 'opt-user',
        anonymousId: 'opt-anon',
        integrations: { X: false },
        'library.name': 'lib',
        '__proto__.polluted': 1,
        'a.constructor': 1,
        'b.prototype.c': 1,
        constructor: 2,
        plain: 'yes',
      },
      env({ loadIntegrations: { All: true }, context: { locale: 'en' } }),
    );
    expect(event.messageId).toBe('custom');
    expect(event.userId).toBe('opt-user');
    expect(event.anonymousId).toBe('opt-anon');
    expect(event.integrations).toEqual({ All: true, X: false });
    expect(event.context).toEqual({ locale: 'en', library: { name: 'lib' }, a: {}, b: {}, plain: 'yes', page: PAGE });
    expect(({} as Dict).polluted).toBeUndefined();
  });

  it('options with empty or non-string ids fall back; the page’s identity wins over options.userId', () => {
    const event = buildEvent({ type: 'track', event: 'E' }, { messageId: '', anonymousId: '', userId: 5 }, env({ userId: 'known' }));
    expect([event.messageId, event.anonymousId, event.userId]).toEqual(['m-1', 'anon-1', 'known']);
    const anonymous = buildEvent({ type: 'track', event: 'E' }, {}, env({ anonymousId: null }));
    expect('anonymousId' in anonymous).toBe(false);
  });

  it.each([
    ['2021-03-04T05:06:07.000Z', new Date('2021-03-04T05:06:07.000Z')],
    [1600000000000, new Date(1600000000000)],
    [new Date(5), new Date(5)],
    ['not a date', NOW],
    [new Date('invalid'), NOW],
    [{}, NOW],
  ])('timestamp option %j', (timestamp, expected) => {
    expect(buildEvent({ type: 'track', event: 'E' }, { timestamp }, env()).timestamp).toEqual(expected);
  });

  it('options.context wins over the enrichment, and its page over the detected one', () => {
    const event = buildEvent(
      { type: 'track', event: 'E' },
      { context: { locale: 'fr', page: { title: 'Mine' } } },
      env({ context: { locale: 'en', userAgent: 'UA' } }),
    );
    expect(event.context).toEqual({ locale: 'fr', userAgent: 'UA', page: { ...PAGE, title: 'Mine' } });
  });

  it("alias: the new ID it names stays the event's userId, even for an identified user (analytics-next overwrites it)", () => {
    expect(buildEvent({ type: 'alias', userId: 'to', previousId: 'from' }, {}, { ...env(), userId: 'current' }).userId).toBe('to');
    expect(buildEvent({ type: 'alias', userId: null, previousId: 'from' }, {}, { ...env(), userId: 'current' }).userId).toBe('current');
    expect(buildEvent({ type: 'track', event: 'E', userId: 'other' }, {}, { ...env(), userId: 'current' }).userId).toBe('current');
  });

  it('alias keeps a previousId, drops a null one; group keeps its groupId; identify keeps traits', () => {
    expect(buildEvent({ type: 'alias', userId: 'to', previousId: 'from' }, {}, env()).previousId).toBe('from');
    expect('previousId' in buildEvent({ type: 'alias', userId: 'to', previousId: null }, {}, env())).toBe(false);
    expect(buildEvent({ type: 'group', groupId: 'g', traits: { n: 1 } }, {}, env())).toMatchObject({ groupId: 'g', traits: { n: 1 } });
    const identify = buildEvent({ type: 'identify', userId: 'u', traits: { t: 1 } }, {}, env());
    expect([identify.userId, identify.traits, 'properties' in identify]).toEqual(['u', { t: 1 }, false]);
  });
});

describe('page context and campaign', () => {
  it('an unparseable canonical that starts with "/" is kept as the path', () => {
    expect(pageContextFromSnapshot({ pathname: '/x', href: 'h', search: '', title: '', referrer: '', canonical: '/own/path' }).path).toBe('/own/path');
  });

  it('explicit page context must be an object; page keys only from page properties', () => {
    expect(eventPageContext(PAGE, true, {}, 'string')).toEqual(PAGE);
    expect(eventPageContext(PAGE, true, { other: 1 }, null)).toEqual(PAGE);
  });

  it.each([
    [{}, undefined],
    [{ ref: 'x' }, undefined],
    [{ utm_: 'empty name' }, undefined],
    [
      { utm_source: 'news', utm_campaign: 'fall', utm_medium: 'mail', gclid: 'g' },
      { source: 'news', name: 'fall', medium: 'mail' },
    ],
    [{ xutm_source: 'no', utm_term: '' }, { term: '' }],
  ])('campaign from %j is %j', (query, expected) => {
    expect(campaignFromSearch(query)).toEqual(expected);
  });
});

describe('mapping kit, malformed and edge inputs', () => {
  const data = { list: [{ p: 1 }], s: 'text', n: null, nested: { arr: [10, 20] } };

  it.each([
    [{ '@path': 3 }, undefined],
    [{ '@template': 3 }, undefined],
    [{ '@if': 'x' }, undefined],
    [{ '@if': { then: 1, else: 2 } }, undefined],
    [{ '@if': { blank: { '@path': '$.n' }, then: 1, else: 2 } }, 2],
    [{ '@if': { blank: { '@path': '$.missing' }, then: 1, else: 2 } }, 2],
    [{ '@if': { blank: { '@path': '$.s' }, then: 1 } }, 1],
    [{ '@if': { exists: { '@path': '$.s' }, else: 2 } }, undefined],
    [{ '@arrayPath': 'x' }, undefined],
    [{ '@arrayPath': [{ '@path': '$.list' }, { q: { '@path': 'p' } }] }, [{ q: 1 }]],
    [{ '@arrayPath': ['$.list', {}] }, [{ p: 1 }]],
    [{ '@arrayPath': ['$.s', { q: 1 }] }, 'text'],
    [{ '@unknown': 1 }, undefined],
    [JSON.parse('{"__proto__": {"x": 1}, "ok": 1}'), { ok: 1 }],
    [{ '@path': '$' }, data],
    [{ '@path': '$.nested.arr[1]' }, 20],
    [{ '@path': '$.nested["arr"][0]' }, 10],
    [{ '@path': '$.s.length' }, undefined],
    [{ '@path': '$.list.0.p' }, 1],
    [{ '@path': '$.nested.toString' }, undefined],
    [{ '@path': '$.n.x' }, undefined],
    [
      ['@case', 1],
      ['@case', 1],
    ],
  ])('%j resolves to %j', (mapping, expected) => {
    expect(resolveMapping(mapping, data)).toEqual(expected);
  });

  it('templates: a null or missing value renders empty, numbers as text', () => {
    expect(renderTemplate('[{{n}}][{{nested.arr.0}}][{{missing}}]', data)).toBe('[][10][]');
    expect(lookupPath({ 'a b': { c: 1 } }, "['a b'].c")).toBe(1);
  });

  it.each([
    [{ '@template': 1 }, ['@template needs a string']],
    [{ '@if': 'x' }, ['@if needs an "exists" or a "blank" key']],
    [
      { '@if': { blank: { '@x': 1 }, then: { '@y': 1 }, else: { '@z': 1 } } },
      ['the directive @x is not supported', 'the directive @y is not supported', 'the directive @z is not supported'],
    ],
    [{ '@if': { exists: 1, then: 2 } }, []],
    [{ '@arrayPath': [] }, ['@arrayPath needs [path] or [path, item mapping]']],
    [{ '@arrayPath': ['$.a', {}, 3] }, ['@arrayPath needs [path] or [path, item mapping]']],
    [{ '@arrayPath': [{ '@bad': 1 }] }, ['the directive @bad is not supported']],
    [{ '@arrayPath': ['$.a'] }, []],
    [
      [{ '@a': 1 }, [{ '@b': 2 }]],
      ['the directive @a is not supported', 'the directive @b is not supported'],
    ],
    [['@case'], []],
  ])('problems in %j: %j', (mapping, problems) => {
    expect(mappingProblems(mapping)).toEqual(problems);
  });
});

const T = new Date('2026-01-01T00:00:00.000Z');
function ev(partial: Dict): SegmentEvent {
  return {
    type: 'track',
    event: 'E',
    messageId: 'm',
    timestamp: T,
    anonymousId: 'anon',
    userId: null,
    integrations: {},
    context: { page: PAGE },
    ...partial,
  } as SegmentEvent;
}
const actions = (input: unknown = {}) => normalizeActionsSettings(input).settings;
const events = (event: SegmentEvent, input: unknown = {}) => translateActions(event, actions(input)).map((o) => (o.op === 'event' ? o.event : o));

describe('Actions settings, exact', () => {
  it.each([undefined, null, true])('%j gives the defaults, no warnings', (input) => {
    expect(normalizeActionsSettings(input)).toEqual({
      settings: { trackRevenuePerProduct: false, mappings: {}, consentCategories: [], honorGlobalPrivacyControl: false },
      warnings: [],
    });
  });

  it('every known setting, and Segment’s own keys accepted silently', () => {
    expect(
      normalizeActionsSettings({
        trackRevenuePerProduct: true,
        honorGlobalPrivacyControl: true,
        consentSettings: { categories: ['C0002', 'C0004'] },
        apiKey: 'k',
        secretKey: 's',
        endpoint: 'europe',
        mappings: { 'Track Calls': { event_type: 'Fixed' } },
      }),
    ).toEqual({
      settings: {
        trackRevenuePerProduct: true,
        honorGlobalPrivacyControl: true,
        consentCategories: ['C0002', 'C0004'],
        mappings: { 'Track Calls': { event_type: 'Fixed' } },
      },
      warnings: [],
    });
  });

  it('each bad part warns exactly, and keeps the default', () => {
    const { settings, warnings } = normalizeActionsSettings({
      honorGlobalPrivacyControl: 1,
      consentSettings: { categories: ['C1', 2] },
      mappings: { 'Track Calls': 'x', 'Page Calls': { event_type: { '@case': {} }, colour: 1 }, Other: {} },
      extra: 1,
    });
    expect(settings).toEqual({ trackRevenuePerProduct: false, honorGlobalPrivacyControl: false, consentCategories: [], mappings: { 'Page Calls': {} } });
    expect(warnings).toEqual([
      'setting "honorGlobalPrivacyControl" must be a boolean; using the default',
      'setting "consentSettings" must be {categories: string[]}',
      'mappings["Track Calls"] must be an object of field mappings; it was ignored',
      'mappings["Page Calls"].event_type: the directive @case is not supported; the preset\'s default stays in force',
      'mappings["Page Calls"]: the field "colour" does not exist in this preset; it was ignored',
      'mappings: there is no preset "Other" (presets: Track Calls, Order Completed Calls, Page Calls, Screen Calls, Identify Calls, Group Calls, Alias Calls); it was ignored',
      'unknown setting "extra" is ignored',
    ]);
    expect(normalizeActionsSettings('x').warnings).toEqual(["integrations['Actions Amplitude'] must be an object of settings; using the defaults"]);
    expect(normalizeActionsSettings({ consentSettings: 'x' }).warnings).toEqual(['setting "consentSettings" must be {categories: string[]}']);
  });

  it('a field only Segment’s UI offers (no default) may be mapped: groups, add, trackRevenuePerProduct', () => {
    const s = actions({
      mappings: {
        'Track Calls': { groups: { org: { '@path': '$.properties.org' } }, add: { logins: 1 } },
        'Order Completed Calls': { trackRevenuePerProduct: true },
      },
    });
    const [track] = translateActions(ev({ properties: { org: 'acme' } }), s).map((o) => (o.op === 'event' ? o.event : o));
    expect(track).toMatchObject({ groups: { org: 'acme' }, user_properties: { $add: { logins: 1 } } });
    const order = translateActions(ev({ event: 'Order Completed', properties: { revenue: 9, products: [{ price: 2, quantity: 1 }] } }), s);
    expect(order.map((o) => (o.op === 'event' ? o.event.revenue : 0))).toEqual([undefined, 2]);
  });
});

describe('Actions events, exact envelopes', () => {
  it.each<[string, Dict, Dict]>([
    ['a numeric event_type becomes text', { event_type: 123 }, { event_type: '123' }],
    ['a numeric user_id becomes text, as Segment’s validator coerces it', { user_id: 42 }, { user_id: '42' }],
    ['a user_id that cannot be text is null', { user_id: { id: 1 } }, { user_id: null }],
    ['no device_id when it maps to nothing', { device_id: { '@path': '$.none' } }, { device_id: undefined }],
    ['a time in ms is kept', { time: 5000 }, { time: 5000 }],
    ['an invalid time is left out', { time: 'soon' }, { time: undefined }],
    ['a numeric-string session id is that number', { session_id: '1700000000000' }, { session_id: 1700000000000 }],
    ['a date session id is its time', { session_id: '2026-01-01T00:00:00.000Z' }, { session_id: T.getTime() }],
    ['a zero or negative session id is none', { session_id: 0 }, { session_id: -1 }],
    ['a negative session id is none', { session_id: -5 }, { session_id: -1 }],
    ['an unreadable session id is none', { session_id: 'later' }, { session_id: -1 }],
    ['an infinite session id is none', { session_id: Infinity }, { session_id: -1 }],
    ['groups mapped', { groups: { org: 'a' } }, { groups: { org: 'a' } }],
    ['groups not an object', { groups: 'a' }, { groups: undefined }],
    ['an empty app_version is left out', { app_version: '' }, { app_version: undefined }],
    ['app_version', { app_version: '2.1' }, { app_version: '2.1' }],
    ['user_properties not an object', { user_properties: 'x' }, { user_properties: undefined }],
    ['event_properties not an object become {}', { event_properties: 'x' }, { event_properties: {} }],
  ])('%s', (_label, mapping, expected) => {
    const [event] = events(ev({}), { mappings: { 'Track Calls': mapping } }) as Dict[];
    for (const key of Object.keys(expected)) expect(event[key]).toEqual(expected[key]);
  });

  it('the defaults read context.app.version and the traits; the whole envelope', () => {
    const [event] = events(ev({ userId: 'u', traits: { t: 1 }, context: { page: PAGE, app: { version: '3.0' } } }));
    expect(event).toEqual({
      event_type: 'E',
      user_id: 'u',
      device_id: 'anon',
      time: T.getTime(),
      session_id: -1,
      user_properties: { t: 1 },
      app_version: '3.0',
    });
  });

  it('attribution: referrer alone, UTM alone, neither', () => {
    const withPage = (page: Dict, campaign?: Dict) =>
      ev({ type: 'identify', traits: {}, context: { page: { ...PAGE, ...page }, ...(campaign ? { campaign } : {}) } });
    expect(events(withPage({ referrer: 'https://r/' }))[0].user_properties).toEqual({
      $set: { referrer: 'https://r/' },
      $setOnce: { initial_referrer: 'https://r/' },
    });
    expect(events(withPage({}, { source: 's' }))[0].user_properties).toEqual({ $set: { utm_source: 's' }, $setOnce: { initial_utm_source: 's' } });
    expect(events(withPage({}))[0].user_properties).toEqual({ $set: {} });
    const order = events(ev({ event: 'Order Completed', properties: {}, traits: { own: 1 }, context: { page: { ...PAGE, referrer: 'https://r/' } } }), {
      mappings: { 'Order Completed Calls': { user_properties: { $set: { kept: 1 }, plain: 2 } } },
    });
    expect(order[0].user_properties).toEqual({ plain: 2, $set: { kept: 1, referrer: 'https://r/' }, $setOnce: { initial_referrer: 'https://r/' } });
    const plain = events(ev({ event: 'Order Completed', properties: {} }));
    expect(plain[0].user_properties).toBeUndefined();
  });

  it('revenue: price alone, quantity alone, text revenue, a non-string productId', () => {
    const order = (properties: Dict) => {
      const [e] = events(ev({ event: 'Order Completed', properties }));
      return [e.revenue, e.price, e.quantity, e.productId, e.revenueType];
    };
    expect(order({ price: 4, revenue: 7 })).toEqual([7, 4, undefined, undefined, 'Purchase']);
    expect(order({ quantity: 3, revenue: 7 })).toEqual([7, undefined, 3, undefined, 'Purchase']);
    // Segment's validator coerces to each field's type: numeric text to a number, a number to text.
    expect(order({ revenue: '7' })).toEqual([7, undefined, undefined, undefined, 'Purchase']);
    expect(order({ revenue: 'seven' })).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(order({ revenue: 7, productId: 9, revenueType: 4 })).toEqual([7, undefined, undefined, '9', '4']);
    expect(order({ revenue: 7, productId: {} })).toEqual([7, undefined, undefined, undefined, 'Purchase']);
    expect(order({ revenue: 7, productId: 'p' })).toEqual([7, undefined, undefined, 'p', 'Purchase']);
  });

  it('products that are not objects are skipped; Product Purchased keeps the order’s ids and attribution, not its revenue', () => {
    const order = ev({
      event: 'Order Completed',
      properties: { revenue: 10, products: [1, 'x', { price: 2 }] },
      context: { page: { ...PAGE, referrer: 'https://r/' } },
    });
    // The default item mapping turns every entry into an object, as Segment's kit does: three products.
    expect(events(order).map((e) => e.event_properties)).toEqual([order.properties, {}, {}, { price: 2 }]);
    const ops = events(order, { mappings: { 'Order Completed Calls': { products: { '@path': '$.properties.products' } } } });
    expect(ops.map((e) => e.event_type)).toEqual(['Order Completed', 'Product Purchased']);
    expect(ops[1]).toEqual({
      event_type: 'Product Purchased',
      user_id: null,
      device_id: 'anon',
      time: T.getTime(),
      session_id: -1,
      event_properties: { price: 2 },
      user_properties: { $set: { referrer: 'https://r/' }, $setOnce: { initial_referrer: 'https://r/' } },
    });
  });

  it('group: a numeric group value, a missing type, and a group with neither user nor device', () => {
    const mapped = (m: Dict) => ({ mappings: { 'Group Calls': m } });
    const group = ev({ type: 'group', groupId: 42, traits: {} });
    expect(events(group, mapped({ group_type: 'org', group_value: { '@path': '$.groupId' } })).map((e) => e.groups)).toEqual([{ org: '42' }, { org: '42' }]);
    expect(events(group, mapped({ group_type: '', group_value: 'x' }))).toEqual([]);
    expect(events(group, mapped({ group_value: 'x' }))).toEqual([]);
    expect(events(group, mapped({ group_type: 'org', group_value: true })).map((e) => e.groups)).toEqual([{ org: 'true' }, { org: 'true' }]);
    expect(events(group, mapped({ group_type: 'org', group_value: {} }))).toEqual([]);
    expect(events(group, mapped({ group_type: 'org', group_value: 'v', device_id: { '@path': '$.none' } })).map((e) => e.event_type)).toEqual([
      '$groupidentify',
    ]);
    expect(events(group, mapped({ group_type: 'org', group_value: 'v', user_id: 'u', device_id: { '@path': '$.none' } })).map((e) => e.event_type)).toEqual([
      '$identify',
      '$groupidentify',
    ]);
  });

  it('alias: a missing side maps nothing; a mapped alias is a user mapping, never an event', () => {
    const s = actions({ mappings: { 'Alias Calls': {} } });
    expect(translateActions(ev({ type: 'alias', userId: 'to', previousId: '' }), s)).toEqual([]);
    expect(translateActions(ev({ type: 'alias', userId: null, previousId: 'from' }), s)).toEqual([]);
    expect(translateActions(ev({ type: 'alias', userId: 'to', previousId: {} }), s)).toEqual([]);
    expect(translateActions(ev({ type: 'alias', userId: 'to', previousId: 5 }), s)).toEqual([{ op: 'mapUser', userId: 'to', previousId: '5' }]);
    expect(translateActions(ev({ type: 'alias', userId: 'to', previousId: 'from' }), s)).toEqual([{ op: 'mapUser', userId: 'to', previousId: 'from' }]);
  });

  it('session enrichment: kept fields of the destination entry, untouched screens, no id, routed calls', () => {
    expect(withSessionId(ev({ integrations: { 'Actions Amplitude': { keep: 1 } } }), 9).integrations).toEqual({
      'Actions Amplitude': { keep: 1, session_id: 9 },
    });
    const screen = ev({ type: 'screen' });
    expect(withSessionId(screen, 9)).toBe(screen);
    const track = ev({});
    expect(withSessionId(track, undefined)).toBe(track);
    expect(withSessionId(ev({ integrations: { All: false, 'Actions Amplitude': true } }), 9).integrations).toEqual({
      All: false,
      'Actions Amplitude': { session_id: 9 },
    });
    expect(withSessionId(ev({ type: 'page', integrations: 'x' }), 9).integrations).toEqual({ 'Actions Amplitude': { session_id: 9 } });
  });
});

describe('mode choice and consent, exact', () => {
  it('Classic with Amplitude false is Classic with default settings; Actions false is Actions with defaults', () => {
    expect(chooseMode({ Amplitude: false })).toEqual({ mode: 'classic', name: 'Amplitude', settings: normalizeSettings(undefined).settings, warnings: [] });
    const off = chooseMode({ 'Actions Amplitude': false, Amplitude: false });
    expect([off.mode, off.warnings, off.actions]).toEqual(['actions', [], normalizeActionsSettings(undefined).settings]);
    expect(chooseMode({ Amplitude: 'x', 'Actions Amplitude': {} }).warnings).toEqual([
      "both integrations.Amplitude (Classic) and integrations['Actions Amplitude'] were given; Actions mode is used",
    ]);
    expect(chooseMode(undefined).mode).toBe('classic');
  });

  it('Actions runs Classic’s shared rules with no attribution and the anonymousId as device', () => {
    expect(chooseMode({ 'Actions Amplitude': { trackRevenuePerProduct: true, honorGlobalPrivacyControl: true } }).settings).toEqual({
      ...normalizeSettings(undefined).settings,
      preferAnonymousIdForDeviceId: true,
      trackUtmProperties: false,
      trackReferrer: false,
      trackRevenuePerProduct: true,
      honorGlobalPrivacyControl: true,
    });
  });

  it('CDN settings copy the categories; routing reads the named destination', () => {
    const settings = normalizeSettings({ consentSettings: { categories: ['C1'] } }).settings;
    const cdn = cdnSettingsFor({}, settings, 'Actions Amplitude');
    (cdn.consentSettings.allCategories as string[]).push('C9');
    expect(settings.consentCategories).toEqual(['C1']);
    expect((cdn.integrations['Actions Amplitude'] as Dict).consentSettings).toEqual({ categories: ['C1'] });
    expect(isRoutedOff({ All: false, 'Actions Amplitude': null }, 'Actions Amplitude')).toBe(true);
    expect(isRoutedOff({ All: false, Amplitude: false }, 'Actions Amplitude')).toBe(true);
    expect(isRoutedOff({ All: true }, 'Actions Amplitude')).toBe(false);
  });
});

describe('sanitizer, exact problems', () => {
  const deep = (n: number): Dict => (n === 0 ? { end: true } : { d: deep(n - 1) });
  const cyclic: Dict = { a: 1 };
  cyclic.self = cyclic;
  const throwing = Object.defineProperty({ ok: 1 }, 'bad', {
    enumerable: true,
    get: () => {
      throw new Error('no');
    },
  });
  const node = { nodeType: 1, nodeName: 'DIV' };

  it.each<[string, unknown, Dict, string[]]>([
    ['a string at the limit is kept', { s: 'x'.repeat(4096) }, { s: 'x'.repeat(4096) }, []],
    // Truncation is Classic's, on the wire (translate.test.ts); the page's value is kept whole for storage.
    ['a longer one is kept whole', { s: 'x'.repeat(4097) }, { s: 'x'.repeat(4097) }, []],
    // As JSON carries them, so as analytics.js stores them: null (amplitude-js then left a null out of what it sent).
    ['non-finite numbers', { a: NaN, b: Infinity }, { a: null, b: null }, ['"a" is NaN and was sent as null', '"b" is Infinity and was sent as null']],
    ['BigInt', { n: 10n }, { n: '10' }, ['"n" is a BigInt and was sent as a string']],
    ['functions and symbols', { f: () => 1, s: Symbol('x') }, {}, ['"f" is a function and was dropped', '"s" is a symbol and was dropped']],
    ['a cycle', cyclic, { a: 1 }, ['"self" is a circular reference and was dropped']],
    ['an invalid Date', { d: new Date('x') }, {}, ['"d" is an invalid Date and was dropped']],
    ['a DOM node', { el: node }, {}, ['"el" is a DOM node and was dropped']],
    ['a node-like object with a numeric name is data', { el: { nodeType: 1, nodeName: 2 } }, { el: { nodeType: 1, nodeName: 2 } }, []],
    ['a throwing getter', throwing, { ok: 1 }, ['"bad" threw when read and was dropped']],
    ['nested paths and array items', { a: { b: [1, () => 1] } }, { a: { b: [1, null] } }, ['"a.b[1]" is a function and was dropped']],
    ['the value itself', 'text', {}, []],
  ])('%s', (_label, input, value, problems) => {
    const result = sanitizeProperties(input);
    expect(result.value).toEqual(value);
    expect(result.problems).toEqual(problems);
  });

  it('nesting stops at 40 levels', () => {
    const path = Array.from({ length: 40 }, () => 'd').join('.');
    expect(sanitizeProperties(deep(45)).problems).toEqual([`"${path}" is nested deeper than 40 levels and was dropped`]);
    expect(sanitizeProperties(deep(39)).problems).toEqual([]);
    expect(sanitizeProperties(deep(40)).problems).toEqual([`"${path}" is nested deeper than 40 levels and was dropped`]);
  });
});

describe('Classic settings, exact', () => {
  it.each<[string, unknown, Dict, string[]]>([
    ['not an object', 'x', {}, ['integrations.Amplitude must be an object of settings; using the defaults']],
    ['an array', [1], {}, ['integrations.Amplitude must be an object of settings; using the defaults']],
    ['consent categories', { consentSettings: { categories: ['C1'] } }, { consentCategories: ['C1'] }, []],
    [
      'bad consent categories',
      { consentSettings: { categories: ['C1', 3] } },
      { consentCategories: [] },
      ['setting "consentSettings" must be {categories: string[]}; Amplitude is then mapped to no category'],
    ],
    ['the internal list is not a setting', { consentCategories: ['C1'] }, { consentCategories: [] }, ['unknown setting "consentCategories" is ignored']],
    ['an ignored catalog setting', { secretKey: 'x' }, {}, []],
    ['an unknown one', { colour: 1 }, {}, ['unknown setting "colour" is ignored']],
    ['numbers from strings', { eventUploadThreshold: ' 12 ' }, { eventUploadThreshold: 12 }, []],
    ['zero is a number', { eventUploadThreshold: 0 }, { eventUploadThreshold: 0 }, []],
    [
      'an empty string is not',
      { eventUploadThreshold: '' },
      { eventUploadThreshold: 30 },
      ['setting "eventUploadThreshold" has the wrong type (string); using the default'],
    ],
    ['negative', { eventUploadThreshold: -1 }, { eventUploadThreshold: 30 }, ['setting "eventUploadThreshold" has the wrong type (number); using the default']],
    [
      'infinite',
      { eventUploadThreshold: Infinity },
      { eventUploadThreshold: 30 },
      ['setting "eventUploadThreshold" has the wrong type (number); using the default'],
    ],
    ['a string setting', { versionName: '1.2' }, { versionName: '1.2' }, []],
    ['a string setting given a number', { versionName: 1 }, { versionName: '' }, ['setting "versionName" has the wrong type (number); using the default']],
    ['null', { versionName: null }, { versionName: '' }, ['setting "versionName" has the wrong type (null); using the default']],
    [
      'a list setting given an object',
      { traitsToIncrement: {} },
      { traitsToIncrement: [] },
      ['setting "traitsToIncrement" has the wrong type (object); using the default'],
    ],
    ['a list keeps strings only', { traitsToIncrement: ['a', 1, 'b'] }, { traitsToIncrement: ['a', 'b'] }, []],
    ['a map given an array', { mapQueryParams: 'x' }, { mapQueryParams: {} }, ['setting "mapQueryParams" has the wrong type (string); using the default']],
    [
      'a map as pairs',
      { mapQueryParams: [{ key: 'a', value: 'user_properties' }, { key: 1, value: 'x' }, { key: 'b', value: 2 }, 'junk'] },
      { mapQueryParams: { a: 'user_properties' } },
      [],
    ],
    ['a map as an object keeps strings', { mapQueryParams: { a: 'event_properties', b: 1 } }, { mapQueryParams: { a: 'event_properties' } }, []],
    ['a boolean given an array', { trackAllPages: [] }, { trackAllPages: false }, ['setting "trackAllPages" has the wrong type (array); using the default']],
  ])('%s', (_label, input, changed, warnings) => {
    const result = normalizeSettings(input);
    expect(result.settings).toEqual({ ...normalizeSettings(undefined).settings, ...changed });
    expect(result.warnings).toEqual(warnings);
  });
});

describe('Classic revenue helpers, exact', () => {
  it.each<[Dict, Dict]>([
    [
      { productId: 'p', revenueType: 'Refund', quantity: 3 },
      { productId: 'p', revenueType: 'Refund', quantity: 3 },
    ],
    [
      { productId: '', revenueType: '' },
      { productId: undefined, revenueType: undefined },
    ],
    [{ product_id: 7 }, { productId: '7' }],
    [{ productId: true }, { productId: undefined }],
    // Seen through Segment's classic stack (docs/conformance-classic.md): text is refused, a negative count kept.
    [{ quantity: '4 boxes' }, { quantity: 1 }],
    [{ quantity: '0' }, { quantity: 1 }],
    [{ quantity: -2 }, { quantity: -2 }],
    [{ quantity: 2.9 }, { quantity: 2 }],
    [{ quantity: {} }, { quantity: 1 }],
    [{ quantity: Infinity }, { quantity: 1 }],
  ])('revenueAttributes(%j) has %j', (properties, expected) => {
    expect(revenueAttributes('Upgraded', properties)).toMatchObject(expected);
  });

  it('a purchase event defaults its revenue type', () => {
    expect(revenueAttributes('Order Completed', {}).revenueType).toBe('Purchase');
    expect(revenueAttributes('Upgraded', { revenueType: 5 }).revenueType).toBeUndefined();
  });

  it.each<[Dict, boolean, Dict | undefined]>([
    [{ price: 0, revenue: 0 }, true, undefined],
    [{ price: Infinity }, true, undefined],
    [{ price: 2, quantity: 3, productId: 'p', revenueType: 'R' }, true, { price: 2, quantity: 3, revenue: 6, productId: 'p', revenueType: 'R' }],
    [{ price: 2, quantity: 3, productId: 'p', revenueType: 'R' }, false, { price: 2, quantity: 3, revenue: 6, productId: 'p' }],
  ])('revenueEvent(%j, v2 %s)', (properties, v2, expected) => {
    const event = revenueEvent(revenueAttributes('Bought', properties), v2);
    if (!expected) expect(event).toBeUndefined();
    else {
      const { event_properties: _props, event_type, ...fields } = event as Dict;
      expect(event_type).toBe('revenue_amount');
      expect(fields).toEqual(expected);
    }
  });

  it('reduceProduct keeps exactly its keys; productsOf keeps objects only', () => {
    expect(reduceProduct({ product_id: 'p', sku: 's', name: 'n', price: 1, category: 'c', brand: 'b' })).toEqual({
      productId: 'p',
      sku: 's',
      name: 'n',
      price: 1,
      quantity: 1,
      category: 'c',
    });
    expect(reduceProduct({})).toEqual({ quantity: 1 });
    expect(productsOf({ products: [null, 1, [], { a: 1 }, 'x'] })).toEqual([{ a: 1 }]);
    expect(productsOf({ products: 'x' })).toEqual([]);
  });
});

describe('Classic translation helpers, exact', () => {
  it('traitOperations: increments take numbers and numeric text; undefined traits are skipped', () => {
    expect(
      traitOperations({ n: 2, s: '3', b: true, u: undefined, o: 'once', plain: 1 }, { traitsToIncrement: ['n', 's', 'b'], traitsToSetOnce: ['o'] }),
    ).toEqual({
      $add: { n: 2, s: '3' },
      $setOnce: { o: 'once' },
      $set: { plain: 1 },
    });
  });

  it('traitOperations: amplitude-js refused to add NaN or a date, and a trait also set once is then set once', () => {
    const settings = { traitsToIncrement: ['nan', 'date', 'both', 'bothOk'], traitsToSetOnce: ['both', 'bothOk'] };
    expect(traitOperations({ nan: NaN, date: '2022-05-21T05:38:34.556Z', both: '2021-03-04', bothOk: 4, text: '2021-03-04x' }, settings)).toEqual({
      $set: { text: '2021-03-04x' },
      $setOnce: { both: '2021-03-04' },
      $add: { bothOk: 4 },
    });
  });

  it.each<[unknown, unknown]>([
    [
      { org: 'a', team: ['x', 2, null, {}], '': 'skip', bad: {}, none: [], flag: true, n: 3, inf: Infinity },
      { org: 'a', team: ['x', '2'], flag: 'true', n: '3' },
    ],
    [{ only: [] }, undefined],
    ['x', undefined],
  ])('normalizeGroups(%j) is %j', (groups, expected) => {
    expect(normalizeGroups(groups)).toEqual(expected);
  });

  it('referrerOperations: no referrer, no operations; a referrer without a domain sets no domain', () => {
    expect(referrerOperations('')).toEqual([]);
    const [op] = referrerOperations('not a url');
    expect(op).toMatchObject({ op: 'event', event: { event_type: '$identify' } });
    expect(JSON.stringify(op)).not.toContain('referring_domain');
  });

  it('stampVersion only with a version, only on events', () => {
    const ops = [
      { op: 'event' as const, event: { event_type: 'E' } },
      { op: 'mapUser' as const, userId: 'u', previousId: 'p' },
    ];
    expect(stampVersion(ops, '')).toEqual([
      { op: 'event', event: { event_type: 'E' } },
      { op: 'mapUser', userId: 'u', previousId: 'p' },
    ]);
    expect(stampVersion(ops, '1.0')).toEqual([
      { op: 'event', event: { event_type: 'E', app_version: '1.0' } },
      { op: 'mapUser', userId: 'u', previousId: 'p' },
    ]);
  });
});
