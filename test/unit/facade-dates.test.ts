// ISO-8601 date strings as Segment's classic stack sent them: its facade (strict mode) made Dates of
// them anywhere in the message, and amplitude-js sent those as full timestamps.
import { describe, expect, it } from 'vitest';
import { facadeTimestamp, withFacadeDates } from '../../src/core/facade-dates';
import { translate } from '../../src/modes/classic/translate';
import { segmentEvent, settingsWith } from './helpers';

describe('facadeTimestamp', () => {
  it.each([
    ['2021-03-04', 0, '2021-03-04T00:00:00.000Z'],
    ['2021-03-04T05:06:07Z', 0, '2021-03-04T05:06:07.000Z'],
    ['2021-03-04T05:06:07.5+02:00', 0, '2021-03-04T03:06:07.500Z'],
    ['2021-03-04T05:06:07.123456Z', 0, '2021-03-04T05:06:07.123Z'],
    ['2021-03-04T05:06:07,25Z', 0, '2021-03-04T05:06:07.250Z'],
    ['2021-03-04T05:06', 0, '2021-03-04T05:06:00.000Z'],
    ['2021-03-04T0506-0130', 0, '2021-03-04T06:36:00.000Z'],
    ['2021-03-04 05:06:07', 60, '2021-03-04T06:06:07.000Z'],
    ['2021-03-04 05:06:07+05:00', 0, '2021-03-04T05:06:07.000Z'], // a space meant local time; the zone was ignored
    ['2021-13-45', 0, '2022-02-14T00:00:00.000Z'], // out-of-range fields rolled over
  ])('%s (local offset %i) -> %s', (input, offset, expected) => {
    expect(facadeTimestamp(input, offset)).toBe(expected);
  });

  it.each(['2021', '2021-03', '20210304', '2021-03-04x', '2021-03-04T25', 'March 4, 2021', '', ' 2021-03-04', '2021-03-04T05:06:07ZZ'])(
    '%j is left as typed',
    (input) => {
      expect(facadeTimestamp(input, 0)).toBeUndefined();
    },
  );

  it('withFacadeDates converts at any depth, in arrays too, and leaves everything else alone', () => {
    const input = { a: ['2021-03-04', { b: '2021-03-04T01:02:03Z' }], n: 5, s: 'x', t: true, z: null };
    expect(withFacadeDates(input, 0)).toEqual({ a: ['2021-03-04T00:00:00.000Z', { b: '2021-03-04T01:02:03.000Z' }], n: 5, s: 'x', t: true, z: null });
    expect(input.a[0]).toBe('2021-03-04'); // a copy
  });
});

describe('where the classic stack converted them', () => {
  it('event properties of a track', () => {
    const ops = translate({
      event: segmentEvent({ type: 'track', event: 'Booked', properties: { day: '2021-03-04', label: 'x' } }),
      settings: settingsWith(),
      referrer: '',
    });
    expect(ops[0]).toMatchObject({ op: 'event', event: { event_type: 'Booked', event_properties: { day: '2021-03-04T00:00:00.000Z', label: 'x' } } });
  });

  it('traits of an identify, in $set', () => {
    const ops = translate({
      event: segmentEvent({ type: 'identify', userId: 'u1', traits: { signedUp: '2021-03-04T05:06:07Z' } }),
      settings: settingsWith(),
      referrer: '',
    });
    const identify = ops.find((op) => op.op === 'event' && op.event.event_type === '$identify');
    expect(identify).toMatchObject({ event: { user_properties: { $set: { signedUp: '2021-03-04T05:06:07.000Z' } } } });
  });
});
