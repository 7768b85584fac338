// Property-based tests (fast-check) for the code that must never throw and the rule that must never
// double-count: generated inputs, including hostile ones, instead of hand-picked vectors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeProperties } from '../../src/core/values';
import { resolveAliasArguments, resolveEntityArguments, resolvePageArguments, resolveTrackArguments, splitPageContext } from '../../src/core/arguments';
import { translate } from '../../src/modes/classic/translate';
import { isPlausibleDeviceId, resolveDeviceId } from '../../src/core/device-id';
import type { AmplitudeEvent, AmplitudeOperation, Dict, SegmentEventType } from '../../src/core/types';
import { segmentEvent, settingsWith } from './helpers';
import { translateActions } from '../../src/modes/actions/translate';
import { normalizeActionsSettings } from '../../src/modes/actions/settings';
import { resolveMapping } from '../../src/modes/actions/mapping-kit';

const RUNS = 500;

const boom = () => {
  throw new Error('hostile');
};
/**
 * Values no generator makes on its own: throwing accessors, Proxies, cycles, BigInt, symbols. fast-check
 * itself cannot carry Proxies (it probes its values), so generators carry a reference and `realize`
 * puts the hostile value in place inside the property.
 */
const HOSTILE: unknown[] = [
  Object.defineProperty({}, 'x', { enumerable: true, get: boom }),
  new Proxy({}, { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom }),
  (() => {
    const p = Proxy.revocable({}, {});
    p.revoke();
    return p.proxy;
  })(),
  (() => {
    const c: Dict = { a: 1 };
    c.self = c;
    return c;
  })(),
  10n ** 20n,
  Symbol('s'),
  { toJSON: boom, toString: boom },
  () => 1,
  new Date('invalid'),
  NaN,
  -Infinity,
];
class HostileRef {
  constructor(readonly index: number) {}
}
function realize(value: unknown): unknown {
  if (value instanceof HostileRef) return HOSTILE[value.index];
  if (Array.isArray(value)) return value.map(realize);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Dict = {};
    for (const key of Object.keys(value)) out[key] = realize((value as Dict)[key]);
    return out;
  }
  return value;
}
const hostile = fc.nat(HOSTILE.length - 1).map((i) => new HostileRef(i));
const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true });
const anyValue = fc.oneof(anything, hostile, fc.dictionary(fc.string(), fc.oneof(anything, hostile)), fc.array(fc.oneof(anything, hostile)));
const anyObject = fc.dictionary(fc.string(), anyValue);

/** A Segment event of any type from generated values, made safe as the runtime makes them before translation. */
function generatedEvent(t: SegmentEventType, name: string, properties: unknown, traits: unknown) {
  return segmentEvent({
    type: t,
    event: t === 'track' ? name || 'E' : undefined,
    name: t === 'page' || t === 'screen' ? name : undefined,
    properties: sanitizeProperties(realize(properties)).value,
    traits: sanitizeProperties(realize(traits)).value,
  });
}

