// Amplitude (Actions) mode, as tables: the mapping language, then each default preset and edge case,
// each row asserting the exact Amplitude operations (ids, time and session decided by the translation).
import { describe, expect, it } from 'vitest';
import { lookupPath, mappingProblems, renderTemplate, resolveMapping } from '../../src/modes/actions/mapping-kit';
import { translateActions, withSessionId } from '../../src/modes/actions/translate';
import { normalizeActionsSettings, type ActionsSettings } from '../../src/modes/actions/settings';
import { chooseMode } from '../../src/modes/choose-mode';
import type { Dict, SegmentEvent } from '../../src/core/types';

const T = new Date('2026-11-29T10:00:00.000Z');
const SESSION = 1764410000000;
const page = { path: '/docs', referrer: '', search: '', title: 'Docs', url: 'https://example.com/docs' };

function ev(partial: Partial<SegmentEvent> & Dict): SegmentEvent {
  return {
    type: 'track',
    messageId: 'm-1',
    timestamp: T,
    anonymousId: 'anon-1',
    userId: null,
    integrations: {},
    ...partial,
    context: { page: { ...page, ...((partial.context as Dict | undefined)?.page as Dict | undefined) }, ...(partial.context ?? {}) } as SegmentEvent['context'],
  } as SegmentEvent;
}

const settings = (input: unknown = {}): ActionsSettings => normalizeActionsSettings(input).settings;
/** Translation after the session plugin's enrichment, as the runtime runs it. */
const run = (event: SegmentEvent, s: ActionsSettings = settings()) =>
  translateActions(withSessionId(event, SESSION), s).map((o) => (o.op === 'event' ? o.event : o));

describe('mapping language (the subset the presets use)', () => {
  const data = { a: { b: 2, 'c d': 'x' }, list: [{ p: 1 }, { p: 2, q: 'y' }], name: 'Home', empty: '', nil: null };

  it.each([
    [{ '@path': '$.a.b' }, 2],
    [{ '@path': 'a.b' }, 2],
    [{ '@path': "$.a['c d']" }, 'x'],
    [{ '@path': '$.missing.deep' }, undefined],
    [{ '@path': '$.a.__proto__' }, undefined],
    [{ '@template': 'Viewed {{name}}' }, 'Viewed Home'],
    [{ '@template': 'Viewed {{missing}}' }, 'Viewed '],
    [{ '@template': '{{{a.b}}}-{{ a.c d }}' }, '2-x'],
    [{ '@if': { exists: { '@path': '$.name' }, then: 'yes', else: 'no' } }, 'yes'],
    [{ '@if': { exists: { '@path': '$.nil' }, then: 'yes', else: 'no' } }, 'no'],
    [{ '@if': { exists: { '@path': '$.empty' }, then: 'yes', else: 'no' } }, 'yes'],
    [{ '@if': { blank: { '@path': '$.empty' }, then: 'has value', else: 'blank' } }, 'blank'],
    [{ '@if': { blank: { '@path': '$.name' }, then: 'has value', else: 'blank' } }, 'has value'],
    [{ '@if': { exists: { '@path': '$.missing' }, then: 'yes' } }, undefined],
    [{ '@arrayPath': ['$.list', { value: { '@path': 'p' }, q: { '@path': 'q' } }] }, [{ value: 1 }, { value: 2, q: 'y' }]],
    [{ '@arrayPath': ['$.list'] }, [{ p: 1 }, { p: 2, q: 'y' }]],
    [{ '@arrayPath': ['$.a', { v: { '@path': 'b' } }] }, [{ v: 2 }]],
    [{ '@arrayPath': ['$.name', { v: { '@path': 'b' } }] }, 'Home'],
    [
      { literal: 'text', n: 3, nested: { from: { '@path': '$.a.b' }, gone: { '@path': '$.missing' } } },
      { literal: 'text', n: 3, nested: { from: 2 } },
    ],
    [
      [{ '@path': '$.name' }, 'x'],
      ['Home', 'x'],
    ],
    ['plain', 'plain'],
  ])('%j resolves to %j', (mapping, expected) => {
    expect(resolveMapping(mapping, data)).toEqual(expected);
  });

  it.each([
    [{ '@case': { operator: 'lower', value: { '@path': '$.name' } } }, ['the directive @case is not supported']],
    [{ x: { '@replace': {} } }, ['the directive @replace is not supported']],
    [{ '@if': { then: 1 } }, ['@if needs an "exists" or a "blank" key']],
    [{ '@if': { exists: { '@json': {} } } }, ['the directive @json is not supported']],
    [{ '@path': 3 }, ['@path needs a string']],
    [{ '@arrayPath': 'x' }, ['@arrayPath needs [path] or [path, item mapping]']],
    [{ '@arrayPath': ['$.x', { y: { '@liquid': '' } }] }, ['the directive @liquid is not supported']],
    [{ '@template': 'ok', other: 1 }, []],
    [{ '@path': '$.a' }, []],
  ])('problems in %j: %j', (mapping, problems) => {
    expect(mappingProblems(mapping)).toEqual(problems);
  });

  it('paths and templates never reach prototypes', () => {
    expect(lookupPath({}, 'constructor.name')).toBeUndefined();
    expect(renderTemplate('{{constructor}}', {})).toBe('');
  });
});

