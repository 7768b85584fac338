// The facade lookups Classic settings name fields with (traitsToIncrementFields, appendFieldsToEventProps,
// groupTypeTrait…): obj-case matching and the accessor each path starts with.
import { describe, expect, it } from 'vitest';
import { lookupField, objCaseGet } from '../../src/core/facade';
import { segmentEvent } from './helpers';

describe('objCaseGet', () => {
  it.each<[string, unknown, string, unknown]>([
    ['an exact key', { firstName: 'A' }, 'firstName', 'A'],
    ['another spelling of the key', { first_name: 'A' }, 'First Name', 'A'],
    ['the exact key wins over an earlier key that only matches by obj-case', { first_name: 'snake', firstName: 'camel' }, 'firstName', 'camel'],
    ['no match', { a: 1 }, 'b', undefined],
    ['null', null, 'a', undefined],
    ['undefined', undefined, 'a', undefined],
    ['a string is not an object: its length is not a field', 'abc', 'length', undefined],
    ['a number is not an object', 42, 'toFixed', undefined],
  ])('%s', (_label, obj, key, expected) => {
    expect(objCaseGet(obj, key)).toBe(expected);
  });
});

describe('lookupField', () => {
  const track = segmentEvent(
    { type: 'track', event: 'Viewed', properties: { plan: { Name: 'pro' }, title: 'abc' } },
    { traits: { email: 'ctx@example.com' }, context: { app: { version: '1.2' } } },
  );
  const identify = segmentEvent({ type: 'identify', userId: 'u1', traits: { email: 'own@example.com' } }, { traits: { email: 'ctx@example.com' } });

  it.each<[string, ReturnType<typeof segmentEvent>, string, unknown]>([
    ['properties.*', track, 'properties.plan.name', 'pro'],
    ['context.*', track, 'context.app.version', '1.2'],
    ['options.* reads the context too', track, 'options.app.version', '1.2'],
    ['traits.* on a track reads context.traits', track, 'traits.email', 'ctx@example.com'],
    ["traits.* on an identify reads the event's own traits", identify, 'traits.email', 'own@example.com'],
    ['a top-level field, obj-case', track, 'Event', 'Viewed'],
    ['a path through a string stops there', track, 'properties.title.length', undefined],
    ['a missing path', track, 'properties.plan.missing.deeper', undefined],
  ])('%s', (_label, event, path, expected) => {
    expect(lookupField(event, path)).toBe(expected);
  });
});