describe('sanitizeProperties', () => {
  it('never throws; its output is JSON-serializable and stable when sanitized again', () => {
    fc.assert(
      fc.property(anyValue, (generated) => {
        const { value: once } = sanitizeProperties(realize(generated));
        expect(() => JSON.stringify(once)).not.toThrow();
        expect(sanitizeProperties(once).value).toEqual(once);
        expect(sanitizeProperties(once).problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('argument resolution', () => {
  it('never throws, for any arguments', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 6 }), (generated) => {
        const { args: rest } = splitPageContext(realize(generated) as unknown[]);
        resolveTrackArguments(rest);
        resolvePageArguments(rest);
        resolveEntityArguments(rest);
        resolveAliasArguments(rest);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('translation', () => {
  const settings = fc.record({
    trackAllPages: fc.boolean(),
    trackNamedPages: fc.boolean(),
    trackCategorizedPages: fc.boolean(),
    trackRevenuePerProduct: fc.boolean(),
    trackProductsOnce: fc.boolean(),
    useLogRevenueV2: fc.boolean(),
    trackReferrer: fc.boolean(),
  });
  const type = fc.constantFrom<SegmentEventType>('track', 'page', 'screen', 'identify', 'group', 'alias');

  it('never throws, for any (sanitized) event and settings', () => {
    fc.assert(
      fc.property(type, fc.string(), anyObject, anyObject, settings, (t, name, properties, traits, s) => {
        const event = generatedEvent(t, name, properties, traits);
        const ops = translate({ event, settings: settingsWith(s), referrer: 'https://r.example/' });
        expect(Array.isArray(ops)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  const cents = fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100);
  const product = fc.record({ product_id: fc.string({ minLength: 1, maxLength: 8 }), price: cents, quantity: fc.integer({ min: 1, max: 20 }) });
  const revenueEvents = (ops: AmplitudeOperation[]) =>
    ops.filter((o): o is { op: 'event'; event: AmplitudeEvent } => o.op === 'event' && o.event.event_type === 'revenue_amount').map((o) => o.event);

  it('Order Completed books the order revenue exactly once, or each product once with trackRevenuePerProduct', () => {
    fc.assert(
      fc.property(cents, fc.array(product, { maxLength: 6 }), settings, (revenue, products, s) => {
        const event = segmentEvent({ type: 'track', event: 'Order Completed', properties: { order_id: 'o1', revenue, products } });
        const booked = revenueEvents(translate({ event, settings: settingsWith(s), referrer: '' }));
        const total = booked.reduce((sum, e) => sum + (e.revenue ?? 0), 0);
        if (s.trackRevenuePerProduct) {
          expect(booked).toHaveLength(products.length);
          expect(total).toBeCloseTo(
            products.reduce((sum, p) => sum + p.price * p.quantity, 0),
            4,
          );
        } else {
          expect(booked).toHaveLength(1);
          expect(total).toBeCloseTo(revenue, 6);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('device-ID resolution', () => {
  it('always returns a plausible ID, whatever the URL and the stored cookies hold', () => {
    const maybe = fc.option(fc.oneof(fc.string(), fc.uuid(), fc.constant('<script>')), { nil: undefined });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        maybe,
        fc.dictionary(fc.constantFrom('amp_device_id', 'ampDeviceId', 'ampTimestamp', 'deviceId', 'other'), fc.string()),
        fc.record({ v2: maybe, amplitudeJs: maybe, amplitudeJs5: maybe }),
        (prefer, fromUrl, anonymousId, query, stored) => {
          const decision = resolveDeviceId({
            preferAnonymousId: prefer,
            anonymousId: anonymousId && isPlausibleDeviceId(anonymousId) ? anonymousId : null,
            deviceIdFromUrlParam: fromUrl,
            query,
            stored,
            now: 1_700_000_000_000,
            generate: () => '3f2c7e4a-1b5d-4c8e-9a0f-6d2b8e1c4a7f',
          });
          expect(isPlausibleDeviceId(decision.deviceId)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('Actions mode', () => {
  const type = fc.constantFrom<SegmentEventType>('track', 'page', 'screen', 'identify', 'group', 'alias');
  /** Mapping-language values: directives (supported or not, well-formed or not) mixed with literals. */
  const mapping: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      anything,
      fc.record({ '@path': fc.oneof(fc.constantFrom('$.properties', '$.userId', '$.traits.a', 'price', "$.integrations['x'].y"), fc.string(), anything) }),
      fc.record({ '@template': fc.oneof(fc.constantFrom('Viewed {{name}}', '{{{event}}}-{{ properties.a }}'), fc.string(), anything) }),
      fc.record({ '@if': fc.record({ exists: tie('node'), blank: tie('node'), then: tie('node'), else: tie('node') }, { requiredKeys: [] }) }),
      fc.record({ '@arrayPath': fc.oneof(fc.tuple(fc.string()), fc.tuple(fc.constant('$.properties.products'), tie('node')), anything) }),
      fc.record({ '@case': tie('node') }),
      fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
      fc.array(tie('node'), { maxLength: 4 }),
    ),
  })).node;
  const preset = fc.constantFrom('Track Calls', 'Order Completed Calls', 'Page Calls', 'Screen Calls', 'Identify Calls', 'Group Calls', 'Alias Calls', 'Nope');
  const actionsInput = fc.record({
    trackRevenuePerProduct: fc.oneof(fc.boolean(), anything),
    mappings: fc.oneof(
      fc.dictionary(
        preset,
        fc.dictionary(
          fc.constantFrom('event_type', 'user_id', 'event_properties', 'products', 'group_type', 'group_value', 'time', 'session_id', 'x'),
          mapping,
        ),
      ),
      anything,
    ),
  });

  it('the mapping kit never throws, for any mapping and any data', () => {
    fc.assert(
      fc.property(mapping, anyObject, (m, data) => {
        resolveMapping(m, sanitizeProperties(realize(data)).value);
      }),
      { numRuns: RUNS },
    );
  });

  it('translation never throws, for any event, settings and mapping overrides; every event has a string type', () => {
    fc.assert(
      fc.property(type, fc.string(), anyObject, anyObject, actionsInput, (t, name, properties, traits, input) => {
        const event = generatedEvent(t, name, properties, traits);
        const ops = translateActions(event, normalizeActionsSettings(input).settings);
        for (const o of ops) if (o.op === 'event') expect(typeof o.event.event_type).toBe('string');
      }),
      { numRuns: RUNS },
    );
    // 500 wide generated events take 1 to 6 s on a shared 2-core machine: a pass must not depend on that.
  }, 60_000);

  const cents = fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100);
  const product = fc.record({ productId: fc.string({ minLength: 1, maxLength: 8 }), price: cents, quantity: fc.integer({ min: 1, max: 20 }) });

  it('Order Completed books revenue exactly once: on the order, or on each product with trackRevenuePerProduct', () => {
    fc.assert(
      fc.property(cents, fc.array(product, { maxLength: 6 }), fc.boolean(), (revenue, products, perProduct) => {
        const event = segmentEvent({ type: 'track', event: 'Order Completed', properties: { order_id: 'o1', revenue, products } });
        const ops = translateActions(event, normalizeActionsSettings({ trackRevenuePerProduct: perProduct }).settings);
        const booked = ops.filter((o) => o.op === 'event' && o.event.revenue !== undefined).map((o) => (o as { event: AmplitudeEvent }).event);
        const total = booked.reduce((sum, e) => sum + (e.revenue ?? 0), 0);
        if (perProduct && products.length > 0) {
          expect(booked.map((e) => e.event_type)).toEqual(products.map(() => 'Product Purchased'));
          expect(total).toBeCloseTo(
            products.reduce((sum, p) => sum + p.price * p.quantity, 0),
            4,
          );
        } else {
          expect(booked.map((e) => e.event_type)).toEqual(['Order Completed']);
          expect(total).toBeCloseTo(revenue, 6);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