describe('Actions presets: one row per preset and edge case', () => {
  it('an unnamed page becomes "Viewed ", in session, with the anonymousId as device_id and user_id null', () => {
    expect(run(ev({ type: 'page', properties: { ...page } }))).toEqual([
      { event_type: 'Viewed ', user_id: null, device_id: 'anon-1', time: T.getTime(), session_id: SESSION, event_properties: { ...page } },
    ]);
  });

  it('a named page: "Viewed {name}" (no category, no " Page" suffix); a known user', () => {
    const [event] = run(ev({ type: 'page', category: 'Docs', name: 'Home', userId: 'u-1', properties: { ...page, name: 'Home', category: 'Docs' } }));
    expect(event).toMatchObject({ event_type: 'Viewed Home', user_id: 'u-1', session_id: SESSION });
  });

  it('a screen: "Viewed {name}" and no session (the plugin skips screens)', () => {
    expect(run(ev({ type: 'screen', name: 'Settings', properties: { a: 1 } }))).toEqual([
      { event_type: 'Viewed Settings', user_id: null, device_id: 'anon-1', time: T.getTime(), session_id: -1, event_properties: { a: 1 } },
    ]);
  });

  it('a track with revenue books none: revenue stays inside event_properties only', () => {
    expect(run(ev({ event: 'Upgraded', properties: { revenue: 20, price: 10, quantity: 2 } }))).toEqual([
      {
        event_type: 'Upgraded',
        user_id: null,
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: SESSION,
        event_properties: { revenue: 20, price: 10, quantity: 2 },
      },
    ]);
  });

  it('UTM without a referrer: $set/$setOnce on the event, the empty referrer kept (Actions’ quirk)', () => {
    const [event] = run(ev({ event: 'Clicked', properties: {}, context: { page, campaign: { source: 'news', name: 'fall' } } as SegmentEvent['context'] }));
    expect(event.user_properties).toEqual({
      $setOnce: { initial_referrer: '', initial_utm_source: 'news', initial_utm_campaign: 'fall' },
      $set: { referrer: '', utm_source: 'news', utm_campaign: 'fall' },
    });
  });

  it('context.device.id wins over the anonymousId', () => {
    const [event] = run(ev({ event: 'X', context: { page, device: { id: 'dev-9' } } as SegmentEvent['context'] }));
    expect(event.device_id).toBe('dev-9');
  });

  const order = {
    order_id: 'o-1',
    revenue: 25,
    total: 99,
    products: [
      { productId: 'p-1', product_id: 'p-1', name: 'Monopoly', price: 19, quantity: 1 },
      { productId: 'p-2', name: 'Uno', price: 3, quantity: 2, sku: 'U' },
    ],
  };

  it('Order Completed: the order books properties.revenue (total ignored); one "Product Purchased" per product, reduced, no revenue', () => {
    expect(run(ev({ event: 'Order Completed', properties: order }))).toEqual([
      {
        event_type: 'Order Completed',
        user_id: null,
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: SESSION,
        event_properties: order,
        revenue: 25,
        revenueType: 'Purchase',
      },
      {
        event_type: 'Product Purchased',
        user_id: null,
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: SESSION,
        event_properties: { productId: 'p-1', price: 19, quantity: 1 },
      },
      {
        event_type: 'Product Purchased',
        user_id: null,
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: SESSION,
        event_properties: { productId: 'p-2', price: 3, quantity: 2 },
      },
    ]);
  });

  it('Order Completed with trackRevenuePerProduct: the order books none, each product its price × quantity', () => {
    const ops = run(ev({ event: 'Order Completed', properties: order }), settings({ trackRevenuePerProduct: true }));
    expect(ops.map((e) => [e.event_type, e.revenue, e.quantity, e.price, e.productId, e.revenueType])).toEqual([
      ['Order Completed', undefined, undefined, undefined, undefined, undefined],
      ['Product Purchased', 19, 1, 19, 'p-1', 'Purchase'],
      ['Product Purchased', 6, 2, 3, 'p-2', 'Purchase'],
    ]);
  });

  it('Order Completed: price × quantity beats revenue; a falsy revenue books nothing; the name must match exactly', () => {
    expect(run(ev({ event: 'Order Completed', properties: { price: 5, quantity: 2.4, revenue: 100, revenueType: 'Sale' } }))[0]).toMatchObject({
      revenue: 12,
      quantity: 2,
      price: 5,
      revenueType: 'Sale',
    });
    expect(run(ev({ event: 'Order Completed', properties: { revenue: 0 } }))[0].revenue).toBeUndefined();
    expect(run(ev({ event: 'order completed', properties: { revenue: 10 } }))[0].revenue).toBeUndefined();
  });

  it('identify: traits plus UTM and referrer as $set/$setOnce, no session', () => {
    const event = ev({
      type: 'identify',
      userId: 'u-1',
      traits: { plan: 'pro', email: 'a@b.c' },
      context: { page: { ...page, referrer: 'https://ref.example/' }, campaign: { source: 'ads' } } as SegmentEvent['context'],
    });
    expect(run(event)).toEqual([
      {
        event_type: '$identify',
        user_id: 'u-1',
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: -1,
        user_properties: {
          $set: { plan: 'pro', email: 'a@b.c', utm_source: 'ads', referrer: 'https://ref.example/' },
          $setOnce: { initial_utm_source: 'ads', initial_referrer: 'https://ref.example/' },
        },
      },
    ]);
  });

  it('identify with empty traits and no attribution still sends the identify', () => {
    expect(run(ev({ type: 'identify', userId: 'u-2', traits: {} }))).toEqual([
      { event_type: '$identify', user_id: 'u-2', device_id: 'anon-1', time: T.getTime(), session_id: -1, user_properties: { $set: {} } },
    ]);
  });

  it('group sends nothing by default; with group_type and group_value mapped: the user joins the group, then the group’s properties', () => {
    const group = ev({ type: 'group', groupId: 'acme', userId: 'u-1', traits: { name: 'Acme' } });
    expect(run(group)).toEqual([]);
    const mapped = settings({ mappings: { 'Group Calls': { group_type: 'org', group_value: { '@path': '$.groupId' } } } });
    expect(run(group, mapped)).toEqual([
      {
        event_type: '$identify',
        user_id: 'u-1',
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: -1,
        groups: { org: 'acme' },
        user_properties: { $set: { org: 'acme' } },
      },
      {
        event_type: '$groupidentify',
        user_id: 'u-1',
        device_id: 'anon-1',
        time: T.getTime(),
        session_id: -1,
        groups: { org: 'acme' },
        group_properties: { $set: { name: 'Acme' } },
      },
    ]);
  });

  it('alias sends nothing by default; with Alias Calls mapped it becomes a user mapping (previousId → userId)', () => {
    const alias = ev({ type: 'alias', userId: 'new-id', previousId: 'old-id', context: { traits: { crm: 'crm-7' } } });
    expect(run(alias)).toEqual([]);
    expect(translateActions(alias, settings({ mappings: { 'Alias Calls': {} } }))).toEqual([{ op: 'mapUser', userId: 'new-id', previousId: 'old-id' }]);
    // The mapping sees the whole event, context included.
    const fromContext = settings({ mappings: { 'Alias Calls': { global_user_id: { '@path': '$.context.traits.crm' } } } });
    expect(translateActions(alias, fromContext)).toEqual([{ op: 'mapUser', userId: 'crm-7', previousId: 'old-id' }]);
  });

  it('overrides replace a preset’s field (template, @if) and leave the others at their defaults', () => {
    const s = settings({
      mappings: {
        'Track Calls': {
          event_type: { '@template': '[web] {{event}}' },
          event_properties: { '@if': { exists: { '@path': '$.properties.plan' }, then: { plan: { '@path': '$.properties.plan' } }, else: {} } },
        },
      },
    });
    expect(run(ev({ event: 'Signed Up', properties: { plan: 'pro', other: 1 } }), s)).toEqual([
      { event_type: '[web] Signed Up', user_id: null, device_id: 'anon-1', time: T.getTime(), session_id: SESSION, event_properties: { plan: 'pro' } },
    ]);
  });

  it('a call that routes everything away from the destination gets no session (the plugin’s rule)', () => {
    const [event] = run(ev({ event: 'X', integrations: { All: false, 'Actions Amplitude': false } }));
    expect(event.session_id).toBe(-1);
  });
});

