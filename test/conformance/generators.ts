// fast-check generators for conformance sequences: calls, names and values chosen for the places where two
// implementations of the same rules tend to part (coercion, emptiness, nesting, size, exotic objects).
// Values are produced already encoded (sequence.mjs), so a counterexample prints as plain data.
import fc from 'fast-check';
import type { Call, Sequence } from './types';

const LONG = [255, 1024, 4097, 5000];

/** Event, page and trait names: ordinary ones, empty, whitespace, unicode, and the one that books revenue. */
export const nameArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Signed Up', 'Order Completed', 'Product Viewed', 'Home', 'Pricing') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '  Order Completed ', 'order completed', 'Überweisung ✓', '注文完了', '🎉', '$identify') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) },
);

const numericStringArb = fc.constantFrom('25.00', '-1', '2', '0', '1e3', ' 3 ', '0x10', '12abc', '', '007');
const dateArb = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ $date: d.toISOString() }));
const dateStringArb = fc.constantFrom('2021-03-04', '2021-03-04T05:06:07Z', '2021-03-04 05:06:07', '04/03/2021', '2021-13-45');

const scalarArb = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  numericStringArb,
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  dateArb,
  dateStringArb,
  fc.constantFrom(...LONG).map((n) => 'x'.repeat(n)),
  fc.constantFrom({ $error: 'boom' }, { $undefined: true }, { $number: 'NaN' }, { $number: 'Infinity' }, { $number: '-0' }),
);

const keyArb = fc.oneof(
  fc.constantFrom('plan', 'email', 'name', 'age', 'id', 'revenue', 'price', 'quantity', 'company', ''),
  fc.string({ minLength: 1, maxLength: 6 }),
);

/** Property and trait values, nested up to two levels, occasionally very wide. */
export const valueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
})).value;

const wideObjectArb = fc.integer({ min: 50, max: 300 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));

export const propertiesArb = fc.oneof({ weight: 6, arbitrary: fc.dictionary(keyArb, valueArb, { maxKeys: 5 }) }, { weight: 1, arbitrary: wideObjectArb });

/** Money as sites send it: mostly cents-exact amounts (refunds negative), sometimes text, null or any double. */
const amountArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -10000, max: 100000 }).map((cents) => cents / 100) },
  { weight: 1, arbitrary: numericStringArb },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.double({ min: -100, max: 1000, noNaN: true, noDefaultInfinity: true }) },
);
/** Quantities: whole numbers, refunds (negative) included, sometimes text or a fraction (which Segment refuses). */
const quantityArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('2', '-1', '1.5', 2.5, '') },
  { weight: 1, arbitrary: fc.constant(null) },
);

const productArb = fc.record(
  {
    productId: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
    price: amountArb,
    quantity: quantityArb,
    revenue: amountArb,
    revenueType: fc.constantFrom('Purchase', 'Refund', ''),
    name: fc.string({ maxLength: 6 }),
  },
  { requiredKeys: [] },
);

/** Order Completed and other revenue-bearing properties. */
export const revenuePropertiesArb = fc.record(
  {
    revenue: amountArb,
    price: amountArb,
    quantity: quantityArb,
    total: amountArb,
    productId: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
    revenueType: fc.constantFrom('Purchase', 'Refund', '', 'refund'),
    products: fc.array(productArb, { maxLength: 3 }),
    currency: fc.constantFrom('USD', 'EUR'),
  },
  { requiredKeys: [] },
);

