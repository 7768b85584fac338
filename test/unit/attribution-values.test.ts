// Which campaign values the classic attribution capture keeps: empty values are absent (amplitude-js
// 5.2.2 never sent an empty initial_*), refused values leave nothing behind but a warning, and the
// __utmz cookie is read part by part.
import { describe, expect, it } from 'vitest';
import { attribution, utmValues, type AttributionInput } from '../../src/modes/classic/attribution';
import { settingsWith } from './helpers';

type Overrides = Partial<Omit<AttributionInput, 'settings'>> & { settings?: Partial<AttributionInput['settings']> };
const input = (overrides: Overrides): AttributionInput => ({
  query: {},
  referrer: '',
  isNewSession: true,
  ...overrides,
  settings: { ...settingsWith(), ...(overrides.settings ?? {}) },
});
const identify = (setOnce: Record<string, string>, set: Record<string, string>) => ({
  op: 'event',
  event: { event_type: '$identify', user_properties: { $setOnce: setOnce, $set: set } },
});
const onlyGclid = { trackGclid: true, trackUtmProperties: false };

describe('empty values are absent', () => {
  it.each<[string, Overrides, unknown[]]>([
    ['an empty gclid', { query: { gclid: '' }, settings: onlyGclid }, []],
    ['an empty utmz field', { utmz: 'utmcsr=|utmcmd=organic' }, [identify({ initial_utm_medium: 'organic' }, { utm_medium: 'organic' })]],
    ['a utmz of empty fields only', { utmz: 'utmcsr=|utmccn=' }, []],
  ])('%s', (_label, overrides, expected) => {
    expect(attribution(input(overrides))).toStrictEqual({ operations: expected, warnings: [] });
  });
});

describe('refused values', () => {
  it.each<[string, Overrides, string]>([
    ['markup in gclid', { query: { gclid: '<script>x</script>' }, settings: onlyGclid }, 'gclid'],
    ['a control character in utm_source', { query: { utm_source: 'a\u0001b' } }, 'utm_source'],
    ['a 513-character utm_campaign from the cookie', { utmz: `utmccn=${'c'.repeat(513)}` }, 'utm_campaign'],
  ])('%s: no operation, one warning naming the key', (_label, overrides, key) => {
    expect(attribution(input(overrides))).toStrictEqual({
      operations: [],
      warnings: [`${key} was ignored: longer than 512 characters, or markup or control characters`],
    });
  });
  it('a refused value does not take its accepted neighbours with it', () => {
    expect(attribution(input({ query: { utm_source: 'ok', utm_medium: '<b>' } }))).toStrictEqual({
      operations: [identify({ initial_utm_source: 'ok' }, { utm_source: 'ok' })],
      warnings: ['utm_medium was ignored: longer than 512 characters, or markup or control characters'],
    });
  });
});

describe('useAmplitudeReferral', () => {
  it('off: a referrer is not captured', () => {
    expect(attribution(input({ referrer: 'https://www.google.com/', settings: { useAmplitudeReferral: false } })).operations).toEqual([]);
  });
  it('on, with no referrer: nothing', () => {
    expect(attribution(input({ referrer: '', settings: { useAmplitudeReferral: true } })).operations).toEqual([]);
  });
});

describe('utmValues: URL first, then the __utmz cookie, key by key', () => {
  it.each<[string, Record<string, string>, string | undefined, Record<string, string | undefined>]>([
    [
      'a real __utmz value (domain hash, timestamps, then the fields)',
      {},
      '173272373.1700000000.1.1.utmcsr=google|utmccn=(organic)|utmcmd=organic|utmctr=shoes',
      { utm_source: 'google', utm_medium: 'organic', utm_campaign: '(organic)', utm_term: 'shoes', utm_content: undefined },
    ],
    [
      'parts that are not utm fields are skipped',
      {},
      'garbage|utmcsr=google|=x|utmgclid=abc',
      { utm_source: 'google', utm_medium: undefined, utm_campaign: undefined, utm_term: undefined, utm_content: undefined },
    ],
    [
      'the URL wins for the keys it has; the cookie fills the rest',
      { utm_source: 'newsletter' },
      'utmcsr=google|utmcmd=organic',
      { utm_source: 'newsletter', utm_medium: 'organic', utm_campaign: undefined, utm_term: undefined, utm_content: undefined },
    ],
  ])('%s', (_label, query, utmz, expected) => {
    expect(utmValues(query, utmz)).toEqual(expected);
  });
});