describe('Actions settings and mode selection', () => {
  it('an unsupported directive warns, naming it, and the preset default stays in force', () => {
    const { settings: s, warnings } = normalizeActionsSettings({ mappings: { 'Page Calls': { event_type: { '@case': { operator: 'upper' } } } } });
    expect(warnings).toEqual(['mappings["Page Calls"].event_type: the directive @case is not supported; the preset\'s default stays in force']);
    expect(run(ev({ type: 'page', name: 'Home', properties: {} }), s)[0].event_type).toBe('Viewed Home');
  });

  it.each([
    [{ mappings: { 'Page Views': {} } }, 'mappings: there is no preset "Page Views"'],
    [{ mappings: { 'Track Calls': { colour: 'red' } } }, 'the field "colour" does not exist in this preset'],
    [{ mappings: [] }, 'setting "mappings" must be'],
    [{ trackRevenuePerProduct: 'yes' }, 'setting "trackRevenuePerProduct" must be a boolean'],
    [{ sessionLength: 5 }, 'unknown setting "sessionLength"'],
    ['on', 'must be an object of settings'],
  ])('%j warns: %s', (input, message) => {
    expect(normalizeActionsSettings(input).warnings.join(' | ')).toContain(message);
  });

  it("integrations['Actions Amplitude'] selects Actions; both keys warn once and use Actions; Amplitude alone stays Classic", () => {
    expect(chooseMode({ Amplitude: { trackAllPages: true } })).toMatchObject({ mode: 'classic', name: 'Amplitude', warnings: [] });
    expect(chooseMode({ 'Actions Amplitude': {} })).toMatchObject({ mode: 'actions', name: 'Actions Amplitude', warnings: [] });
    const both = chooseMode({ Amplitude: {}, 'Actions Amplitude': { trackRevenuePerProduct: true } });
    expect(both.mode).toBe('actions');
    expect(both.warnings).toHaveLength(1);
    expect(both.settings).toMatchObject({ preferAnonymousIdForDeviceId: true, trackUtmProperties: false, trackReferrer: false, trackRevenuePerProduct: true });
  });
});