const campaignArb = fc.record(
  {
    source: fc.string({ maxLength: 5 }),
    medium: fc.constantFrom('cpc', ''),
    name: fc.string({ maxLength: 5 }),
    term: fc.string({ maxLength: 3 }),
    content: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const contextArb = fc.record(
  {
    campaign: campaignArb,
    page: fc.record({ referrer: fc.constantFrom('', 'https://ref.example/path', 'not a url') }, { requiredKeys: [] }),
    device: fc.record({ id: fc.constantFrom('device-from-context', '', 'dev') }, { requiredKeys: [] }),
    app: fc.record({ version: fc.constantFrom('1.2.3', '', 'v2') }, { requiredKeys: [] }),
    traits: fc.dictionary(keyArb, valueArb, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

const integrationsArb = fc.constantFrom(
  { All: false },
  { 'Actions Amplitude': false },
  { All: false, 'Actions Amplitude': true },
  { 'Actions Amplitude': { session_id: '1700000000000' } },
  { Amplitude: false },
  // Classic's per-call groups (amplitude-js setGroup), a numeric value among them.
  { Amplitude: { groups: { company: 42 } } },
  { Amplitude: { groups: { team: 'blue' } } },
);

/** Per-call options: context overrides, routing, timestamps, anonymousId. */
export const optionsArb = fc.record(
  {
    context: contextArb,
    integrations: integrationsArb,
    timestamp: fc.oneof(dateArb, dateStringArb),
    anonymousId: fc.constantFrom('anon-from-options', '', 'a1'),
  },
  { requiredKeys: [] },
);

/**
 * Group traits that name a group type and value (Classic's groupTypeTrait 'type', groupValueTrait 'name' or
 * 'n'), the value sometimes a number: random keys would almost never hit those names.
 */
const groupTraitsArb = fc.record(
  {
    type: fc.constantFrom('company', 'team', ''),
    name: fc.oneof(fc.constantFrom('Acme', ''), fc.integer({ min: -5, max: 500 })),
    n: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom('7', 'n-1')),
    plan: valueArb,
  },
  { requiredKeys: [] },
);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
/** Trailing undefined arguments are left off, as a site would write the call. */
const args = (...list: unknown[]) => {
  const out = [...list];
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out.map((a) => (a === undefined ? { $undefined: true } : a));
};

const userIdArb = fc.oneof(fc.constantFrom('user-1', 'user-2', 'u', '42', ''), fc.integer({ min: 0, max: 99 }), fc.constant(null));

export const callArb: fc.Arbitrary<Call> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(nameArb, maybe(fc.oneof(propertiesArb, revenuePropertiesArb)), maybe(optionsArb))
      .map(([n, p, o]) => ({ method: 'track' as const, args: args(n, p, o) })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(revenuePropertiesArb, maybe(optionsArb)).map(([p, o]) => ({ method: 'track' as const, args: args('Order Completed', p, o) })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(maybe(userIdArb), maybe(propertiesArb), maybe(optionsArb)).map(([u, t, o]) => ({ method: 'identify' as const, args: args(u, t, o) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(maybe(nameArb), maybe(nameArb), maybe(propertiesArb), maybe(optionsArb))
      .map(([c, n, p, o]) => ({ method: 'page' as const, args: args(c, n, p, o) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom('g-1', 'acme', ''), fc.integer({ min: 0, max: 9 })), maybe(fc.oneof(propertiesArb, groupTraitsArb)), maybe(optionsArb))
      .map(([g, t, o]) => ({ method: 'group' as const, args: args(g, t, o) })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(userIdArb, maybe(userIdArb), maybe(optionsArb)).map(([to, from, o]) => ({ method: 'alias' as const, args: args(to, from, o) })),
  },
  { weight: 1, arbitrary: fc.constant({ method: 'reset' as const, args: [] }) },
);

const pathArb = fc.constantFrom('$.groupId', '$.traits.n', '$.traits.plan', '$.properties.plan', '$.context.traits.crm', '$.name', '$.missing');

/** The destination settings: the revenue switch and the field mappings a site may have customized. */
export const actionsSettingsArb = fc.record(
  {
    trackRevenuePerProduct: fc.boolean(),
    mappings: fc.record(
      {
        'Group Calls': fc.record({ group_type: fc.constantFrom('company', 'org', ''), group_value: pathArb.map((p) => ({ '@path': p })) }),
        'Alias Calls': fc.oneof(fc.constant({}), fc.constant({ global_user_id: { '@path': '$.context.traits.crm' } })),
        'Track Calls': fc.oneof(
          fc.constant({ event_type: { '@template': 'Track {{event}}' } }),
          fc.constant({ user_properties: { '@path': '$.properties' } }),
          fc.constant({ groups: { company: { '@path': '$.context.groupId' } } }),
          fc.constant({ add: { logins: 1 } }),
        ),
        'Identify Calls': fc.oneof(fc.constant({ user_properties: { '@path': '$.context.traits' } }), fc.constant({ user_id: { '@path': '$.anonymousId' } })),
        'Page Calls': fc.constant({
          event_type: { '@if': { exists: { '@path': '$.name' }, then: { '@template': 'Viewed {{name}}' }, else: 'Viewed a page' } },
        }),
        'Order Completed Calls': fc.oneof(fc.constant({ revenue: { '@path': '$.properties.total' } }), fc.constant({ trackRevenuePerProduct: true })),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const pageArb = fc.record({
  url: fc.constantFrom(
    'https://shop.example/checkout',
    'https://shop.example/landing?utm_source=news&utm_medium=email&utm_campaign=spring',
    'https://shop.example/?utm_source=&utm_term=t',
  ),
  referrer: fc.constantFrom('', 'https://ref.example/path'),
  title: fc.constantFrom('Checkout', ''),
});

/**
 * Every sequence starts on the next 1 January (UTC): fixed for a year, so a seed gives the same calls, and
 * never in the past, where a browser would expire the one-year cookies Segment writes as it writes them.
 */
const START_TIME = Date.UTC(new Date().getUTCFullYear() + 1, 0, 1);

export function sequenceArb(mode: Sequence['mode'], settingsArb: fc.Arbitrary<Sequence['settings']>, maxCalls: number): fc.Arbitrary<Sequence> {
  return fc
    .record({
      settings: settingsArb,
      page: pageArb,
      calls: fc.array(callArb, { minLength: 1, maxLength: maxCalls }),
      anonymousId: fc.constantFrom('anon-0001-abcdef', 'anon-0002'),
    })
    .map((s) => ({ id: '', mode, startTime: START_TIME, ...s }));
}

/** Classic destination settings, by Segment's Classic names (src/modes/classic/settings.ts). */
export const classicSettingsArb = fc.record(
  {
    trackAllPages: fc.boolean(),
    trackNamedPages: fc.boolean(),
    trackCategorizedPages: fc.boolean(),
    trackUtmProperties: fc.boolean(),
    trackReferrer: fc.boolean(),
    useLogRevenueV2: fc.boolean(),
    trackRevenuePerProduct: fc.boolean(),
    trackProductsOnce: fc.boolean(),
    preferAnonymousIdForDeviceId: fc.boolean(),
    traitsToIncrement: fc.constantFrom([], ['logins'], ['age']),
    traitsToSetOnce: fc.constantFrom([], ['plan'], ['email']),
    groupTypeTrait: fc.constantFrom('', 'type'),
    groupValueTrait: fc.constantFrom('', 'name', 'n'),
  },
  { requiredKeys: [] },
);
