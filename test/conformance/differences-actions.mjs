// Amplitude (Actions): the deliberate differences from Segment's own code (differences.mjs describes a row).
import { AMPLITUDE_OPERATIONS, same } from './canonical.mjs';

/** Segment's validator refusing a value: "Quantity must be an integer but it was a string." and the like. */
const TYPE_REFUSAL = /must be (a|an) \w+ but it was|must match format/;

const isDollarTrait = (key) => key.startsWith('$') && !AMPLITUDE_OPERATIONS.includes(key);

/**
 * A trait named `$…` on an identify: Segment's record has it at the top of user_properties, ours inside $set,
 * with the same value. The diff shows one of three ways, depending on how far the two objects agree.
 */
function dollarTraitMoved(diff, ctx) {
  const segment = ctx.segment[diff.index]?.user_properties ?? {};
  const ours = ctx.ours[diff.index]?.user_properties?.$set ?? {};
  const parts = diff.field.split('.');
  if (ctx.segment[diff.index]?.kind !== 'identify' || parts[0] !== 'user_properties') return false;
  if (parts.length === 2 && isDollarTrait(parts[1])) return diff.ours === undefined && parts[1] in ours && same(ours[parts[1]], diff.segment);
  if (parts.length === 3 && parts[1] === '$set' && isDollarTrait(parts[2]))
    return diff.segment === undefined && parts[2] in segment && same(segment[parts[2]], diff.ours);
  if (parts.length === 2 && parts[1] === '$set' && diff.segment === undefined) {
    return Object.keys(diff.ours ?? {}).every((key) => isDollarTrait(key) && key in segment && same(segment[key], diff.ours[key]));
  }
  return false;
}

export const ACTIONS_DIFFERENCES = [
  {
    id: 'actions-dollar-trait-stored',
    mode: 'actions',
    what:
      "A trait whose name starts with `$` (`identify({$plan: 'pro'})`): Segment's identify sends the traits at the top of user_properties, where Amplitude " +
      'reads a `$` key as an operation and stores no property; the shim sends every trait inside `$set`, so it is stored under its name.',
    why: 'The trait is data the page gave; Segment loses it to a naming accident.',
    test: 'test/unit/actions-translate.test.ts › identify: traits plus UTM and referrer as $set/$setOnce; the conformance run',
    matches: dollarTraitMoved,
  },
  {
    id: 'actions-uncoercible-value-keeps-event',
    mode: 'actions',
    what:
      'A preset field whose value Segment cannot coerce to its type (a quantity of 2.5, a price that is an array, a product that is not an object): ' +
      "Segment's destination refuses the whole event (and its Product Purchased events); the shim sends it, with that value as given.",
    why: 'Segment loses the event, a page view or an order, over one malformed property; the value itself stays visible in event_properties.',
    test: 'test/unit/actions-payload-schema.test.ts; the conformance run (test/conformance/actions.conformance.test.ts)',
    matches: (diff, ctx) =>
      diff.field === '(record)' &&
      diff.segment === undefined &&
      diff.ours !== undefined &&
      ctx.segment.length === 0 &&
      ctx.refusals.length > 0 &&
      ctx.refusals.every((message) => TYPE_REFUSAL.test(message)),
  },
  {
    id: 'actions-empty-device-id-is-anonymous-id',
    mode: 'actions',
    what: "An empty context.device.id: Segment's preset maps it, drops it as empty and sends no device_id; the shim sends the anonymousId, as when there is no context.device.id.",
    why: 'Without a device_id an anonymous event is rejected by Amplitude, and an identified one loses its link to the device.',
    test: 'test/unit/actions-payload-schema.test.ts › an empty context.device.id sends no device_id',
    matches: (diff, ctx) =>
      diff.field === 'device_id' && diff.segment === undefined && diff.ours === ctx.event.anonymousId && ctx.event.context?.device?.id === '',
  },
  {
    id: 'actions-user-mapping-needs-two-ids',
    mode: 'actions',
    what:
      'An alias whose Alias Calls mapping gives no user ID on one side, or the same ID on both: Segment posts that user mapping ' +
      '(one Amplitude refuses, or one that maps a user to itself); the shim sends none.',
    why: 'Neither is a mapping between two users; nothing changes at Amplitude either way.',
    test: 'test/unit/exact-vectors.test.ts › alias: a missing side maps nothing; test/unit/analytics.test.ts (alias)',
    matches: (diff) =>
      diff.field === '(record)' &&
      diff.ours === undefined &&
      diff.segment?.kind === 'user mapping' &&
      (!diff.segment.user_id || !diff.segment.global_user_id || diff.segment.user_id === diff.segment.global_user_id),
  },
  {
    id: 'actions-track-without-name-refused',
    mode: 'actions',
    what:
      "track() with an empty event name: the shim refuses the call with a console warning and makes no event; analytics-next sends it, and Segment's " +
      'destination drops it for want of an event name, unless the site mapped event_type to something that does not need the name.',
    why: 'A track without a name is a bug in the page, and the warning says where; with the default presets nothing is sent either way.',
    test: 'test/unit/analytics.test.ts (analytics.track(): the event name is missing)',
    matches: (diff, ctx) =>
      diff.field === '(refused by the shim)' &&
      ctx.call.method === 'track' &&
      (typeof ctx.call.args[0] !== 'string' || ctx.call.args[0] === '') &&
      /event name is missing/.test(diff.ours),
  },
];
